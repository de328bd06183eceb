// The search page: reads the search from the URL, asks /api/search, and renders the answer.
// The URL always holds the search (history.pushState), so any page can be bookmarked, shared
// or reached with Back. Only the snippet, which the server HTML-escapes and marks with
// <mark>, is inserted as HTML; everything else goes in as text.
"use strict";

const PAGE_SIZE = 10;
const FILTER_FACETS = ["source", "section"];  // clicking one of their values filters by it
const FACET_TITLES = { source: "Source", section: "Section", year: "Year" };
const MAX_OFFSET = 100000;  // the API's limit
const KEY_TERMS = 12;  // words shown in the key-terms panel
// Facet values and filters compare as the server folds them (case and spaces).
const folded = (v) => v.toLowerCase().replace(/\s+/g, " ").trim();

const $ = (id) => document.getElementById(id);

// The search as a plain object; the URL's query string is its serialised form.
function stateFromUrl() {
  const p = new URLSearchParams(location.search);
  const state = { q: p.get("q") || "", from: p.get("from") || "", to: p.get("to") || "",
                  sort: p.get("sort") || "relevance", offset: Number(p.get("offset")) || 0,
                  interval: p.get("interval") || "auto", compare: p.getAll("compare"),
                  normalize: p.get("normalize") === "true", filters: {} };
  for (const name of FILTER_FACETS) state.filters[name] = p.getAll(name);
  return state;
}

function stateToParams(state) {
  const p = new URLSearchParams();
  if (state.q) p.set("q", state.q);
  for (const name of FILTER_FACETS) for (const v of state.filters[name]) p.append(name, v);
  if (state.from) p.set("from", state.from);
  if (state.to) p.set("to", state.to);
  if (state.sort !== "relevance") p.set("sort", state.sort);
  if (state.offset) p.set("offset", String(state.offset));
  if (state.interval !== "auto") p.set("interval", state.interval);
  for (const q of state.compare) p.append("compare", q);
  if (state.normalize) p.set("normalize", "true");
  return p;
}

function hasSearch(state) {
  return state.q.trim() !== "" || FILTER_FACETS.some((n) => state.filters[n].length > 0);
}

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  Object.assign(node, props);
  for (const c of children) node.append(c);
  return node;
}

let current = stateFromUrl();
let requestSeq = 0;  // answers to superseded searches are dropped

function go(state, { push = true, focusResults = false } = {}) {
  current = state;
  if (push) {
    const qs = stateToParams(state).toString();
    history.pushState(null, "", qs ? "/?" + qs : "/");
  }
  syncForm();
  run(focusResults);
}

function syncForm() {
  $("q").value = current.q;
  $("from").value = current.from.length === 10 ? current.from : "";
  $("to").value = current.to.length === 10 ? current.to : "";
  $("sort").value = current.sort;
  $("interval").value = current.interval;
  $("compare").value = current.compare.join("; ");
  $("normalize").checked = current.normalize;
  document.title = current.q ? current.q + " — Gazette" : "Gazette — news search";
}

async function run(focusResults) {
  const seq = ++requestSeq;
  if (!hasSearch(current)) {
    render(null);
    return;
  }
  const params = stateToParams(current);
  runTimeline(seq, new URLSearchParams(params));
  for (const key of ["interval", "compare", "normalize"]) params.delete(key);
  params.set("limit", String(PAGE_SIZE));
  params.set("facets", "source,section,year");
  params.set("key_terms", String(KEY_TERMS));
  $("status").textContent = "Searching…";
  let answer;
  try {
    const res = await fetch("/api/search?" + params.toString());
    answer = await res.json();
    if (!res.ok) answer = { error: answer.error || "HTTP " + res.status };
  } catch (e) {
    answer = { error: "The search service did not answer (" + e.message + ")" };
  }
  if (seq !== requestSeq) return;
  render(answer);
  if (focusResults) $("results").focus();
}

// The timeline of the same search (its query, filters and dates) over the whole match set,
// asked for alongside the results; /api/timeline takes the same parameters.
async function runTimeline(seq, params) {
  params.delete("offset");
  params.delete("sort");
  if (!params.has("interval")) params.set("interval", "auto");
  let answer = null;
  try {
    const res = await fetch("/api/timeline?" + params.toString());
    if (res.ok) answer = await res.json();
  } catch (e) {
    answer = null;  // the results still show; the chart is an extra
  }
  if (seq !== requestSeq) return;
  const drawn = answer !== null && renderTimeline($("timeline"), answer.timeline, (point) =>
    go({ ...current, from: point.start, to: point.end, offset: 0 }, { focusResults: true }));
  $("timeline-box").hidden = !drawn;
  $("timeline-box").dataset.state = drawn ? "drawn" : "empty";
}

