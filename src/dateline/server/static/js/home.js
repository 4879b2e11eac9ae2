// Home: the article list with filters, or, with ?q=, results across articles, actors and quotes.
"use strict";

header("Articles");
enableTips();
const params = new URLSearchParams(location.search);

function articleItem(a) {
  return `<li><a href="/articles/${encodeURIComponent(a.id)}"><b>${esc(a.title || a.id)}</b></a>
    <div class="meta">${esc(a.published || "undated")} · ${esc(a.source || "unknown source")}${a.dateline ? " · " + esc(a.dateline) : ""}
    · ${a.actors} actors · ${a.quotes} quotes · ${a.events} events</div>
    <div>${esc(a.snippet || "")}</div></li>`;
}

function quoteItem(q) {
  return `<li><span class="q">“${esc(q.text)}”</span><div class="meta">${q.speaker ? esc(q.speaker) : sourceLabel(q.source)} · ${esc(q.published || "")} ·
    <a href="/articles/${encodeURIComponent(q.article_id)}#quote-${q.start}">article</a></div></li>`;
}

async function showSearch(q) {
  const found = await api(`/api/search?q=${encodeURIComponent(q)}`);
  const list = (items, render) => (items.length ? `<ul class="plain">${items.map(render).join("")}</ul>` : '<div class="empty">Nothing found.</div>');
  document.getElementById("page").innerHTML = `
    <h1>Results for “${esc(q)}”</h1>
    <div class="cols3">
      <section class="card" id="found-articles"><h2>Articles (${found.articles.total})</h2>${list(found.articles.items, articleItem)}</section>
      <section class="card" id="found-actors"><h2>Actors (${found.actors.total})</h2>${list(found.actors.items, (a) =>
        `<li>${actorLink({ id: a.actor_id, name: a.name })} <span class="badge">${esc(a.kind)}</span>${a.country ? `<span class="badge">${esc(a.country)}</span>` : ""}<div class="meta">${a.articles} article(s)</div></li>`)}</section>
      <section class="card" id="found-quotes"><h2>Quotes (${found.quotes.total})</h2>${list(found.quotes.items, quoteItem)}</section>
    </div>`;
}

async function showList() {
  const query = new URLSearchParams();
  for (const key of ["since", "until", "source", "actor", "page"]) if (params.get(key)) query.set(key, params.get(key));
  const [list, stats] = await Promise.all([api(`/api/articles?${query}`), api("/api/stats")]);
  const stat = (n, label) => `<div class="stat"><b>${n}</b><span>${label}</span></div>`;
  const pageLink = (n, label) => { const q = new URLSearchParams(query); q.set("page", n); return `<a href="/?${q}">${label}</a>`; };
  document.getElementById("page").innerHTML = `
    <div class="stats">${stat(stats.articles, "articles")}${stat(stats.actors, "actors")}${stat(stats.quotes, "quotes")}${stat(stats.amounts, "figures")}${stat(stats.events, "events")}${stat(stats.places, "places")}</div>
    <form class="card filters" method="get" action="/">
      <label>From<input type="date" name="since" value="${esc(params.get("since") || "")}"></label>
      <label>To<input type="date" name="until" value="${esc(params.get("until") || "")}"></label>
      <label>Source<select name="source"><option value="">any</option>${list.sources.map((s) => `<option${s === params.get("source") ? " selected" : ""}>${esc(s)}</option>`).join("")}</select></label>
      <label>Actor<input name="actor" placeholder="name or id" value="${esc(params.get("actor") || "")}"></label>
      <button type="submit">Filter</button>
    </form>
    <section class="card"><h2>${list.total} article(s)</h2>
      ${list.items.length ? `<ul class="plain" id="articles">${list.items.map(articleItem).join("")}</ul>` : '<div class="empty">No article matches.</div>'}
      <div class="pager">${list.page > 1 ? pageLink(list.page - 1, "← newer") : ""} page ${list.page} of ${list.pages} ${list.page < list.pages ? pageLink(list.page + 1, "older →") : ""}</div>
    </section>`;
}

(params.get("q") ? showSearch(params.get("q")) : showList()).catch((e) => showError("page", e));
