// Article page: the text with every fact highlighted on its span, and a facts panel beside it.
"use strict";

header("Articles");
enableTips();

// Facts as spans over the text. Actors and amounts are "tokens" (shown as chips and never cut);
// quotes and events are "ranges" (a background and an underline that may hold tokens).
function factSpans(article) {
  const tokens = [], ranges = [];
  article.actors.forEach((a) => a.spans.forEach((s) => tokens.push({ start: s.start, end: s.end, kind: "actor", fact: a,
    tip: `<b>${esc(a.name)}</b> · ${esc(a.kind)}${a.role ? " · " + esc(a.role) : ""}${a.country ? " · " + esc(a.country) : ""}${a.sector ? "<br>sector: " + esc(a.sector) : ""}<br>click to open the actor` })));
  article.amounts.forEach((m, i) => tokens.push({ start: m.span.start, end: m.span.end, kind: "amount", id: `amount-${m.span.start}`, key: `m${i}`,
    tip: `<b>${esc(m.text)}</b> = ${esc(formatValue(m.value, m.unit))}${m.approximate ? " (approx.)" : ""}${m.measure ? "<br>measure: " + esc(m.measure) : ""}${m.period ? "<br>period: " + esc(m.period) : ""}` }));
  article.quotes.forEach((q, i) => ranges.push({ start: q.span.start, end: q.span.end, kind: "quote", id: `quote-${q.span.start}`, key: `q${i}`,
    tip: `<b>${q.kind} quote</b> by ${esc(q.speaker_name || sourceWords(q.source) || "unknown speaker")}` }));
  article.events.forEach((e, i) => ranges.push({ start: e.span.start, end: e.span.end, kind: "event", id: `event-${e.span.start}`, key: `e${i}`,
    tip: `<b>${esc(e.type)}</b>${e.intensity != null ? " " + signed(e.intensity) : ""} ${esc(e.actor_names.join(", ") || "—")} → ${esc(e.target_names.join(", ") || "—")}${e.place ? "<br>at " + esc(e.place) : ""}${e.date ? " on " + esc(e.date) : ""}` }));
  // Tokens must not overlap: keep the earlier (then longer) one.
  tokens.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept = [];
  tokens.forEach((t) => { if (!kept.length || t.start >= kept[kept.length - 1].end) kept.push(t); });
  return { tokens: kept, ranges };
}

function renderText(article) {
  const text = article.text, { tokens, ranges } = factSpans(article);
  const cuts = new Set([0, text.length]);
  tokens.forEach((t) => { cuts.add(t.start); cuts.add(t.end); });
  ranges.forEach((r) => [r.start, r.end].forEach((c) => { if (!tokens.some((t) => t.start < c && c < t.end)) cuts.add(c); }));
  const points = [...cuts].sort((a, b) => a - b);
  const anchored = new Set();
  let html = "";
  for (let i = 0; i < points.length - 1; i++) {
    const [s, e] = [points[i], points[i + 1]];
    const over = ranges.filter((r) => r.start <= s && e <= r.end);
    const token = tokens.find((t) => t.start === s && t.end === e);
    let inner = esc(text.slice(s, e));
    if (token && token.kind === "actor") inner = `<a class="actor" href="/actors/${token.fact.actor_id}" data-tip="${esc(token.tip)}">${inner}</a>`;
    else if (token) inner = `<mark class="amount" data-fact="${token.key}" data-tip="${esc(token.tip)}">${inner}</mark>`;
    const ids = [...over, ...(token && token.id ? [token] : [])].filter((f) => f.start === s && !anchored.has(f.id));
    ids.forEach((f) => anchored.add(f.id));
    const anchors = ids.map((f) => `<span id="${f.id}"></span>`).join("");
    if (over.length) {
      const classes = [...new Set(over.map((r) => r.kind))].join(" ");
      const tip = over.map((r) => r.tip).join("<hr>");
      inner = `<span class="seg ${classes}" data-fact="${over.map((r) => r.key).join(" ")}"${token ? "" : ` data-tip="${esc(tip)}"`}>${inner}</span>`;
    }
    html += anchors + inner;
  }
  return html;
}

