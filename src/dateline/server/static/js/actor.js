// Actor page: who, roles over time, events on a timeline, quotes, articles, and dyads to open.
"use strict";

header("Articles");
enableTips();

async function show() {
  const [p] = await Promise.all([api(`/api/actors/${encodeURIComponent(pathPart(1))}?page=${pageParam()}`), loadEventTypes()]);
  const a = { id: p.actor_id, name: p.name, kind: p.kind, country: p.country, sector: p.sector };
  // Appearances come newest first, a page at a time; the quotes are those of this page's articles.
  const quotes = p.appearances.flatMap((r) => r.quotes.map((q) => ({ ...q, article_id: r.article_id, title: r.title, published: r.published })));
  document.title = `${a.name} · dateline`;
  const roles = p.roles.length
    ? html`<ul class="plain">${p.roles.map((r) => html`<li><b>${r.role}</b><div class="meta">${r.first_seen || "undated"}${r.last_seen && r.last_seen !== r.first_seen ? " to " + r.last_seen : ""} · ${r.articles} article(s)</div></li>`)}</ul>`
    : html`<div class="empty">No role given in the stored articles.</div>`;
  const dyads = p.counterparts.map((c) => {
    const links = [html`<a class="dyad" href="/dyads/${encodeURIComponent(a.id)}/${encodeURIComponent(c.actor_id)}">${a.name} – ${c.name}</a>`];
    if (a.country && c.country && a.country !== c.country) links.push(html`<a href="/dyads/${encodeURIComponent(a.country)}/${encodeURIComponent(c.country)}">${a.country} – ${c.country}</a>`);
    return html`<li>${actorLink({ id: c.actor_id, name: c.name })} <span class="badge">${c.kind}</span><div class="meta">dyad: ${joined(links, " · ")}</div></li>`;
  });
  render("page", html`
    <h1>${a.name}</h1>
    <div class="meta"><span class="badge">${a.kind}</span>${a.country ? html`<span class="badge">${a.country}</span>` : ""}${a.sector ? html`<span class="badge">${a.sector}</span>` : ""}
      named in ${p.articles} article(s) · ${p.events_total} event(s)</div>
    <div class="grid2 spaced">
      <div>
        <section class="card"><h2>Events on a timeline</h2>${p.events_total > p.events.length ? html`<div class="meta">the ${p.events.length} newest of ${p.events_total}</div>` : ""}${timelineChart(p.events)}
          ${p.events.length ? html`<ul class="plain">${p.events.map((e) => html`<li>${eventLine(e)}</li>`)}</ul>` : ""}</section>
        <section class="card" id="quotes"><h2>Quotes${p.pages > 1 ? " in these articles" : ""} (${quotes.length})</h2>${quotes.length ? html`<ul class="plain">${quotes.map((q) =>
          html`<li><span class="q">“${q.text}”</span><div class="meta">${q.published || ""} · <a href="${articleHref(q.article_id, "quote-" + q.start)}">${q.title || q.article_id}</a></div></li>`)}</ul>` : html`<div class="empty">No quotes.</div>`}</section>
        <section class="card" id="appearances"><h2>Articles (${p.articles})</h2><ul class="plain">${p.appearances.map((r) =>
          html`<li><a href="${articleHref(r.article_id)}">${r.title || r.article_id}</a><div class="meta">${r.published || "undated"} · ${r.source || ""}${r.roles.length ? " · as " + r.roles.join(", ") : ""}${r.mentions.length ? " · named " + r.mentions.join(" | ") : ""}</div></li>`)}</ul>
          ${pager(p.page, p.pages, ["← newer", "older →"])}</section>
      </div>
      <aside>
        <section class="card"><h2>Roles over time</h2>${roles}</section>
        <section class="card" id="counterparts"><h2>Dyads</h2>${dyads.length ? html`<ul class="plain">${dyads}</ul>` : html`<div class="empty">No other actor shares an article or event.</div>`}</section>
      </aside>
    </div>`);
}

show().catch((e) => showError("page", e));
