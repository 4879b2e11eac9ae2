// Shared by every page: safe HTML building, JSON fetching, the header, tooltips, formatting.
"use strict";

// ---- Safe HTML --------------------------------------------------------------------------
// Every page builds its markup with the `html` tag below, and only `render` puts markup into
// the document. Each value interpolated into an `html` template is escaped, unless it is
// markup made by `html` itself (a SafeHtml) standing between tags; inside a tag (an attribute
// value) everything is escaped, so stored text can never open a tag or an attribute handler.
// A mistake therefore shows escaped markup on the page; it never runs a script.

class SafeHtml {
  constructor(markup) { this.markup = markup; }
  toString() { return this.markup; }
}

const escapeText = (s) => String(s ?? "").replace(/[&<>"'`]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;", "`": "&#96;" }[c]));

function insideTag(before) {
  return before.lastIndexOf("<") > before.lastIndexOf(">");
}

function piece(value, inTag) {
  if (Array.isArray(value)) return value.map((v) => piece(v, inTag)).join("");
  if (value instanceof SafeHtml) return inTag ? escapeText(value.markup) : value.markup;
  if (value === false || value === null || value === undefined) return "";
  return escapeText(value);
}

function html(strings, ...values) {
  let out = strings[0];
  values.forEach((value, i) => {
    out += piece(value, insideTag(out)) + strings[i + 1];
  });
  return new SafeHtml(out);
}

// Markup into an element: the one place a page assigns innerHTML, and only from `html`.
function render(target, markup) {
  const el = typeof target === "string" ? document.getElementById(target) : target;
  if (!(markup instanceof SafeHtml)) throw new TypeError("render() takes markup built with html``");
  el.innerHTML = markup.markup;
  paintSwatches(el);
  return el;
}

// Colours chosen at run time (event types) are set through the DOM, not inline styles,
// so the Content-Security-Policy can refuse inline style attributes.
function paintSwatches(root) {
  root.querySelectorAll("[data-colour]").forEach((el) => { el.style.background = el.dataset.colour; });
}

// A link target from stored data: only http(s) URLs; anything else (javascript:, data:) is none.
function safeUrl(url) {
  const value = String(url ?? "").trim();
  return /^https?:\/\//i.test(value) ? value : "";
}

// ---- Fetching and page furniture ----------------------------------------------------------
async function api(path) {
  const response = await fetch(path);
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ? body.error.message : response.statusText);
  return body;
}

function header(active) {
  const q = new URLSearchParams(location.search).get("q") || "";
  const link = (href, label) => html`<a href="${href}" class="${active === label ? "active" : ""}">${label}</a>`;
  const bar = document.createElement("div");
  render(bar, html`
    <header class="top"><div class="bar">
      <a class="brand" href="/">date<span>line</span></a>
      <nav>${link("/", "Articles")}${link("/figures", "Figures")}${link("/map", "Map")}${link("/docs", "API")}</nav>
      <form action="/" method="get" role="search">
        <input id="search" name="q" type="search" value="${q}" placeholder="Search articles, actors and quotes…" aria-label="Search">
      </form>
    </div></header>
    <div id="tip"></div>`);
  document.body.prepend(...bar.childNodes);
}

function showError(target, error) {
  render(target, html`<div class="error">${error.message}</div>`);
}

// ---- Tooltips ---------------------------------------------------------------------------
// A tooltip's content is markup built with `html`, kept here; the element carries only its
// number (data-tip="7"), so no markup ever travels through an attribute and back.
const TIPS = [];

function tipId(markup) {
  TIPS.push(markup instanceof SafeHtml ? markup : html`${markup}`);
  return TIPS.length - 1;
}

function enableTips() {
  const tip = document.getElementById("tip");
  document.addEventListener("mouseover", (e) => {
    const el = e.target.closest("[data-tip]");
    const markup = el && TIPS[Number(el.dataset.tip)];
    if (!markup) { tip.style.display = "none"; return; }
    render(tip, markup);
    tip.style.display = "block";
  });
  document.addEventListener("mousemove", (e) => {
    tip.style.left = Math.min(e.clientX + 14, innerWidth - 360) + "px";
    tip.style.top = e.clientY + 16 + "px";
  });
}

// ---- Event types ------------------------------------------------------------------------
// What each PLOVER type means (colour, description, CAMEO root, intensity) comes from the
// server's type table through /api/event-types, the one place types are described. A page
// that shows event types awaits `loadEventTypes()` before it renders.
const EVENT_TYPES = new Map();
const UNKNOWN_TYPE_COLOUR = "#7f8c8d";

