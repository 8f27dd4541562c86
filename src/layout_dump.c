/* layout_dump.c — hy_boxes → JSON (see layout_dump.h). */
#include "layout_dump.h"

#include <stdio.h>

/* A JSON string: quotes, backslashes and control characters escaped; UTF-8 passes through. */
static void json_string(hy_buf *out, const char *s)
{
    hy_buf_add(out, "\"", 1);
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
        if (*p == '"' || *p == '\\') {
            char esc[2] = {'\\', (char)*p};
            hy_buf_add(out, esc, 2);
        } else if (*p < 0x20) {
            hy_buf_printf(out, "\\u%04x", *p);
        } else {
            hy_buf_add(out, p, 1);
        }
    }
    hy_buf_add(out, "\"", 1);
}

static void dump_line(hy_buf *out, const hy_boxes *b, size_t page, const hy_linebox *l)
{
    static const char *const starts[] = {"first", "wrapped", "split"};
    const hy_page *pg = &b->pages[page];
    hy_buf text = {0};
    for (size_t t = l->text; t < l->text + l->n_texts && t < pg->n_texts; t++)
        hy_buf_puts(&text, pg->texts[t].utf8);
    const hy_textbox *first = l->text < pg->n_texts ? &pg->texts[l->text] : NULL;
    hy_buf_puts(out, "{\"text\":");
    json_string(out, text.data);
    hy_buf_printf(out, ",\"x\":%.2f,\"y\":%.2f,\"start\":\"%s\"}", first ? first->x : 0, first ? first->y : 0,
                  l->start >= 0 && l->start <= 2 ? starts[l->start] : "first");
    hy_buf_free(&text);
}

static void dump_row(hy_buf *out, const hy_boxes *b, const hy_rowbox *r)
{
    static const char *const kinds[] = {"body", "keep", "header"};
    hy_buf_printf(out, "{\"row\":%zu,\"page\":%zu,\"y0\":%.2f,\"y1\":%.2f,\"kind\":\"%s\",\"continued\":%s,"
                  "\"continues\":%s,\"mark\":%ld,\"cells\":[",
                  r->row, r->page, r->y0, r->y1, r->kind >= 0 && r->kind <= 2 ? kinds[r->kind] : "body",
                  r->continued ? "true" : "false", r->continues ? "true" : "false", r->mark);
    for (size_t c = r->cell; c < r->cell + r->n_cells && c < b->n_cells; c++) {
        const hy_cellbox *cb = &b->cells[c];
        hy_buf_printf(out, "%s{\"x\":%.2f,\"w\":%.2f,\"shaded\":%s,\"label\":%s,\"cont\":%s,\"lines\":[", c > r->cell ? "," : "",
                      cb->x, cb->w, cb->gray < 1 ? "true" : "false", cb->label ? "true" : "false", cb->shows_cont ? "true" : "false");
        for (size_t l = cb->line; l < cb->line + cb->n_lines && l < b->n_lines; l++) {
            if (l > cb->line) hy_buf_add(out, ",", 1);
            dump_line(out, b, r->page, &b->lines[l]);
        }
        hy_buf_puts(out, "]}");
    }
    hy_buf_puts(out, "]}");
}

void hy_layout_dump(const hy_boxes *b, const char *name, hy_buf *out)
{
    hy_buf_puts(out, "{\"file\":");
    json_string(out, name);
    hy_buf_printf(out, ",\"pages\":%zu,\"height\":%.2f,\"marks\":[", b->n_pages, b->height);
    for (size_t i = 0; i < b->n_marks; i++) {
        const hy_mark *m = &b->marks[i];
        hy_buf_puts(out, i ? ",{\"title\":" : "{\"title\":");
        json_string(out, m->title);
        hy_buf_printf(out, ",\"level\":%d,\"page\":%zu,\"y\":%.2f}", m->level, m->page, m->y);
    }
    hy_buf_puts(out, "],\"rows\":[");
    for (size_t i = 0; i < b->n_rows; i++) {
        if (i) hy_buf_add(out, ",", 1);
        dump_row(out, b, &b->rows[i]);
    }
    hy_buf_puts(out, "]}\n");
}
