/* datadir.c — finds the layouts directory and the fonts configuration (see datadir.h). */
#include "datadir.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Set by CMakeLists.txt for the hyoka program. */
#ifndef HYOKA_DATA_REL
#define HYOKA_DATA_REL "../share/hyoka"   /* the data directory relative to the program's */
#endif
#ifndef HYOKA_INSTALL_DATA_DIR
#define HYOKA_INSTALL_DATA_DIR "/usr/local/share/hyoka"
#endif

#define LAYOUTS_REL "layouts"
#define FONTS_REL "fonts/fonts.yaml"
#define MAX_PLACES 3

typedef struct {
    char *dir;          /* candidate data directory */
    char *why;          /* how it was chosen, for the message */
} place;

/* The directory of the running program with symlinks resolved, or NULL (no /proc). */
static char *program_dir(void)
{
    char *exe = realpath("/proc/self/exe", NULL);
    if (!exe) return NULL;
    char *slash = strrchr(exe, '/');
    if (!slash) {
        free(exe);
        return NULL;
    }
    slash[slash == exe ? 1 : 0] = '\0';
    return exe;
}

/* dir joined with rel, each leading "../" of rel taking away one component of dir (so that a
 * message shows /opt/hyoka/share/hyoka, not /opt/hyoka/bin/../share/hyoka). */
static char *beside(const char *dir, const char *rel)
{
    size_t n = strlen(dir);
    while (!strncmp(rel, "../", 3) && n > 1) {
        while (n > 1 && dir[n - 1] != '/') n--;
        if (n > 1) n--;   /* the slash itself, unless it is the root */
        rel += 3;
    }
    return hy_xasprintf("%.*s%s%s", (int)n, dir, dir[n - 1] == '/' ? "" : "/", rel);
}

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* What place `dir` lacks, or NULL if it holds both the layouts and the fonts configuration. */
static const char *lacks(const char *dir)
{
    if (!is_dir(dir)) return "no such directory";
    char *layouts = hy_xasprintf("%s/%s", dir, LAYOUTS_REL), *fonts = hy_xasprintf("%s/%s", dir, FONTS_REL);
    const char *r = !is_dir(layouts) ? "no " LAYOUTS_REL "/ directory" : !is_file(fonts) ? "no " FONTS_REL : NULL;
    free(layouts);
    free(fonts);
    return r;
}

/* Adds a candidate unless the same directory is already listed. Takes ownership of dir and why. */
static void add_place(place *p, int *n, char *dir, char *why)
{
    char *real = realpath(dir, NULL);
    for (int i = 0; i < *n; i++) {
        char *other = realpath(p[i].dir, NULL);
        bool same = !strcmp(p[i].dir, dir) || (real && other && !strcmp(real, other));
        free(other);
        if (same) {
            free(real);
            free(dir);
            free(why);
            return;
        }
    }
    free(real);
    p[(*n)++] = (place){dir, why};
}

static int candidates(place *p)
{
    int n = 0;
    char *exe = realpath("/proc/self/exe", NULL), *prog = program_dir();
    if (prog) add_place(p, &n, beside(prog, HYOKA_DATA_REL), hy_xasprintf("beside the program %s", exe));
#if defined(HYOKA_BUILD_DIR) && defined(HYOKA_DATA_DIR)
    char *build = realpath(HYOKA_BUILD_DIR, NULL);
    if (prog && build && !strcmp(prog, build))
        add_place(p, &n, hy_xstrdup(HYOKA_DATA_DIR), hy_xstrdup("the source tree of this build"));
    free(build);
#endif
    add_place(p, &n, hy_xstrdup(HYOKA_INSTALL_DATA_DIR), hy_xstrdup("the configured installation prefix"));
    free(exe);
    free(prog);
    return n;
}

static char *from_env(const char *name)
{
    const char *v = getenv(name);
    return v && *v ? hy_xstrdup(v) : NULL;
}

bool hy_datadir_find(hy_datadir *dd, const char *layouts_opt, const char *fonts_opt, hy_buf *why)
{
    *dd = (hy_datadir){0};
    dd->layouts_dir = layouts_opt ? hy_xstrdup(layouts_opt) : from_env("HYOKA_LAYOUTS");
    dd->fonts_file = fonts_opt ? hy_xstrdup(fonts_opt) : from_env("HYOKA_FONTS");
    if (dd->layouts_dir && dd->fonts_file) return true;

    place p[MAX_PLACES];
    int n = candidates(p);
    const char *missing[MAX_PLACES];
    int found = -1;
    for (int i = 0; i < n && found < 0; i++)
        if (!(missing[i] = lacks(p[i].dir))) found = i;
    if (found >= 0) {
        if (!dd->layouts_dir) dd->layouts_dir = hy_xasprintf("%s/%s", p[found].dir, LAYOUTS_REL);
        if (!dd->fonts_file) dd->fonts_file = hy_xasprintf("%s/%s", p[found].dir, FONTS_REL);
    } else {
        hy_buf_printf(why, "cannot find hyoka's data (%s/ and %s); looked in:\n", LAYOUTS_REL, FONTS_REL);
        for (int i = 0; i < n; i++) hy_buf_printf(why, "  %s (%s): %s\n", p[i].dir, p[i].why, missing[i]);
        hy_buf_printf(why, "  (give --layouts DIR and --fonts FILE, or set HYOKA_LAYOUTS and HYOKA_FONTS)\n");
    }
    for (int i = 0; i < n; i++) {
        free(p[i].dir);
        free(p[i].why);
    }
    if (found < 0) hy_datadir_free(dd);
    return found >= 0;
}

void hy_datadir_free(hy_datadir *dd)
{
    free(dd->layouts_dir);
    free(dd->fonts_file);
    *dd = (hy_datadir){0};
}
