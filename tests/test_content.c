/* test_content.c — the content-stream writer: number format, relative moves, CIDs as literal
 * strings with every byte a literal string cannot hold escaped, text state set only when it
 * changes, translucent text in its own graphics state. */
#include "content.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int passed, failed;

/* Does the buffer contain `want` (want_len bytes, NULs allowed)? */
static void expect_has(const hy_buf *b, const char *want, size_t want_len, const char *what)
{
    bool found = false;
    for (size_t i = 0; !found && want_len <= b->len && i + want_len <= b->len; i++)
        found = !memcmp(b->data + i, want, want_len);
    if (found) {
        passed++;
        return;
    }
    failed++;
    fprintf(stderr, "%s: not found in:\n", what);
    fwrite(b->data, 1, b->len, stderr);
    fputc('\n', stderr);
}

/* A literal's bytes, NULs included. */
#define EXPECT(b, literal, what) expect_has((b), (literal), sizeof(literal) - 1, (what))

static size_t count(const hy_buf *b, const char *needle)
{
    size_t n = 0, k = strlen(needle);
    for (size_t i = 0; i + k <= b->len; i++) n += !memcmp(b->data + i, needle, k);
    return n;
}

static void expect_count(const hy_buf *b, const char *needle, size_t want, const char *what)
{
    size_t n = count(b, needle);
    if (n == want) {
        passed++;
    } else {
        failed++;
        fprintf(stderr, "%s: '%s' %zu times, want %zu\n", what, needle, n, want);
    }
}

static const char *gstate(void *ctx, double alpha)
{
    (void)ctx;
    return alpha == 0.25 ? "GS1" : "GSX";
}

int main(void)
{
    /* A subset whose CIDs have the awkward bytes: あ → 0A0D, い → 285C, う → 2929, A → 0041,
     * and 葛 U+E0100 (a variation sequence, found through the sorted map) → CID 3. */
    hy_subset s = {0};
    s.bmp_cid = calloc(0x10000, sizeof *s.bmp_cid);
    s.bmp_cid[0x3042] = 0x0A0D;
    s.bmp_cid[0x3044] = 0x285C;
    s.bmp_cid[0x3046] = 0x2929;
    s.bmp_cid['A'] = 0x0041;
    hy_subset_map map[3] = {{0x3042, 0, 1}, {0x3044, 0, 2}, {0x845B, 0xE0100, 7}};
    s.map = map;
    s.n = 3;
    hy_content_font fonts[2] = {{&s, "F1"}, {NULL, "F2"}};

    hy_page p = {0};
    hy_page_fill(&p, 10, 20, 30.125, 0.004, 0.5);
    hy_page_rule(&p, 0, 10, 100, 10, 0.5);
    hy_page_text(&p, (hy_textbox){.x = 40, .y = 50, .size = 9, .font = 0, .utf8 = "あいう"});
    hy_page_text(&p, (hy_textbox){.x = 36, .y = 75.06, .size = 9, .font = 0, .utf8 = "A葛\xF3\xA0\x84\x80"});
    hy_page_text(&p, (hy_textbox){.x = 36, .y = 90, .size = 10, .font = 0, .bold = true, .utf8 = "A"});
    hy_page_text(&p, (hy_textbox){.x = 1, .y = 1, .size = 9, .font = 1, .utf8 = "A"});  /* no subset */
    hy_page_text(&p, (hy_textbox){.x = 50, .y = 50, .size = 60, .font = 0, .angle = 90,
                                  .alpha = 0.25, .gray = 0.5, .utf8 = "A"});

    hy_buf b = {0};
    hy_content_page(&b, &p, 200, fonts, gstate, NULL, NULL);

    EXPECT(&b, "0.5 g\n10 180 30.13 0 re f\n", "fill: hundredths, rounded, zeros dropped");
    EXPECT(&b, "0 G\n2 J\n0.5 w\n0 190 m\n100 190 l\nS\n", "rules");
    EXPECT(&b, "BT\n/F1 9 Tf\n0 g\n0 G\n40 150 Td\n", "first run moves from the origin");
    EXPECT(&b, "(\\n\\r\\(\\\\\\)\\)) Tj\n", "escaped CID bytes");
    EXPECT(&b, "-4 -25.06 Td\n(\0A\0\3) Tj\n", "relative move; NUL bytes kept; variation sequence");
    EXPECT(&b, "/F1 10 Tf\n2 Tr\n0.35 w\n0 -14.94 Td\n", "bold: new size, fill+stroke, hairline");
    expect_count(&b, "Tf\n", 3, "font set only when it changes (two sizes, then the watermark)");
    expect_count(&b, "F2", 0, "a font without a subset draws nothing");
    EXPECT(&b, "ET\nq\n/GS1 gs\nBT\n/F1 60 Tf\n0.5 g\n0.5 G\n0 Tr\n0 1 -1 0 50 150 Tm\n",
               "watermark: own graphics state, state set afresh, rotated matrix");
    EXPECT(&b, "(\0A) Tj\nET\nQ\n", "watermark closed");

    hy_buf_free(&b);
    free(p.texts);
    free(p.rules);
    free(p.fills);
    free(s.bmp_cid);
    printf("content: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
