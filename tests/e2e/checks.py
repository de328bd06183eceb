"""Pass/fail bookkeeping for the end-to-end scripts: one line per check ("ok: ..." or
"FAIL: ... detail"), safe to call from the scripts' reader and writer threads, and the
summary line and exit status at the end."""
import sys
import threading


class Checks:
    def __init__(self, quiet_passes=False):
        """quiet_passes: print failures only (for scripts that make thousands of checks)."""
        self.passes = self.failures = 0
        self.quiet_passes = quiet_passes
        self._lock = threading.Lock()

    def check(self, what, ok, detail=""):
        ok = bool(ok)
        with self._lock:
            if ok:
                self.passes += 1
                if not self.quiet_passes:
                    print("ok:", what, flush=True)
            else:
                self.failures += 1
                print("FAIL:", what, str(detail)[:800], flush=True)
        return ok

    def summary(self):
        """Prints the summary line; returns the exit status (1 when anything failed)."""
        print(f"{self.passes} passed, {self.failures} failed", flush=True)
        return 1 if self.failures else 0

    def finish(self):
        sys.exit(self.summary())
