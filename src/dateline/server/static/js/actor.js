// Actor page: who, roles over time, events on a timeline, quotes, articles, and dyads to open.
"use strict";

header("Articles");
enableTips();

async function show() {
  const p = await api(`/api/actors/${encodeURIComponent(pathPart(1))}`);
  const a = { id: p.actor_id, name: p.name, kind: p.kind, country: p.country, sector: p.sector };
  const quotes = p.appearances.flatMap((r) => r.quotes.map((q) => ({ ...q, article_id: r.article_id, title: r.title, published: r.published }))).reverse();
  document.title = `${a.name} · dateline`;
  const roles = p.roles.length
    ? `<ul class="plain">${p.roles.map((r) => `<li><b>${esc(r.role)}</b><div class="meta">${esc(r.first_seen || "undated")}${r.last_seen && r.last_seen !== r.first_seen ? " to " + esc(r.last_seen) : ""} · ${r.articles} article(s)</div></li>`).join("")}</ul>`
    : '<div class="empty">No role given in the stored articles.</div>';
  const dyads = p.counterparts.map((c) => {
    const links = [`<a class="dyad" href="/dyads/${a.id}/${c.actor_id}">${esc(a.name)} – ${esc(c.name)}</a>`];
    if (a.country && c.country && a.country !== c.country) links.push(`<a href="/dyads/${a.country}/${c.country}">${esc(a.country)} – ${esc(c.country)}</a>`);
    return `<li>${actorLink({ id: c.actor_id, name: c.name })} <span class="badge">${esc(c.kind)}</span><div class="meta">dyad: ${links.join(" · ")}</div></li>`;
  });
  document.getElementById("page").innerHTML = `
    <h1>${esc(a.name)}</h1>
    <div class="meta"><span class="badge">${esc(a.kind)}</span>${a.country ? `<span class="badge">${esc(a.country)}</span>` : ""}${a.sector ? `<span class="badge">${esc(a.sector)}</span>` : ""}
      named in ${p.articles} article(s) · ${quotes.length} quote(s) · ${p.events.length} event(s)</div>
    <div class="grid2" style="margin-top:14px">
      <div>
        <section class="card"><h2>Events on a timeline</h2>${timelineChart(p.events)}
          ${p.events.length ? `<ul class="plain">${p.events.map((e) => `<li>${eventLine(e)}</li>`).join("")}</ul>` : ""}</section>
        <section class="card" id="quotes"><h2>Quotes (${quotes.length})</h2>${quotes.length ? `<ul class="plain">${quotes.map((q) =>
          `<li><span class="q">“${esc(q.text)}”</span><div class="meta">${esc(q.published || "")} · <a href="/articles/${encodeURIComponent(q.article_id)}#quote-${q.start}">${esc(q.title || q.article_id)}</a></div></li>`).join("")}</ul>` : '<div class="empty">No quotes.</div>'}</section>
        <section class="card"><h2>Articles</h2><ul class="plain">${p.appearances.slice().reverse().map((r) =>
          `<li><a href="/articles/${encodeURIComponent(r.article_id)}">${esc(r.title || r.article_id)}</a><div class="meta">${esc(r.published || "undated")} · ${esc(r.source || "")}${r.roles.length ? " · as " + esc(r.roles.join(", ")) : ""}${r.mentions.length ? " · named " + esc(r.mentions.join(" | ")) : ""}</div></li>`).join("")}</ul></section>
      </div>
      <aside>
        <section class="card"><h2>Roles over time</h2>${roles}</section>
        <section class="card" id="counterparts"><h2>Dyads</h2>${dyads.length ? `<ul class="plain">${dyads.join("")}</ul>` : '<div class="empty">No other actor shares an article or event.</div>'}</section>
      </aside>
    </div>`;
}

show().catch((e) => showError("page", e));