// "Including results for: ukraine (for ukrane)": the words the ranking also matched as
// their spelling neighbours (corrected_terms; typos=false turns it off).
function renderTypoCorrections(corrections) {
  if (!corrections || corrections.length === 0) return;
  const box = $("typo-corrected");
  box.replaceChildren("Including results for: ");
  corrections.forEach((c, i) => {
    if (i > 0) box.append(", ");
    const strong = document.createElement("strong");
    strong.textContent = c.to.join(" or ");
    box.append(strong, " (for " + c.term + ")");
  });
  box.hidden = false;
}

function render(answer) {
  const status = $("status");
  const hits = $("hits");
  hits.replaceChildren();
  $("facets").replaceChildren();
  $("key-terms").replaceChildren();
  $("key-terms-box").hidden = true;
  $("export").hidden = true;
  $("pager").hidden = true;
  $("corrected").hidden = true;
  $("typo-corrected").hidden = true;
  status.classList.remove("error");
  renderActiveFilters();
  if (!answer) {
    status.textContent = "Type words to search the archive.";
    return;
  }
  if (answer.error) {
    status.textContent = answer.error;
    status.classList.add("error");
    return;
  }
  const total = answer.estimated_total;
  const exact = answer.total_lower_bound === answer.total_upper_bound;
  status.textContent = total === 0 ? "No results."
    : (exact ? "" : "About ") + total.toLocaleString("en") + (total === 1 ? " result" : " results") +
      " (" + answer.took_ms.toFixed(1) + " ms)";
  if (answer.corrected) {
    $("corrected").hidden = false;
    const link = $("corrected-link");
    link.textContent = answer.corrected;
    link.href = "/?" + stateToParams({ ...current, q: answer.corrected, offset: 0 });
  }
  renderTypoCorrections(answer.corrected_terms);
  for (const hit of answer.results) hits.append(renderHit(hit));
  renderFacets(answer.facets || {}, answer.facets_exact !== false);
  renderKeyTerms(answer.key_terms);
  renderExportLink(total);
  renderPager(total);
}

// Every match as CSV, from /api/export with the search's own parameters.
function renderExportLink(total) {
  if (total === 0) return;
  const params = stateToParams({ ...current, offset: 0 });
  for (const key of ["interval", "compare", "normalize"]) params.delete(key);
  params.set("format", "csv");
  const link = $("export-link");
  link.href = "/api/export?" + params.toString();
  link.textContent = "Download all " + total.toLocaleString("en") + " results (CSV)";
  $("export").hidden = false;
}

// The words that set the matches apart from the archive, sized by score; a click adds the
// word to the query.
function renderKeyTerms(keyTerms) {
  const terms = keyTerms ? keyTerms.terms : [];
  if (terms.length === 0) return;
  const top = terms[0].score;
  const list = $("key-terms");
  for (const { term, score } of terms) {
    const size = 0.85 + 0.75 * Math.sqrt(score / top);  // em: the best term the largest
    const link = el("a", { href: "#", textContent: term });
    link.style.fontSize = size.toFixed(2) + "em";
    link.title = "Add “" + term + "” to the query";
    link.addEventListener("click", (event) => {
      event.preventDefault();
      go({ ...current, q: (current.q.trim() + " " + term).trim(), offset: 0 },
         { focusResults: true });
    });
    list.append(el("li", {}, link));
  }
  $("key-terms-box").hidden = false;
}

