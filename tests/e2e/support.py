"""Helpers the end-to-end scripts share: starting `gazette-search serve` on a free loopback
port (--listen 127.0.0.1:0, its stderr in a log file, ready once it has printed its address),
free ports and waiting for one to answer, the size of a folder tree, and the news archive
(HuffPost sample + Reuters-21578 + BBC) indexed as the news tests index it."""
import glob
import os
import re
import socket
import subprocess
import sys
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


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port, seconds=10):
    """True once something accepts connections on 127.0.0.1:port, False after `seconds`."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return True
        except OSError:
            time.sleep(0.1)
    return False


def tree_bytes(path):
    """The bytes of every file under `path` (files removed while walking count 0)."""
    total = 0
    for root, _, files in os.walk(path):
        for name in files:
            try:
                total += os.path.getsize(os.path.join(root, name))
            except OSError:
                pass
    return total


def index_news(index, src, corpora, work):
    """news.db in `work`: the HuffPost sample (as JSON Lines) and Reuters-21578 in one run (its
    empty records are rejected, so its exit status is not checked), then BBC News with
    --source BBC. Returns the database's path."""
    db = os.path.join(work, "news.db")
    huff_jsonl = os.path.join(work, "huffpost.jsonl")
    with open(huff_jsonl, "w") as out:
        subprocess.run([sys.executable, os.path.join(src, "tests", "e2e", "huffpost_to_jsonl.py"),
                        os.path.join(corpora, "huffpost-news-category-sample",
                                     "News_Category_Dataset_v2.json")], stdout=out, check=True)
    subprocess.run([index, "--db", db, "--quiet", huff_jsonl,
                    *sorted(glob.glob(os.path.join(corpora, "reuters21578", "reut2-*.sgm")))],
                   capture_output=True)
    subprocess.run([index, "--db", db, "--quiet", "--source", "BBC", "--exclude", "README*",
                    os.path.join(corpora, "bbc-news", "bbc")], capture_output=True, check=True)
    return db
