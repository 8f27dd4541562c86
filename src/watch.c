/* watch.c — the preview loop (see watch.h): inotify on the directories of the document and of
 * what its rendering read, a debounce, and one hy_engine per run (a fresh engine reads a changed
 * layout or fonts file again). Signals arrive through a signalfd, polled with inotify. */
#include "watch.h"

#include "diag.h"
#include "msg.h"
#include "outfile.h"
#include "util.h"

#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <time.h>
#include <unistd.h>

/* Quiet time before a run (ms): an editor's save is several events (write a temporary file,
 * rename it, change its mode); the run starts once none came for this long. */
#define WATCH_DEBOUNCE_MS 150
/* Most directories watched: the document's, the layout's and layouts', the fonts file's. */
#define WATCH_MAX_DIRS 8

const char hy_watch_help[] =
    "usage: hyoka watch IN.yaml [-o OUT.pdf] [options]\n"
    "Renders IN, then again each time it is saved (and when the layout or fonts configuration\n"
    "it uses changes), printing the messages of each run. A run with errors writes nothing: the\n"
    "last good PDF stays. Stop with Ctrl+C.\n"
    "  -o, --output FILE   the PDF (default: IN with .yaml/.yml replaced by .pdf)\n"
    "  --stamp TEXT, --watermark TEXT, --layouts DIR, --fonts FILE   as for render\n"
    "  -h, --help          this help\n"
    "exit status: 0 stopped by a signal, 1 the files cannot be watched, 2 the command line is wrong.\n";

typedef struct {
    int wd;
    char *dir;
    hy_vec names;      /* base names in dir whose change starts a run (owned) */
} watched;

typedef struct {
    int ifd;
    watched dirs[WATCH_MAX_DIRS];
    size_t n;
} watcher;

static int usage(hy_msg_id id, const char *arg)
{
    char *safe = hy_diag_escape(arg ? arg : "");
    fputs("hyoka: error: ", stderr);
    fprintf(stderr, hy_msg(id), safe);
    free(safe);
    fprintf(stderr, "\n%.*s", (int)strcspn(hy_watch_help, "\n") + 1, hy_watch_help);
    fprintf(stderr, hy_msg(HY_M_USAGE_TRY), "watch ");
    fputc('\n', stderr);
    return 2;
}

/* "hyoka: " and message id with its arguments, on a line of its own. */
static void say(hy_msg_id id, ...)
{
    va_list ap;
    va_start(ap, id);
    fputs("hyoka: ", stderr);
    vfprintf(stderr, hy_msg(id), ap);
    fputc('\n', stderr);
    va_end(ap);
}

/* dir and base name of path (new strings). */
static void split(const char *path, char **dir, char **base)
{
    const char *slash = strrchr(path, '/');
    if (!slash) {
        *dir = hy_xstrdup(".");
        *base = hy_xstrdup(path);
    } else {
        *dir = slash == path ? hy_xstrdup("/") : hy_xasprintf("%.*s", (int)(slash - path), path);
        *base = hy_xstrdup(slash + 1);
    }
}

/* Watches `name` in `dir` (name NULL: any change in dir). Quiet when dir cannot be watched
 * (it is reported once for the document's own directory by the caller). */
static bool watch_name(watcher *w, const char *dir, const char *name)
{
    watched *d = NULL;
    for (size_t i = 0; i < w->n && !d; i++)
        if (!strcmp(w->dirs[i].dir, dir)) d = &w->dirs[i];
    if (!d) {
        if (w->n == WATCH_MAX_DIRS) return false;
        int wd = inotify_add_watch(w->ifd, dir, IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE |
                                                   IN_MOVED_FROM | IN_ATTRIB | IN_ONLYDIR);
        if (wd < 0) return false;
        for (size_t i = 0; i < w->n && !d; i++)
            if (w->dirs[i].wd == wd) d = &w->dirs[i];  /* the same directory by another name */
        if (!d) {
            d = &w->dirs[w->n++];
            *d = (watched){.wd = wd, .dir = hy_xstrdup(dir)};
        }
    }
    for (size_t i = 0; i < d->names.n; i++)
        if (!strcmp(d->names.items[i], name ? name : "")) return true;
    hy_vec_push(&d->names, hy_xstrdup(name ? name : ""));
    return true;
}

