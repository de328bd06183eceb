#!/usr/bin/env python3
"""The search page in a real browser: Debian's chromium, headless, driven through
chromedriver with the W3C WebDriver protocol (webdriver.py; python3 standard library only).
Types a query and presses Enter, checks the seed article comes first, the tab order, clicks
a facet, changes the sort, pages forward and back, opens a shared URL at phone width,
follows "did you mean", uses the timeline, the key terms and the download link, renders a duplicates count and a title that
tries to be HTML, and that the page logs no script error; saves screenshots in
ARTIFACT_DIR (and chromedriver's log).
Usage: search_page_test.py BASE_URL ARTIFACT_DIR"""
import json
import os
import sys
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "e2e"))

from checks import Checks  # noqa: E402
from shaping_proxy import ShapingProxy  # noqa: E402
from webdriver import ENTER, TAB, ChromeDriver, Session, WebDriverError  # noqa: E402

BASE, ARTIFACTS = sys.argv[1:3]
SEED_QUERY = "Ukraine negotiations Witkoff"
SEED_TITLE = "Trump and Putin agree to start Ukraine negotiations"
# --remote-debugging-pipe: chromedriver talks to chromium over a pipe, not over a DevTools
# port on "localhost", which a fresh root without /etc/hosts cannot resolve.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--remote-debugging-pipe"]

checks = Checks()
check = checks.check


def browser(driver, width, height, pixel_ratio=1, mobile=False):
    """A new browser session whose viewport is exactly width x height CSS pixels."""
    metrics = {"width": width, "height": height, "pixelRatio": pixel_ratio,
               "mobile": mobile, "touch": mobile}
    return Session(driver, {
        "goog:loggingPrefs": {"browser": "ALL"},
        "goog:chromeOptions": {"binary": "/usr/bin/chromium", "args": CHROMIUM_ARGS,
                               "mobileEmulation": {"deviceMetrics": metrics}}})


def texts(page, css):
    return page.execute("return [...document.querySelectorAll(arguments[0])]"
                        ".map((e) => e.textContent);", css)


def text(page, css):
    return page.execute("const e = document.querySelector(arguments[0]);"
                        "return e && e.textContent;", css)


def hit_titles(page):
    return texts(page, "#hits .hit h2 a")


def hit_meta(page):
    return texts(page, "#hits .hit .meta")


def settled(page):
    """Waits until the page shows the answer to the search now in its URL."""
    page.wait_for("the page to show its answer",
                  "const s = document.getElementById('status').textContent;"
                  "return s !== '' && s !== 'Searching…';")


def wait_for_element(page, css):
    page.wait_for(css, "return document.querySelector(arguments[0]) !== null;", css)


def wait_for_url(page, fragment):
    page.wait_for("the URL to contain " + fragment,
                  "return location.href.includes(arguments[0]);", fragment)


def url_params(page):
    return urllib.parse.parse_qs(urllib.parse.urlparse(page.url()).query)


def script_errors(page):
    """The page's uncaught exceptions and console errors since the last call."""
    return [e["message"] for e in page.browser_log()
            if e["level"] == "SEVERE" and e["source"] in ("javascript", "console-api")]


def type_and_search(page):
    page.get(BASE + "/")
    settled(page)
    focused = page.execute("return document.activeElement && document.activeElement.id;")
    check("the search box has the focus on an empty page", focused == "q", focused)
    page.press(SEED_QUERY)
    page.press(ENTER)
    wait_for_element(page, "#hits .hit")
    settled(page)
    titles = hit_titles(page)
    check("the seed article is the first result",
          titles and titles[0].startswith(SEED_TITLE), titles[:1])
    check("the URL carries the query", url_params(page).get("q") == [SEED_QUERY], page.url())
    marks = texts(page, "#hits .hit:first-child .snippet mark")
    check("the snippet is highlighted with <mark>", len(marks) > 0, marks)
    meta = hit_meta(page)
    check("results show source and date", meta[:1] == ["Firstpost · 2025-02-12"], meta[:1])
    facet_names = texts(page, "#facets h2")
    check("facet lists for source, section and year",
          all(n in facet_names for n in ("Source", "Year")), facet_names)
    page.screenshot(os.path.join(ARTIFACTS, "search-page.png"), full_page=True)


def tab_order(page):
    """Tab from the box reaches the button, then the date and sort controls."""
    page.execute("document.getElementById('q').focus();")
    # A date input takes one Tab per part (day, month, year): count each control once.
    order = []
    for _ in range(12):
        if len(order) == 4:
            break
        page.press(TAB)
        now = page.execute("const a = document.activeElement; return a.id || a.tagName;")
        if not order or order[-1] != now:
            order.append(now)
    check("tab order: search box → Search → From → To → Sort",
          order == ["BUTTON", "from", "to", "sort"], order)


