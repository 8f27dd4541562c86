/* bench/rusage.c — runs a command and reports its own resource usage, for bench/measure.py.
 *
 *   rusage OUTFILE CMD [ARG...]
 *
 * Writes "maxrss_kib user_seconds system_seconds" of CMD (from wait4: the process and the
 * children it waited for) to OUTFILE and exits with CMD's status. Why not measure from Python:
 * a child's peak RSS (ru_maxrss) includes the memory of the process it was forked from, kept
 * across exec, so a child of the Python interpreter reports at least the interpreter's 14 MB.
 * This helper is small (about 1 MB), so what it carries over is below any hyoka figure. */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE   /* wait4 */
#endif
#include <stdio.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc < 3) {
        fputs("usage: rusage OUTFILE CMD [ARG...]\n", stderr);
        return 2;
    }
    pid_t pid = fork();
    if (pid < 0) {
        perror("rusage: fork");
        return 2;
    }
    if (pid == 0) {
        execvp(argv[2], argv + 2);
        perror("rusage: exec");
        _exit(127);
    }
    int status;
    struct rusage ru;
    if (wait4(pid, &status, 0, &ru) != pid) {
        perror("rusage: wait4");
        return 2;
    }
    FILE *f = fopen(argv[1], "w");
    if (!f) {
        perror("rusage: output file");
        return 2;
    }
    fprintf(f, "%ld %.6f %.6f\n", ru.ru_maxrss, ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6,
            ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6);
    if (fclose(f) != 0) return 2;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
