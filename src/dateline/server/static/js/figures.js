// Figures page: a measure over time as a chart, each point linked to its article.
"use strict";

header("Figures");
enableTips();
const params = new URLSearchParams(location.search);

async function show() {
  const query = new URLSearchParams();
  for (const key of ["measure", "between"]) if (params.get(key)) query.set(key, params.get(key));
  const f = await api(`/api/figures?${query}`);
  const charts = f.series.map((s) => `<section class="card"><h2>${esc(s.unit || "no unit")} · ${s.points.length} value(s)</h2>${seriesChart(s.points, s.unit)}
    <table class="list"><tr><th>when</th><th>value</th><th>as written</th><th>measure</th><th>article</th></tr>${s.points.map((p) =>
      `<tr><td>${esc(p.period || p.published || "")}</td><td>${esc(formatValue(p.value, p.unit))}${p.change ? " (change)" : ""}</td><td>${esc(p.text)}</td><td>${esc(p.measure)}</td>
       <td><a href="/articles/${encodeURIComponent(p.article_id)}#amount-${p.span.start}">${esc(p.title || p.article_id)}</a></td></tr>`).join("")}</table></section>`);
  document.getElementById("page").innerHTML = `
    <h1>Figures${f.measure ? ": " + esc(f.measure) : ""}${f.between ? " between " + esc(f.between.join(" and ")) : ""}</h1>
    <form class="card filters" method="get" action="/figures">
      <label>Measure<input name="measure" list="measures" size="34" placeholder="e.g. trade turnover" value="${esc(params.get("measure") || "")}"></label>
      <datalist id="measures">${f.measures.map((m) => `<option value="${esc(m.measure)}">`).join("")}</datalist>
      <label>Between<input name="between" size="22" placeholder="e.g. Kazakhstan,Russia" value="${esc(params.get("between") || "")}"></label>
      <button type="submit">Show</button>
    </form>
    ${charts.join("") || '<div class="card empty">No figure matches; try a shorter measure.</div>'}`;
}

show().catch((e) => showError("page", e));
