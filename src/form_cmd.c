/* form_cmd.c — `hyoka schema`, `hyoka new`, `hyoka guide` (see form_cmd.h): arguments, the
 * form's layout, and the one output. The texts themselves are made by schema_gen.c, blank.c
 * and guide.c from the loaded layout. */
#include "form_cmd.h"

#include "blank.h"
#include "datadir.h"
#include "diag.h"
#include "guide.h"
#include "layout_def.h"
#include "layout_dir.h"
#include "outfile.h"
#include "schema_gen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define EXIT_USAGE 2

static const struct {
    const char *cmd;
    void (*write)(const lay_form *, hy_buf *);
    const char *what;   /* the output, for messages */
    const char *help;
} cmds[] = {
    {"schema", hy_schema_write, "the schema",
     "usage: hyoka schema KIND [-o FILE] [--layouts DIR]\n"
     "Writes the JSON Schema (draft-07) of the documents of form KIND, generated from its\n"
     "layout: every key with the form's label, the options of choices and checkbox lists,\n"
     "dates, required items. For editors: VS Code with the YAML extension completes and checks\n"
     "a document that starts with\n"
     "  # yaml-language-server: $schema=PATH/TO/juten.schema.json\n"
     "KIND is a form's name (重点項目評価書) or its layout file's name (juten).\n"
     "  -o, --output FILE   write to FILE (default: standard output)\n"
     "  --layouts DIR       layout files (default: $HYOKA_LAYOUTS or the installed layouts)\n"
     "  -h, --help          this help\n"
     "exit status: 0 written, 1 the output could not be written, 2 unknown form or usage.\n"},
    {"new", hy_blank_write, "the document",
     "usage: hyoka new KIND [-o FILE] [--layouts DIR]\n"
     "Writes a complete blank document of form KIND: every item of the form with its label\n"
     "and its options in Japanese comments. It passes 'hyoka check' and renders as the empty\n"
     "form; fill it in. KIND is a form's name (重点項目評価書) or its layout file's name (juten).\n"
     "  -o, --output FILE   write to FILE, which must not exist (default: standard output)\n"
     "  --layouts DIR       layout files (default: $HYOKA_LAYOUTS or the installed layouts)\n"
     "  -h, --help          this help\n"
     "exit status: 0 written, 1 the output could not be written, 2 unknown form, FILE exists,\n"
     "or usage.\n"},
    {"guide", hy_guide_write, "the guide",
     "usage: hyoka guide KIND [-o FILE] [--layouts DIR]\n"
     "Writes the writer's guide page of form KIND in Japanese (Markdown): every item, its YAML\n"
     "key, what to write and its options, generated from the layout (docs/ja/).\n"
     "  -o, --output FILE   write to FILE (default: standard output)\n"
     "  --layouts DIR       layout files (default: $HYOKA_LAYOUTS or the installed layouts)\n"
     "  -h, --help          this help\n"
     "exit status: 0 written, 1 the output could not be written, 2 unknown form or usage.\n"},
};

bool hy_form_cmd_is(const char *cmd)
{
    for (size_t i = 0; i < sizeof cmds / sizeof *cmds; i++)
        if (!strcmp(cmd, cmds[i].cmd)) return true;
    return false;
}

static int usage(const char *cmd, const char *help, hy_msg_id id, const char *arg)
{
    char *safe = hy_diag_escape(arg ? arg : "");
    fputs("hyoka: error: ", stderr);
    fprintf(stderr, hy_msg(id), safe);
    free(safe);
    fprintf(stderr, "\n%.*s", (int)strcspn(help, "\n") + 1, help);
    char *sp = hy_xasprintf("%s ", cmd);
    fprintf(stderr, hy_msg(HY_M_USAGE_TRY), sp);
    fputc('\n', stderr);
    free(sp);
    return EXIT_USAGE;
}

/* The layout file of KIND in dir: by the form's name, else by file name (dir/KIND.yaml).
 * A new string, or NULL. */
static char *find_layout(const char *dir, const char *kind)
{
    char *p = lay_path_copy(dir, kind);
    if (p || strchr(kind, '/') || !*kind) return p;
    p = hy_xasprintf("%s/%s.yaml", dir, kind);
    struct stat st;
    if (!stat(p, &st) && S_ISREG(st.st_mode)) return p;
    free(p);
    return NULL;
}

