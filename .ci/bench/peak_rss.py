#!/usr/bin/env python3
"""Runs commands in turn, ROUNDS rounds, each as a whole process started from this small one,
and prints as JSON each command's wall times and peak resident set sizes (wait4's ru_maxrss, KiB).

Why from a small process: Linux counts in a child's ru_maxrss the resident size of the process
it was started from (posix_spawn shares the parent's memory until exec, and exec keeps its high
water mark), so a child of a big benchmark process seems at least as big as its parent. Started
from here, a child's figure is its own whenever it is bigger than this process (`floorKiB`).

Usage: peak_rss.py ROUNDS -- CMD ARG... [--- CMD ARG...]...
The first round only warms the page cache and is left out. Output and errors go to /dev/null.
"""
import json, os, resource, sys, time


def main():
    rounds = int(sys.argv[1])
    if sys.argv[2] != "--":
        raise SystemExit(__doc__)
    commands, current = [], []
    for word in sys.argv[3:]:
        if word == "---":
            commands.append(current)
            current = []
        else:
            current.append(word)
    commands.append(current)
    results = [{"seconds": [], "maxRSSKiB": [], "status": []} for _ in commands]
    quiet = [(os.POSIX_SPAWN_OPEN, 1, "/dev/null", os.O_WRONLY, 0), (os.POSIX_SPAWN_OPEN, 2, "/dev/null", os.O_WRONLY, 0)]
    for round_ in range(rounds + 1):
        for command, result in zip(commands, results):
            started = time.perf_counter()
            pid = os.posix_spawn(command[0], command, dict(os.environ), file_actions=quiet)
            _, status, usage = os.wait4(pid, 0)
            elapsed = time.perf_counter() - started
            if round_ == 0:
                continue
            result["seconds"].append(elapsed)
            result["maxRSSKiB"].append(usage.ru_maxrss)
            result["status"].append(os.waitstatus_to_exitcode(status))
    print(json.dumps({"floorKiB": own_peak_kib(), "commands": results}))


def own_peak_kib():
    """This process's own high water mark (VmHWM): getrusage would count the process that started it too."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


if __name__ == "__main__":
    main()
