/* batch_pool.c — the worker pool (see batch_pool.h). */
#include "batch_pool.h"
#include "diag.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

typedef struct {
    int32_t status, rc, pages;
    uint32_t errlen;
    int64_t us, bytes;
} bt_msg;

typedef struct {
    pid_t pid;        /* 0: no process in this slot */
    int jobfd, resfd;
    long doc;         /* index being rendered, or -1 */
    double since;     /* when it got that document */
    bool timed_out;   /* killed by us for --timeout */
} bt_worker;

typedef struct {
    const bt_pool_cfg *cfg;
    bt_docs *ds;
    const size_t *queue;
    size_t n_queue, next;
    bt_worker *w;
    unsigned nw;
    size_t spawns, max_spawns;
} pool;

static volatile sig_atomic_t g_stop;

static void on_stop(int sig)
{
    g_stop = sig;
}

static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static ssize_t read_full(int fd, void *p, size_t n)
{
    size_t got = 0;
    while (got < n) {
        ssize_t r = read(fd, (char *)p + got, n - got);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) break;
        got += (size_t)r;
    }
    return (ssize_t)got;
}

static bool write_full(int fd, const void *p, size_t n)
{
    size_t put = 0;
    while (put < n) {
        ssize_t r = write(fd, (const char *)p + put, n - put);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) return false;
        put += (size_t)r;
    }
    return true;
}

/* `file: error: why` as one escaped line (diag.c's format). */
static char *error_line(const char *file, const char *why)
{
    char *f = hy_diag_escape(file), *line = hy_xasprintf("%s: error: %s\n", f, why);
    free(f);
    return line;
}

/* ---------------------------------------------------------------- in a worker */

static char *diags_text(const hy_diags *d, uint32_t *len)
{
    char *text = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&text, &n);
    if (f) {
        hy_diags_print(d, f);
        fclose(f);
    }
    *len = (uint32_t)n;
    return text;
}

/* The worker's life: read an index, answer with a message, until the parent closes the pipe. */
static int worker_main(const bt_pool_cfg *cfg, const bt_docs *ds, int jobfd, int resfd)
{
    hy_engine *e = hy_engine_new(cfg->ro);
    uint32_t idx;
    while (read_full(jobfd, &idx, sizeof idx) == (ssize_t)sizeof idx && idx < ds->n) {
        bt_msg m = {0};
        double t0 = now_s();
        hy_diags d = {0};
        int status, pages;
        int64_t bytes;
        m.rc = bt_process(e, cfg->roots, cfg->env, cfg->force, &ds->v[idx], &status, &pages, &bytes, &d);
        m.status = status;
        m.pages = pages;
        m.bytes = bytes;
        char *text = diags_text(&d, &m.errlen);
        hy_diags_free(&d);
        m.us = (int64_t)((now_s() - t0) * 1e6);
        bool ok = write_full(resfd, &m, sizeof m) && write_full(resfd, text, m.errlen);
        free(text);
        if (!ok) break;
    }
    hy_engine_free(e);
    return 0;
}

/* ---------------------------------------------------------------- in the parent */

static void finish_doc(pool *p, bt_doc *d, int status, int rc, char *errors)
{
    d->status = status;
    d->rc = rc;
    free(d->errors);
    d->errors = errors;
    if (p->cfg->on_done) p->cfg->on_done(p->cfg->ctx, d);
}

static void describe_exit(char *buf, size_t n, int st)
{
    if (WIFSIGNALED(st)) snprintf(buf, n, "killed by signal %d, %s", WTERMSIG(st), strsignal(WTERMSIG(st)));
    else if (WIFEXITED(st) && WEXITSTATUS(st) == HY_EXIT_OOM) /* hy_die_oom(): a worker exits 0 otherwise */
        snprintf(buf, n, "it ran out of memory");
    else if (WIFEXITED(st)) snprintf(buf, n, "exited with status %d", WEXITSTATUS(st));
    else snprintf(buf, n, "stopped");
}

/* A worker's pipe closed (or we give up on it): reap it and fail the document it was on. Its
 * temporary files are left to the sweep: their flock is released with the process. */
static void worker_gone(pool *p, bt_worker *w, const char *why)
{
    int st = 0;
    close(w->jobfd);
    close(w->resfd);
    if (why || w->timed_out) kill(w->pid, SIGKILL);
    while (waitpid(w->pid, &st, 0) < 0 && errno == EINTR) {}
    if (w->doc >= 0) {
        bt_doc *d = &p->ds->v[w->doc];
        char how[160], *msg;
        if (w->timed_out)
            snprintf(how, sizeof how, "it took longer than --timeout %u s and was killed", p->cfg->timeout);
        else describe_exit(how, sizeof how, st);
        if (why) msg = error_line(d->in, why);
        else {
            char *text = hy_xasprintf("the worker rendering this document died (%s); the batch went on without it",
                                      how);
            msg = error_line(d->in, text);
            free(text);
        }
        finish_doc(p, d, BT_FAILED, HY_ERR_OUTPUT, msg);
    }
    *w = (bt_worker){0, -1, -1, -1, 0, false};
}

static void close_others(pool *p, const bt_worker *self)
{
    for (unsigned i = 0; i < p->nw; i++)
        if (&p->w[i] != self && p->w[i].pid > 0) {
            close(p->w[i].jobfd);
            close(p->w[i].resfd);
        }
}

