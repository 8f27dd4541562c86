/* yaml_load.h — reads a YAML file into a tree whose every node keeps its line and column.
 * Only this module includes <yaml.h>. The tree lives in the document's arena.
 *
 * Refused with a located error (line and column 1-based, the column counted in characters):
 * syntax errors; invalid UTF-8, NUL and control characters (also when written as escapes in
 * double quotes); aliases (a document never needs them and they allow "billion laughs"),
 * anchors and tags (they would silently swallow the start of an unquoted text such as
 * "&A 株式会社"); duplicate keys; non-scalar keys; more than one document; and the limits below.
 * A UTF-8 byte order mark at the start is accepted and not counted in columns.
 * Before libyaml reads the text, the traps of yaml_traps.h are looked for; a certain one is an
 * error at its own position. Text is stored as the writer meant it: in NFC, and with wrapped
 * Japanese lines joined without a space (yaml_scalar.h). */
#ifndef HY_YAML_LOAD_H
#define HY_YAML_LOAD_H

#include "diag.h"
#include "util.h"
#include "yaml_traps.h"

#include <stdbool.h>

/* Limits (documented in the README). A real assessment is about 100 KB, 3 000 nodes, depth 8. */
#define YL_MAX_INPUT_BYTES (8u << 20)  /* 8 MiB per input file */
#define YL_MAX_DEPTH 64                /* nesting of mappings and sequences */
#define YL_MAX_NODES 500000

typedef enum { YL_SCALAR, YL_MAP, YL_SEQ } yl_kind;

typedef struct yl_node yl_node;
struct yl_node {
    yl_kind kind;
    int line, col;          /* 1-based position of the node's first character */
    const char *str;        /* scalar text (NUL-terminated; may contain no NUL) */
    size_t len;
    bool plain;             /* scalar written without quotes or block style */
    size_t n;               /* number of items (SEQ) or pairs (MAP) */
    yl_node **items;        /* SEQ: items; MAP: keys */
    yl_node **vals;         /* MAP: values */
};

typedef struct yl_doc {
    hy_arena arena;
    yl_node *root;          /* NULL for an empty file */
    char *file;             /* name used in messages */
    yt_traps suspects;      /* possible YAML traps (yaml_traps.h), judged once the form's keys
                               are known (hy_canon) */
} yl_doc;

/* The name standard input has in messages; a path "-" means standard input. */
#define YL_STDIN_NAME "<stdin>"

/* Appends the whole file (path "-": standard input, which stays open) to buf, refusing more
 * than YL_MAX_INPUT_BYTES (infile.c). False with a diagnostic naming the file on any failure. */
bool yl_read_file(const char *path, hy_buf *buf, hy_diags *d);
/* Reads (as yl_read_file) and parses a file. doc->file is set even on failure; yl_free it. */
bool yl_load_file(const char *path, yl_doc *doc, hy_diags *d);
/* The same, but only a regular file is read (a FIFO or a device is an error at once): for
 * configuration files, which must never block or stream without end. */
bool yl_load_regular(const char *path, yl_doc *doc, hy_diags *d);
bool yl_load_mem(const char *name, const char *data, size_t len, yl_doc *doc, hy_diags *d);
void yl_free(yl_doc *doc);

/* Value of `key` in a mapping, or NULL (also NULL when map is NULL or not a mapping). */
yl_node *yl_get(const yl_node *map, const char *key);
/* Index of `key` in a mapping, or -1. */
long yl_find(const yl_node *map, const char *key);
/* True for a scalar that is empty or the plain null (`~`, `null`). */
bool yl_is_null(const yl_node *n);
const char *yl_kind_name(yl_kind k);

#endif
