"""Starting `gazette-search serve` for the end-to-end scripts: on a free loopback port
(--listen 127.0.0.1:0), its stderr in a log file, ready once it has printed its address."""
import os
import re
import subprocess
import time

_ADDRESS = re.compile(r"http://127\.0\.0\.1:(\d+)/")


def start_serve(search, args, log_path, new_session=False, seconds=30):
    """Runs `search serve ARGS --listen 127.0.0.1:0`; returns (process, port) once it printed
    its address. new_session: own process group (for tests that signal the group). If it exits
    or prints no address within `seconds`, it is killed and RuntimeError says what it wrote."""
    with open(log_path, "w") as log:
        proc = subprocess.Popen([search, "serve", *args, "--listen", "127.0.0.1:0"],
                                stdout=subprocess.DEVNULL, stderr=log,
                                start_new_session=new_session)
    deadline = time.time() + seconds
    while time.time() < deadline:
        found = _ADDRESS.search(read(log_path))
        if found:
            return proc, int(found.group(1))
        if proc.poll() is not None:
            break
        time.sleep(0.05)
    proc.kill()
    proc.wait()
    raise RuntimeError("gazette-search serve did not start: " + read(log_path)[-600:])


def read(path):
    with open(path, errors="replace") as f:
        return f.read()


def processes_matching(text):
    """The command lines (one per line) of the running processes whose command line holds
    `text`, read from /proc: like `pgrep -f` (this process left out), without needing procps."""
    found = []
    for pid in os.listdir("/proc"):
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                cmdline = f.read().replace(b"\0", b" ").decode(errors="replace").strip()
        except OSError:
            continue  # gone meanwhile, or not ours to read
        if text in cmdline:
            found.append(cmdline)
    return "\n".join(found)