// Links go to the article's own page when it has an http(s) URL, else to the stored record.
function articleHref(hit) {
  if (/^https?:\/\//i.test(hit.url)) return hit.url;
  return "/api/article/" + encodeURIComponent(hit.id);
}

function renderHit(hit) {
  const link = el("a", { href: articleHref(hit), textContent: hit.title || hit.id });
  const meta = [hit.source, hit.date ? hit.date.slice(0, 10) : ""].filter(Boolean).join(" · ");
  const item = el("li", { className: "hit" }, el("h2", {}, link),
                  el("p", { className: "meta", textContent: meta }));
  const snippet = el("p", { className: "snippet" });
  snippet.innerHTML = hit.snippet || "";  // HTML-escaped by the server, with <mark> only
  item.append(snippet);
  if (hit.duplicates > 0) {
    item.append(el("p", { className: "similar",
                          textContent: hit.duplicates + " similar " +
                                       (hit.duplicates === 1 ? "article" : "articles") }));
  }
  return item;
}

function yearRange(state) {
  const m = /^(\d{4})-01-01$/.exec(state.from);
  return m && state.to === m[1] + "-12-31" ? m[1] : null;
}

// Counts from remote shards are estimates (each shard counts before the merge): shown as ≈.
function renderFacets(facets, exact) {
  const aside = $("facets");
  for (const name of ["source", "section", "year"]) {
    const values = facets[name];
    if (!values || values.length === 0) continue;
    const list = el("ul");
    for (const { value, count } of values) {
      const active = name === "year" ? yearRange(current) === value
                                     : current.filters[name].some((v) => folded(v) === folded(value));
      const button = el("button", { type: "button" },
                        el("span", { textContent: value }),
                        el("span", { className: "count",
                                     textContent: (exact ? "" : "≈") + count.toLocaleString("en") }));
      button.setAttribute("aria-pressed", String(active));
      button.dataset.facet = name;
      button.addEventListener("click", () => toggleFacet(name, value, active));
      list.append(el("li", {}, button));
    }
    aside.append(el("h2", { textContent: FACET_TITLES[name] }), list);
  }
}

function toggleFacet(name, value, active) {
  const next = { ...current, offset: 0, filters: { ...current.filters } };
  if (name === "year") {
    next.from = active ? "" : value + "-01-01";
    next.to = active ? "" : value + "-12-31";
  } else {
    next.filters[name] = active ? next.filters[name].filter((v) => folded(v) !== folded(value))
                                : [...next.filters[name], value];
  }
  go(next);
}

function renderActiveFilters() {
  const list = $("active-filters");
  list.replaceChildren();
  for (const name of FILTER_FACETS) {
    for (const value of current.filters[name]) {
      const button = el("button", { type: "button",
                                    textContent: FACET_TITLES[name] + ": " + value + " ✕" });
      button.setAttribute("aria-label", "Remove filter " + FACET_TITLES[name] + " " + value);
      button.addEventListener("click", () => toggleFacet(name, value, true));
      list.append(el("li", {}, button));
    }
  }
}

function renderPager(total) {
  const pages = Math.ceil(Math.min(total, MAX_OFFSET + PAGE_SIZE) / PAGE_SIZE);
  if (pages <= 1) return;
  const page = Math.floor(current.offset / PAGE_SIZE) + 1;
  $("pager").hidden = false;
  $("page-info").textContent = "Page " + page + " of " + pages.toLocaleString("en");
  $("prev").disabled = page <= 1;
  $("next").disabled = page >= pages;
}

function page(delta) {
  const offset = Math.max(0, current.offset + delta * PAGE_SIZE);
  go({ ...current, offset }, { focusResults: true });
}

$("search-form").addEventListener("submit", (event) => {
  event.preventDefault();
  go({ ...current, q: $("q").value.trim(), offset: 0 });
});
$("sort").addEventListener("change", () => go({ ...current, sort: $("sort").value, offset: 0 }));
for (const id of ["from", "to"]) {
  $(id).addEventListener("change", () => go({ ...current, [id]: $(id).value, offset: 0 }));
}
$("interval").addEventListener("change", () => go({ ...current, interval: $("interval").value }));
$("normalize").addEventListener("change", () => go({ ...current, normalize: $("normalize").checked }));
$("compare").addEventListener("change", () => {
  const queries = $("compare").value.split(";").map((q) => q.trim()).filter(Boolean);
  go({ ...current, compare: queries });
});
$("prev").addEventListener("click", () => page(-1));
$("next").addEventListener("click", () => page(1));
$("corrected-link").addEventListener("click", (event) => {
  event.preventDefault();
  go({ ...current, q: $("corrected-link").textContent, offset: 0 });
});
window.addEventListener("popstate", () => {
  current = stateFromUrl();
  syncForm();
  run(false);
});

// Filters start folded on a phone, where they would push the results off the screen.
$("facet-box").open = !window.matchMedia("(max-width: 720px)").matches;
syncForm();
run(false);
if (!current.q) $("q").focus();