static void watch_path(watcher *w, const char *path)
{
    char *dir, *base;
    split(path, &dir, &base);
    watch_name(w, dir, base);
    free(dir);
    free(base);
}

/* The files the engine read (deps.h lines: layout FILE, kinds DIR, fonts FILE). */
static void watch_deps(watcher *w, const char *deps)
{
    for (const char *line = deps; line && *line;) {
        const char *end = strchr(line, '\n');
        size_t n = end ? (size_t)(end - line) : strlen(line);
        char kind[16];
        const char *sp1 = memchr(line, ' ', n), *sp2 = sp1 ? memchr(sp1 + 1, ' ', n - (size_t)(sp1 + 1 - line)) : NULL;
        if (sp1 && sp2 && (size_t)(sp1 - line) < sizeof kind) {
            snprintf(kind, sizeof kind, "%.*s", (int)(sp1 - line), line);
            char *name = hy_xasprintf("%.*s", (int)(n - (size_t)(sp2 + 1 - line)), sp2 + 1);
            if (!strcmp(kind, "layout") || !strcmp(kind, "fonts")) watch_path(w, name);
            else if (!strcmp(kind, "kinds")) watch_name(w, name, NULL);
            free(name);
        }
        line = end ? end + 1 : NULL;
    }
}

/* Reads the pending events; true if one of them concerns a watched name. */
static bool drain(watcher *w)
{
    char buf[8192] __attribute__((aligned(__alignof__(struct inotify_event))));
    bool hit = false;
    for (;;) {
        ssize_t len = read(w->ifd, buf, sizeof buf);
        if (len <= 0) return hit;
        for (char *p = buf; p < buf + len;) {
            const struct inotify_event *ev = (const struct inotify_event *)p;
            for (size_t i = 0; i < w->n; i++) {
                if (w->dirs[i].wd != ev->wd) continue;
                for (size_t j = 0; j < w->dirs[i].names.n; j++) {
                    const char *nm = w->dirs[i].names.items[j];
                    if (!*nm ? ev->len && strstr(ev->name, ".yaml") : ev->len && !strcmp(ev->name, nm)) hit = true;
                }
            }
            if (ev->mask & IN_Q_OVERFLOW) hit = true;
            p += sizeof *ev + ev->len;
        }
    }
}

static void stamp(char *buf, size_t cap)
{
    time_t t = time(NULL);
    struct tm tm;
    localtime_r(&t, &tm);
    strftime(buf, cap, "%H:%M:%S", &tm);
}

/* One run: a fresh engine (it reads the layout and fonts again), the messages, a status line.
 * The dependencies of a successful run are added to the watch. */
static void run(watcher *w, const hy_render_options *ro, const char *in, const char *out)
{
    hy_engine *e = hy_engine_new(ro);
    hy_diags d = {0};
    int pages = 0;
    int rc = hy_engine_render(e, in, out, &d, &pages);
    hy_diags_print(&d, stderr);
    hy_diags_free(&d);
    char t[16];
    stamp(t, sizeof t);
    char *si = hy_diag_escape(in), *so = hy_diag_escape(out);
    if (rc == HY_OK)
        say(HY_M_WATCH_WROTE, t, so, pages);
    else if (rc == HY_ERR_INPUT)
        say(HY_M_WATCH_ERRORS, t, si, so);
    else
        say(HY_M_WATCH_NOT_WRITTEN, t, so);
    free(si);
    free(so);
    if (rc == HY_OK) watch_deps(w, hy_engine_deps(e));
    hy_engine_free(e);
}

