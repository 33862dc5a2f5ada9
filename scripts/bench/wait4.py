# SPDX-License-Identifier: Apache-2.0
# Runs one child per request line and answers with its wall time, CPU time and peak RSS, read from
# wait4(2) with microsecond precision (GNU time prints 10 ms). One long-lived helper, so no
# start-up of its own is added to a run. Request: {"argv": [...], "env": {...}}; answer:
# {"ms", "cpuMs", "rssKb", "status", "stdout"}. A detached grandchild (a sender) is not counted.
import json
import os
import subprocess
import sys
import time

for line in sys.stdin:
    req = json.loads(line)
    started = time.perf_counter()
    child = subprocess.Popen(req["argv"], env=req["env"], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    out = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    ms = (time.perf_counter() - started) * 1000
    child.returncode = os.waitstatus_to_exitcode(status)
    child.stdout.close()
    answer = {
        "ms": ms,
        "cpuMs": (usage.ru_utime + usage.ru_stime) * 1000,
        "rssKb": usage.ru_maxrss,
        "status": child.returncode,
        "stdout": out.decode("utf-8", "replace"),
    }
    sys.stdout.write(json.dumps(answer) + "\n")
    sys.stdout.flush()
