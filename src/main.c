/* main.c — the command line: `hyoka render`, `hyoka check`, `hyoka batch`. Parses arguments
 * (the conventions of docs/hyoka.1: `-` for standard input or output, `--help` after any
 * command, `--opt=value`, `--` before file names starting with `-`), finds the data
 * (datadir.c), runs the engine, prints the collected diagnostics and chooses the exit status.
 * `batch` is handed to batch.c, which parses its own options. */
#include "batch.h"
#include "datadir.h"
#include "outfile.h"
#include "diff_cmd.h"
#include "form_cmd.h"
#include "watch.h"
#include "render.h"
#include "yaml_load.h"

#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#define EXIT_USAGE 2

static const char general_help[] =
    "usage: hyoka render IN.yaml [-o OUT.pdf] [options]\n"
    "       hyoka check IN.yaml...\n"
    "       hyoka batch SRC -o OUTDIR [options]\n"
    "       hyoka diff OLD.yaml NEW.yaml [NEWER.yaml...] [--format list|bessou2|revision]\n"
    "       hyoka layout IN.yaml...\n"
    "       hyoka watch IN.yaml [-o OUT.pdf] [options]\n"
    "       hyoka schema|new|guide KIND [-o FILE]\n"
    "       hyoka --version | --help | COMMAND --help\n"
    "commands:\n"
    "  render   write the PDF of one document (IN.pdf beside IN.yaml unless -o is given)\n"
    "  check    validate documents without writing anything; one line per valid document\n"
    "  batch    render a directory tree or a manifest of documents, incrementally\n"
    "  diff     compare versions item by item; write 別添2 rows or a correction table\n"
    "  watch    render a document again each time it is saved (a preview loop)\n"
    "  schema   write the JSON Schema of a form's documents (editor completion, checks)\n"
    "  new      write a complete blank document of a form, its options in comments\n"
    "  guide    write the writer's guide page of a form (Japanese, Markdown)\n"
    "  layout   print the laid-out pages of documents as JSON (for checks)\n"
    "A file name '-' is standard input (IN) or standard output (-o -).\n"
    "exit status: 0 success, 1 an output could not be written, 2 a document has errors or\n"
    "the command line is wrong, 75 (batch) another run holds the lock. See man hyoka.\n";

static const char render_help[] =
    "usage: hyoka render IN.yaml [-o OUT.pdf] [options]\n"
    "Renders one document. IN may be '-' (standard input; then -o is needed).\n"
    "  -o, --output FILE   the PDF (default: IN with .yaml/.yml replaced by .pdf; '-' is\n"
    "                      standard output); written to a temporary file, then renamed\n"
    "  --stamp TEXT        document-number stamp at the top right of every page (資料2-1)\n"
    "  --watermark TEXT    light diagonal watermark on every page (案, 委員限り)\n"
    "  --layouts DIR       layout files (default: $HYOKA_LAYOUTS or the installed layouts)\n"
    "  --fonts FILE        fonts configuration (default: $HYOKA_FONTS or the installed one)\n"
    "  --strict            warnings (contradicting answers, missing parts) are errors\n"
    "  --lang ja|en        the language of the messages (default: from LC_ALL, LC_MESSAGES, LANG)\n"
    "  -h, --help          this help\n"
    "exit status: 0 written, 1 the output could not be written, 2 the document has errors\n"
    "(nothing written) or the command line is wrong.\n"
    "environment: SOURCE_DATE_EPOCH sets the PDF's dates for reproducible output.\n";

static const char check_help[] =
    "usage: hyoka check IN.yaml... [options]\n"
    "Validates documents and lays them out without writing anything. Prints\n"
    "'OK: FILE: N pages' on standard output for each valid document and the errors on\n"
    "standard error. IN may be '-' (standard input).\n"
    "  --stamp TEXT, --watermark TEXT, --layouts DIR, --fonts FILE   as for render\n"
    "  --strict            warnings (contradicting answers, missing parts) are errors\n"
    "  --lang ja|en        the language of the messages (default: from LC_ALL, LC_MESSAGES, LANG)\n"
    "  -h, --help          this help\n"
    "exit status: 0 all valid, 2 some document has errors or the command line is wrong.\n";

