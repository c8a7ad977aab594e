#!/usr/bin/env python3
"""bench/bandwidth.py BIN [--check]: the bytes the meeting screen sends over
the wire, as a coordinator on a poor SSH link pays for them.

fourw runs in a private tmux pane of 100x30 (TERM=screen-256color, UTF-8)
on the sample data, tmux's pipe-pane appending every byte it writes to a
file; each step sends keys, waits until the screen shows what the step must
show, then until the bytes have stopped growing for a moment, and counts
the bytes in between.  Bytes, not seconds:
the figures are the same on a busy machine, which only makes the waits
longer.  With --check the budgets below are asserted (exit 1 if one is
exceeded); without, the figures are printed as a table.
"""
import os
import subprocess
import sys
import tempfile
import time

QUIET_S = 2.0          # output quiet this long: the frame is complete (a wait, not a limit)
GUARD_S = 180.0        # hang guard per step
IDLE_S = 5.0

# (name, tmux keys, text the screen must then show, budget in bytes or None)
STEPS = [
    ("region key (4: Ségou)", ["4"], "Filter: region S", 1024),
    ("clear (c)", ["c"], "Filter: none", None),
    ("view switch (M: matrix)", ["M"], "EAFGA", 3072),
    ("view switch (G: gaps)", ["G"], "low-coverage", 3072),
    ("view switch (R: regions)", ["R"], "Key Region", 3072),
    ("move down (j)", ["j"], None, 1024),
    ("burst of 200 keys (j)", ["j" * 200], None, 3072),
]


class Pane:
    """fourw in a private tmux server; every byte it writes is appended to a
    file by pipe-pane, and the screen is read back with capture-pane."""

    def __init__(self, binary, tmp):
        self.sock = ["tmux", "-L", "fourw-bw-%d" % os.getpid(), "-f", "/dev/null"]
        self.log = os.path.join(tmp, "bytes")
        open(self.log, "wb").close()
        self.go = os.path.join(tmp, "go")
        # fourw starts only once pipe-pane is on, so its first frame counts.
        cmd = ("while [ ! -e %s ]; do sleep 0.05; done; "
               "env LANG=C.UTF-8 TERM=screen-256color %s -c config.ini; sleep 3600"
               % (self.go, binary))
        subprocess.run(self.sock + ["new-session", "-d", "-s", "bw", "-x", "100", "-y", "30",
                                    "sh", "-c", cmd], check=True)
        subprocess.run(self.sock + ["set-option", "-g", "status", "off"], check=True)
        subprocess.run(self.sock + ["pipe-pane", "-o", "-t", "bw", "cat >>" + self.log], check=True)
        open(self.go, "w").close()

    def size(self):
        return os.path.getsize(self.log)

    def screen(self):
        return subprocess.run(self.sock + ["capture-pane", "-p", "-t", "bw"],
                              capture_output=True, text=True).stdout

    def keys(self, keys):
        subprocess.run(self.sock + ["send-keys", "-t", "bw"] + keys, check=True)

    def settle(self, want):
        """Waits until the screen shows `want` (if any) and the bytes have
        stopped growing for QUIET_S; returns the size then."""
        start = time.monotonic()
        while want and want not in self.screen():
            if time.monotonic() - start > GUARD_S:
                raise SystemExit("bandwidth: timed out waiting for %r" % want)
            time.sleep(0.05)
        last, since = self.size(), time.monotonic()
        while time.monotonic() - since < QUIET_S:
            time.sleep(0.05)
            if self.size() != last:
                last, since = self.size(), time.monotonic()
        return last

    def close(self):
        subprocess.run(self.sock + ["kill-server"], capture_output=True)


def main():
    binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build/fourw")
    check = "--check" in sys.argv
    with tempfile.TemporaryDirectory() as tmp:
        pane = Pane(binary, tmp)
        try:
            rows = measure(pane)
        finally:
            pane.close()
    return report(rows, check)


def measure(pane):
    at = pane.settle("Funding")
    rows = [("first frame", at, None)]
    for name, keys, want, budget in STEPS:
        pane.keys(keys)
        now = pane.settle(want)
        rows.append((name, now - at, budget))
        at = now
    time.sleep(IDLE_S)
    rows.append(("idle %.0f s" % IDLE_S, pane.size() - at, 0))
    return rows


def report(rows, check):
    failed = 0
    print("| step | bytes | budget |")
    print("|---|---:|---:|")
    for name, n, budget in rows:
        over = budget is not None and n > budget
        failed += over
        print("| %s | %d | %s%s |" % (name, n, "-" if budget is None else budget,
                                       " OVER" if over else ""))
    if check and failed:
        print("bandwidth: %d step(s) over budget" % failed)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
