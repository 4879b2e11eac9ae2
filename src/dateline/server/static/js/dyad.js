// Dyad page: events between two sides per month, by type, with mean intensity.
"use strict";

header("Articles");
enableTips();

async function show() {
  const [a, b] = [pathPart(1), pathPart(2)];
  const [d] = await Promise.all([api(`/api/dyads/${encodeURIComponent(a)}/${encodeURIComponent(b)}?page=${pageParam()}`), loadEventTypes()]);
  const title = `${d.a.label} – ${d.b.label}`;
  document.title = `${title} · dateline`;
  const legend = d.types.map((t) => html`<span><i data-colour="${typeColour(t)}"></i>${t}</span>`);
  const whole = d.a.country && d.b.country && (d.a.ref !== d.a.country || d.b.ref !== d.b.country);
  render("page", html`
    <h1>${title}</h1>
    <div class="meta">${d.total} event(s) in which both sides take part${whole
      ? html` · <a href="/dyads/${encodeURIComponent(d.a.country)}/${encodeURIComponent(d.b.country)}">all of ${d.a.country} – ${d.b.country}</a>` : ""}</div>
    <section class="card spaced"><h2>Events per month</h2>
      <div class="legend">${legend}<span><i class="swatch-intensity"></i>mean intensity</span></div>
      <div id="chart">${dyadChart(d.months, d.types)}</div></section>
    <section class="card" id="events"><h2>Events, newest first</h2>${d.events.length ? html`<ul class="plain">${d.events.map((e) => html`<li>${eventLine(e)}</li>`)}</ul>` : html`<div class="empty">None yet.</div>`}
      ${pager(d.page, d.pages, ["← newer", "older →"])}</section>`);
}

show().catch((e) => showError("page", e));
