/* outfile.h — every file hyoka writes (the PDF, the batch's state files, the JSON report) goes
 * through this module, so that one set of rules protects them all:
 *
 * - the bytes go to a new file created with O_CREAT|O_EXCL|O_NOFOLLOW under an unpredictable
 *   name (`.NAME.<12 random letters>.tmp`) in the target's own directory, opened through a
 *   directory descriptor; the writer holds an flock() on it until it is renamed, so a sweep can
 *   tell a live run's temporary file from a dead one's (hy_outfile_sweep);
 * - it is fsync()ed, renamed over NAME with renameat(), and the directory is fsync()ed;
 * - NAME itself is never followed: if it exists it must be a regular file (a symbolic link, a
 *   directory or a device there is refused, never replaced);
 * - directories below an output root are opened or created one component at a time with
 *   O_NOFOLLOW|O_DIRECTORY (hy_outdir_open), so a planted symbolic link cannot lead outside.
 *
 * Errors are reported as hy_diags entries naming the file (`display`); nothing here prints. */
#ifndef HY_OUTFILE_H
#define HY_OUTFILE_H

#include "diag.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
    const char *what; /* "the PDF", "the report": for messages (a static string) */
    int dirfd;      /* the target's directory (owned), or -1 for standard output */
    int fd;         /* the temporary file (or 1), -1 once closed */
    char *name;     /* final name inside dirfd */
    char *tmp;      /* temporary name inside dirfd; NULL once renamed or removed */
    char *display;  /* the path as messages show it */
} hy_outfile;

/* Starts a file called `name` (one path component) in the directory `dirfd` (borrowed: it is
 * duplicated). `display` is the path for messages, `what` the noun ("the PDF", a static
 * string): "cannot write the PDF: No space left on device". False (with a diagnostic) when NAME exists
 * and is not a regular file, or the temporary file cannot be created. */
bool hy_outfile_open_at(hy_outfile *o, int dirfd, const char *name, const char *display, const char *what,
                        hy_diags *d);

/* The same for a path named by the user: its directory part is opened as given (following
 * links there is the user's choice), its last component never. "-" is standard output: the
 * bytes are written straight to descriptor 1, without a temporary file. */
bool hy_outfile_open(hy_outfile *o, const char *path, const char *what, hy_diags *d);

bool hy_outfile_write(hy_outfile *o, const void *p, size_t n, hy_diags *d);

/* fsync, rename into place, fsync the directory; frees o. On failure the temporary file is
 * removed and the previous file at NAME (if any) is untouched. */
bool hy_outfile_commit(hy_outfile *o, hy_diags *d);

/* Removes the temporary file and frees o (safe after a failed open or a commit). */
void hy_outfile_abort(hy_outfile *o);

/* open + write + commit in one call. */
bool hy_outfile_put_at(int dirfd, const char *name, const char *display, const char *what, const void *p,
                       size_t n, hy_diags *d);
bool hy_outfile_put(const char *path, const char *what, const void *p, size_t n, hy_diags *d);

/* Opens the directory `rel` ("a/b", or "" for root itself) below the directory root, one
 * component at a time without following symbolic links, creating missing components (mode
 * 0777 less the umask) when `create`. Returns a new descriptor or -1 with a diagnostic naming
 * `display` (the whole path) and the component at fault. Components "." and ".." are refused. */
int hy_outdir_open(int root, const char *rel, bool create, const char *display, hy_diags *d);

/* Opens the directory `path` given by the user (created with its parents when `create`); the
 * path's own components are followed as the system does. -1 with a diagnostic. */
int hy_outdir_open_path(const char *path, bool create, hy_diags *d);

/* If `name` is a temporary name this module makes, returns the final name it was for (caller
 * frees); else NULL. */
char *hy_outfile_temp_target(const char *name);

/* Removes the temporary file `name` in dirfd if no live process holds it (its writer's flock
 * is gone). True if it was removed. */
bool hy_outfile_sweep(int dirfd, const char *name);

/* Before any work, for an output path named on the command line: refuses an empty path, a
 * path that exists and is not a regular file (a directory, a device, a FIFO, a symbolic link
 * — use "-" for standard output), and a path that is one of the inputs (same device and
 * inode). False with a diagnostic; the caller exits with status 2. */
bool hy_outfile_check_target(const char *out, const char *const *inputs, int n_inputs, hy_diags *d);

#endif
