// Small SVG charts drawn by hand: a time axis, stacked monthly bars, a linked point series.
"use strict";

const dayOf = (s) => (s && /^\d{4}-\d{2}-\d{2}/.test(s) ? new Date(s.slice(0, 10) + "T00:00:00Z").getTime() : null);

function niceTicks(min, max, count) {
  if (min === max) { min -= 1; max += 1; }
  const step0 = (max - min) / count;
  const mag = Math.pow(10, Math.floor(Math.log10(step0)));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= step0);
  const first = Math.floor(min / step), last = Math.ceil(max / step);
  const ticks = [];
  for (let i = first; i <= last; i++) ticks.push(i * step);
  return ticks;
}

function timeTicks(t0, t1, count) {
  const ticks = [];
  for (let i = 0; i <= count; i++) ticks.push(t0 + ((t1 - t0) * i) / count);
  return ticks;
}
const anchor = (i, last) => (i === 0 ? "start" : i === last ? "end" : "middle");
const ymd = (t) => new Date(t).toISOString().slice(0, 10);

// Events as dots on a time line, one row per type; each dot links to its evidence.
function timelineChart(events) {
  const dated = events.filter((e) => dayOf(e.date) != null);
  if (!dated.length) return html`<div class="empty">No dated events.</div>`;
  const types = [...new Set(dated.map((e) => e.type))];
  const W = 760, row = 34, L = 110, R = 20, T = 10, H = T + types.length * row + 30;
  let t0 = Math.min(...dated.map((e) => dayOf(e.date))), t1 = Math.max(...dated.map((e) => dayOf(e.date)));
  if (t0 === t1) { t0 -= 15 * 864e5; t1 += 15 * 864e5; }
  const x = (t) => L + ((t - t0) / (t1 - t0)) * (W - L - R);
  const rows = types.map((type, i) => {
    const y = T + i * row + row / 2;
    return html`<line class="gridline" x1="${L}" x2="${W - R}" y1="${y}" y2="${y}"/><text x="${L - 8}" y="${y + 4}" text-anchor="end">${type}</text>`;
  });
  const axisY = T + types.length * row + 4;
  const ticks = timeTicks(t0, t1, 4).map((t, i) => html`<text x="${x(t)}" y="${axisY + 16}" text-anchor="${anchor(i, 4)}">${ymd(t)}</text>`);
  const dots = dated.map((e) => {
    const y = T + types.indexOf(e.type) * row + row / 2;
    const who = e.participants.map((a) => a.name).join(", ");
    const tip = html`<b>${e.type}</b>${e.intensity != null ? " " + signed(e.intensity) : ""} ${e.date}<br>${who}${e.place ? html`<br>at ${e.place}` : ""}`;
    return html`<a href="${articleHref(e.article_id, "event-" + e.start)}"><circle cx="${x(dayOf(e.date))}" cy="${y}" r="6" fill="${typeColour(e.type)}" fill-opacity=".85" data-tip="${tipId(tip)}"/></a>`;
  });
  return html`<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-label="Events over time">${rows}<line class="axis" x1="${L}" x2="${W - R}" y1="${axisY}" y2="${axisY}"/>${ticks}${dots}</svg>`;
}

