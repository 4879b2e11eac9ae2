// Article page: the text with every fact highlighted on its span, and a facts panel beside it.
"use strict";

header("Articles");
enableTips();

// Facts as spans over the text. Actors and amounts are "tokens" (shown as chips and never cut);
// quotes and events are "ranges" (a background and an underline that may hold tokens).
function factSpans(article) {
  const tokens = [], ranges = [];
  article.actors.forEach((a) => a.spans.forEach((s) => tokens.push({ start: s.start, end: s.end, kind: "actor", fact: a,
    tip: html`<b>${a.name}</b> · ${a.kind}${a.role ? " · " + a.role : ""}${a.country ? " · " + a.country : ""}${a.sector ? html`<br>sector: ${a.sector}` : ""}<br>click to open the actor` })));
  article.amounts.forEach((m, i) => tokens.push({ start: m.span.start, end: m.span.end, kind: "amount", id: `amount-${m.span.start}`, key: `m${i}`,
    tip: html`<b>${m.text}</b> = ${formatFigure(m)}${m.measure ? html`<br>measure: ${m.measure}` : ""}${m.period ? html`<br>period: ${m.period}` : ""}` }));
  article.quotes.forEach((q, i) => ranges.push({ start: q.span.start, end: q.span.end, kind: "quote", id: `quote-${q.span.start}`, key: `q${i}`,
    tip: html`<b>${q.kind} quote</b> by ${q.speaker_name || sourceWords(q.source) || "unknown speaker"}` }));
  article.events.forEach((e, i) => ranges.push({ start: e.span.start, end: e.span.end, kind: "event", id: `event-${e.span.start}`, key: `e${i}`,
    tip: html`<b>${e.type}</b>${e.intensity != null ? " " + signed(e.intensity) : ""} ${e.actor_names.join(", ") || "—"} → ${e.target_names.join(", ") || "—"}${e.place ? html`<br>at ${e.place}` : ""}${e.date ? " on " + e.date : ""}` }));
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
  const pieces = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [s, e] = [points[i], points[i + 1]];
    const over = ranges.filter((r) => r.start <= s && e <= r.end);
    const token = tokens.find((t) => t.start === s && t.end === e);
    let inner = html`${text.slice(s, e)}`;
    if (token && token.kind === "actor") inner = html`<a class="actor" href="/actors/${encodeURIComponent(token.fact.actor_id)}" data-tip="${tipId(token.tip)}">${inner}</a>`;
    else if (token) inner = html`<mark class="amount" data-fact="${token.key}" data-tip="${tipId(token.tip)}">${inner}</mark>`;
    const ids = [...over, ...(token && token.id ? [token] : [])].filter((f) => f.start === s && !anchored.has(f.id));
    ids.forEach((f) => anchored.add(f.id));
    const anchors = ids.map((f) => html`<span id="${f.id}"></span>`);
    if (over.length) {
      const classes = [...new Set(over.map((r) => r.kind))].join(" ");
      const keys = over.map((r) => r.key).join(" ");
      inner = token
        ? html`<span class="seg ${classes}" data-fact="${keys}">${inner}</span>`
        : html`<span class="seg ${classes}" data-fact="${keys}" data-tip="${tipId(joined(over.map((r) => r.tip), html`<hr>`))}">${inner}</span>`;
    }
    pieces.push(html`${anchors}${inner}`);
  }
  return html`${pieces}`;
}

function factsPanel(article) {
  const section = (title, items, item) => html`<h2>${title} (${items.length})</h2>${
    items.length ? html`<ul class="plain">${items.map(item)}</ul>` : html`<div class="empty">none found</div>`}`;
  const byLocal = Object.fromEntries(article.actors.map((a) => [a.id, a]));
  const localLink = (id) => (byLocal[id] ? actorLink({ id: byLocal[id].actor_id, name: byLocal[id].name }) : html`—`);
  const localLinks = (ids) => (ids.length ? joined(ids.map(localLink), ", ") : html`—`);
  return html`${section("Actors", article.actors, (a) => html`<li>${actorLink({ id: a.actor_id, name: a.name })}
      <span class="badge">${a.kind}</span>${a.country ? html`<span class="badge">${a.country}</span>` : ""}
      <div class="meta">${a.role || ""}${a.role ? " · " : ""}${a.spans.length} mention(s)</div></li>`)}${
    section("Quotes", article.quotes, (q, i) => html`<li data-focus="q${i}"><span class="q">“${q.text.length > 160 ? q.text.slice(0, 160) + "…" : q.text}”</span>
      <div class="meta">${q.speaker ? localLink(q.speaker) : sourceLabel(q.source)} · ${q.kind}</div></li>`)}${
    section("Figures", article.amounts, (m, i) => html`<li data-focus="m${i}"><b>${formatFigure(m)}</b> <span class="meta">“${m.text}”</span>
      <div class="meta">${m.measure || "measure unknown"}${m.period ? " · " + m.period : ""}</div></li>`)}${
    section("Events", article.events, (e, i) => html`<li data-focus="e${i}">${typeBadge(e.type)}
      ${localLinks(e.actors)} → ${localLinks(e.targets)}
      <div class="meta">${e.place || ""}${e.place && e.date ? " · " : ""}${e.date || ""}</div></li>`)}${
    section("Places", article.places, (p) => html`<li>${p.name} <span class="badge">${p.kind || "place"}</span>${p.country ? html`<span class="badge">${p.country}</span>` : ""}
      <div class="meta">${p.lat != null ? `${p.lat.toFixed(2)}, ${p.lon.toFixed(2)}` : "not geocoded"}</div></li>`)}`;
}

async function show() {
  const id = pathPart(1);
  const [article] = await Promise.all([api(`/api/articles/${encodeURIComponent(id)}`), loadEventTypes()]);
  const m = article.meta;
  const body = article.sentences.length ? article.text.slice(article.sentences[0].start, article.sentences[0].end) : "";
  const heading = m.title || (body.length > 110 ? body.slice(0, 110).replace(/\s+\S*$/, "") + "…" : body) || article.id;
  const original = safeUrl(m.url);
  document.title = `${heading} · dateline`;
  render("page", html`
    <h1>${heading}</h1>
    <div class="meta">${m.date || "undated"} · ${m.source || m.agency || "unknown source"}${m.dateline ? " · " + m.dateline : ""}${original ? html` · <a href="${original}" rel="noopener noreferrer">original</a>` : ""} · id ${article.id}</div>
    <div class="grid2 spaced">
      <article class="card">
        <div class="legend"><span><i class="swatch-actor"></i>actor</span><span><i class="swatch-quote"></i>quote</span>
          <span><i class="swatch-amount"></i>figure</span><span><i class="swatch-event"></i>event</span></div>
        <div class="text" id="text">${renderText(article)}</div>
      </article>
      <aside class="card facts" id="facts">${factsPanel(article)}</aside>
    </div>`);
  document.querySelectorAll("[data-focus]").forEach((li) => {
    const targets = () => [...document.querySelectorAll("#text [data-fact]")].filter((el) => el.dataset.fact.split(" ").includes(li.dataset.focus));
    li.addEventListener("mouseenter", () => targets().forEach((el) => el.classList.add("focus")));
    li.addEventListener("mouseleave", () => targets().forEach((el) => el.classList.remove("focus")));
    li.addEventListener("click", () => { const t = targets()[0]; if (t) t.scrollIntoView({ behavior: "smooth", block: "center" }); });
  });
  if (location.hash) { const target = document.getElementById(location.hash.slice(1)); if (target) target.scrollIntoView({ block: "center" }); }
}

show().catch((e) => showError("page", e));