static void say_kinds(const char *dir)
{
    hy_vec kinds = {0};
    if (!lay_kinds(dir, &kinds)) return;
    fprintf(stderr, "hyoka: %s", hy_msg(HY_M_FORM_KINDS));
    for (size_t i = 0; i < kinds.n; i++) {
        fprintf(stderr, " %s", (const char *)kinds.items[i]);
        free(kinds.items[i]);
    }
    fputc('\n', stderr);
    hy_vec_free(&kinds);
}

int hy_form_cmd_main(const char *cmd, int argc, char **argv)
{
    size_t c = 0;
    while (strcmp(cmds[c].cmd, cmd)) c++;
    const char *help = cmds[c].help;
    const char *kind = NULL, *out = NULL, *layouts = NULL;
    bool options_end = false;
    for (int i = 0; i < argc; i++) {
        const char *s = argv[i];
        if (!options_end && (!strcmp(s, "-h") || !strcmp(s, "--help"))) {
            fputs(help, stdout);
            return 0;
        }
    }
    for (int i = 0; i < argc; i++) {
        const char *s = argv[i], **field = NULL, *val = NULL;
        if (options_end || s[0] != '-' || !s[1]) {
            if (kind) return usage(cmd, help, HY_M_FORM_ONE_AT_A_TIME, s);
            kind = s;
            continue;
        }
        if (!strcmp(s, "--")) {
            options_end = true;
            continue;
        }
        if (!strcmp(s, "-o") || !strcmp(s, "--output")) field = &out;
        else if (!strncmp(s, "--output=", 9)) field = &out, val = s + 9;
        else if (!strncmp(s, "-o", 2)) field = &out, val = s + 2;
        else if (!strcmp(s, "--layouts")) field = &layouts;
        else if (!strncmp(s, "--layouts=", 10)) field = &layouts, val = s + 10;
        else return usage(cmd, help, HY_M_USAGE_UNKNOWN_OPTION, s);
        if (!val) {
            if (i + 1 == argc) return usage(cmd, help, HY_M_USAGE_NEEDS_VALUE, s);
            val = argv[++i];
        }
        if (*field) return usage(cmd, help, HY_M_FORM_TWICE, s);
        *field = val;
    }
    if (!kind) return usage(cmd, help, HY_M_FORM_WHICH, "");
    hy_datadir dd = {0};
    hy_buf why = {0};
    if (!hy_datadir_find(&dd, layouts, NULL, &why)) {
        fprintf(stderr, "hyoka: error: %s", why.data);
        hy_buf_free(&why);
        return EXIT_USAGE;
    }
    hy_buf_free(&why);
    int rc = 0;
    char *path = find_layout(dd.layouts_dir, kind);
    hy_diags d = {0};
    lay_form form = {0};
    if (!path) {
        char *safe = hy_diag_escape(kind);
        fputs("hyoka: error: ", stderr);
        fprintf(stderr, hy_msg(HY_M_FORM_NONE), safe, dd.layouts_dir);
        fputc('\n', stderr);
        free(safe);
        say_kinds(dd.layouts_dir);
        rc = EXIT_USAGE;
    } else if (out && strcmp(out, "-") && !strcmp(cmd, "new") && access(out, F_OK) == 0) {
        char *safe = hy_diag_escape(out);
        fputs("hyoka: error: ", stderr);
        fprintf(stderr, hy_msg(HY_M_NEW_EXISTS), safe);
        fputc('\n', stderr);
        free(safe);
        rc = EXIT_USAGE;
    } else if (out && !hy_outfile_check_target(out, NULL, 0, &d)) {
        rc = EXIT_USAGE;
    } else if (!lay_load(path, &form, &d)) {
        lay_free(&form);  /* what the failed load had made */
        rc = EXIT_USAGE;
    } else {
        hy_buf text = {0};
        cmds[c].write(&form, &text);
        if (!out || !strcmp(out, "-")) {
            if (fwrite(text.data, 1, text.len, stdout) != text.len || fflush(stdout)) {
                fputs("hyoka: error: ", stderr);
                fprintf(stderr, hy_msg(HY_M_STDOUT_CANNOT_WRITE), cmds[c].what);
                fputc('\n', stderr);
                rc = 1;
            }
        } else if (!hy_outfile_put(out, cmds[c].what, text.data, text.len, &d)) {
            rc = 1;
        }
        hy_buf_free(&text);
        lay_free(&form);
    }
    hy_diags_print(&d, stderr);
    hy_diags_free(&d);
    free(path);
    hy_datadir_free(&dd);
    return rc;
}
