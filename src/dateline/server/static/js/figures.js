// Figures page: a measure over time as a chart, each point linked to its article.
"use strict";

header("Figures");
enableTips();
const params = new URLSearchParams(location.search);

async function show() {
  const query = new URLSearchParams();
  for (const key of ["measure", "between", "page"]) if (params.get(key)) query.set(key, params.get(key));
  const f = await api(`/api/figures?${query}`);
  const charts = f.series.map((s) => html`<section class="card"><h2>${s.unit || "no unit"} · ${s.points.length} value(s)</h2>${seriesChart(s.points, s.unit)}
    <table class="list"><tr><th>when</th><th>value</th><th>as written</th><th>measure</th><th>article</th></tr>${s.points.map((p) =>
      html`<tr><td>${p.period || p.published || ""}</td><td>${formatFigure(p)}${p.change ? " (change)" : ""}</td><td>${p.text}</td><td>${p.measure}</td>
       <td><a href="${articleHref(p.article_id, "amount-" + p.span.start)}">${p.title || p.article_id}</a></td></tr>`)}</table></section>`);
  render("page", html`
    <h1>Figures${f.measure ? ": " + f.measure : ""}${f.between ? " between " + f.between.join(" and ") : ""}</h1>
    <form class="card filters" method="get" action="/figures">
      <label>Measure<input name="measure" list="measures" size="34" placeholder="e.g. trade turnover" value="${params.get("measure") || ""}"></label>
      <datalist id="measures">${f.measures.map((m) => html`<option value="${m.measure}">`)}</datalist>
      <label>Between<input name="between" size="22" placeholder="e.g. Kazakhstan,Russia" value="${params.get("between") || ""}"></label>
      <button type="submit">Show</button>
    </form>
    ${f.measure ? html`<div class="meta">${f.total} value(s)${f.pages > 1 ? html`, ${f.per_page} a page` : ""}</div>` : ""}
    ${charts.length ? charts : f.measure ? html`<div class="card empty">No figure matches; try a shorter measure.</div>`
      : html`<section class="card" id="measures"><h2>Choose a measure</h2><ul class="plain">${f.measures.map((m) =>
          html`<li><a href="/figures?measure=${encodeURIComponent(m.measure)}">${m.measure}</a> <span class="meta">${m.count} value(s)</span></li>`)}</ul></section>`}
    ${pager(f.page, f.pages, ["← earlier", "later →"])}`);
}

show().catch((e) => showError("page", e));