static bool spawn(pool *p, bt_worker *w)
{
    int job[2], res[2];
    if (pipe(job)) return false;
    if (pipe(res)) {
        close(job[0]);
        close(job[1]);
        return false;
    }
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        close(job[1]);
        close(res[0]);
        close_others(p, w);
        signal(SIGINT, SIG_DFL);
        signal(SIGTERM, SIG_DFL);
        signal(SIGPIPE, SIG_DFL);
        _exit(worker_main(p->cfg, p->ds, job[0], res[1]));
    }
    close(job[0]);
    close(res[1]);
    if (pid < 0) {
        close(job[1]);
        close(res[0]);
        return false;
    }
    p->spawns++;
    *w = (bt_worker){pid, job[1], res[0], -1, 0, false};
    return true;
}

/* Gives each idle worker the next document, starting workers where a slot is empty. */
static void feed(pool *p)
{
    for (unsigned i = 0; i < p->nw && p->next < p->n_queue; i++) {
        bt_worker *w = &p->w[i];
        if (!w->pid && (p->spawns >= p->max_spawns || !spawn(p, w))) continue;
        if (w->doc >= 0) continue;
        uint32_t idx = (uint32_t)p->queue[p->next];
        if (!write_full(w->jobfd, &idx, sizeof idx)) {
            worker_gone(p, w, NULL);  /* died idle: the document stays queued */
            continue;
        }
        w->doc = (long)idx;
        w->since = now_s();
        p->next++;
    }
}

/* Reads one answer; a short read means the worker died. */
static void collect(pool *p, bt_worker *w)
{
    bt_msg m;
    if (read_full(w->resfd, &m, sizeof m) != (ssize_t)sizeof m || m.errlen > (1u << 24)) {
        worker_gone(p, w, NULL);
        return;
    }
    char *text = hy_xmalloc((size_t)m.errlen + 1);
    if (read_full(w->resfd, text, m.errlen) != (ssize_t)m.errlen) {
        free(text);
        worker_gone(p, w, NULL);
        return;
    }
    text[m.errlen] = '\0';
    bt_doc *d = &p->ds->v[w->doc];
    d->pages = m.pages;
    d->ms = (double)m.us / 1000.0;
    d->bytes = m.bytes;
    w->doc = -1;
    finish_doc(p, d, m.status, m.rc, m.errlen ? text : (free(text), NULL));
}

static unsigned busy_fds(pool *p, struct pollfd *pf, bt_worker **who)
{
    unsigned k = 0;
    for (unsigned i = 0; i < p->nw; i++)
        if (p->w[i].pid && p->w[i].doc >= 0) {
            pf[k] = (struct pollfd){p->w[i].resfd, POLLIN, 0};
            who[k++] = &p->w[i];
        }
    return k;
}

/* Documents never handed to a worker (interrupted, or no worker could be started). */
static void fail_rest(pool *p, const char *why)
{
    for (; p->next < p->n_queue; p->next++) {
        bt_doc *d = &p->ds->v[p->queue[p->next]];
        finish_doc(p, d, BT_FAILED, HY_ERR_OUTPUT, error_line(d->in, why));
    }
}

/* A worker stuck on one document longer than --timeout is killed; collect() then sees its pipe
 * close and reports the document. */
static void check_timeouts(pool *p)
{
    double now = now_s();
    for (unsigned i = 0; p->cfg->timeout && i < p->nw; i++) {
        bt_worker *w = &p->w[i];
        if (w->pid && w->doc >= 0 && !w->timed_out && now - w->since > p->cfg->timeout) {
            kill(w->pid, SIGKILL);
            w->timed_out = true;
        }
    }
}

static void run(pool *p)
{
    struct pollfd *pf = hy_xcalloc(p->nw, sizeof *pf);
    bt_worker **who = hy_xcalloc(p->nw, sizeof *who);
    while (!g_stop) {
        feed(p);
        unsigned k = busy_fds(p, pf, who);
        if (!k) {  /* all answered, or no worker could be started */
            fail_rest(p, "not rendered: no worker process could be started");
            break;
        }
        int r = poll(pf, k, 100);
        for (unsigned i = 0; r > 0 && i < k; i++)
            if (pf[i].revents) collect(p, who[i]);
        check_timeouts(p);
        if (p->cfg->on_tick) p->cfg->on_tick(p->cfg->ctx);
    }
    free(pf);
    free(who);
}

/* Closes the job pipes (idle workers exit), kills busy ones when stopped, reaps them all. */
static void stop(pool *p)
{
    for (unsigned i = 0; i < p->nw; i++) {
        bt_worker *w = &p->w[i];
        if (!w->pid) continue;
        if (w->doc >= 0) worker_gone(p, w, "not finished: the batch was interrupted");
        else worker_gone(p, w, NULL);
    }
    if (g_stop) fail_rest(p, "not rendered: the batch was interrupted");
}

void bt_pool_signals(bool on)
{
    if (on) g_stop = 0;
    struct sigaction sa = {0};
    sa.sa_handler = on ? on_stop : SIG_DFL;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    signal(SIGPIPE, on ? SIG_IGN : SIG_DFL);
}

bool bt_pool_run(bt_docs *ds, const size_t *queue, size_t n, const bt_pool_cfg *cfg)
{
    pool p = {cfg, ds, queue, n, 0, NULL, cfg->jobs ? cfg->jobs : 1, 0, 0};
    if (p.nw > n) p.nw = n ? (unsigned)n : 1;
    p.w = hy_xcalloc(p.nw, sizeof *p.w);
    for (unsigned i = 0; i < p.nw; i++) p.w[i] = (bt_worker){0, -1, -1, -1, 0, false};
    p.max_spawns = n + 2 * (size_t)p.nw;
    if (!g_stop) run(&p);
    stop(&p);
    free(p.w);
    return g_stop != 0;
}

bool bt_pool_stopped(void)
{
    return g_stop != 0;
}
