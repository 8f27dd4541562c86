/* docinput.c — a document from a file, standard input or git (see docinput.h). */
#include "docinput.h"

#include "yaml_load.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

void di_free(di_doc *doc)
{
    free(doc->name);
    hy_buf_free(&doc->data);
    *doc = (di_doc){0};
}

static void too_big(const char *name, hy_diags *d)
{
    hy_diag_msg(d, name, 0, 0, HY_M_FILE_TOO_BIG_U, YL_MAX_INPUT_BYTES >> 20, YL_MAX_INPUT_BYTES);
}

/* Runs `git cat-file blob spec` with no shell; its output goes to out, the first line of its
 * error output to err (at most err_cap - 1 bytes). Returns the exit status, 127 when git
 * could not be run, -1 when it was stopped (too much output: errno E2BIG; too slow: ETIMEDOUT). */
static int run_git(const char *spec, hy_buf *out, char *err, size_t err_cap)
{
    int po[2], pe[2];
    if (pipe(po)) return 127;
    if (pipe(pe)) {
        close(po[0]), close(po[1]);
        return 127;
    }
    pid_t pid = fork();
    if (pid < 0) {
        close(po[0]), close(po[1]), close(pe[0]), close(pe[1]);
        return 127;
    }
    if (pid == 0) {  /* child: only async-signal-safe calls until exec */
        int null = open("/dev/null", O_RDONLY);
        if (null >= 0) dup2(null, 0);
        dup2(po[1], 1);
        dup2(pe[1], 2);
        close(po[0]), close(pe[0]), close(po[1]), close(pe[1]);
        execlp("git", "git", "--no-pager", "cat-file", "blob", spec, (char *)NULL);
        _exit(127);
    }
    close(po[1]), close(pe[1]);
    struct pollfd fds[2] = {{po[0], POLLIN, 0}, {pe[0], POLLIN, 0}};
    size_t err_len = 0;
    int stopped = 0;
    time_t deadline = time(NULL) + DI_GIT_TIMEOUT;
    while ((fds[0].fd >= 0 || fds[1].fd >= 0) && !stopped) {
        int left = (int)(deadline - time(NULL));
        if (left <= 0) {
            stopped = ETIMEDOUT;
            break;
        }
        int r = poll(fds, 2, left * 1000);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) {
            stopped = ETIMEDOUT;
            break;
        }
        for (int i = 0; i < 2; i++) {
            if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
            char chunk[65536];
            ssize_t n = read(fds[i].fd, chunk, sizeof chunk);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) {
                close(fds[i].fd);
                fds[i].fd = -1;
            } else if (i == 0) {
                if (out->len + (size_t)n > YL_MAX_INPUT_BYTES) stopped = E2BIG;
                else hy_buf_add(out, chunk, (size_t)n);
            } else {
                size_t take = (size_t)n < err_cap - 1 - err_len ? (size_t)n : err_cap - 1 - err_len;
                memcpy(err + err_len, chunk, take);
                err_len += take;
            }
        }
    }
    if (stopped) kill(pid, SIGKILL);
    for (int i = 0; i < 2; i++)
        if (fds[i].fd >= 0) close(fds[i].fd);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
    err[err_len] = 0;
    char *nl = strchr(err, '\n');
    if (nl) *nl = 0;
    if (stopped) {
        errno = stopped;
        return -1;
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

static bool read_git(const char *spec, di_doc *out, hy_diags *d)
{
    char err[512];
    int rc = run_git(spec, &out->data, err, sizeof err);
    if (rc == 0) return true;
    if (rc < 0 && errno == E2BIG) too_big(spec, d);
    else if (rc < 0)
        hy_diag_msg(d, spec, 0, 0, HY_M_GIT_TIMEOUT, DI_GIT_TIMEOUT);
    else if (rc == 127)
        hy_diag_msg(d, spec, 0, 0, HY_M_GIT_NOT_RUN);
    else
        hy_diag_msg(d, spec, 0, 0, HY_M_GIT_FAILED, *err ? err : "git failed");
    return false;
}

bool di_read(const char *arg, di_doc *out, hy_diags *d)
{
    *out = (di_doc){.name = hy_xstrdup(!strcmp(arg, "-") ? YL_STDIN_NAME : arg)};
    bool ok;
    struct stat st;
    const char *colon = strchr(arg, ':');
    if (!strcmp(arg, "-") || stat(arg, &st) == 0 || !colon || colon == arg || arg[0] == '-')
        ok = yl_read_file(arg, &out->data, d);  /* a file, or standard input */
    else ok = read_git(arg, out, d);
    if (!out->data.data) hy_buf_puts(&out->data, "");
    return ok;
}
