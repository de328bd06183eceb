"""Pass/fail bookkeeping for the end-to-end scripts: one line per check ("ok: ..." or
"FAIL: ... detail"), safe to call from the scripts' reader and writer threads, and the
summary line and exit status at the end."""
import sys
import threading


class Checks:
    def __init__(self):
        self.passes = self.failures = 0
        self._lock = threading.Lock()

    def check(self, what, ok, detail=""):
        with self._lock:
            if ok:
                self.passes += 1
                print("ok:", what, flush=True)
            else:
                self.failures += 1
                print("FAIL:", what, str(detail)[:600], flush=True)
        return ok

    def finish(self):
        print(f"{self.passes} passed, {self.failures} failed")
        sys.exit(1 if self.failures else 0)
