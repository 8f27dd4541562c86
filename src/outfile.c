/* outfile.c — the one writer of output files (see outfile.h for the rules it keeps). */
#include "outfile.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#define TEMP_SUFFIX ".tmp"
#define TEMP_RANDOM 12

static const char *what_is(mode_t m)
{
    return hy_msg(S_ISLNK(m) ? HY_M_IS_SYMLINK : S_ISDIR(m) ? HY_M_IS_DIR : S_ISFIFO(m) ? HY_M_IS_FIFO
                  : S_ISSOCK(m) ? HY_M_IS_SOCKET : S_ISCHR(m) || S_ISBLK(m) ? HY_M_IS_DEVICE : HY_M_NOT_REGULAR);
}

/* 12 letters from the system's random source: 62^12 names, not guessable from the pid. */
static void random_letters(char *out, size_t n)
{
    static const char abc[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    unsigned char r[32];
    size_t got = 0;
    while (got < n) {
        ssize_t k = getrandom(r + got, n - got, 0);
        if (k < 0 && errno == EINTR) continue;
        if (k <= 0) abort();  /* the kernel's random source cannot fail after boot */
        got += (size_t)k;
    }
    for (size_t i = 0; i < n; i++) out[i] = abc[r[i] % 62];
    out[n] = '\0';
}

static void outfile_clear(hy_outfile *o)
{
    free(o->name);
    free(o->tmp);
    free(o->display);
    *o = (hy_outfile){.what = o->what, .dirfd = -1, .fd = -1};
}

bool hy_outfile_open_at(hy_outfile *o, int dirfd, const char *name, const char *display, const char *what,
                        hy_diags *d)
{
    *o = (hy_outfile){.what = what, .dirfd = -1, .fd = -1, .display = hy_xstrdup(display)};
    struct stat st;
    if (!*name || strchr(name, '/') || !strcmp(name, ".") || !strcmp(name, "..")) {
        hy_diag_msg(d, display, 0, 0, HY_M_WRITE_NOT_NAME, what);
        outfile_clear(o);
        return false;
    }
    if (fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 && !S_ISREG(st.st_mode)) {
        hy_diag_msg(d, display, 0, 0, HY_M_WRITE_NOT_REGULAR, what, what_is(st.st_mode));
        outfile_clear(o);
        return false;
    }
    o->dirfd = fcntl(dirfd, F_DUPFD_CLOEXEC, 0);
    if (o->dirfd < 0) {
        hy_diag_msg(d, display, 0, 0, HY_M_WRITE_FAILED, what, strerror(errno));
        outfile_clear(o);
        return false;
    }
    o->name = hy_xstrdup(name);
    size_t len = strlen(name);
    o->tmp = hy_xmalloc(len + TEMP_RANDOM + sizeof TEMP_SUFFIX + 3);
    for (int tries = 0; tries < 100 && o->fd < 0; tries++) {
        char letters[TEMP_RANDOM + 1];
        random_letters(letters, TEMP_RANDOM);
        sprintf(o->tmp, ".%s.%s" TEMP_SUFFIX, name, letters);
        o->fd = openat(o->dirfd, o->tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
        if (o->fd < 0 && errno != EEXIST) break;
    }
    if (o->fd < 0) {
        hy_diag_msg(d, display, 0, 0, HY_M_WRITE_FAILED, what, strerror(errno));
        free(o->tmp);
        o->tmp = NULL;
        hy_outfile_abort(o);
        return false;
    }
    flock(o->fd, LOCK_EX | LOCK_NB);  /* ours alone: just created with O_EXCL */
    return true;
}

bool hy_outfile_open(hy_outfile *o, const char *path, const char *what, hy_diags *d)
{
    if (!strcmp(path, "-")) {
        *o = (hy_outfile){.what = what, .dirfd = -1, .fd = STDOUT_FILENO, .display = hy_xstrdup("standard output")};
        return true;
    }
    const char *slash = strrchr(path, '/');
    char *dir = slash ? hy_xasprintf("%.*s", (int)(slash == path ? 1 : slash - path), path) : hy_xstrdup(".");
    const char *name = slash ? slash + 1 : path;
    int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    bool ok = false;
    if (dfd < 0) {
        *o = (hy_outfile){.what = what, .dirfd = -1, .fd = -1};
        hy_diag_msg(d, path, 0, 0, HY_M_WRITE_FAILED_DIR, what, strerror(errno), dir);
    } else {
        ok = hy_outfile_open_at(o, dfd, name, path, what, d);
        close(dfd);
    }
    free(dir);
    return ok;
}

bool hy_outfile_write(hy_outfile *o, const void *p, size_t n, hy_diags *d)
{
    size_t put = 0;
    while (put < n) {
        ssize_t r = write(o->fd, (const char *)p + put, n - put);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) {
            hy_diag_msg(d, o->display, 0, 0, HY_M_WRITE_FAILED, o->what, r < 0 ? strerror(errno) : hy_msg(HY_M_SHORT_WRITE));
            return false;
        }
        put += (size_t)r;
    }
    return true;
}

bool hy_outfile_commit(hy_outfile *o, hy_diags *d)
{
    if (o->dirfd < 0) {  /* standard output: nothing to rename */
        bool ok = o->fd < 0 || fsync(o->fd) == 0 || errno == EINVAL || errno == EROFS;
        if (!ok) hy_diag_msg(d, o->display, 0, 0, HY_M_WRITE_FAILED, o->what, strerror(errno));
        outfile_clear(o);
        return ok;
    }
    const char *step = "flush";
    bool ok = fsync(o->fd) == 0;
    if (ok) {
        step = "close";
        ok = close(o->fd) == 0;
        o->fd = -1;
    }
    struct stat st;
    if (ok && fstatat(o->dirfd, o->name, &st, AT_SYMLINK_NOFOLLOW) == 0 && !S_ISREG(st.st_mode)) {
        /* something that is not ours appeared at the name while we wrote */
        hy_diag_msg(d, o->display, 0, 0, HY_M_WRITE_PATH_CHANGED, o->what, what_is(st.st_mode));
        hy_outfile_abort(o);
        return false;
    }
    if (ok) {
        step = "rename";
        ok = renameat(o->dirfd, o->tmp, o->dirfd, o->name) == 0;
    }
    if (!ok) {
        hy_diag_msg(d, o->display, 0, 0, HY_M_WRITE_FAILED_STEP, o->what, strerror(errno), step);
        hy_outfile_abort(o);
        return false;
    }
    free(o->tmp);
    o->tmp = NULL;
    if (fsync(o->dirfd) != 0 && errno != EINVAL && errno != EBADF) {
        hy_diag_msg(d, o->display, 0, 0, HY_M_FLUSH_DIR_FAILED, o->what, strerror(errno));
        ok = false;
    }
    hy_outfile_abort(o);
    return ok;
}

void hy_outfile_abort(hy_outfile *o)
{
    if (o->dirfd >= 0) {
        if (o->fd >= 0) close(o->fd);
        if (o->tmp) unlinkat(o->dirfd, o->tmp, 0);
        close(o->dirfd);
    }
    outfile_clear(o);
}

bool hy_outfile_put_at(int dirfd, const char *name, const char *display, const char *what, const void *p,
                       size_t n, hy_diags *d)
{
    hy_outfile o;
    if (!hy_outfile_open_at(&o, dirfd, name, display, what, d)) return false;
    if (!hy_outfile_write(&o, p, n, d)) {
        hy_outfile_abort(&o);
        return false;
    }
    return hy_outfile_commit(&o, d);
}

bool hy_outfile_put(const char *path, const char *what, const void *p, size_t n, hy_diags *d)
{
    hy_outfile o;
    if (!hy_outfile_open(&o, path, what, d)) return false;
    if (!hy_outfile_write(&o, p, n, d)) {
        hy_outfile_abort(&o);
        return false;
    }
    return hy_outfile_commit(&o, d);
}

int hy_outdir_open(int root, const char *rel, bool create, const char *display, hy_diags *d)
{
    int fd = fcntl(root, F_DUPFD_CLOEXEC, 0);
    if (fd < 0) {
        hy_diag_msg(d, display, 0, 0, HY_M_OUTDIR_OPEN_FAILED, strerror(errno));
        return -1;
    }
    char *copy = hy_xstrdup(rel), *save = NULL;
    for (char *c = strtok_r(copy, "/", &save); c; c = strtok_r(NULL, "/", &save)) {
        const char *why = NULL;
        if (!strcmp(c, ".") || !strcmp(c, "..")) why = "'.' and '..' are not allowed in an output path";
        int next = why ? -1 : openat(fd, c, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (!why && next < 0 && errno == ENOENT && create) {
            if (mkdirat(fd, c, 0777) != 0 && errno != EEXIST) why = strerror(errno);
            else next = openat(fd, c, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        }
        if (!why && next < 0) {
            struct stat st;
            why = (errno == ELOOP || errno == ENOTDIR) && fstatat(fd, c, &st, AT_SYMLINK_NOFOLLOW) == 0
                      ? (S_ISLNK(st.st_mode) ? "it is a symbolic link, which an output path never follows"
                                             : "it is not a directory")
                      : strerror(errno);
        }
        if (why) {
            hy_diag_msg(d, display, 0, 0, HY_M_OUTDIR_COMPONENT, c, why);
            close(fd);
            free(copy);
            return -1;
        }
        close(fd);
        fd = next;
    }
    free(copy);
    return fd;
}

int hy_outdir_open_path(const char *path, bool create, hy_diags *d)
{
    if (create) {  /* mkdir -p: each parent as the system resolves it */
        char *p = hy_xstrdup(path);
        for (char *s = strchr(p + 1, '/');; s = strchr(s + 1, '/')) {
            if (s) *s = '\0';
            if (*p && mkdir(p, 0777) != 0 && errno != EEXIST) {
                hy_diag_msg(d, path, 0, 0, HY_M_MKDIR_FAILED, p, strerror(errno));
                free(p);
                return -1;
            }
            if (!s) break;
            *s = '/';
        }
        free(p);
    }
    int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) hy_diag_msg(d, path, 0, 0, HY_M_OPENDIR_FAILED, strerror(errno));
    return fd;
}

char *hy_outfile_temp_target(const char *name)
{
    size_t n = strlen(name), suf = strlen(TEMP_SUFFIX);
    if (n < 1 + 1 + 1 + TEMP_RANDOM + suf || name[0] != '.' || strcmp(name + n - suf, TEMP_SUFFIX)) return NULL;
    const char *letters = name + n - suf - TEMP_RANDOM;
    if (letters[-1] != '.') return NULL;
    for (int i = 0; i < TEMP_RANDOM; i++) {
        char c = letters[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return NULL;
    }
    return hy_xasprintf("%.*s", (int)(letters - 1 - (name + 1)), name + 1);
}

bool hy_outfile_sweep(int dirfd, const char *name)
{
    int fd = openat(dirfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) return false;
    struct stat st;
    bool dead = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && flock(fd, LOCK_EX | LOCK_NB) == 0;
    bool removed = dead && unlinkat(dirfd, name, 0) == 0;
    close(fd);
    return removed;
}

bool hy_outfile_check_target(const char *out, const char *const *inputs, int n_inputs, hy_diags *d)
{
    if (!out || !*out) {
        hy_diag_msg(d, NULL, 0, 0, HY_M_OUTPUT_EMPTY);
        return false;
    }
    if (!strcmp(out, "-")) return true;
    struct stat st;
    if (lstat(out, &st) != 0) return true;  /* a new file */
    if (!S_ISREG(st.st_mode)) {
        hy_diag_msg(d, out, 0, 0, HY_M_OUTPUT_HERE, what_is(st.st_mode),
                    S_ISLNK(st.st_mode) || S_ISCHR(st.st_mode) ? hy_msg(HY_M_USE_STDOUT) : "");
        return false;
    }
    for (int i = 0; i < n_inputs; i++) {
        struct stat in;
        if (inputs[i] && stat(inputs[i], &in) == 0 && in.st_dev == st.st_dev && in.st_ino == st.st_ino) {
            hy_diag_msg(d, out, 0, 0, HY_M_OUTPUT_IS_INPUT, inputs[i]);
            return false;
        }
    }
    return true;
}