def facet_click(page):
    reuters = page.execute(
        "return [...document.querySelectorAll('#facets button[data-facet=\"source\"]')]"
        ".find((b) => b.textContent.includes('Reuters')) || null;")
    if reuters is None:
        raise WebDriverError("no Reuters value in the source facet")
    reuters.click()
    wait_for_url(page, "source=Reuters")
    settled(page)
    meta = hit_meta(page)
    check("clicking the Reuters facet filters to Reuters",
          meta and all(m.startswith("Reuters") for m in meta), meta)
    pressed = texts(page, '#facets button[data-facet="source"][aria-pressed="true"] span')
    check("the chosen facet value shows as pressed", pressed[:1] == ["Reuters"], pressed)
    chips = texts(page, "#active-filters button")
    check("an active-filter chip appears", len(chips) == 1, chips)


def sort_change(page):
    page.find('#sort option[value="newest"]').click()
    wait_for_url(page, "sort=newest")
    settled(page)
    dates = [m.split(" · ")[1] for m in hit_meta(page)]
    check("sorting by newest orders the dates",
          len(dates) > 1 and dates == sorted(dates, reverse=True), dates)


def paging(page):
    first_page = hit_titles(page)
    page.find("#next").click()
    wait_for_url(page, "offset=10")
    settled(page)
    second_page = hit_titles(page)
    info = text(page, "#page-info")
    check("Next shows page 2 with other results",
          info.startswith("Page 2 of") and second_page and second_page != first_page, info)
    page.back()
    page.wait_for("the URL to lose its offset", "return !location.search.includes('offset=');")
    settled(page)
    info = text(page, "#page-info")
    check("Back returns to page 1", info.startswith("Page 1 of"), info)


def shared_url_on_a_phone(phone):
    phone.get(BASE + "/?q=" + urllib.parse.quote_plus(SEED_QUERY))
    wait_for_element(phone, "#hits .hit")
    settled(phone)
    titles = hit_titles(phone)
    check("a bookmarked URL runs its search", titles[0].startswith(SEED_TITLE), titles[:1])
    widths = phone.execute("return [document.documentElement.scrollWidth, innerWidth];")
    check("no horizontal scrolling at 390 px", widths[1] == 390 and widths[0] <= widths[1],
          widths)
    phone.screenshot(os.path.join(ARTIFACTS, "search-page-phone.png"))


def did_you_mean(page):
    page.get(BASE + "/?q=cocao")
    settled(page)
    shown = page.find("#corrected").displayed()
    offered = text(page, "#corrected-link")
    check("\"did you mean\" offers the correction", shown and offered == "cocoa", offered)
    page.find("#corrected-link").click()
    wait_for_url(page, "q=cocoa")
    settled(page)
    check("following \"did you mean\" searches the correction", hit_titles(page))


def timeline(page):
    """Drawn above the results, hovering a bar shows a count, clicking one filters."""
    page.get(BASE + "/?q=cocoa&interval=month")
    wait_for_element(page, "#timeline-box[data-state=drawn]")
    settled(page)
    bars = page.execute(
        "return [...document.querySelectorAll(\"#timeline .bar[data-series='0']\")]"
        ".map((g) => ({period: g.dataset.period, count: Number(g.dataset.count)}));")
    with urllib.request.urlopen(BASE + "/api/timeline?q=cocoa&interval=month") as res:
        points = json.load(res)["timeline"]["series"][0]["points"]
    check("the timeline chart is drawn with one bar per month",
          len(bars) > 1 and len(bars) == len(points), bars)
    check("the chart's counts are those of /api/timeline",
          bars == [{"period": p["period"], "count": p["count"]} for p in points], points)
    peak = max(points, key=lambda p: p["count"])  # the first of equal peaks, as in the page
    peak_bar = page.find(f"#timeline .bar[data-series='0'][data-period='{peak['period']}']")
    page.hover(peak_bar)
    tip = text(page, ".timeline-tip")
    check("hovering a bar shows its period and count",
          page.find(".timeline-tip").displayed() and peak["period"] in tip
          and str(peak["count"]) in tip, tip)
    page.screenshot(os.path.join(ARTIFACTS, "search-page-timeline.png"))
    peak_bar.click()
    wait_for_url(page, "from=")
    settled(page)
    narrowed = url_params(page)
    check("clicking a bar sets from/to to its period",
          narrowed.get("from") == [peak["start"]] and narrowed.get("to") == [peak["end"]],
          page.url())
    dates = [m.split(" · ")[-1] for m in hit_meta(page)]
    check("the results are narrowed to that period",
          dates and all(peak["start"] <= d <= peak["end"] for d in dates), dates)

    page.get(BASE + "/?q=cocoa&compare=coffee&interval=month")
    wait_for_element(page, "#timeline-box[data-state=drawn]")
    legend = texts(page, ".timeline-legend li")
    second = texts(page, "#timeline .bar[data-series='1']")
    check("a compared query is a second series",
          len(legend) == 2 and legend[1].startswith("coffee") and len(second) == len(bars),
          legend)


