/* main.c — the command line: `hyoka render`, `hyoka check`, `hyoka batch`. Parses arguments,
 * runs the engine, prints the collected diagnostics, and chooses the exit status. `batch` is
 * handed to batch.c with the default layouts/fonts/epoch. */
#include "batch.h"
#include "render.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef HYOKA_DATA_DIR
#define HYOKA_DATA_DIR "."
#endif

static void usage(FILE *f)
{
    fputs("usage: hyoka render IN.yaml -o OUT.pdf [options]\n"
          "       hyoka check IN.yaml...\n"
          "       hyoka batch SRC -o OUTDIR [-j N] [--force] [--shard I/N] [--report FILE]\n"
          "                   [--progress|--quiet] [options]\n"
          "options:\n"
          "  -o FILE            output PDF (written atomically)\n"
          "  --stamp TEXT       document-number stamp at the top right of every page (資料2-1)\n"
          "  --watermark TEXT   light diagonal watermark on every page (案, 委員限り)\n"
          "  --layouts DIR      layout files (default: $HYOKA_LAYOUTS or the installed layouts)\n"
          "  --fonts FILE       fonts configuration (default: $HYOKA_FONTS or fonts/fonts.yaml)\n"
          "batch (see docs/batch.md): SRC is a directory of *.yaml or a manifest (one path a line);\n"
          "  OUTDIR mirrors it (a/x.yaml -> OUTDIR/a/x.pdf); unchanged documents are skipped\n"
          "  -j N               worker processes (default: the number of cores)\n"
          "  --force            render every document, even if up to date\n"
          "  --shard I/N        only shard I (0 <= I < N) of the documents\n"
          "  --report FILE      write a JSON report of every document\n"
          "  --timeout SEC      kill a document's worker after SEC seconds (default 600, 0 = none)\n"
          "  --progress         progress even when stderr is not a terminal\n"
          "  --quiet            print only errors\n"
          "  exit status: 0 all rendered or up to date, 2 a document has errors, 1 an output failed\n"
          "environment: SOURCE_DATE_EPOCH sets the PDF's dates for reproducible output\n",
          f);
}

static char *default_path(const char *env, const char *rel)
{
    const char *v = getenv(env);
    if (v && *v) return strdup(v);
    char *p = malloc(strlen(HYOKA_DATA_DIR) + strlen(rel) + 2);
    sprintf(p, "%s/%s", HYOKA_DATA_DIR, rel);
    return p;
}

typedef struct {
    const char *cmd, *out;
    const char **inputs;
    int n_inputs;
    hy_render_options ro;
} args;

static bool parse_args(int argc, char **argv, args *a)
{
    if (argc < 2) return false;
    a->cmd = argv[1];
    a->inputs = calloc((size_t)argc, sizeof *a->inputs);
    for (int i = 2; i < argc; i++) {
        const char *s = argv[i];
        bool has_val = i + 1 < argc;
        if (!strcmp(s, "-o") && has_val) a->out = argv[++i];
        else if (!strcmp(s, "--stamp") && has_val) a->ro.stamp = argv[++i];
        else if (!strcmp(s, "--watermark") && has_val) a->ro.watermark = argv[++i];
        else if (!strcmp(s, "--layouts") && has_val) a->ro.layouts_dir = argv[++i];
        else if (!strcmp(s, "--fonts") && has_val) a->ro.fonts_file = argv[++i];
        else if (s[0] == '-' && s[1]) {
            fprintf(stderr, "hyoka: error: unknown option '%s'\n", s);
            return false;
        } else a->inputs[a->n_inputs++] = s;
    }
    return true;
}

static int64_t source_date_epoch(void)
{
    const char *s = getenv("SOURCE_DATE_EPOCH");
    if (!s || !*s) return -1;
    char *end;
    long long v = strtoll(s, &end, 10);
    if (*end || v < 0) {
        fprintf(stderr, "hyoka: warning: ignoring SOURCE_DATE_EPOCH='%s' (not a number of seconds)\n", s);
        return -1;
    }
    return v;
}

static int run_batch(int argc, char **argv)
{
    char *layouts = default_path("HYOKA_LAYOUTS", "layouts");
    char *fonts = default_path("HYOKA_FONTS", "fonts/fonts.yaml");
    hy_render_options ro = {.layouts_dir = layouts, .fonts_file = fonts, .epoch = source_date_epoch()};
    int rc = hy_batch_main(argc - 2, argv + 2, &ro);
    if (rc == HY_BATCH_USAGE) {
        usage(stderr);
        rc = 2;
    }
    free(layouts);
    free(fonts);
    return rc;
}

int main(int argc, char **argv)
{
    args a = {0};
    if (argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
        usage(stdout);
        return 0;
    }
    if (argc >= 2 && !strcmp(argv[1], "--version")) {
        puts("hyoka " HY_VERSION);
        return 0;
    }
    if (argc >= 2 && !strcmp(argv[1], "batch")) return run_batch(argc, argv);
    if (!parse_args(argc, argv, &a)) {
        usage(stderr);
        free(a.inputs);
        return 2;
    }
    char *layouts = a.ro.layouts_dir ? NULL : default_path("HYOKA_LAYOUTS", "layouts");
    char *fonts = a.ro.fonts_file ? NULL : default_path("HYOKA_FONTS", "fonts/fonts.yaml");
    if (layouts) a.ro.layouts_dir = layouts;
    if (fonts) a.ro.fonts_file = fonts;
    a.ro.epoch = source_date_epoch();
    int rc = 0;
    bool render = !strcmp(a.cmd, "render"), check = !strcmp(a.cmd, "check");
    if ((!render && !check) || (render && (a.n_inputs != 1 || !a.out)) || (check && a.n_inputs < 1)) {
        usage(stderr);
        rc = 2;
    } else {
        hy_engine *e = hy_engine_new(&a.ro);
        for (int i = 0; i < a.n_inputs; i++) {
            hy_diags d = {0};
            int r = hy_engine_render(e, a.inputs[i], render ? a.out : NULL, &d, NULL);
            hy_diags_print(&d, stderr);
            hy_diags_free(&d);
            if (r > rc) rc = r;
        }
        hy_engine_free(e);
    }
    free(layouts);
    free(fonts);
    free(a.inputs);
    return rc;
}
