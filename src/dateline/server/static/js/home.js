// Home: the article list with filters, or, with ?q=, results across articles, actors and quotes.
"use strict";

header("Articles");
enableTips();
const params = new URLSearchParams(location.search);

function articleItem(a) {
  return html`<li><a href="${articleHref(a.id)}"><b>${a.title || a.id}</b></a>
    <div class="meta">${a.published || "undated"} · ${a.source || "unknown source"}${a.dateline ? " · " + a.dateline : ""}
    · ${a.actors} actors · ${a.quotes} quotes · ${a.events} events</div>
    <div>${a.snippet || ""}</div></li>`;
}

function quoteItem(q) {
  return html`<li><span class="q">“${q.text}”</span><div class="meta">${q.speaker ? q.speaker : sourceLabel(q.source)} · ${q.published || ""} ·
    <a href="${articleHref(q.article_id, "quote-" + q.start)}">article</a></div></li>`;
}

async function showSearch(q) {
  const found = await api(`/api/search?q=${encodeURIComponent(q)}`);
  const list = (items, item) => (items.length ? html`<ul class="plain">${items.map(item)}</ul>` : html`<div class="empty">Nothing found.</div>`);
  render("page", html`
    <h1>Results for “${q}”</h1>
    <div class="cols3">
      <section class="card" id="found-articles"><h2>Articles (${found.articles.total})</h2>${list(found.articles.items, articleItem)}</section>
      <section class="card" id="found-actors"><h2>Actors (${found.actors.total})</h2>${list(found.actors.items, (a) =>
        html`<li>${actorLink({ id: a.actor_id, name: a.name })} <span class="badge">${a.kind}</span>${a.country ? html`<span class="badge">${a.country}</span>` : ""}<div class="meta">${a.articles} article(s)</div></li>`)}</section>
      <section class="card" id="found-quotes"><h2>Quotes (${found.quotes.total})</h2>${list(found.quotes.items, quoteItem)}</section>
    </div>`);
}

async function showList() {
  const query = new URLSearchParams();
  for (const key of ["since", "until", "source", "actor", "page"]) if (params.get(key)) query.set(key, params.get(key));
  const [list, stats] = await Promise.all([api(`/api/articles?${query}`), api("/api/stats")]);
  const stat = (n, label) => html`<div class="stat"><b>${n}</b><span>${label}</span></div>`;
  const pageLink = (n, label) => { const q = new URLSearchParams(query); q.set("page", n); return html`<a href="/?${q.toString()}">${label}</a>`; };
  render("page", html`
    <div class="stats">${stat(stats.articles, "articles")}${stat(stats.actors, "actors")}${stat(stats.quotes, "quotes")}${stat(stats.amounts, "figures")}${stat(stats.events, "events")}${stat(stats.places, "places")}</div>
    <form class="card filters" method="get" action="/">
      <label>From<input type="date" name="since" value="${params.get("since") || ""}"></label>
      <label>To<input type="date" name="until" value="${params.get("until") || ""}"></label>
      <label>Source<select name="source"><option value="">any</option>${list.sources.map((s) => html`<option${s === params.get("source") ? html` selected` : ""}>${s}</option>`)}</select></label>
      <label>Actor<input name="actor" placeholder="name or id" value="${params.get("actor") || ""}"></label>
      <button type="submit">Filter</button>
    </form>
    <section class="card"><h2>${list.total} article(s)</h2>
      ${list.items.length ? html`<ul class="plain" id="articles">${list.items.map(articleItem)}</ul>` : html`<div class="empty">No article matches.</div>`}
      <div class="pager">${list.page > 1 ? pageLink(list.page - 1, "← newer") : ""} page ${list.page} of ${list.pages} ${list.page < list.pages ? pageLink(list.page + 1, "older →") : ""}</div>
    </section>`);
}

(params.get("q") ? showSearch(params.get("q")) : showList()).catch((e) => showError("page", e));