static const char layout_help[] =
    "usage: hyoka layout IN.yaml... [options]\n"
    "Lays documents out and prints their pages as JSON, one line per document: every row\n"
    "part with its page, cells and text lines, and the bookmarks (for checks such as\n"
    "tests/pagecheck.py; the format follows the program, see src/layout_dump.h).\n"
    "  --stamp TEXT, --watermark TEXT, --layouts DIR, --fonts FILE   as for render\n"
    "  -h, --help          this help\n"
    "exit status: 0 all laid out, 2 some document has errors or the command line is wrong.\n";

static const char batch_help[] =
    "usage: hyoka batch SRC -o OUTDIR [options]\n"
    "SRC is a directory of *.yaml and *.yml or a manifest (one path a line); OUTDIR mirrors it\n"
    "(a/x.yaml -> OUTDIR/a/x.pdf); unchanged documents are skipped (see docs/batch.md).\n"
    "  -o OUTDIR           the output tree\n"
    "  -j, --jobs N        worker processes (default: the number of cores)\n"
    "  --force             render every document, even if up to date\n"
    "  --shard I/N         only shard I (0 <= I < N) of the documents\n"
    "  --report FILE       write a JSON report of every document (its directory is created)\n"
    "  --state DIR         the incremental state (default: OUTDIR's hidden sibling\n"
    "                      .NAME.hyoka-state; never inside OUTDIR)\n"
    "  --prune             remove the PDFs of documents that no longer exist (only PDFs\n"
    "                      hyoka wrote and nobody changed)\n"
    "  --timeout SEC       kill a document's worker after SEC seconds (default 600, 0 = none)\n"
    "  --progress          progress even when stderr is not a terminal\n"
    "  -q, --quiet         print only errors\n"
    "  --stamp TEXT, --watermark TEXT, --layouts DIR, --fonts FILE   as for render\n"
    "  -h, --help          this help\n"
    "exit status: 0 all rendered or up to date, 1 an output failed or a worker died,\n"
    "2 a document has errors or the command line is wrong, 75 another batch holds this\n"
    "shard's lock (nothing was done; try again later).\n";

/* The options of render and check; each takes a value. */
typedef struct {
    const char *out, *stamp, *watermark, *layouts, *fonts;
    const char **inputs;
    int n_inputs;
    bool strict;        /* --strict */
} cli;

static const struct {
    const char *name, *alias;
    size_t field;       /* offsetof in cli */
    bool render_only;
} value_opts[] = {
    {"--output", "-o", offsetof(cli, out), true},
    {"--stamp", NULL, offsetof(cli, stamp), false},
    {"--watermark", NULL, offsetof(cli, watermark), false},
    {"--layouts", NULL, offsetof(cli, layouts), false},
    {"--fonts", NULL, offsetof(cli, fonts), false},
};

static int usage_error(const char *cmd, const char *help, hy_msg_id id, const char *arg)
{
    char *safe = hy_diag_escape(arg);  /* an argument cannot forge a line of the messages */
    fputs("hyoka: error: ", stderr);
    fprintf(stderr, hy_msg(id), safe);
    free(safe);
    fputc('\n', stderr);
    fprintf(stderr, "%.*s", (int)strcspn(help, "\n") + 1, help);
    fprintf(stderr, hy_msg(HY_M_USAGE_TRY), cmd ? cmd : "");
    fputc('\n', stderr);
    return EXIT_USAGE;
}

static bool wants_help(int argc, char **argv)
{
    for (int i = 0; i < argc && strcmp(argv[i], "--"); i++)
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) return true;
    return false;
}

