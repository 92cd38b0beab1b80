// nextsteps-peak PROGRAM [ARGUMENTS...]: runs PROGRAM and writes its peak resident memory in KiB
// (ru_maxrss from wait4) to file descriptor 3, for nextsteps-bench.
//
// Why a C program: a child's ru_maxrss on Linux is at least the memory of the process it was
// forked or spawned from, so the benchmark itself (tens of MiB) cannot start the program it
// measures. This one is small: its forked child starts with almost nothing.
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char *argv[]) {
    if (argc < 2) {
        fprintf(stderr, "usage: nextsteps-peak PROGRAM [ARGUMENTS...]\n");
        return 64;
    }
    pid_t child = fork();
    if (child < 0) return 71;
    if (child == 0) {
        close(3);
        execv(argv[1], argv + 1);
        _exit(127);
    }
    int status = 0;
    struct rusage usage;
    while (wait4(child, &status, 0, &usage) < 0) {}
    dprintf(3, "%ld\n", usage.ru_maxrss);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