// Events per month stacked by type, with mean intensity (-10..+10) as a line on the right axis.
function dyadChart(months, types) {
  if (!months.length) return html`<div class="empty">No events between these two sides yet.</div>`;
  const W = 760, H = 300, L = 44, R = 50, T = 16, B = 40;
  const maxCount = Math.max(...months.map((m) => m.events), 1);
  const ticks = niceTicks(0, maxCount, Math.min(maxCount, 5)).filter((v) => Number.isInteger(v));
  const top = ticks[ticks.length - 1] || maxCount;
  const band = (W - L - R) / months.length, bar = Math.min(48, band * 0.7);
  const y = (v) => H - B - (v / top) * (H - T - B);
  const yi = (v) => H - B - ((v + 10) / 20) * (H - T - B);
  const parts = [];
  ticks.forEach((v) => parts.push(html`<line class="gridline" x1="${L}" x2="${W - R}" y1="${y(v)}" y2="${y(v)}"/><text x="${L - 6}" y="${y(v) + 4}" text-anchor="end">${v}</text>`));
  [-10, 0, 10].forEach((v) => parts.push(html`<text x="${W - R + 6}" y="${yi(v) + 4}">${v > 0 ? "+" : ""}${v}</text>`));
  parts.push(html`<text x="${L}" y="${T - 4}">events</text><text x="${W - R + 6}" y="${T - 4}">intensity</text>`);
  parts.push(html`<line class="axis" x1="${L}" x2="${W - R}" y1="${H - B}" y2="${H - B}"/>`);
  const line = [];
  months.forEach((m, i) => {
    const cx = L + band * i + band / 2;
    let base = 0;
    types.forEach((type) => {
      const n = m.types[type] || 0;
      if (!n) return;
      const tip = html`<b>${type}</b> ${m.month}: ${n} event(s)`;
      parts.push(html`<rect x="${cx - bar / 2}" y="${y(base + n)}" width="${bar}" height="${y(base) - y(base + n)}" fill="${typeColour(type)}" data-tip="${tipId(tip)}"/>`);
      base += n;
    });
    const every = Math.ceil(months.length / 12);
    if (i % every === 0) parts.push(html`<text x="${cx}" y="${H - B + 16}" text-anchor="middle">${m.month}</text>`);
    if (m.mean_intensity != null) line.push([cx, yi(m.mean_intensity), m]);
  });
  if (line.length) {
    parts.push(html`<polyline fill="none" stroke="#14213d" stroke-width="2" stroke-dasharray="4 3" points="${line.map((p) => p[0] + "," + p[1]).join(" ")}"/>`);
    line.forEach(([cx, cy, m]) => {
      const tip = html`${m.month}: mean intensity ${signed(m.mean_intensity)} over ${m.events} event(s)`;
      parts.push(html`<circle cx="${cx}" cy="${cy}" r="4" fill="#14213d" data-tip="${tipId(tip)}"/>`);
    });
  }
  return html`<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-label="Events per month">${parts}</svg>`;
}

// One unit's values over time; each point links to the sentence it came from.
function seriesChart(points, unit) {
  const dated = points.filter((p) => dayOf(p.when) != null);
  if (!dated.length) return html`<div class="empty">No dated values.</div>`;
  const W = 760, H = 280, L = 70, R = 20, T = 14, B = 36;
  let t0 = Math.min(...dated.map((p) => dayOf(p.when))), t1 = Math.max(...dated.map((p) => dayOf(p.when)));
  if (t0 === t1) { t0 -= 180 * 864e5; t1 += 180 * 864e5; }
  const values = dated.map((p) => p.value);
  const ticks = niceTicks(Math.min(0, ...values), Math.max(...values), 4);
  const v0 = ticks[0], v1 = ticks[ticks.length - 1];
  const x = (t) => L + ((t - t0) / (t1 - t0)) * (W - L - R);
  const y = (v) => H - B - ((v - v0) / (v1 - v0 || 1)) * (H - T - B);
  const parts = ticks.map((v) => html`<line class="gridline" x1="${L}" x2="${W - R}" y1="${y(v)}" y2="${y(v)}"/><text x="${L - 6}" y="${y(v) + 4}" text-anchor="end">${formatValue(v, unit === "ratio" ? "ratio" : null)}</text>`);
  parts.push(html`<line class="axis" x1="${L}" x2="${W - R}" y1="${H - B}" y2="${H - B}"/>`);
  timeTicks(t0, t1, 4).forEach((t, i) => parts.push(html`<text x="${x(t)}" y="${H - B + 16}" text-anchor="${anchor(i, 4)}">${ymd(t)}</text>`));
  const levels = dated.filter((p) => !p.change);
  if (levels.length > 1) parts.push(html`<polyline fill="none" stroke="#1f5fbf" stroke-width="2" points="${levels.map((p) => x(dayOf(p.when)) + "," + y(p.value)).join(" ")}"/>`);
  dated.forEach((p) => {
    const tip = html`<b>${p.text}</b> = ${formatFigure(p)}<br>${p.measure}<br>period ${p.period || "—"} · ${p.title || p.article_id}`;
    parts.push(html`<a href="${articleHref(p.article_id, "amount-" + p.span.start)}"><circle cx="${x(dayOf(p.when))}" cy="${y(p.value)}" r="5.5" fill="${p.change ? "#fff" : "#1f5fbf"}" stroke="#1f5fbf" stroke-width="2" data-tip="${tipId(tip)}"/></a>`);
  });
  return html`<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-label="Values over time">${parts}</svg>`;
}