/* Parses argv (the arguments after the command word) into c; 0 or a usage error's status. */
static int parse_cli(const char *cmd, const char *help, bool render, int argc, char **argv, cli *c)
{
    char cmd_sp[16];
    snprintf(cmd_sp, sizeof cmd_sp, "%s ", cmd);
    c->inputs = hy_xcalloc((size_t)argc + 1, sizeof *c->inputs);
    bool options_end = false;
    for (int i = 0; i < argc; i++) {
        const char *s = argv[i];
        if (options_end || s[0] != '-' || !s[1]) {
            c->inputs[c->n_inputs++] = s;
            continue;
        }
        if (!strcmp(s, "--")) {
            options_end = true;
            continue;
        }
        if (!strcmp(s, "--strict")) {
            c->strict = true;
            continue;
        }
        const char *eq = !strncmp(s, "--", 2) ? strchr(s, '=') : NULL;
        size_t name_len = eq ? (size_t)(eq - s) : strlen(s);
        const char *val = eq ? eq + 1 : NULL;
        if (!strncmp(s, "-o", 2) && s[2]) {  /* -oFILE */
            name_len = 2;
            val = s + 2;
        }
        int k = -1;
        for (size_t j = 0; j < sizeof value_opts / sizeof value_opts[0] && k < 0; j++)
            if ((strlen(value_opts[j].name) == name_len && !strncmp(s, value_opts[j].name, name_len)) ||
                (value_opts[j].alias && strlen(value_opts[j].alias) == name_len &&
                 !strncmp(s, value_opts[j].alias, name_len)))
                k = (int)j;
        char name[64];
        snprintf(name, sizeof name, "%.*s", (int)(name_len < 60 ? name_len : 60), s);
        if (k < 0) return usage_error(cmd_sp, help, HY_M_USAGE_UNKNOWN_OPTION, s);
        if (value_opts[k].render_only && !render)
            return usage_error(cmd_sp, help, HY_M_USAGE_RENDER_ONLY, name);
        if (!val) {
            if (i + 1 == argc) return usage_error(cmd_sp, help, HY_M_USAGE_NEEDS_VALUE, name);
            val = argv[++i];
        }
        const char **field = (const char **)((char *)c + value_opts[k].field);
        if (*field) return usage_error(cmd_sp, help, HY_M_USAGE_TWICE, name);
        *field = val;
    }
    return 0;
}

static int64_t source_date_epoch(void)
{
    const char *s = getenv("SOURCE_DATE_EPOCH");
    if (!s || !*s) return -1;
    char *end;
    long long v = strtoll(s, &end, 10);
    if (*end || v < 0) {
        fputs("hyoka: warning: ", stderr);
        fprintf(stderr, hy_msg(HY_M_EPOCH_IGNORED), s);
        fputc('\n', stderr);
        return -1;
    }
    return v;
}

/* The data directory, or false after saying where it looked. */
static bool find_data(hy_datadir *dd, const char *layouts, const char *fonts)
{
    hy_buf why = {0};
    bool ok = hy_datadir_find(dd, layouts, fonts, &why);
    if (!ok) fprintf(stderr, "hyoka: error: %s", why.data);
    hy_buf_free(&why);
    return ok;
}

/* The output path is checked before any work (outfile.c): an empty path, a directory, a
 * device, a FIFO, a symbolic link or the input itself is a usage error. */
static bool out_ok(const char *out, const char **inputs, int n)
{
    hy_diags d = {0};
    bool ok = hy_outfile_check_target(out, inputs, n, &d);
    hy_diags_print(&d, stderr);
    hy_diags_free(&d);
    return ok;
}