async function loadEventTypes() {
  if (EVENT_TYPES.size) return;
  (await api("/api/event-types")).items.forEach((t) => EVENT_TYPES.set(t.type, t));
}

// Only a #rrggbb colour reaches a fill or a swatch; a type the table lacks is grey.
function typeColour(type) {
  const colour = String(EVENT_TYPES.get(type)?.colour ?? "");
  return /^#[0-9a-f]{6}$/i.test(colour) ? colour : UNKNOWN_TYPE_COLOUR;
}

function typeBadge(type) {
  return html`<span class="badge type" title="${EVENT_TYPES.get(type)?.description ?? ""}">${type}</span>`;
}

// ---- Formatting -------------------------------------------------------------------------
const pathPart = (n) => decodeURIComponent(location.pathname.split("/").filter(Boolean)[n] || "");

function formatValue(value, unit) {
  if (value == null) return "";
  if (unit === "ratio") return (value * 100).toLocaleString("en", { maximumFractionDigits: 1 }) + "%";
  const abs = Math.abs(value);
  const [div, suffix] = abs >= 1e12 ? [1e12, "T"] : abs >= 1e9 ? [1e9, "bn"] : abs >= 1e6 ? [1e6, "m"] : abs >= 1e3 ? [1e3, "k"] : [1, ""];
  const number = (value / div).toLocaleString("en", { maximumFractionDigits: 2 }) + suffix;
  return unit && unit !== "count" ? `${number} ${unit}` : number;
}

// How a figure reads back: its bound ("≥ 200" for "at least 200", "≤ 33%" for "almost a
// third", "~" for "about") and both ends of a range ("3–4 days"), never the bare midpoint.
const BOUND_MARKS = { upper: "≤ ", lower: "≥ ", around: "~ " };
function formatFigure(f) {
  if (f.low != null && f.high != null) {
    return `${formatValue(f.low, f.unit === "ratio" ? "ratio" : null)}–${formatValue(f.high, f.unit)}`;
  }
  return (BOUND_MARKS[f.bound] || "") + formatValue(f.value, f.unit);
}

// The words an article names a quote's source with: a string, or a stored {start, end, text}.
const sourceWords = (source) => String((typeof source === "string" ? source : source && source.text) || "").replace(/\s+/g, " ").trim();

// Who a quote no actor speaks is by, as the text says it ("— the letter"), muted; else "unattributed".
function sourceLabel(source) {
  const words = sourceWords(source);
  return words ? html`<span class="source">— ${words}</span>` : html`unattributed`;
}

const articleHref = (id, anchor) => `/articles/${encodeURIComponent(id)}${anchor ? "#" + anchor : ""}`;

function actorLink(a) {
  return html`<a href="/actors/${encodeURIComponent(a.id)}">${a.name}</a>`;
}

// The actors on one side ("source" or "target") of a stored event, as links.
function sideLinks(e, side) {
  const links = e.participants.filter((p) => p.side === side).map(actorLink);
  return links.length ? links.map((l, i) => (i ? html`, ${l}` : l)) : html`—`;
}

const signed = (x) => (x > 0 ? "+" : "") + x.toFixed(1);

function eventLine(e) {
  return html`${typeBadge(e.type)}${e.intensity != null ? html`<span class="badge" title="intensity, -10 conflict to +10 cooperation">${signed(e.intensity)}</span>` : ""} ${sideLinks(e, "source")} → ${sideLinks(e, "target")}
    <div class="meta">${e.date || ""}${e.place ? " · " + e.place : ""} · <a href="${articleHref(e.article_id, "event-" + e.start)}">${e.title || e.article_id}</a></div>`;
}

// "← newer · page 2 of 9 · older →": links to the page's own URL with ?page=N (other
// parameters kept); `labels` names the two directions.
function pager(page, pages, labels = ["← previous", "next →"]) {
  if (pages <= 1) return html``;
  const link = (n, label) => {
    const q = new URLSearchParams(location.search);
    q.set("page", n);
    return html`<a href="${location.pathname}?${q.toString()}">${label}</a>`;
  };
  return html`<div class="pager">${page > 1 ? link(page - 1, labels[0]) : ""} page ${page} of ${pages} ${page < pages ? link(page + 1, labels[1]) : ""}</div>`;
}

// The page number of this page's URL (?page=N), for the API call behind it.
const pageParam = () => Math.max(1, parseInt(new URLSearchParams(location.search).get("page") || "1", 10) || 1);

// Items joined by a separator, as markup.
function joined(items, separator) {
  return items.map((item, i) => (i ? html`${separator}${item}` : html`${item}`));
}