function factsPanel(article) {
  const section = (title, items, render) => `<h2>${title} (${items.length})</h2>` +
    (items.length ? `<ul class="plain">${items.map(render).join("")}</ul>` : '<div class="empty">none found</div>');
  const byLocal = Object.fromEntries(article.actors.map((a) => [a.id, a]));
  const localLink = (id) => (byLocal[id] ? actorLink({ id: byLocal[id].actor_id, name: byLocal[id].name }) : "—");
  return section("Actors", article.actors, (a) => `<li>${actorLink({ id: a.actor_id, name: a.name })}
      <span class="badge">${esc(a.kind)}</span>${a.country ? `<span class="badge">${esc(a.country)}</span>` : ""}
      <div class="meta">${esc(a.role || "")}${a.role ? " · " : ""}${a.spans.length} mention(s)</div></li>`) +
    section("Quotes", article.quotes, (q, i) => `<li data-focus="q${i}"><span class="q">“${esc(q.text.length > 160 ? q.text.slice(0, 160) + "…" : q.text)}”</span>
      <div class="meta">${q.speaker ? localLink(q.speaker) : sourceLabel(q.source)} · ${esc(q.kind)}</div></li>`) +
    section("Figures", article.amounts, (m, i) => `<li data-focus="m${i}"><b>${esc(formatValue(m.value, m.unit))}</b> <span class="meta">“${esc(m.text)}”</span>
      <div class="meta">${esc(m.measure || "measure unknown")}${m.period ? " · " + esc(m.period) : ""}</div></li>`) +
    section("Events", article.events, (e, i) => `<li data-focus="e${i}"><span class="badge type">${esc(e.type)}</span>
      ${e.actors.map(localLink).join(", ") || "—"} → ${e.targets.map(localLink).join(", ") || "—"}
      <div class="meta">${esc(e.place || "")}${e.place && e.date ? " · " : ""}${esc(e.date || "")}</div></li>`) +
    section("Places", article.places, (p) => `<li>${esc(p.name)} <span class="badge">${esc(p.kind || "place")}</span>${p.country ? `<span class="badge">${esc(p.country)}</span>` : ""}
      <div class="meta">${p.lat != null ? `${p.lat.toFixed(2)}, ${p.lon.toFixed(2)}` : "not geocoded"}</div></li>`);
}

async function show() {
  const id = pathPart(1);
  const article = await api(`/api/articles/${encodeURIComponent(id)}`);
  const m = article.meta;
  const body = article.sentences.length ? article.text.slice(article.sentences[0].start, article.sentences[0].end) : "";
  const heading = m.title || (body.length > 110 ? body.slice(0, 110).replace(/\s+\S*$/, "") + "…" : body) || article.id;
  document.title = `${heading} · dateline`;
  document.getElementById("page").innerHTML = `
    <h1>${esc(heading)}</h1>
    <div class="meta">${esc(m.date || "undated")} · ${esc(m.source || m.agency || "unknown source")}${m.dateline ? " · " + esc(m.dateline) : ""}${m.url ? ` · <a href="${esc(m.url)}">original</a>` : ""} · id ${esc(article.id)}</div>
    <div class="grid2" style="margin-top:14px">
      <article class="card">
        <div class="legend"><span><i style="background:var(--actor)"></i>actor</span><span><i style="background:var(--quote)"></i>quote</span>
          <span><i style="background:var(--amount)"></i>figure</span><span><i style="background:none;border-bottom:2px solid var(--event)"></i>event</span></div>
        <div class="text" id="text">${renderText(article)}</div>
      </article>
      <aside class="card facts" id="facts">${factsPanel(article)}</aside>
    </div>`;
  document.querySelectorAll("[data-focus]").forEach((li) => {
    const targets = () => [...document.querySelectorAll("#text [data-fact]")].filter((el) => el.dataset.fact.split(" ").includes(li.dataset.focus));
    li.addEventListener("mouseenter", () => targets().forEach((el) => el.classList.add("focus")));
    li.addEventListener("mouseleave", () => targets().forEach((el) => el.classList.remove("focus")));
    li.addEventListener("click", () => { const t = targets()[0]; if (t) t.scrollIntoView({ behavior: "smooth", block: "center" }); });
  });
  if (location.hash) { const target = document.getElementById(location.hash.slice(1)); if (target) target.scrollIntoView({ block: "center" }); }
}

show().catch((e) => showError("page", e));
