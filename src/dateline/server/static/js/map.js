// Map page: event places on an offline equirectangular world map (land as inhabited cells).
"use strict";

header("Map");
enableTips();

async function show() {
  const [base, places] = await Promise.all([api("/api/basemap"), api("/api/places")]);
  const W = 1080, H = 540, x = (lon) => ((lon + 180) / 360) * W, y = (lat) => ((90 - lat) / 180) * H;
  const size = (base.cell / 360) * W;
  let svg = `<svg class="chart" id="map" viewBox="0 0 ${W} ${H * 0.83}" role="img" aria-label="World map of event places">`;
  for (let lon = -180; lon <= 180; lon += 30) svg += `<line x1="${x(lon)}" x2="${x(lon)}" y1="0" y2="${H}" stroke="#d5e1ee" stroke-width=".6"/>`;
  for (let lat = -60; lat <= 90; lat += 30) svg += `<line x1="0" x2="${W}" y1="${y(lat)}" y2="${y(lat)}" stroke="#d5e1ee" stroke-width=".6"/>`;
  svg += `<g fill="#c8d2dd">${base.cells.map(([lon, lat]) => `<rect x="${(x(lon) - size / 2).toFixed(1)}" y="${(y(lat) - size / 2).toFixed(1)}" width="${size.toFixed(1)}" height="${size.toFixed(1)}"/>`).join("")}</g>`;
  const shown = new Set(places.items.map((p) => p.country).filter(Boolean));
  shown.forEach((code) => { const c = base.countries[code]; if (c) svg += `<text x="${x(c.lon)}" y="${y(c.lat)}" text-anchor="middle" style="font-size:11px;fill:#6b7a8c;letter-spacing:.5px">${esc(c.name.toUpperCase())}</text>`; });
  places.items.slice().reverse().forEach((p) => {
    const n = p.events.length, r = n ? 5 + Math.min(8, n * 2) : 3.5;
    const tip = `<b>${esc(p.name)}</b>${p.country ? " · " + esc(p.country) : ""}<br>${n} event(s) · ${p.articles.length} article(s)${p.events.map((e) => "<br>" + esc(e.type) + " " + esc(e.date || "")).join("")}`;
    const href = `/articles/${encodeURIComponent((p.events[0] || p.articles[0]).article_id || p.articles[0].id)}`;
    svg += `<a href="${href}"><circle class="place${n ? " event-place" : ""}" cx="${x(p.lon)}" cy="${y(p.lat)}" r="${r}" fill="${n ? "#c0392b" : "#1f5fbf"}" fill-opacity="${n ? 0.85 : 0.55}" stroke="#fff" stroke-width="1" data-tip="${tip}"/></a>`;
    if (n) svg += `<text x="${x(p.lon) + r + 3}" y="${y(p.lat) + 4}" style="font-size:12px;fill:#14213d;font-weight:600">${esc(p.name)}</text>`;
  });
  const withEvents = places.items.filter((p) => p.events.length);
  document.getElementById("page").innerHTML = `
    <h1>Where events happened</h1>
    <div class="legend"><span><i style="background:#c0392b;border-radius:50%"></i>place of an event (size: number of events)</span><span><i style="background:#1f5fbf;opacity:.55;border-radius:50%"></i>place mentioned</span><span><i style="background:#c8d2dd"></i>land (GeoNames towns)</span></div>
    <div class="map-wrap">${svg}</svg></div>
    <section class="card" style="margin-top:16px"><h2>Event places (${withEvents.length})</h2>
      <table class="list"><tr><th>place</th><th>country</th><th>events</th><th>articles</th></tr>${withEvents.map((p) =>
        `<tr><td>${esc(p.name)}</td><td>${esc(p.country || "")}</td><td>${p.events.map((e) => `<span class="badge type">${esc(e.type)}</span>`).join("")}</td>
         <td>${p.articles.map((a) => `<a href="/articles/${encodeURIComponent(a.id)}">${esc(a.title || a.id)}</a>`).join("<br>")}</td></tr>`).join("")}</table></section>`;
}

show().catch((e) => showError("page", e));