/* render IN -o -: the PDF is made in memory and written to standard output. */
static int render_to_stdout(hy_engine *e, const char *in, hy_diags *d)
{
    if (isatty(STDOUT_FILENO)) {
        fputs("hyoka: error: ", stderr);
        fprintf(stderr, hy_msg(HY_M_STDOUT_TERMINAL), "");
        fputc('\n', stderr);
        return EXIT_USAGE;
    }
    hy_buf src = {0}, pdf = {0};
    int rc = HY_ERR_INPUT;
    const char *name = strcmp(in, "-") ? in : YL_STDIN_NAME;
    if (yl_read_file(in, &src, d))
        rc = hy_engine_render_mem(e, name, src.data ? src.data : "", src.len, &pdf, d, NULL);
    if (rc == HY_OK && (fwrite(pdf.data, 1, pdf.len, stdout) != pdf.len || fflush(stdout) != 0)) {
        fputs("hyoka: error: ", stderr);
        fprintf(stderr, hy_msg(HY_M_STDOUT_WRITE_FAILED), strerror(errno));
        fputc('\n', stderr);
        rc = HY_ERR_OUTPUT;
    }
    hy_buf_free(&src);
    hy_buf_free(&pdf);
    return rc;
}

/* `hyoka layout`: the laid-out pages of one document as a JSON line on standard output. */
static int print_layout(hy_engine *e, const char *in, hy_diags *d)
{
    hy_buf json = {0};
    int rc = hy_engine_layout(e, in, &json, d);
    if (json.len) fwrite(json.data, 1, json.len, stdout);
    hy_buf_free(&json);
    return rc;
}

/* The rules between the inputs and -o; 0 or a usage error's status. */
static int check_inputs(const char *cmd, const char *help, bool render, const cli *c)
{
    char cmd_sp[16];
    snprintf(cmd_sp, sizeof cmd_sp, "%s ", cmd);
    int n_stdin = 0;
    for (int i = 0; i < c->n_inputs; i++) n_stdin += !strcmp(c->inputs[i], "-");
    if (c->n_inputs == 0)
        return usage_error(cmd_sp, help, HY_M_USAGE_NO_INPUT, cmd);
    if (render && c->n_inputs > 1)
        return usage_error(cmd_sp, help, HY_M_USAGE_ONE_INPUT,
                           c->inputs[1]);
    if (n_stdin > 1) return usage_error(cmd_sp, help, HY_M_USAGE_STDIN_TWICE, "");
    if (render && !c->out && n_stdin)
        return usage_error(cmd_sp, help, HY_M_USAGE_STDIN_NEEDS_O, "");
    return 0;
}

/* render, check and layout: one engine over the inputs. */
static int run_render_or_check(const char *cmd, int argc, char **argv)
{
    bool render = !strcmp(cmd, "render"), layout = !strcmp(cmd, "layout");
    const char *help = render ? render_help : layout ? layout_help : check_help;
    if (wants_help(argc, argv)) {
        fputs(help, stdout);
        return 0;
    }
    cli c = {0};
    char *out = NULL;
    int rc = parse_cli(cmd, help, render, argc, argv, &c);
    if (!rc) rc = check_inputs(cmd, help, render, &c);
    hy_datadir dd = {0};
    if (!rc && !find_data(&dd, c.layouts, c.fonts)) rc = EXIT_USAGE;
    if (!rc && render && !c.out) c.out = out = hy_pdf_name_copy(c.inputs[0]);
    if (!rc && render && !out_ok(c.out, c.inputs, c.n_inputs)) rc = EXIT_USAGE;
    if (!rc) {
        hy_render_options ro = {dd.layouts_dir, dd.fonts_file, c.stamp, c.watermark, source_date_epoch(), c.strict};
        hy_engine *e = hy_engine_new(&ro);
        for (int i = 0; i < c.n_inputs; i++) {
            hy_diags d = {0};
            int pages = 0, r;
            if (render && !strcmp(c.out, "-")) r = render_to_stdout(e, c.inputs[i], &d);
            else if (layout) r = print_layout(e, c.inputs[i], &d);
            else r = hy_engine_render(e, c.inputs[i], render ? c.out : NULL, &d, &pages);
            hy_diags_print(&d, stderr);
            hy_diags_free(&d);
            if (!render && !layout && r == HY_OK) {  /* the name escaped: it cannot forge a second line */
                char *name = hy_diag_escape(strcmp(c.inputs[i], "-") ? c.inputs[i] : YL_STDIN_NAME);
                printf(hy_msg(pages == 1 ? HY_M_OK_PAGE : HY_M_OK_PAGES), name, pages);
                putchar('\n');
                free(name);
            }
            if (r > rc) rc = r;
        }
        hy_engine_free(e);
    }
    hy_datadir_free(&dd);
    free(out);
    free(c.inputs);
    return rc;
}

