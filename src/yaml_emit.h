/* yaml_emit.h — writes texts as YAML scalars that yaml_load.c reads back as the same strings,
 * in the form a writer would type them: plain when nothing in the text means something to YAML,
 * a literal block (|) for several lines, double quotes with escapes otherwise (YAML 1.1,
 * chapter 4.6 scalar styles). Owns only the writing of scalars; callers write keys and dashes. */
#ifndef HY_YAML_EMIT_H
#define HY_YAML_EMIT_H

#include "util.h"

/* Appends `s` (valid UTF-8) as the value of a key or sequence item whose own line is indented
 * by `indent` spaces: the caller has written "key:" or "- " and this writes " value\n" (a
 * literal block's lines are indented by indent + 2). */
void ye_scalar(hy_buf *out, const char *s, int indent);

/* Appends s as a double-quoted scalar (no newline). */
void ye_quoted(hy_buf *out, const char *s);

#endif
