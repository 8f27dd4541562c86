/* schema_gen.h — a JSON Schema (draft-07) of a form's documents, generated from its loaded
 * layout (`hyoka schema KIND`), for editors: yaml-language-server (VS Code's YAML extension)
 * completes keys, options and checkbox items from it and marks wrong ones. Every key carries
 * the form's label (title) and where it sits in the form (description); choices and checkbox
 * items are enums of the form's own wording (and the layout's accepted variants); dates are a
 * pattern of the forms hyoka reads (date.h); unknown keys are refused (additionalProperties);
 * groups have their most entries (maxItems). hyoka itself accepts more than the schema lists:
 * full-width and half-width spellings of keys and options, Ⅰ–Ⅴ for I–V (docs/schema.md). */
#ifndef HY_SCHEMA_GEN_H
#define HY_SCHEMA_GEN_H

#include "layout_def.h"
#include "util.h"

/* Appends the schema of `form`'s documents to out (UTF-8 JSON, one object, 2-space indented). */
void hy_schema_write(const lay_form *form, hy_buf *out);

/* The JSON string literal of s (with quotes), appended to out. */
void hy_json_str(hy_buf *out, const char *s);

#endif
