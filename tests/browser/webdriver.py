"""A small W3C WebDriver client for Debian's chromedriver, standard library only.

ChromeDriver starts /usr/bin/chromedriver on a free loopback port and stops it together
with every chromium it launched; Session speaks the WebDriver HTTP protocol to it
(https://www.w3.org/TR/webdriver2/) and adds the one thing tests need on top: waiting for
a condition in the page with a timeout."""
import base64
import json
import os
import re
import signal
import subprocess
import time
import urllib.error
import urllib.request

# How the protocol marks an element reference in JSON (W3C WebDriver, "Elements").
ELEMENT_KEY = "element-6066-11e4-a52e-4f735466cecf"
ENTER = "\ue007"
TAB = "\ue004"


class WebDriverError(Exception):
    """chromedriver answered a command with an error, or a wait ran out of time."""


class ChromeDriver:
    """chromedriver on 127.0.0.1 (its own choice of free port), in a process group of its
    own, so that stopping it also stops the chromium processes it started."""

    def __init__(self, log_path, binary="/usr/bin/chromedriver", timeout=30):
        self.log_path = log_path
        with open(log_path, "wb") as log:
            # --port=0: chromedriver binds a free port itself and says which, so no other
            # program can take the port between our choosing it and its binding it.
            self.proc = subprocess.Popen([binary, "--port=0"], stdout=log,
                                         stderr=subprocess.STDOUT,
                                         stdin=subprocess.DEVNULL,
                                         start_new_session=True)
        self.url = None
        deadline = time.monotonic() + timeout
        while self.url is None:
            found = re.search(r"started successfully on port (\d+)", self.log())
            if found:
                self.url = "http://127.0.0.1:" + found.group(1)
            elif self.proc.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise WebDriverError("chromedriver did not start:\n" + self.log())
            else:
                time.sleep(0.05)

    def log(self):
        with open(self.log_path, errors="replace") as f:
            return f.read()

    def stop(self):
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        try:  # chromium's helpers can outlive chromedriver itself
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


def _request(method, url, body=None, timeout=60):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method,
                                 headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as res:
            answer = json.load(res)
    except urllib.error.HTTPError as e:
        text = e.read().decode(errors="replace")
        try:
            value = json.loads(text)["value"]
            text = f"{value['error']}: {value.get('message', '')}"
        except (ValueError, KeyError, TypeError):
            pass  # not a WebDriver error object: show the body as it came
        raise WebDriverError(f"{method} {url}: HTTP {e.code}: {text[:400]}") from None
    return answer.get("value")


class Element:
    """A reference to an element of the page, as the protocol hands it out."""

    def __init__(self, session, element_id):
        self.session = session
        self.id = element_id

    def _command(self, method, what, body=None):
        return self.session.command(method, f"/element/{self.id}/{what}", body)

    def click(self):
        """Scrolls the element into view and clicks its centre, as a user would; fails when
        another element covers that point."""
        self._command("POST", "click", {})

    def displayed(self):
        return self._command("GET", "displayed")


class Session:
    """One browser (its own profile, window and history) driven through chromedriver."""

    def __init__(self, driver, capabilities):
        self.base = driver.url
        answer = _request("POST", self.base + "/session",
                          {"capabilities": {"alwaysMatch": capabilities}})
        self.path = "/session/" + answer["sessionId"]

    def command(self, method, path, body=None):
        return _request(method, self.base + self.path + path, body)

    def quit(self):
        _request("DELETE", self.base + self.path)

    def get(self, url):
        self.command("POST", "/url", {"url": url})

    def url(self):
        return self.command("GET", "/url")

    def back(self):
        self.command("POST", "/back", {})

    def execute(self, script, *args):
        """Runs the body of a JavaScript function in the page with args (elements allowed)
        and returns its result, elements turned into Element."""
        wire = [{ELEMENT_KEY: a.id} if isinstance(a, Element) else a for a in args]
        return self._unwire(self.command("POST", "/execute/sync",
                                         {"script": script, "args": wire}))

    def _unwire(self, value):
        if isinstance(value, dict):
            if ELEMENT_KEY in value:
                return Element(self, value[ELEMENT_KEY])
            return {k: self._unwire(v) for k, v in value.items()}
        if isinstance(value, list):
            return [self._unwire(v) for v in value]
        return value

    def find(self, css):
        found = self.command("POST", "/element", {"using": "css selector", "value": css})
        return Element(self, found[ELEMENT_KEY])

    def wait_for(self, what, script, *args, timeout=15):
        """Polls the script (a function body) until it returns something truthy, which it
        returns; after `timeout` seconds raises WebDriverError naming `what`."""
        deadline = time.monotonic() + timeout
        while True:
            value = self.execute(script, *args)
            if value:
                return value
            if time.monotonic() > deadline:
                raise WebDriverError(f"timed out after {timeout} s waiting for {what}")
            time.sleep(0.05)

    def press(self, keys):
        """Types keys (characters, or ENTER and TAB) into whatever has the focus."""
        strokes = []
        for key in keys:
            strokes += [{"type": "keyDown", "value": key}, {"type": "keyUp", "value": key}]
        self.command("POST", "/actions", {"actions": [
            {"type": "key", "id": "keyboard", "actions": strokes}]})

    def hover(self, element):
        """Moves the mouse to the element's centre."""
        self.command("POST", "/actions", {"actions": [
            {"type": "pointer", "id": "mouse", "parameters": {"pointerType": "mouse"},
             "actions": [{"type": "pointerMove", "duration": 0, "x": 0, "y": 0,
                          "origin": {ELEMENT_KEY: element.id}}]}]})

    def screenshot(self, path, full_page=False):
        """Saves a PNG of the viewport, or of the whole page (through chromedriver's
        DevTools passthrough, since the protocol itself shows only the viewport)."""
        if full_page:
            size = self.execute("const d = document.documentElement;"
                                "return [d.scrollWidth, d.scrollHeight];")
            png = self.command("POST", "/goog/cdp/execute", {
                "cmd": "Page.captureScreenshot",
                "params": {"captureBeyondViewport": True,
                           "clip": {"x": 0, "y": 0, "width": size[0], "height": size[1],
                                    "scale": 1}}})["data"]
        else:
            png = self.command("GET", "/screenshot")
        with open(path, "wb") as f:
            f.write(base64.b64decode(png))

    def browser_log(self):
        """The browser's log since the last call (console messages, uncaught exceptions,
        failed loads); needs the capability goog:loggingPrefs {"browser": "ALL"}."""
        return self.command("POST", "/se/log", {"type": "browser"})