/* The value of a batch option given as `NAME VALUE`, or NULL (for the data directory lookup;
 * batch.c parses its options itself). */
static const char *batch_opt(int argc, char **argv, const char *name)
{
    const char *v = NULL;
    for (int i = 0; i + 1 < argc && strcmp(argv[i], "--"); i++)
        if (!strcmp(argv[i], name)) v = argv[++i];
    return v;
}

static int run_batch(int argc, char **argv)
{
    if (wants_help(argc, argv)) {
        fputs(batch_help, stdout);
        return 0;
    }
    /* --name=value becomes --name value: batch.c reads options as separate words. */
    char **args = hy_xcalloc((size_t)argc * 2 + 1, sizeof *args);
    int n = 0;
    bool options_end = false;
    for (int i = 0; i < argc; i++) {
        const char *eq = strchr(argv[i], '=');
        options_end |= !strcmp(argv[i], "--");
        if (!options_end && !strncmp(argv[i], "--", 2) && eq) {
            args[n++] = hy_xasprintf("%.*s", (int)(eq - argv[i]), argv[i]);
            args[n++] = hy_xstrdup(eq + 1);
        } else args[n++] = hy_xstrdup(argv[i]);
    }
    hy_datadir dd;
    int rc = EXIT_USAGE;
    if (find_data(&dd, batch_opt(n, args, "--layouts"), batch_opt(n, args, "--fonts"))) {
        hy_render_options ro = {.layouts_dir = dd.layouts_dir, .fonts_file = dd.fonts_file,
                                .epoch = source_date_epoch()};
        rc = hy_batch_main(n, args, &ro);
        hy_datadir_free(&dd);
    }
    if (rc == HY_BATCH_USAGE) {
        fprintf(stderr, "%.*s", (int)strcspn(batch_help, "\n") + 1, batch_help);
        fputs("Try 'hyoka batch --help' for more information.\n", stderr);
        rc = EXIT_USAGE;
    }
    for (int i = 0; i < n; i++) free(args[i]);
    free(args);
    return rc;
}

/* For commands that parse their own options (diff, watch): finds the data directory from
 * --layouts/--fonts among argv (before `--`) and fills ro from it. dd owns the paths ro
 * borrows; free it with hy_datadir_free. False (message printed) when no data is found. */
static bool find_data_in_args(int argc, char **argv, hy_datadir *dd, hy_render_options *ro)
{
    const char *layouts = NULL, *fonts = NULL;
    for (int i = 0; i < argc && strcmp(argv[i], "--"); i++) {
        if (!strncmp(argv[i], "--layouts=", 10)) layouts = argv[i] + 10;
        else if (!strncmp(argv[i], "--fonts=", 8)) fonts = argv[i] + 8;
        else if (i + 1 < argc && !strcmp(argv[i], "--layouts")) layouts = argv[++i];
        else if (i + 1 < argc && !strcmp(argv[i], "--fonts")) fonts = argv[++i];
    }
    if (!find_data(dd, layouts, fonts)) return false;
    *ro = (hy_render_options){.layouts_dir = dd->layouts_dir, .fonts_file = dd->fonts_file,
                              .epoch = source_date_epoch()};
    return true;
}

