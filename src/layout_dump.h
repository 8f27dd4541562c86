/* layout_dump.h — the laid-out pages as JSON, for checks that read the pages rather than the
 * PDF's text (tests/pagecheck.py, through `hyoka layout`). Not a stable interface: it follows
 * hy_boxes. */
#ifndef HY_LAYOUT_DUMP_H
#define HY_LAYOUT_DUMP_H

#include "boxes.h"

/* Appends one JSON object (one line, ending in '\n') describing b to out:
 *   {"file": name, "pages": N, "height": pt,
 *    "marks": [{"title", "level", "page", "y"}],
 *    "rows": [{"row", "page", "y0", "y1", "kind": "body"|"keep"|"header", "continued",
 *              "continues", "mark": index or -1,
 *              "cells": [{"x", "w", "shaded", "label", "cont", "lines": [{"text", "x", "y", "start"}]}]}]}
 * Pages count from 0, lengths are pt from the page's top-left; "start" is "first", "wrapped" or
 * "split" (HY_LINE_*). */
void hy_layout_dump(const hy_boxes *b, const char *name, hy_buf *out);

#endif
