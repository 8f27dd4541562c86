/* diff_cmd.c — `hyoka diff OLD NEW [NEWER…]` (see diff_cmd.h and docs/committee.md). */
#include "diff_cmd.h"

#include "diff.h"
#include "diff_out.h"
#include "diff_page.h"
#include "docinput.h"
#include "era.h"
#include "outfile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char hy_diff_help[] =
    "usage: hyoka diff OLD.yaml NEW.yaml [NEWER.yaml...] [options]\n"
    "Compares versions of one assessment item by item, as the form prints them. A version\n"
    "may be a file, '-' (standard input) or REV:path, the file in git revision REV\n"
    "(HEAD~1:docs/kenshin.yaml).\n"
    "  --format list       the changed items and their texts, to read (default)\n"
    "  --format bessou2    rows to append to the newest version's (別添2) 変更箇所\n"
    "  --format revision   a 修正等を要する部分とその内容 document (hyoka render prints it)\n"
    "  -o, --output FILE   write there (atomically) instead of to standard output\n"
    "  --date YYYY-MM-DD   the newest version's date (default: its 公表日)\n"
    "  --heading TEXT      revision: heading of a 修正案 column, once per later version\n"
    "                      (default: 修正案（its date）)\n"
    "  --title TEXT        revision: 事務名 (default: the old version's 評価書名)\n"
    "  --page-heading TEXT revision: the name under ページ (which document the pages are of)\n"
    "  --layouts DIR, --fonts FILE   as for render\n"
    "Texts the tool cannot know (提出時期, 理由) are written as " HY_TODO "; hyoka check warns\n"
    "until they are replaced.\n"
    "exit status: 0 compared (changed or not), 1 the output could not be written, 2 a version\n"
    "has errors, the versions are of different forms, or the command line is wrong.\n";

/* The table the 別添2 rows are written into (layouts/juten.yaml): not compared itself, since a
 * new version adds its own rows there. */
#define BESSOU2_TABLE "別添2.変更箇所"

typedef struct {
    const char *format, *out, *date, *title, *page_heading;
    const char *heading[DF_MAX_VERSIONS];
    size_t n_headings;
    const char *inputs[DF_MAX_VERSIONS + 1];
    size_t n_inputs;
} diff_args;

static int usage(hy_msg_id id, const char *arg)
{
    char *safe = hy_diag_escape(arg);
    fputs("hyoka: error: ", stderr);
    fprintf(stderr, hy_msg(id), safe);
    free(safe);
    fputc('\n', stderr);
    return HY_DIFF_USAGE;
}

static int parse(int argc, char **argv, diff_args *a)
{
    static const char *const value_opts[] = {"--format", "-o", "--output", "--date", "--heading", "--title",
                                             "--page-heading", "--layouts", "--fonts"};
    bool options_end = false;
    for (int i = 0; i < argc; i++) {
        const char *s = argv[i], *val = NULL;
        if (options_end || s[0] != '-' || !s[1]) {
            if (a->n_inputs == DF_MAX_VERSIONS) return usage(HY_M_DIFF_TOO_MANY, "8");
            a->inputs[a->n_inputs++] = s;
            continue;
        }
        if (!strcmp(s, "--")) {
            options_end = true;
            continue;
        }
        const char *eq = !strncmp(s, "--", 2) ? strchr(s, '=') : NULL;
        size_t name_len = eq ? (size_t)(eq - s) : strlen(s);
        const char *name = NULL;
        for (size_t k = 0; k < sizeof value_opts / sizeof *value_opts; k++)
            if (strlen(value_opts[k]) == name_len && !strncmp(s, value_opts[k], name_len)) name = value_opts[k];
        if (!name) return usage(HY_M_USAGE_UNKNOWN_OPTION, s);
        if (eq) val = eq + 1;
        else if (i + 1 < argc) val = argv[++i];
        else return usage(HY_M_USAGE_NEEDS_VALUE, name);
        if (!strcmp(name, "--format")) a->format = val;
        else if (!strcmp(name, "-o") || !strcmp(name, "--output")) a->out = val;
        else if (!strcmp(name, "--date")) a->date = val;
        else if (!strcmp(name, "--title")) a->title = val;
        else if (!strcmp(name, "--page-heading")) a->page_heading = val;
        else if (!strcmp(name, "--heading")) {
            if (a->n_headings == DF_MAX_VERSIONS - 1) return usage(HY_M_DIFF_TOO_MANY_HEADINGS, "--heading");
            a->heading[a->n_headings++] = val;
        }
        /* --layouts and --fonts were read by the caller (ro) */
    }
    if (a->n_inputs < 2) return usage(HY_M_DIFF_TWO, "");
    if (!a->format) a->format = "list";
    if (strcmp(a->format, "list") && strcmp(a->format, "bessou2") && strcmp(a->format, "revision"))
        return usage(HY_M_DIFF_FORMAT, a->format);
    hy_date dt;
    if (a->date && !hy_date_parse(a->date, &dt)) return usage(HY_M_DIFF_DATE, a->date);
    if (a->n_headings && a->n_headings != a->n_inputs - 1)
        return usage(a->n_headings < a->n_inputs - 1 ? HY_M_DIFF_HEADINGS_FEW : HY_M_DIFF_HEADINGS_MANY, "");
    size_t stdin_uses = 0;
    for (size_t i = 0; i < a->n_inputs; i++) stdin_uses += !strcmp(a->inputs[i], "-");
    if (stdin_uses > 1) return usage(HY_M_DIFF_STDIN_ONCE, "");
    return 0;
}

