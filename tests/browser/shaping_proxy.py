"""A loopback HTTP proxy in front of the search service that passes every GET through and
lets a test rewrite the JSON answers of one API path, so the page can be shown an answer
the index does not hold (a duplicates count, a title that tries to be HTML)."""
import http.server
import json
import threading
import urllib.error
import urllib.request

# Headers that describe one hop, or a body the proxy may have rewritten.
_NOT_FORWARDED = {"connection", "keep-alive", "transfer-encoding", "content-length"}


class ShapingProxy:
    """Listens on 127.0.0.1 (a free port) and forwards to `upstream`; the JSON answers to
    paths starting with `path` go through `shape(body)` first. Always stopped by the caller
    (a context manager)."""

    def __init__(self, upstream, path, shape):
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                proxy.forward(self)

            def log_message(self, *args):
                pass

        self.upstream, self.path, self.shape = upstream, path, shape
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = "http://127.0.0.1:%d" % self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def forward(self, handler):
        try:
            res = urllib.request.urlopen(self.upstream + handler.path, timeout=30)
        except urllib.error.HTTPError as e:
            res = e  # an error answer is still an answer: pass it on as it is
        with res:
            status, headers, body = res.status, res.headers, res.read()
        if handler.path.startswith(self.path) and status == 200:
            body = json.dumps(self.shape(json.loads(body))).encode()
        handler.send_response(status)
        for name, value in headers.items():
            if name.lower() not in _NOT_FORWARDED:
                handler.send_header(name, value)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()
