/* diag.h — error values with locations. Every problem a person must fix is reported as
 * `file:line:col: error: message`. Modules append to an hy_diags list and return false;
 * main() prints the list. Nothing below main() prints or exits. */
#ifndef HY_DIAG_H
#define HY_DIAG_H

#include "msg.h"

#include <stdbool.h>
#include <stddef.h>

/* A text a tool wrote for the writer to replace (提出時期 and 理由 of `hyoka diff`'s rows);
 * `check` warns wherever one is left. */
#define HY_TODO "【要記入】"

typedef struct {
    char *file;     /* may be NULL for errors with no input position */
    int line, col;  /* 1-based; 0 = unknown */
    char *msg;
    bool warning;   /* a reminder that does not stop the document (hy_diag_warn) */
} hy_diag;

typedef struct {
    hy_diag *items;
    size_t n, cap;
    size_t max;     /* stop collecting after this many (0 = 50) */
} hy_diags;

void hy_diag_add(hy_diags *d, const char *file, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* A message of the catalogue (msg.h) in the current language, with its arguments (the
 * catalogue's conversions for `id`, in order). Every message a person reads goes through
 * these two; hy_diag_add and hy_diag_warn remain for texts composed of catalogue parts. */
void hy_diag_msg(hy_diags *d, const char *file, int line, int col, hy_msg_id id, ...);
void hy_diag_msg_warn(hy_diags *d, const char *file, int line, int col, hy_msg_id id, ...);
/* `s` made safe to print on one line of a terminal or a log (a new string, caller frees):
 * control characters (C0, DEL, C1), line and paragraph separators, and the bidirectional
 * controls that reorder a line on screen become `\n`, `\t`, `\xHH` or `\uHHHH`; bytes that are
 * not UTF-8 become `\xHH`. So a file name or a quoted text cannot break a message in two or
 * forge an `error:` line. Every printed diagnostic goes through it (file and message). */
char *hy_diag_escape(const char *s);
/* The same as hy_diag_add for a warning: printed, but the document still renders (the caller's status does
 * not count it; hy_diags_errors does not either). */
void hy_diag_warn(hy_diags *d, const char *file, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* Turns every warning into an error (--strict); returns how many there were. */
size_t hy_diags_promote(hy_diags *d);
/* Number of diagnostics that are errors. */
size_t hy_diags_errors(const hy_diags *d);
/* Writes every diagnostic as `file:line:col: error: msg\n` (or `warning:`) to the stream (a FILE *). */
void hy_diags_print(const hy_diags *d, void *stream);
void hy_diags_free(hy_diags *d);
/* Drops the diagnostics after the first n (those of an attempt that is redone). */
void hy_diags_truncate(hy_diags *d, size_t n);

#endif
