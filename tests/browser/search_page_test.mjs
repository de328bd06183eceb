// The search page in a real browser: Debian's chromium, headless, driven by playwright-core.
// Usage: node search_page_test.mjs BASE_URL ARTIFACT_DIR
// Types a query and presses Enter, checks the seed article comes first, clicks a facet,
// changes the sort, pages forward and back, opens a shared URL at phone width, follows
// "did you mean", and renders a duplicates count; saves screenshots in ARTIFACT_DIR.
import { chromium } from "playwright-core";
import path from "node:path";

const [base, artifacts] = process.argv.slice(2);
const SEED_TITLE = "Trump and Putin agree to start Ukraine negotiations";

let passed = 0;
let failed = 0;
function check(what, ok, detail = "") {
  if (ok) {
    passed++;
    console.log("ok:", what);
  } else {
    failed++;
    console.log("FAIL:", what, String(detail).slice(0, 400));
  }
}

const hitTitles = (page) => page.$$eval("#hits .hit h2 a", (as) => as.map((a) => a.textContent));
const hitMeta = (page) => page.$$eval("#hits .hit .meta", (ps) => ps.map((p) => p.textContent));

// Waits until the page shows the answer to the search now in its URL.
async function settled(page) {
  await page.waitForFunction(() => {
    const s = document.getElementById("status").textContent;
    return s !== "" && s !== "Searching…";
  });
}

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  const desktop = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await desktop.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });

  // --- Type, press Enter, see the seed article first ------------------------------------
  await page.goto(base + "/");
  await settled(page);
  const focused = await page.evaluate(() => document.activeElement && document.activeElement.id);
  check("the search box has the focus on an empty page", focused === "q", focused);
  await page.keyboard.type("Ukraine negotiations Witkoff");
  await page.keyboard.press("Enter");
  await page.waitForSelector("#hits .hit");
  await settled(page);
  const titles = await hitTitles(page);
  check("the seed article is the first result", titles[0] && titles[0].startsWith(SEED_TITLE), titles[0]);
  check("the URL carries the query", new URL(page.url()).searchParams.get("q") === "Ukraine negotiations Witkoff",
        page.url());
  const marks = await page.$$eval("#hits .hit:first-child .snippet mark", (m) => m.map((x) => x.textContent));
  check("the snippet is highlighted with <mark>", marks.length > 0, marks);
  const meta = await hitMeta(page);
  check("results show source and date", meta[0] === "Firstpost · 2025-02-12", meta[0]);
  const facetNames = await page.$$eval("#facets h2", (hs) => hs.map((h) => h.textContent));
  check("facet lists for source, section and year", ["Source", "Year"].every((n) => facetNames.includes(n)),
        facetNames);
  await page.screenshot({ path: path.join(artifacts, "search-page.png"), fullPage: true });

  // --- Keyboard: Tab from the box reaches the button, then the date and sort controls -----
  await page.focus("#q");
  // A date input takes one Tab per part (day, month, year): count each control once.
  const order = [];
  for (let i = 0; i < 12 && order.length < 4; i++) {
    await page.keyboard.press("Tab");
    const id = await page.evaluate(() => document.activeElement.id || document.activeElement.tagName);
    if (order[order.length - 1] !== id) order.push(id);
  }
  check("tab order: search box → Search → From → To → Sort",
        order.join(",") === "BUTTON,from,to,sort", order);

  // --- Click a facet: only that source remains -------------------------------------------
  await page.click('#facets button[data-facet="source"]:has-text("Reuters")');
  await page.waitForURL(/source=Reuters/);
  await settled(page);
  const reutersMeta = await hitMeta(page);
  check("clicking the Reuters facet filters to Reuters",
        reutersMeta.length > 0 && reutersMeta.every((m) => m.startsWith("Reuters")), reutersMeta);
  const pressed = await page.getAttribute('#facets button[data-facet="source"][aria-pressed="true"]', "aria-pressed");
  check("the chosen facet value shows as pressed", pressed === "true");
  check("an active-filter chip appears", (await page.$$("#active-filters button")).length === 1);

  // --- Change the sort -------------------------------------------------------------------
  await page.selectOption("#sort", "newest");
  await page.waitForURL(/sort=newest/);
  await settled(page);
  const dates = (await hitMeta(page)).map((m) => m.split(" · ")[1]);
  check("sorting by newest orders the dates", dates.length > 1 &&
        dates.every((d, i) => i === 0 || dates[i - 1] >= d), dates);

  // --- Page forward, then back with the browser ------------------------------------------
  const firstPage = await hitTitles(page);
  await page.click("#next");
  await page.waitForURL(/offset=10/);
  await settled(page);
  const secondPage = await hitTitles(page);
  const info = await page.textContent("#page-info");
  check("Next shows page 2 with other results", info.startsWith("Page 2 of") && secondPage.length > 0 &&
        secondPage.join("|") !== firstPage.join("|"), info);
  await page.goBack();
  await page.waitForFunction(() => !location.search.includes("offset="));
  await settled(page);
  check("Back returns to page 1", (await page.textContent("#page-info")).startsWith("Page 1 of"));
  check("no script errors on the page", errors.length === 0, errors);

  // --- A shared URL at phone width -------------------------------------------------------
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true,
                                           hasTouch: true, deviceScaleFactor: 2 });
  const mobile = await phone.newPage();
  await mobile.goto(base + "/?q=Ukraine+negotiations+Witkoff");
  await mobile.waitForSelector("#hits .hit");
  await settled(mobile);
  check("a bookmarked URL runs its search", (await hitTitles(mobile))[0].startsWith(SEED_TITLE));
  check("no horizontal scrolling at 390 px",
        await mobile.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth));
  await mobile.screenshot({ path: path.join(artifacts, "search-page-phone.png"), fullPage: false });

  // --- Did you mean ----------------------------------------------------------------------
  await page.goto(base + "/?q=cocao");
  await settled(page);
  const corrected = await page.isVisible("#corrected");
  check("\"did you mean\" offers the correction", corrected &&
        (await page.textContent("#corrected-link")) === "cocoa");
  await page.click("#corrected-link");
  await page.waitForURL(/q=cocoa/);
  await settled(page);
  check("following \"did you mean\" searches the correction", (await hitTitles(page)).length > 0);

  // --- Timeline: drawn above the results, hover shows a count, a click filters ------------
  await page.goto(base + "/?q=cocoa&interval=month");
  await page.waitForSelector("#timeline-box[data-state=drawn]");
  await settled(page);
  const bars = await page.$$eval("#timeline .bar[data-series='0']",
                                 (gs) => gs.map((g) => ({ period: g.dataset.period, count: Number(g.dataset.count) })));
  const api = await page.evaluate(async () =>
    (await (await fetch("/api/timeline?q=cocoa&interval=month")).json()).timeline.series[0].points);
  check("the timeline chart is drawn with one bar per month", bars.length > 1 && bars.length === api.length,
        JSON.stringify(bars));
  check("the chart's counts are those of /api/timeline",
        bars.every((b, i) => b.period === api[i].period && b.count === api[i].count));
  const peak = api.reduce((a, b) => (b.count > a.count ? b : a));
  const peakBar = `#timeline .bar[data-series='0'][data-period='${peak.period}']`;
  await page.hover(peakBar);
  const tip = await page.textContent(".timeline-tip");
  check("hovering a bar shows its period and count",
        (await page.isVisible(".timeline-tip")) && tip.includes(peak.period) && tip.includes(String(peak.count)), tip);
  await page.screenshot({ path: path.join(artifacts, "search-page-timeline.png"), fullPage: false });
  await page.click(peakBar);
  await page.waitForURL(/from=/);
  await settled(page);
  const narrowed = new URL(page.url()).searchParams;
  check("clicking a bar sets from/to to its period",
        narrowed.get("from") === peak.start && narrowed.get("to") === peak.end, page.url());
  const periodDates = (await hitMeta(page)).map((m) => m.split(" · ").pop());
  check("the results are narrowed to that period",
        periodDates.length > 0 && periodDates.every((d) => d >= peak.start && d <= peak.end), periodDates);
  await page.goto(base + "/?q=cocoa&compare=coffee&interval=month");
  await page.waitForSelector("#timeline-box[data-state=drawn]");
  const legend = await page.$$eval(".timeline-legend li", (ls) => ls.map((l) => l.textContent));
  check("a compared query is a second series",
        legend.length === 2 && legend[1].startsWith("coffee") &&
        (await page.$$("#timeline .bar[data-series='1']")).length === bars.length, legend);

  // --- Duplicates count and text-only fields, with an answer shaped by the test ----------
  await page.route("**/api/search?*", async (route) => {
    const res = await route.fetch();
    const body = await res.json();
    body.results[0].duplicates = 3;
    body.results[0].title = "<img src=x onerror=\"window.__pwned=1\">Injected";
    await route.fulfill({ response: res, json: body });
  });
  await page.goto(base + "/?q=cocoa");
  await page.waitForSelector("#hits .hit .similar");
  check("a result with duplicates shows \"N similar\"",
        (await page.textContent("#hits .hit:first-child .similar")) === "3 similar articles");
  check("titles are inserted as text, never as HTML",
        (await page.$$("#hits h2 img")).length === 0 && !(await page.evaluate(() => window.__pwned)));
} finally {
  await browser.close();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
