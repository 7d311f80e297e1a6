/* rusage.c: runs a command and reports its wall time and peak memory, so
 * the bench needs no /usr/bin/time. Usage: rusage CMD ARGS...; prints to
 * stderr "wall=S maxrss_kb=N exit=N user=S sys=S" and exits with CMD's status. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static double tv(struct timeval t)
{
    return (double)t.tv_sec + (double)t.tv_usec / 1e6;
}

int main(int argc, char **argv)
{
    struct rusage ru;
    double t0, wall;
    pid_t pid;
    int st, code;

    if (argc < 2) {
        fputs("usage: rusage CMD [ARGS...]\n"
              "runs CMD and prints wall=S maxrss_kb=N exit=N user=S sys=S on stderr\n",
              stderr);
        return 2;
    }
    t0 = now();
    pid = fork();
    if (pid < 0) {
        fprintf(stderr, "rusage: fork: %s\n", strerror(errno));
        return 2;
    }
    if (pid == 0) {
        execvp(argv[1], argv + 1);
        fprintf(stderr, "rusage: %s: %s\n", argv[1], strerror(errno));
        _exit(127);
    }
    while (waitpid(pid, &st, 0) < 0)
        if (errno != EINTR) {
            fprintf(stderr, "rusage: waitpid: %s\n", strerror(errno));
            return 2;
        }
    wall = now() - t0;
    if (getrusage(RUSAGE_CHILDREN, &ru) != 0)
        memset(&ru, 0, sizeof ru);
    code = WIFEXITED(st) ? WEXITSTATUS(st) : WIFSIGNALED(st) ? 128 + WTERMSIG(st) : 1;
    /* ru_maxrss is in kilobytes on Linux. */
    fprintf(stderr, "wall=%.3f maxrss_kb=%ld exit=%d user=%.3f sys=%.3f\n", wall,
            (long)ru.ru_maxrss, code, tv(ru.ru_utime), tv(ru.ru_stime));
    return code;
}
