// Shared by every page: the header with the search box, JSON fetching, escaping, tooltips.
"use strict";

const esc = (s) => String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));

async function api(path) {
  const response = await fetch(path);
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ? body.error.message : response.statusText);
  return body;
}

function header(active) {
  const q = new URLSearchParams(location.search).get("q") || "";
  const link = (href, label) => `<a href="${href}"${active === label ? ' style="color:#fff"' : ""}>${label}</a>`;
  document.body.insertAdjacentHTML("afterbegin", `
    <header class="top"><div class="bar">
      <a class="brand" href="/">date<span>line</span></a>
      <nav>${link("/", "Articles")}${link("/figures", "Figures")}${link("/map", "Map")}${link("/docs", "API")}</nav>
      <form action="/" method="get" role="search">
        <input id="search" name="q" type="search" value="${esc(q)}" placeholder="Search articles, actors and quotes…" aria-label="Search">
      </form>
    </div></header>
    <div id="tip"></div>`);
}

function showError(target, error) {
  document.getElementById(target).innerHTML = `<div class="error">${esc(error.message)}</div>`;
}

// Elements with data-tip show it (HTML) in a floating box while hovered.
function enableTips() {
  const tip = document.getElementById("tip");
  document.addEventListener("mouseover", (e) => {
    const el = e.target.closest("[data-tip]");
    if (!el) { tip.style.display = "none"; return; }
    tip.innerHTML = el.dataset.tip;
    tip.style.display = "block";
  });
  document.addEventListener("mousemove", (e) => {
    tip.style.left = Math.min(e.clientX + 14, innerWidth - 360) + "px";
    tip.style.top = e.clientY + 16 + "px";
  });
}

const pathPart = (n) => decodeURIComponent(location.pathname.split("/").filter(Boolean)[n] || "");

function formatValue(value, unit) {
  if (value == null) return "";
  if (unit === "ratio") return (value * 100).toLocaleString("en", { maximumFractionDigits: 1 }) + "%";
  const abs = Math.abs(value);
  const [div, suffix] = abs >= 1e12 ? [1e12, "T"] : abs >= 1e9 ? [1e9, "bn"] : abs >= 1e6 ? [1e6, "m"] : abs >= 1e3 ? [1e3, "k"] : [1, ""];
  const number = (value / div).toLocaleString("en", { maximumFractionDigits: 2 }) + suffix;
  return unit && unit !== "count" ? `${number} ${unit}` : number;
}

// The words an article names a quote's source with: a string, or a stored {start, end, text}.
const sourceWords = (source) => String((typeof source === "string" ? source : source && source.text) || "").replace(/\s+/g, " ").trim();

// Who a quote no actor speaks is by, as the text says it ("— the letter"), muted; else "unattributed".
function sourceLabel(source) {
  const words = sourceWords(source);
  return words ? `<span class="source">— ${esc(words)}</span>` : "unattributed";
}

function actorLink(a) {
  return `<a href="/actors/${a.id}">${esc(a.name)}</a>`;
}

// The actors on one side ("source" or "target") of a stored event, as links.
function sideLinks(e, side) {
  return e.participants.filter((p) => p.side === side).map(actorLink).join(", ") || "—";
}

const signed = (x) => (x > 0 ? "+" : "") + x.toFixed(1);

function eventLine(e) {
  return `<span class="badge type">${esc(e.type)}</span>${e.intensity != null ? `<span class="badge" title="intensity, -10 conflict to +10 cooperation">${signed(e.intensity)}</span>` : ""} ${sideLinks(e, "source")} → ${sideLinks(e, "target")}
    <div class="meta">${esc(e.date || "")}${e.place ? " · " + esc(e.place) : ""} · <a href="/articles/${encodeURIComponent(e.article_id)}#event-${e.start}">${esc(e.title || e.article_id)}</a></div>`;
}