/* diff parses its own options (diff_cmd.c); the data directory is found here, as for batch. */
static int run_diff(int argc, char **argv)
{
    if (wants_help(argc, argv)) {
        fputs(hy_diff_help, stdout);
        return 0;
    }
    hy_datadir dd;
    hy_render_options ro;
    if (!find_data_in_args(argc, argv, &dd, &ro)) return EXIT_USAGE;
    int rc = hy_diff_main(argc, argv, &ro);
    hy_datadir_free(&dd);
    if (rc == HY_DIFF_USAGE) {
        fprintf(stderr, "%.*s", (int)strcspn(hy_diff_help, "\n") + 1, hy_diff_help);
        fputs("Try 'hyoka diff --help' for more information.\n", stderr);
        rc = EXIT_USAGE;
    }
    return rc;
}

/* The language of the messages: the locale (LC_ALL, LC_MESSAGES, LANG), unless `--lang ja|en`
 * (or --lang=ja) is given anywhere before `--`; the option is taken out of argv, so every
 * command accepts it. False after a usage error. */
static bool take_lang(int *argc, char **argv)
{
    hy_msg_set_lang(hy_msg_lang_from_env());
    int n = 0;
    bool options_end = false, ok = true;
    for (int i = 0; i < *argc; i++) {
        const char *s = argv[i], *val = NULL;
        options_end |= !strcmp(s, "--");
        if (!options_end && !strncmp(s, "--lang=", 7)) val = s + 7;
        else if (!options_end && !strcmp(s, "--lang")) val = i + 1 < *argc ? argv[++i] : "";
        if (!val) {
            argv[n++] = argv[i];
            continue;
        }
        hy_lang l;
        if ((!strcmp(val, "ja") || !strcmp(val, "en")) && hy_msg_lang_parse(val, &l)) {
            hy_msg_set_lang(l);
        } else if (ok) {
            char *safe = hy_diag_escape(val);
            fputs("hyoka: error: ", stderr);
            fprintf(stderr, hy_msg(HY_M_LANG_BAD), safe);
            fputc('\n', stderr);
            free(safe);
            ok = false;
        }
    }
    argv[n] = NULL;
    *argc = n;
    return ok;
}

/* watch parses its own options (watch.c); the data directory is found here, as for diff. */
static int run_watch(int argc, char **argv)
{
    if (wants_help(argc, argv)) {
        fputs(hy_watch_help, stdout);
        return 0;
    }
    hy_datadir dd;
    hy_render_options ro;
    if (!find_data_in_args(argc, argv, &dd, &ro)) return EXIT_USAGE;
    int rc = hy_watch_main(argc, argv, &ro);
    hy_datadir_free(&dd);
    return rc;
}

int main(int argc, char **argv)
{
    if (!take_lang(&argc, argv)) return EXIT_USAGE;
    const char *cmd = argc >= 2 ? argv[1] : NULL;
    if (!cmd) {
        fputs(general_help, stderr);
        return EXIT_USAGE;
    }
    if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
        fputs(general_help, stdout);
        return 0;
    }
    if (!strcmp(cmd, "--version") || !strcmp(cmd, "-V")) {
        puts("hyoka " HY_VERSION);
        return 0;
    }
    if (!strcmp(cmd, "render") || !strcmp(cmd, "check") || !strcmp(cmd, "layout"))
        return run_render_or_check(cmd, argc - 2, argv + 2);
    if (!strcmp(cmd, "batch")) return run_batch(argc - 2, argv + 2);
    if (!strcmp(cmd, "diff")) return run_diff(argc - 2, argv + 2);
    if (hy_form_cmd_is(cmd)) return hy_form_cmd_main(cmd, argc - 2, argv + 2);
    if (!strcmp(cmd, "watch")) return run_watch(argc - 2, argv + 2);
    return usage_error(NULL, general_help,
                       cmd[0] == '-' ? HY_M_USAGE_UNKNOWN_GLOBAL : HY_M_USAGE_UNKNOWN_COMMAND, cmd);
}
