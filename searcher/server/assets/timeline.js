// The timeline chart above the results: one bar per period and series, drawn as SVG by hand
// (no library, nothing from elsewhere: the page's Content-Security-Policy allows only this
// service). Hovering a bar shows its period and count; clicking it calls onPick(point), which
// the page turns into a from/to filter. Everything goes in as text or attributes, never HTML.
"use strict";

const TIMELINE_SVG = "http://www.w3.org/2000/svg";
const TIMELINE_W = 800;  // viewBox units; the SVG scales to the column's width
const TIMELINE_H = 150;
const TIMELINE_PAD = { top: 14, bottom: 22, left: 4, right: 4 };

function svgEl(tag, attrs = {}) {
  const node = document.createElementNS(TIMELINE_SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

function pointValue(point, normalized) {
  return normalized ? point.share : point.count;
}

function describePoint(series, point, normalized) {
  const label = series.query || "all articles";
  const count = point.count.toLocaleString("en");
  if (!normalized) return point.period + " · " + label + ": " + count;
  return point.period + " · " + label + ": " + count + " of " + point.total.toLocaleString("en") +
         " (" + (point.share * 100).toFixed(2) + "%)";
}

// `box` is an empty element; `timeline` is the "timeline" object of /api/timeline.
function renderTimeline(box, timeline, onPick) {
  box.replaceChildren();
  const series = timeline.series || [];
  const periods = series.length ? series[0].points.length : 0;
  if (periods === 0) return false;
  const normalized = timeline.normalized;
  let peak = 0;
  for (const s of series) for (const p of s.points) peak = Math.max(peak, pointValue(p, normalized));
  const plotW = TIMELINE_W - TIMELINE_PAD.left - TIMELINE_PAD.right;
  const plotH = TIMELINE_H - TIMELINE_PAD.top - TIMELINE_PAD.bottom;
  const slot = plotW / periods;
  const barW = Math.max(0.5, (slot * 0.85) / series.length);

  const svg = svgEl("svg", { viewBox: "0 0 " + TIMELINE_W + " " + TIMELINE_H, role: "img",
                             class: "timeline-chart" });
  svg.setAttribute("aria-label", "Matches per " + timeline.interval);
  svg.append(svgEl("line", { x1: TIMELINE_PAD.left, x2: TIMELINE_W - TIMELINE_PAD.right,
                             y1: TIMELINE_PAD.top + plotH, y2: TIMELINE_PAD.top + plotH,
                             class: "axis" }));
  const tip = document.createElement("div");
  tip.className = "timeline-tip";
  tip.hidden = true;
  tip.setAttribute("role", "status");

  series.forEach((s, si) => {
    s.points.forEach((p, pi) => {
      const value = pointValue(p, normalized);
      // Every period gets a full-height hit area, so even an empty one can be hovered.
      const x = TIMELINE_PAD.left + pi * slot + (slot - barW * series.length) / 2 + si * barW;
      const h = peak > 0 ? (value / peak) * plotH : 0;
      const group = svgEl("g", { class: "bar series-" + (si % 4) });
      group.dataset.period = p.period;
      group.dataset.count = String(p.count);
      group.dataset.series = String(si);
      group.append(svgEl("rect", { x, y: TIMELINE_PAD.top, width: barW, height: plotH,
                                   class: "hit-area" }));
      group.append(svgEl("rect", { x, y: TIMELINE_PAD.top + plotH - h, width: barW,
                                   height: Math.max(h, value > 0 ? 1 : 0), class: "fill" }));
      const title = svgEl("title");
      title.textContent = describePoint(s, p, normalized);
      group.append(title);
      group.addEventListener("mouseenter", () => {
        tip.textContent = describePoint(s, p, normalized);
        tip.hidden = false;
        const box_ = svg.getBoundingClientRect();
        const left = ((x + barW / 2) / TIMELINE_W) * box_.width;
        tip.style.left = Math.min(Math.max(left, 0), box_.width - 10) + "px";
      });
      group.addEventListener("mouseleave", () => { tip.hidden = true; });
      group.addEventListener("click", () => onPick(p));
      svg.append(group);
    });
  });
  // Labels: the first and last periods, and the peak's value.
  const first = series[0].points[0].period;
  const last = series[0].points[periods - 1].period;
  svg.append(Object.assign(svgEl("text", { x: TIMELINE_PAD.left, y: TIMELINE_H - 6,
                                           class: "label" }), { textContent: first }));
  const end = svgEl("text", { x: TIMELINE_W - TIMELINE_PAD.right, y: TIMELINE_H - 6,
                              class: "label", "text-anchor": "end" });
  end.textContent = last;
  svg.append(end);
  const peakLabel = svgEl("text", { x: TIMELINE_PAD.left, y: 10, class: "label" });
  peakLabel.textContent = "peak " + (normalized ? (peak * 100).toFixed(2) + "%"
                                                : peak.toLocaleString("en")) +
                          " per " + timeline.interval;
  svg.append(peakLabel);

  const legend = document.createElement("ul");
  legend.className = "timeline-legend";
  series.forEach((s, si) => {
    const item = document.createElement("li");
    item.className = "series-" + (si % 4);
    item.textContent = (s.query || "all articles") + " (" + s.matches.toLocaleString("en") + ")";
    legend.append(item);
  });
  box.append(svg, tip, legend);
  return true;
}