static int run(const diff_args *a, const hy_render_options *ro, hy_diags *d)
{
    size_t n = a->n_inputs;
    di_doc docs[DF_MAX_VERSIONS] = {0};
    hy_model *models[DF_MAX_VERSIONS] = {0};
    hy_document *laid = NULL;  /* version 0 laid out: where its items stand */
    bool paged = strcmp(a->format, "bessou2") != 0;
    int rc = HY_ERR_INPUT;
    if (a->out && strcmp(a->out, "-") && !hy_outfile_check_target(a->out, a->inputs, (int)n, d)) return rc;
    hy_engine *e = hy_engine_new(ro);
    bool ok = true;
    for (size_t v = 0; v < n; v++) {
        if (!di_read(a->inputs[v], &docs[v], d)) {
            ok = false;
            continue;
        }
        if (v == 0 && paged) {
            if (hy_engine_document_mem(e, docs[v].name, docs[v].data.data, docs[v].data.len, &laid, d) == HY_OK)
                models[v] = laid->model;
        } else {
            models[v] = hy_engine_model_mem(e, docs[v].name, docs[v].data.data, docs[v].data.len, d);
        }
        ok &= models[v] != NULL;
    }
    for (size_t v = 1; ok && v < n; v++)
        if (models[v]->form != models[0]->form) {
            hy_diag_msg(d, docs[v].name, 0, 0, HY_M_DIFF_OTHER_FORM, HY_KEY_FORM, models[v]->form->kind, docs[0].name, models[0]->form->kind);
            ok = false;
        }
    df_changes ch = {0};
    df_place *places = NULL;
    if (ok) {
        const char *skip[] = {BESSOU2_TABLE, models[0]->form->meta_date, NULL};
        df_compare((const hy_model *const *)models, n, skip, &ch);
        places = hy_xcalloc(ch.n + 1, sizeof *places);
        if (paged) df_places(&laid->boxes, &ch, places);
    }
    if (ok) {
        const lay_form *f = models[0]->form;
        df_out_info info = {.title = a->title, .page_heading = a->page_heading, .gannen = models[0]->gannen,
                            .place = places};
        for (size_t v = 0; v < n; v++) {
            info.name[v] = docs[v].name;
            info.date[v] = f->meta_date ? hy_model_text_get(models[v], f->meta_date) : NULL;
            if (v) info.heading[v] = a->n_headings ? a->heading[v - 1] : NULL;
        }
        if (a->date) info.date[n - 1] = a->date;
        if (!info.title && f->meta_title) info.title = hy_model_text_get(models[0], f->meta_title);
        if (f->meta_author) info.author = hy_model_text_get(models[n - 1], f->meta_author);
        hy_buf out = {0};
        if (!strcmp(a->format, "bessou2")) df_write_bessou2(&ch, &info, &out);
        else if (!strcmp(a->format, "revision")) df_write_revision(&ch, &info, &out);
        else df_write_list(&ch, &info, &out);
        rc = HY_OK;
        if (!hy_outfile_put(a->out ? a->out : "-", hy_msg(HY_M_WHAT_OUTPUT), out.data ? out.data : "", out.len, d))
            rc = HY_ERR_OUTPUT;
        hy_buf_free(&out);
    }
    free(places);
    df_changes_free(&ch);
    for (size_t v = 0; v < n; v++) {
        if (!laid || models[v] != laid->model) hy_model_free(models[v]);
        di_free(&docs[v]);
    }
    hy_document_free(laid);
    hy_engine_free(e);
    return rc;
}

int hy_diff_main(int argc, char **argv, const hy_render_options *ro)
{
    diff_args a = {0};
    int rc = parse(argc, argv, &a);
    if (rc) return rc;
    hy_diags d = {0};
    rc = run(&a, ro, &d);
    hy_diags_print(&d, stderr);
    hy_diags_free(&d);
    return rc;
}
