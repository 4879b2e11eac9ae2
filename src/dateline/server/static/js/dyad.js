// Dyad page: events between two sides per month, by type, with mean intensity.
"use strict";

header("Articles");
enableTips();

async function show() {
  const [a, b] = [pathPart(1), pathPart(2)];
  const d = await api(`/api/dyads/${encodeURIComponent(a)}/${encodeURIComponent(b)}`);
  const title = `${d.a.label} – ${d.b.label}`;
  document.title = `${title} · dateline`;
  const legend = d.types.map((t) => `<span><i style="background:${typeColour(t)}"></i>${esc(t)}</span>`).join("");
  document.getElementById("page").innerHTML = `
    <h1>${esc(title)}</h1>
    <div class="meta">${d.total} event(s) in which both sides take part${d.a.country && d.b.country && (d.a.ref !== d.a.country || d.b.ref !== d.b.country)
      ? ` · <a href="/dyads/${d.a.country}/${d.b.country}">all of ${esc(d.a.country)} – ${esc(d.b.country)}</a>` : ""}</div>
    <section class="card" style="margin-top:14px"><h2>Events per month</h2>
      <div class="legend">${legend}<span><i style="background:none;border-bottom:2px dashed #14213d"></i>mean intensity</span></div>
      <div id="chart">${dyadChart(d.months, d.types)}</div></section>
    <section class="card"><h2>Events</h2>${d.events.length ? `<ul class="plain">${d.events.map((e) => `<li>${eventLine(e)}</li>`).join("")}</ul>` : '<div class="empty">None yet.</div>'}</section>`;
}

show().catch((e) => showError("page", e));
