/* util.h — small shared tools: an arena allocator (the document is the arena), a growable
 * byte buffer, checked allocation, and UTF-8 decoding. Nothing here knows about forms. */
#ifndef HY_UTIL_H
#define HY_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

/* Allocation failure is the one error we do not return as a value: there is no sensible
 * recovery inside a batch worker, so hy_xmalloc() and the others end the process through
 * hy_die_oom(): `NAME: error: out of memory: …` on stderr, exit status HY_EXIT_OOM (2, as for
 * any input hyoka refuses; a batch reports the document as out of memory), no core dump. */
#define HY_EXIT_OOM 2
void hy_die_oom(void) __attribute__((noreturn));
/* Names the input being processed in that message: `name` is printed as given (pass it
 * escaped, hy_diag_escape) and borrowed until the next call; NULL: "hyoka". */
void hy_oom_context(const char *name);
/* After a library call failed without saying why (HarfBuzz's subsetter, fontconfig): if the
 * process cannot get HY_OOM_PROBE_BYTES now, the failure was for want of memory, and this
 * ends the process as hy_die_oom() does; otherwise it returns and the caller reports it. */
#define HY_OOM_PROBE_BYTES (16u << 20)
void hy_oom_probe(void);
void *hy_xmalloc(size_t n);
void *hy_xcalloc(size_t count, size_t size);
void *hy_xrealloc(void *p, size_t count, size_t size);
char *hy_xstrdup(const char *s);
/* printf into a new string (caller frees). */
char *hy_xvasprintf(const char *fmt, va_list ap);
char *hy_xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* The default output name of a document: IN.yaml or IN.yml -> IN.pdf beside it; any other name
 * gets .pdf appended. A new string (caller frees). */
char *hy_pdf_name_copy(const char *in);

/* Arena: everything allocated from it is freed by one hy_arena_free(). */
typedef struct hy_arena_block hy_arena_block;
typedef struct { hy_arena_block *head; size_t total; } hy_arena;
void *hy_arena_alloc(hy_arena *a, size_t n);             /* zeroed, 8-byte aligned */
char *hy_arena_strdup(hy_arena *a, const char *s);
char *hy_arena_strndup(hy_arena *a, const char *s, size_t n);
char *hy_arena_printf(hy_arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void hy_arena_free(hy_arena *a);

/* Growable byte buffer, always NUL-terminated. */
typedef struct { char *data; size_t len, cap; } hy_buf;
void hy_buf_add(hy_buf *b, const void *p, size_t n);
void hy_buf_puts(hy_buf *b, const char *s);
void hy_buf_printf(hy_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void hy_buf_free(hy_buf *b);

/* Growable array of pointers. */
typedef struct { void **items; size_t n, cap; } hy_vec;
void hy_vec_push(hy_vec *v, void *p);
void hy_vec_free(hy_vec *v);

/* Decodes one UTF-8 sequence at s[0..n); stores the code point and returns its length, or 0
 * if the bytes are not valid UTF-8 (overlong, surrogate, > U+10FFFF, truncated). */
size_t hy_utf8_decode(const char *s, size_t n, uint32_t *cp);
/* Encodes cp into out (at least 4 bytes); returns the length. */
size_t hy_utf8_encode(uint32_t cp, char *out);
/* Encodes cp as UTF-16 code units (a surrogate pair above U+FFFF); returns 1 or 2. */
int hy_utf16_encode(uint32_t cp, uint16_t out[2]);
/* Decodes a whole valid UTF-8 string into a new array of code points; *count gets the length. */
uint32_t *hy_utf8_to_cps(const char *s, size_t *count);
/* Levenshtein distance of two UTF-8 strings, counted in code points (for "did you mean");
 * 99 when either is longer than 64 code points. */
size_t hy_utf8_distance(const char *a, const char *b);

#endif