int hy_watch_main(int argc, char **argv, const hy_render_options *base)
{
    hy_render_options ro = *base;
    const char *in = NULL, *out = NULL;
    bool options_end = false;
    for (int i = 0; i < argc; i++) {
        const char *s = argv[i], **field = NULL, *val = NULL;
        if (options_end || s[0] != '-' || !s[1]) {
            if (in) return usage(HY_M_WATCH_ONE_INPUT, s);
            in = s;
            continue;
        }
        if (!strcmp(s, "--")) {
            options_end = true;
            continue;
        }
        static const struct { const char *name, *alias; size_t field; } opts[] = {
            {"--output", "-o", 0}, {"--stamp", NULL, 1}, {"--watermark", NULL, 2},
            {"--layouts", NULL, 3}, {"--fonts", NULL, 4},
        };
        const char *ignored = NULL, **fields[] = {&out, &ro.stamp, &ro.watermark, &ignored, &ignored};
        size_t len = strcspn(s, "=");
        for (size_t k = 0; k < sizeof opts / sizeof *opts && !field; k++) {
            if ((strlen(opts[k].name) == len && !strncmp(s, opts[k].name, len)) ||
                (opts[k].alias && !strcmp(s, opts[k].alias))) {
                field = fields[opts[k].field];
                if (s[len]) val = s + len + 1;
            } else if (opts[k].alias && !strncmp(s, opts[k].alias, 2) && s[2]) {
                field = fields[opts[k].field];
                val = s + 2;
            }
        }
        if (!field) return usage(HY_M_USAGE_UNKNOWN_OPTION, s);
        if (!val) {
            if (i + 1 == argc) return usage(HY_M_USAGE_NEEDS_VALUE, s);
            val = argv[++i];
        }
        *field = val;
    }
    if (!in) return usage(HY_M_WATCH_NO_INPUT, "");
    if (!strcmp(in, "-")) return usage(HY_M_WATCH_STDIN, "");
    char *def = out ? NULL : hy_pdf_name_copy(in);
    if (!out) out = def;
    if (!strcmp(out, "-")) {
        free(def);
        return usage(HY_M_WATCH_STDOUT, "");
    }
    hy_diags d = {0};
    const char *inputs[] = {in};
    if (!hy_outfile_check_target(out, inputs, 1, &d)) {
        hy_diags_print(&d, stderr);
        hy_diags_free(&d);
        free(def);
        return 2;
    }
    /* SIGINT and SIGTERM come through a signalfd, so a signal never interrupts a run halfway
     * (the output is renamed into place whole or not at all, outfile.c). */
    sigset_t mask;
    sigemptyset(&mask);
    sigaddset(&mask, SIGINT);
    sigaddset(&mask, SIGTERM);
    sigaddset(&mask, SIGHUP);
    sigprocmask(SIG_BLOCK, &mask, NULL);
    int sfd = signalfd(-1, &mask, SFD_CLOEXEC | SFD_NONBLOCK);
    watcher w = {.ifd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC)};
    int rc = 0;
    char *dir, *name;
    split(in, &dir, &name);
    if (sfd < 0 || w.ifd < 0 || !watch_name(&w, dir, name)) {
        char *safe = hy_diag_escape(dir);
        fputs("hyoka: error: ", stderr);
        fprintf(stderr, hy_msg(HY_M_WATCH_CANNOT), safe, strerror(errno));
        fputc('\n', stderr);
        free(safe);
        rc = 1;
    }
    free(dir);
    free(name);
    if (!rc) {
        char *si = hy_diag_escape(in);
        say(HY_M_WATCH_START, si);
        free(si);
        run(&w, &ro, in, out);
    }
    bool pending = false;
    while (!rc) {
        struct pollfd p[2] = {{.fd = w.ifd, .events = POLLIN}, {.fd = sfd, .events = POLLIN}};
        int n = poll(p, 2, pending ? WATCH_DEBOUNCE_MS : -1);
        if (n < 0 && errno != EINTR) {
            fputs("hyoka: error: ", stderr);
            fprintf(stderr, hy_msg(HY_M_WATCH_CANNOT), ".", strerror(errno));
            fputc('\n', stderr);
            rc = 1;
            break;
        }
        if (n > 0 && (p[1].revents & POLLIN)) break;
        if (n > 0 && (p[0].revents & POLLIN)) {
            if (drain(&w)) pending = true;
            continue;
        }
        if (n == 0 && pending) {  /* quiet for WATCH_DEBOUNCE_MS after a change: run */
            pending = false;
            if (access(in, F_OK) == 0) run(&w, &ro, in, out);
        }
    }
    if (!rc) say(HY_M_WATCH_STOPPED);
    for (size_t i = 0; i < w.n; i++) {
        free(w.dirs[i].dir);
        for (size_t j = 0; j < w.dirs[i].names.n; j++) free(w.dirs[i].names.items[j]);
        hy_vec_free(&w.dirs[i].names);
    }
    if (w.ifd >= 0) close(w.ifd);
    if (sfd >= 0) close(sfd);
    free(def);
    return rc;
}