def key_terms_and_export(page):
    """The key-terms panel shows the API's terms, sized by score; a click adds the term to the
    query; the download link exports the search's matches as CSV."""
    page.get(BASE + "/?q=cocoa")
    settled(page)
    wait_for_element(page, "#key-terms-box:not([hidden]) #key-terms a")
    shown = texts(page, "#key-terms a")
    with urllib.request.urlopen(BASE + "/api/search?q=cocoa&key_terms=12&limit=1") as r:
        api = [t["term"] for t in json.load(r)["key_terms"]["terms"]]
    check("the key-terms panel shows the API's key terms, in order", shown == api and api,
          (shown, api))
    sizes = page.execute("return [...document.querySelectorAll('#key-terms a')]"
                         ".map((a) => parseFloat(getComputedStyle(a).fontSize));")
    check("key terms are sized by score, the best the largest",
          sizes and sizes[0] == max(sizes) and sizes[0] > sizes[-1], sizes)
    href = page.execute("return document.getElementById('export-link').href;")
    label = text(page, "#export-link")
    check("a \"Download all N results\" link", label.startswith("Download all ") and
          "/api/export?" in href and "q=cocoa" in href and "format=csv" in href, (label, href))
    with urllib.request.urlopen(href) as r:
        body = r.read().decode("utf-8")
        disposition = r.headers.get("Content-Disposition", "")
    lines = body.split("\r\n")
    total = int(label.split()[2].replace(",", ""))
    check("the link downloads the matches as a CSV attachment",
          "attachment" in disposition and lines[0] == "id,date,source,section,title,url,authors"
          and 0 < len([l for l in lines[1:] if l]) <= total, (disposition, lines[:2], total))
    first = shown[0]
    page.find("#key-terms a").click()
    wait_for_url(page, "q=cocoa+" + urllib.parse.quote_plus(first))
    settled(page)
    check("clicking a key term adds it to the query",
          page.execute("return document.getElementById('q').value;") == "cocoa " + first)


def shape_search_answer(body):
    """A duplicates count, and a title that would run script if inserted as HTML."""
    if body.get("results"):
        body["results"][0]["duplicates"] = 3
        body["results"][0]["title"] = '<img src=x onerror="window.__pwned=1">Injected'
    return body


def shaped_answer(page):
    """Duplicates count and text-only fields, with an answer shaped by the test."""
    with ShapingProxy(BASE, "/api/search?", shape_search_answer) as proxy:
        page.get(proxy.url + "/?q=cocoa")
        wait_for_element(page, "#hits .hit .similar")
        similar = text(page, "#hits .hit:first-child .similar")
        check("a result with duplicates shows \"N similar\"",
              similar == "3 similar articles", similar)
        injected = page.execute("return [document.querySelectorAll('#hits h2 img').length,"
                                " window.__pwned || 0, document.querySelector("
                                "'#hits .hit:first-child h2 a').textContent];")
        check("titles are inserted as text, never as HTML",
              injected[:2] == [0, 0] and injected[2].startswith("<img"), injected)


def run(driver, sessions):
    desktop = browser(driver, 1280, 900)
    sessions.append(desktop)
    type_and_search(desktop)
    tab_order(desktop)
    facet_click(desktop)
    sort_change(desktop)
    paging(desktop)
    errors = script_errors(desktop)
    check("no script errors on the page", not errors, errors)

    phone = browser(driver, 390, 844, pixel_ratio=2, mobile=True)
    sessions.append(phone)
    shared_url_on_a_phone(phone)
    did_you_mean(desktop)
    timeline(desktop)
    key_terms_and_export(desktop)
    shaped_answer(desktop)
    errors = script_errors(desktop) + script_errors(phone)
    check("no script errors on the later pages, nor on the phone", not errors, errors)


def main():
    os.makedirs(ARTIFACTS, exist_ok=True)
    with ChromeDriver(os.path.join(ARTIFACTS, "chromedriver.log")) as driver:
        sessions = []
        try:
            run(driver, sessions)
        except WebDriverError as e:
            check("the page did what the test asked, in time", False, e)
        finally:
            for session in sessions:
                try:
                    session.quit()
                except (WebDriverError, OSError) as e:
                    print("browser test: closing a browser:", e, file=sys.stderr)
    checks.finish()


if __name__ == "__main__":
    main()
