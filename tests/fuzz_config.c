/* fuzz_config.c — libFuzzer harness for configuration as input: the bytes are a layout file or
 * a fonts file, loaded and then used to render a real document (examples/004 or 000), in
 * memory. Any crash, hang, sanitizer report or unbounded memory use is a finding; located
 * errors are the expected answer to a broken file. Build and run: tools/fuzz.sh SECONDS config.
 *
 * Input: the first byte chooses what the rest is — 'l' a layout for the 重点項目評価書 example,
 * 'r' a layout for the correction-table example, 'f' a fonts file (any other byte: its value
 * modulo 3, in that order). Built with HYOKA_REPLAY_MAIN it is a plain program that runs the
 * files named on its command line (ctest replays tests/fuzz-config-regress/ that way). */
#include "layout_def.h"
#include "render.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef HYOKA_DATA_DIR
#define HYOKA_DATA_DIR "."
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum { MODE_JUTEN, MODE_REVISION, MODE_FONTS };

static char dir[64];
static bool verbose;  /* the replay program prints what each input gave */

static void remove_dir(void)
{
    char p[128];
    snprintf(p, sizeof p, "%s/layout.yaml", dir);
    unlink(p);
    snprintf(p, sizeof p, "%s/fonts.yaml", dir);
    unlink(p);
    rmdir(dir);
}

static bool write_file(const char *path, const void *p, size_t n)
{
    FILE *f = fopen(path, "wb");
    if (!f) return false;
    bool ok = fwrite(p, 1, n, f) == n;
    return fclose(f) == 0 && ok;
}

static char *read_file(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    hy_buf b = {0};
    char chunk[65536];
    size_t k;
    while ((k = fread(chunk, 1, sizeof chunk, f)) > 0) hy_buf_add(&b, chunk, k);
    fclose(f);
    *n = b.len;
    return b.data ? b.data : hy_xstrdup("");
}

/* The example document with its 様式 replaced by `kind` (single-quoted YAML). */
static char *document_for(const char *example, const char *kind, size_t *n)
{
    size_t len;
    char *src = read_file(example, &len);
    if (!src) return NULL;
    hy_buf doc = {0};
    hy_buf_puts(&doc, "様式: '");
    for (const char *k = kind; *k; k++) {
        if (*k == '\n' || *k == '\r') continue;
        if (*k == '\'') hy_buf_add(&doc, "'", 1);
        hy_buf_add(&doc, k, 1);
    }
    hy_buf_puts(&doc, "'\n");
    const char *body = strstr(src, "\n");  /* the example's first line is its 様式 */
    if (body) hy_buf_puts(&doc, body + 1);
    free(src);
    *n = doc.len;
    return doc.data;
}

static void render(const char *layouts, const char *fonts, const char *doc, size_t n)
{
    hy_render_options o = {layouts, fonts, NULL, NULL, 0};
    hy_engine *e = hy_engine_new(&o);
    hy_diags d = {0};
    hy_buf pdf = {0};
    int pages = 0;
    int rc = hy_engine_render_mem(e, "fuzz.yaml", doc, n, &pdf, &d, &pages);
    if (verbose) {
        printf("  render: status %d, %d pages, %zu bytes of PDF\n", rc, pages, pdf.len);
        hy_diags_print(&d, stdout);
    }
    hy_diags_free(&d);
    hy_buf_free(&pdf);
    hy_engine_free(e);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!size) return 0;
    if (!*dir) {
        snprintf(dir, sizeof dir, "/tmp/hyoka-fuzz-config-%ld", (long)getpid());
        if (mkdir(dir, 0700) && access(dir, W_OK)) abort();
        atexit(remove_dir);
    }
    int mode = data[0] == 'l' ? MODE_JUTEN : data[0] == 'r' ? MODE_REVISION : data[0] == 'f' ? MODE_FONTS
             : data[0] % 3;
    char path[128];
    snprintf(path, sizeof path, "%s/%s", dir, mode == MODE_FONTS ? "fonts.yaml" : "layout.yaml");
    if (!write_file(path, data + 1, size - 1)) abort();
    const char *example = mode == MODE_REVISION ? HYOKA_DATA_DIR "/examples/000-chiba-kouki-revision.yaml"
                                                : HYOKA_DATA_DIR "/examples/004-sakai-kodomo.yaml";
    size_t n = 0;
    char *doc = NULL;
    if (mode == MODE_FONTS) {
        doc = read_file(example, &n);
        if (doc) render(HYOKA_DATA_DIR "/layouts", path, doc, n);
    } else {
        /* the loader alone (every message it can give), then the whole pipeline with it */
        lay_form f;
        hy_diags d = {0};
        bool ok = lay_load(path, &f, &d);
        if (verbose) hy_diags_print(&d, stdout);
        if (ok && f.kind) doc = document_for(example, f.kind, &n);
        lay_free(&f);
        hy_diags_free(&d);
        if (doc) render(dir, HYOKA_DATA_DIR "/fonts/fonts.yaml", doc, n);
    }
    free(doc);
    unlink(path);
    return 0;
}

#ifdef HYOKA_REPLAY_MAIN
int main(int argc, char **argv)
{
    verbose = true;
    for (int i = 1; i < argc; i++) {
        size_t n;
        char *data = read_file(argv[i], &n);
        if (!data) {
            fprintf(stderr, "%s: cannot read\n", argv[i]);
            return 1;
        }
        printf("%s\n", argv[i]);
        LLVMFuzzerTestOneInput((const uint8_t *)data, n);
        free(data);
    }
    return 0;
}
#endif
