// Map page: event places on an offline equirectangular world map (land as inhabited cells).
"use strict";

header("Map");
enableTips();

function placeHref(p) {
  const first = p.events[0] || p.articles[0];
  return articleHref(first.article_id || first.id);
}

async function show() {
  const [base, places] = await Promise.all([api("/api/basemap"), api(`/api/places?page=${pageParam()}`), loadEventTypes()]);
  const W = 1080, H = 540, x = (lon) => ((lon + 180) / 360) * W, y = (lat) => ((90 - lat) / 180) * H;
  const size = (base.cell / 360) * W;
  const parts = [];
  for (let lon = -180; lon <= 180; lon += 30) parts.push(html`<line x1="${x(lon)}" x2="${x(lon)}" y1="0" y2="${H}" class="graticule"/>`);
  for (let lat = -60; lat <= 90; lat += 30) parts.push(html`<line x1="0" x2="${W}" y1="${y(lat)}" y2="${y(lat)}" class="graticule"/>`);
  parts.push(html`<g class="land">${base.cells.map(([lon, lat]) => html`<rect x="${(x(lon) - size / 2).toFixed(1)}" y="${(y(lat) - size / 2).toFixed(1)}" width="${size.toFixed(1)}" height="${size.toFixed(1)}"/>`)}</g>`);
  const shown = new Set(places.items.map((p) => p.country).filter(Boolean));
  shown.forEach((code) => { const c = base.countries[code]; if (c) parts.push(html`<text x="${x(c.lon)}" y="${y(c.lat)}" text-anchor="middle" class="country-label">${c.name.toUpperCase()}</text>`); });
  places.items.slice().reverse().forEach((p) => {
    const n = p.event_count, r = n ? 5 + Math.min(8, n * 2) : 3.5;
    const tip = html`<b>${p.name}</b>${p.country ? " · " + p.country : ""}<br>${n} event(s) · ${p.article_count} article(s)${p.events.map((e) => html`<br>${e.type} ${e.date || ""}`)}${n > p.events.length ? html`<br>…` : ""}`;
    parts.push(html`<a href="${placeHref(p)}"><circle class="place${n ? " event-place" : ""}" cx="${x(p.lon)}" cy="${y(p.lat)}" r="${r}" data-tip="${tipId(tip)}"/></a>`);
    if (n) parts.push(html`<text x="${x(p.lon) + r + 3}" y="${y(p.lat) + 4}" class="place-label">${p.name}</text>`);
  });
  const withEvents = places.items.filter((p) => p.event_count);
  render("page", html`
    <h1>Where events happened</h1>
    ${places.total > places.items.length ? html`<div class="meta">the ${places.items.length} places with most events, of ${places.total}</div>` : ""}
    <div class="legend"><span><i class="swatch-event-place"></i>place of an event (size: number of events)</span><span><i class="swatch-place"></i>place mentioned</span><span><i class="swatch-land"></i>land (GeoNames towns)</span></div>
    <div class="map-wrap"><svg class="chart" id="map" viewBox="0 0 ${W} ${H * 0.83}" role="img" aria-label="World map of event places">${parts}</svg></div>
    <section class="card spaced-more"><h2>Event places (${withEvents.length})</h2>
      <table class="list"><tr><th>place</th><th>country</th><th>events</th><th>articles</th></tr>${withEvents.map((p) =>
        html`<tr><td>${p.name}</td><td>${p.country || ""}</td><td>${p.event_count}: ${p.events.map((e) => typeBadge(e.type))}</td>
         <td>${p.article_count}: ${joined(p.articles.map((a) => html`<a href="${articleHref(a.id)}">${a.title || a.id}</a>`), html`<br>`)}</td></tr>`)}</table>
      ${pager(places.page, places.pages, ["← more events", "fewer events →"])}</section>`);
}

show().catch((e) => showError("page", e));
