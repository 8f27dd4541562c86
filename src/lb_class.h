/*
 * lb_class.h — the line-breaking properties of one code point, from the JLREQ character
 * classes (Appendix A) and UAX #14 for the controls (lb_class.c owns the tables). Used by the
 * line breaker (linebreak.c) only.
 */
#ifndef HY_LB_CLASS_H
#define HY_LB_CLASS_H

#include <stdbool.h>
#include <stdint.h>

/* ------------------------------------------------------------------------------------------
 * Properties of one code point. A code point may have several (’ is both a closing quote
 * and part of words like it’s). A code point with no property behaves like an ideograph
 * (JLREQ cl-19): a break is allowed on either side.
 */
enum {
    LBP_NO_START         = 1u << 0,  /* JLREQ 3.1.7: may not start a line, at every level */
    LBP_NO_START_VSTRICT = 1u << 1,  /* JLREQ 3.1.7: not at line start in "very strict" only */
    LBP_NO_END           = 1u << 2,  /* JLREQ 3.1.8: may not end a line (opening brackets) */
    LBP_WORD             = 1u << 3,  /* JLREQ 3.1.10, 3.2.6: part of an unbreakable Western token */
    LBP_DIGIT            = 1u << 4,  /* a European or full-width numeral (cl-12/cl-13 rules) */
    LBP_PREFIX           = 1u << 5,  /* cl-12 prefixed abbreviation: ¥ $ € … */
    LBP_POSTFIX          = 1u << 6,  /* cl-13 postfixed abbreviation: % ℃ ㎏ … */
    LBP_INSEP            = 1u << 7,  /* cl-08: no break between two identical ones */
    LBP_SPACE            = 1u << 8,  /* cl-14 / cl-26: break after, hangs at the line end */
    LBP_BREAK_AFTER      = 1u << 9,  /* TAB, ZWSP: break after, kept in the line */
    LBP_ATTACH           = 1u << 10, /* combining mark / variation selector: stays with its base */
    LBP_GLUE             = 1u << 11, /* NBSP, WORD JOINER, ZWJ: no break on either side */
    LBP_NEWLINE          = 1u << 12, /* U+000A: forced break, handled by lb_wrap */
    LBP_URL_SOFT         = 1u << 13, /* / - ? &: emergency split point in an over-long token */
    LBP_ITEM             = 1u << 14, /* circled / parenthesised number ①: stays with its item */
};

typedef uint16_t lb_props;

/* All line-breaking properties of code point cp (a set of LBP_* bits; 0 = behaves like an
 * ideograph, JLREQ cl-19). BMP answers are cached after the first look-up (thread-safe:
 * filling is idempotent). */
lb_props lbc_props(uint32_t cp);

/* +1 for a non-ASCII opening bracket (JLREQ cl-01), -1 for a closing one (cl-02), else 0. */
int lbc_bracket(uint32_t cp);

#endif
