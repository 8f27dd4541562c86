/* infile.c — bounded reading of input files (see infile.h). */
#include "infile.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

static const char *kind_of(mode_t m)
{
    return hy_msg(S_ISDIR(m) ? HY_M_IS_DIR_GIVE_YAML : S_ISFIFO(m) ? HY_M_IS_FIFO_NOT_REG
                  : S_ISSOCK(m) ? HY_M_IS_SOCKET_NOT_REG : S_ISCHR(m) || S_ISBLK(m) ? HY_M_IS_DEVICE_NOT_REG
                  : HY_M_NOT_REGULAR);
}

bool hy_infile_read_fd(int fd, const char *name, size_t max, hy_buf *buf, hy_diags *d)
{
    char chunk[65536];
    size_t start = buf->len;
    hy_buf_add(buf, NULL, 0);
    for (;;) {
        ssize_t n = read(fd, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            hy_diag_msg(d, name, 0, 0, HY_M_READ_FAILED, strerror(errno));
            return false;
        }
        if (n == 0) return true;
        if (buf->len - start + (size_t)n > max) {
            hy_diag_msg(d, name, 0, 0, HY_M_FILE_TOO_BIG, max >> 20, max);
            return false;
        }
        hy_buf_add(buf, chunk, (size_t)n);
    }
}

bool hy_infile_read(const char *path, int flags, size_t max, hy_buf *buf, struct stat *st, hy_diags *d)
{
    bool regular = flags & HY_IN_REGULAR;
    /* O_NONBLOCK: opening a FIFO must not wait for a writer when only regular files are wanted */
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | (regular ? O_NONBLOCK : 0));
    if (fd < 0) {
        const char *why = errno == ELOOP ? "a loop of symbolic links (or too many levels of them)"
                          : strerror(errno);
        struct stat l;
        if (errno == ENOENT && lstat(path, &l) == 0 && S_ISLNK(l.st_mode)) why = "a dangling symbolic link";
        hy_diag_msg(d, path, 0, 0, HY_M_OPEN_FAILED, why);
        return false;
    }
    struct stat s;
    bool ok = fstat(fd, &s) == 0;
    if (!ok) hy_diag_msg(d, path, 0, 0, HY_M_READ_FAILED, strerror(errno));
    else if (S_ISDIR(s.st_mode) || (regular && !S_ISREG(s.st_mode))) {
        hy_diag_msg(d, path, 0, 0, HY_M_THIS_IS, kind_of(s.st_mode));
        ok = false;
    }
    if (ok && regular) fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    if (ok) ok = hy_infile_read_fd(fd, path, max, buf, d);
    if (st) *st = s;
    close(fd);
    return ok;
}
