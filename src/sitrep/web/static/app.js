// sitrep's analyst page: map, timeline, table, event card and tallies, all views of /api.
// Filters live in the URL, so a view can be shared; every state (loading, empty, not found, invalid
// filter, server error) is said in #status. Article text is always inserted as text, never HTML.
"use strict";

const COLORS = {
  "Air/drone strike": "#c62828", "Shelling/artillery/missile attack": "#ef6c00", "Remote explosive/landmine/IED": "#6d4c41",
  "Suicide bomb": "#ad1457", "Grenade": "#8e24aa", "Armed clash": "#1565c0", "Government regains territory": "#0277bd",
  "Non-state actor overtakes territory": "#00838f", "Attack": "#6a1b9a", "Abduction/forced disappearance": "#827717",
  "Sexual violence": "#4e342e", "Peaceful protest": "#2e7d32", "Protest with intervention": "#558b2f",
  "Excessive force against protesters": "#9e9d24", "Violent demonstration": "#f9a825", "Mob violence": "#ff8f00",
  "Arrests": "#546e7a", "Disrupted weapons use": "#757575", "Looting/property destruction": "#00695c",
};
const color = (t) => COLORS[t] || "#37474f";
const FIELDS = ["region", "country", "event_type", "actor", "q", "since", "until", "min_fatalities", "disorder_type",
                "interaction", "civilian_targeting", "bbox"];
const SORTS = ["date", "type", "actor1", "actor2", "location", "country", "precision", "fatalities", "injuries"];
const INTER = { 1: "state forces", 2: "rebel group", 3: "political militia", 4: "identity militia", 5: "rioters",
                6: "protesters", 7: "civilians", 8: "external/other forces" };
const GEO = { 1: "the place itself", 2: "near the place, or its district", 3: "a region or the whole country: no point" };
const CARD_FIELDS = { event_type: "sub_event_type" };  // evidence field -> the event's field it supports
const state = { page: 1, sort: "-date", event: null };
const markers = new Map();  // event id -> marker
const el = (tag, props = {}, ...children) => {
  const node = document.createElement(tag);
  Object.assign(node, props);
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(c ?? ""));
  return node;
};
const form = () => document.getElementById("filters");

// a filter's value as the URL and the API spell it: several types joined by commas, a ticked box "true"
function getField(name) {
  const input = form().elements[name];
  if (input.multiple) return [...input.selectedOptions].map((o) => o.value).join(",");
  if (input.type === "checkbox") return input.checked ? "true" : "";
  return input.value;
}

function setField(name, value) {
  const input = form().elements[name];
  if (input.multiple) {
    const wanted = new Set(value.split(",").filter(Boolean));
    for (const o of input.options) o.selected = wanted.has(o.value);
  } else if (input.type === "checkbox") {
    input.checked = value === "true";
  } else {
    input.value = value;
  }
  document.getElementById("clear-area").hidden = !getField("bbox");
}
const sameValue = (a, b) => a.split(",").sort().join(",") === b.split(",").sort().join(",");

// ---- status: one line saying what the page is doing or what went wrong
function say(text, kind = "info") {
  const box = document.getElementById("status");
  box.textContent = text;
  box.className = kind;
  box.setAttribute("role", kind === "error" ? "alert" : "status");
}

class ApiError extends Error {
  constructor(status, body) {
    let msg = `the server failed (${status})`;
    if (status === 422 && Array.isArray(body.detail)) {
      msg = "Invalid filter: " + body.detail.map((d) => `${d.loc[d.loc.length - 1]} = "${d.input}": ${d.msg}`).join("; ");
    } else if (status === 404) {
      msg = body.detail || "not found";
    }
    super(msg);
    this.status = status;
  }
}

async function getJson(url) {
  const res = await fetch(url);
  if (!res.ok) throw new ApiError(res.status, await res.json().catch(() => ({})));
  return res.json();
}

// ---- the URL: filters, page, sort and the open event; values the page cannot use are named, not dropped
function readUrl() {
  const params = new URLSearchParams(location.search);
  const problems = [];
  for (const f of FIELDS) {
    const value = params.get(f) || "";
    setField(f, value);
    if (value && !sameValue(getField(f), value)) problems.push(`${f} = "${value}" is not a value this filter takes`);
  }
  const page = params.get("page") || "1";
  state.page = /^[1-9]\d{0,6}$/.test(page) ? Number(page) : 1;
  if (state.page !== Number(page)) problems.push(`page = "${page}" is not a page number`);
  const sort = params.get("sort") || "-date";
  state.sort = SORTS.includes(sort.replace(/^-/, "")) ? sort : "-date";
  if (state.sort !== sort) problems.push(`sort = "${sort}" is not a column (${SORTS.join(", ")})`);
  state.event = params.get("event");
  return problems;
}

function query(extra = {}) {
  const params = new URLSearchParams();
  for (const f of FIELDS) if (getField(f)) params.set(f, getField(f));
  for (const [k, v] of Object.entries(extra)) if (v !== undefined && v !== null && v !== "") params.set(k, v);
  return params;
}

function writeUrl() {
  const params = query({ page: state.page > 1 ? state.page : null, sort: state.sort !== "-date" ? state.sort : null,
                         event: state.event });
  history.replaceState(null, "", "?" + params.toString());
  const filters = query().toString();
  for (const fmt of ["csv", "geojson", "jsonl"]) {
    document.getElementById("export-" + fmt).href = `/api/events.${fmt}${filters ? "?" + filters : ""}`;
  }
}

// ---- map: fitted to the filtered events; an event known only to its country is drawn at the country
// (a dashed ring) and counted under the map
let map, cluster, legend, countryLayer;
const countryPoints = new Map();  // ISO 3166 numeric -> [lat, lng] inside the country's largest polygon

function ringCentroid(ring) {
  let area = 0, x = 0, y = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const f = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
    area += f; x += (ring[j][0] + ring[i][0]) * f; y += (ring[j][1] + ring[i][1]) * f;
  }
  return { area: Math.abs(area / 2), point: area ? [y / (3 * area), x / (3 * area)] : [ring[0][1], ring[0][0]] };
}

function learnCountryPoints(countries) {
  for (const c of countries.features) {
    const polygons = c.geometry?.type === "Polygon" ? [c.geometry.coordinates] : c.geometry?.coordinates || [];
    const best = polygons.map((p) => ringCentroid(p[0])).sort((a, b) => b.area - a.area)[0];
    if (best && c.id !== undefined) countryPoints.set(Number(c.id), best.point);
  }
}

function badgeIcon(count, type, dashed = false) {
  const size = 24 + Math.min(24, Math.log2(count) * 4);
  const badge = el("span", { className: "cluster-badge" + (dashed ? " dashed" : ""), title: `${count} events, mostly ${type}` },
                   String(count));
  badge.style.background = color(type);
  badge.style.width = badge.style.height = badge.style.lineHeight = size + "px";
  return L.divIcon({ html: badge, className: "cluster", iconSize: [size, size] });
}

function clusterIcon(group) {  // a cluster in the colour of its main type
  const children = group.getAllChildMarkers();
  const byType = new Map();
  for (const m of children) byType.set(m.options.subType, (byType.get(m.options.subType) || 0) + 1);
  return badgeIcon(children.length, [...byType.entries()].sort((a, b) => b[1] - a[1])[0][0]);
}
async function initMap() {
  map = L.map("map", { worldCopyJump: true, maxZoom: 14 }).setView([25, 30], 3);
  const [cfg, world] = await Promise.all([getJson("/api/config"), getJson("/vendor/world-atlas/countries-110m.json")]);
  if (cfg.tiles) {
    L.tileLayer(cfg.tiles, { maxZoom: 18, attribution: cfg.tiles_attribution || "" }).addTo(map);
  }
  const countries = topojson.feature(world, world.objects.countries);
  learnCountryPoints(countries);
  const base = cfg.tiles ? { color: "#888", weight: 0, fillOpacity: 0 } : { color: "#888", weight: 0.6, fillColor: "#f4f1ea", fillOpacity: 1 };
  countryLayer = L.geoJSON(countries, { style: () => base, interactive: false }).addTo(map);
  countryLayer.base = base;
  cluster = L.markerClusterGroup({ maxClusterRadius: 40, iconCreateFunction: clusterIcon });
  map.addLayer(cluster);
  legend = L.control({ position: "bottomleft" });
  legend.onAdd = () => {
    const box = el("details", { className: "legend", open: window.innerWidth > 800 }, el("summary", {}, "legend"), el("div"));
    L.DomEvent.disableClickPropagation(box);
    return box;
  };
  legend.addTo(map);
  const area = L.control({ position: "topright" });
  area.onAdd = () => {
    const button = el("button", { type: "button", className: "area-button" }, "Filter to this map area");
    L.DomEvent.disableClickPropagation(button);
    button.addEventListener("click", () => { setField("bbox", viewBox()); state.page = 1; refresh(); });
    return button;
  };
  area.addTo(map);
}

function drawLegend(types) {
  const div = legend.getContainer().querySelector("div");
  div.replaceChildren();
  for (const t of [...types].sort()) {
    const dot = el("i"); dot.style.background = color(t);
    div.append(el("span", {}, dot, t), el("br"));
  }
  const sizes = el("div", { className: "sizes" }, "deaths: ");
  for (const n of [1, 10, 100]) {
    const ring = el("i", { className: "size" });
    ring.style.width = ring.style.height = 2 * radius(n) + "px";
    sizes.append(ring, String(n), " ");
  }
  const dashed = el("i", { className: "size dashed" });
  div.append(sizes, el("div", {}, dashed, "drawn at its country"));
  legend.getContainer().hidden = types.size === 0;
}

const radius = (deaths) => 5 + Math.sqrt(deaths || 0) * 2;
let drawn = 0, mapTotal = 0;
let revealing = null;  // an event's marker being brought into view (showEvent)

function viewBox() {
  const b = map.getBounds();
  const clamp = (v, lim) => Math.max(-lim, Math.min(lim, v)).toFixed(4);
  return [clamp(b.getWest(), 180), clamp(b.getSouth(), 90), clamp(b.getEast(), 180), clamp(b.getNorth(), 90)].join(",");
}

// The map asks for its view only: events one by one when few, else cells the server counted (any number of
// events draws as fast). ``fit``: after a new filter, frame the events found.
async function drawMap(total, fit = true) {
  if (revealing) {  // never pull a marker from under markercluster's zoom to it
    await Promise.race([revealing, new Promise((done) => setTimeout(done, 2000))]);
    revealing = null;
  }
  mapTotal = total;
  const zoom = map.getZoom();
  const geo = await getJson("/api/map.geojson?" + query({ zoom, view: fit ? null : viewBox() }).toString());
  if (zoom !== map.getZoom() && !fit) return;  // the user moved on; the next draw is on its way
  cluster.clearLayers();
  markers.clear();
  const types = new Set();
  let atCountry = 0, unplaced = 0, shown = 0;
  const layers = [];
  for (const f of geo.features) {
    const p = f.properties;
    const point = f.geometry ? [f.geometry.coordinates[1], f.geometry.coordinates[0]] : countryPoints.get(p.iso);
    const count = p.count || 1;
    shown += count;
    if (!point) { unplaced += count; continue; }
    if (!f.geometry) atCountry += count;
    types.add(p.sub_event_type);
    if (p.cluster) {
      const m = L.marker(point, { icon: badgeIcon(count, p.sub_event_type, !f.geometry), keyboard: false });
      m.options.subType = p.sub_event_type;
      m.bindTooltip(el("span", {}, `${count} events${f.geometry ? "" : " in " + p.country + " (no finer place)"}, ${p.fatalities} deaths`));
      m.on("click", () => map.setView(point, Math.min(map.getZoom() + 2, 14)));
      layers.push(m);
      continue;
    }
    const m = L.circleMarker(point, {
      radius: radius(p.fatalities), color: color(p.sub_event_type), weight: f.geometry ? 1 : 2,
      fillOpacity: f.geometry ? 0.7 : 0.15, dashArray: f.geometry ? null : "4 3",
    });
    m.options.subType = p.sub_event_type;
    const where = f.geometry ? p.location || p.country || "" : `${p.country} (somewhere in the country)`;
    m.bindTooltip(el("span", {}, `${p.date || "undated"} ${p.sub_event_type} — ${where}`));  // a string would be HTML
    m.on("click", () => showEvent(p.id));
    markers.set(p.id, m);
    layers.push(m);
  }
  cluster.addLayers(layers);
  drawLegend(types);
  if (fit && layers.length && !getField("bbox")) map.fitBounds(cluster.getBounds().pad(0.2), { maxZoom: 8 });
  const mapEl = document.getElementById("map");
  mapEl.dataset.markers = String(layers.length);
  mapEl.dataset.drawn = String(++drawn);
  if (state.event) highlight(state.event);
  const notes = [];
  if (atCountry) notes.push(`${atCountry} of ${total} events are drawn at their country (dashed rings): the text names no finer place.`);
  if (unplaced) notes.push(`${unplaced} have no country on the map (at sea, or unknown).`);
  if (!fit && shown < total) notes.push(`${total - shown} are outside this view.`);
  document.getElementById("mapnote").textContent = notes.join(" ");
}

let redraw;
function onMove() {  // a pan or zoom by the user: the view's events, once the map has settled
  clearTimeout(redraw);
  redraw = setTimeout(() => drawMap(mapTotal, false).catch((err) => say(err.message, "error")), 80);
}

// ---- timeline: events per day (per week past six months), stacked by type; drag to choose a date range.
// Events dated only to a week or month are no day's bar: each interval is a line along the top.
let plot;
const undoDates = [];
async function drawTimeline() {
  const measure = document.getElementById("measure").value;
  const stats = await getJson("/api/stats?" + query({ bucket: document.getElementById("bucket").value || "auto" }).toString());
  const periods = [...new Set(stats.timeline.map((r) => r.period))].sort();
  drawTotals(stats);
  const types = [...new Set(stats.timeline.map((r) => r.sub_event_type))];
  const box = document.getElementById("timeline");
  box.replaceChildren();
  if (plot) { plot.destroy(); plot = null; }
  const spans = stats.spans.map((sp) => ({ ...sp, lo: Date.parse(sp.from) / 1000, hi: Date.parse(sp.to) / 1000 + 86400 }));
  const vague = spans.reduce((n, sp) => n + sp.events, 0);
  document.getElementById("timelinenote").textContent = vague
    ? `${vague} ${vague === 1 ? "event" : "events"} known only to a week or month: drawn as lines along the top, over the interval.` : "";
  if (!periods.length && !spans.length) { box.append(el("p", {}, "No dated events to draw.")); return; }
  const xs = periods.map((d) => Date.parse(d) / 1000);
  const [lo, hi] = [Math.min(...xs, ...spans.map((sp) => sp.lo)), Math.max(...xs, ...spans.map((sp) => sp.hi))];
  const pad = Math.max(86400, (hi - lo) * 0.03);
  const counts = types.map((t) => periods.map((d) => (stats.timeline.find((r) => r.period === d && r.sub_event_type === t) || {})[measure] || 0));
  const stacked = counts.map((_, i) => periods.map((__, j) => counts.slice(i).reduce((s, c) => s + c[j], 0)));
  const opts = {
    width: box.clientWidth || 600, height: 160,
    series: [{}, ...types.map((t) => ({ label: t, stroke: color(t), fill: color(t), paths: uPlot.paths.bars({ size: [0.9, 20] }) }))],
    axes: [{}, { size: 40, label: measure === "events" ? "events" : "deaths", labelSize: 14 }],
    legend: { show: true, live: true },  // hover: the value of each type
    scales: { x: { time: true, range: () => [lo - pad, hi + pad] } },  // the bars' days and the spans, not uPlot's guess
    cursor: { drag: { x: true, y: false } },
    hooks: { draw: [(u) => drawSpans(u, spans)], setSelect: [(u) => {
      if (u.select.width < 2) return;
      const lo = new Date(u.posToVal(u.select.left, "x") * 1000).toISOString().slice(0, 10);
      const hi = new Date(u.posToVal(u.select.left + u.select.width, "x") * 1000).toISOString().slice(0, 10);
      undoDates.push([getField("since"), getField("until")]);
      setField("since", lo); setField("until", hi);
      state.page = 1; refresh();
    }] },
  };
  plot = new uPlot(opts, [xs, ...stacked], box);
  touchBrush(plot);
}

function drawSpans(u, spans) {
  const ctx = u.ctx, px = devicePixelRatio;
  ctx.save();
  ctx.lineWidth = 3 * px;
  spans.forEach((sp, i) => {
    const x0 = u.valToPos(sp.lo, "x", true), x1 = Math.max(u.valToPos(sp.hi, "x", true), x0 + 2 * px);
    const y = u.bbox.top + (3 + (i % 8) * 5) * px;
    ctx.strokeStyle = color(sp.sub_event_type);
    ctx.beginPath(); ctx.moveTo(x0, y); ctx.lineTo(x1, y); ctx.stroke();
  });
  ctx.restore();
}

// a finger drags a date range as a mouse does (uPlot's own selection is mouse-only)
function touchBrush(u) {
  let x0 = null;
  const at = (touch) => touch.clientX - u.over.getBoundingClientRect().left;
  u.over.addEventListener("touchstart", (e) => { x0 = at(e.touches[0]); }, { passive: true });
  u.over.addEventListener("touchmove", (e) => {
    if (x0 === null) return;
    e.preventDefault();
    const x = at(e.touches[0]);
    u.setSelect({ left: Math.min(x0, x), width: Math.abs(x - x0), top: 0, height: u.over.clientHeight }, false);
  }, { passive: false });
  u.over.addEventListener("touchend", () => {
    if (x0 !== null && u.select.width >= 2) u.setSelect(u.select, true);
    x0 = null;
  });
}

// a choropleth: each country shaded by its events or deaths under the filter (log scale, white to red)
async function shadeCountries() {
  const measure = document.getElementById("shade").value;
  const rows = measure ? await getJson("/api/countries?" + query().toString()) : [];
  const values = new Map(rows.map((c) => [c.iso, c[measure] || 0]));
  const top = Math.max(1, ...values.values());
  countryLayer.setStyle((feature) => {
    const v = measure ? values.get(Number(feature.id)) || 0 : 0;
    if (!measure) return countryLayer.base;
    const t = Math.log10(v + 1) / Math.log10(top + 1);
    return { color: "#888", weight: 0.6, fillOpacity: v ? 0.85 : countryLayer.base.fillOpacity,
             fillColor: v ? `rgb(${255 - 60 * t}, ${235 - 200 * t}, ${225 - 200 * t})` : countryLayer.base.fillColor || "#f4f1ea" };
  });
  const note = document.getElementById("shadenote");
  note.textContent = measure ? `Countries shaded by ${measure === "events" ? "events" : "deaths"}: palest 1, darkest ${top}.` : "";
}

function drawTotals(stats) {
  const top = Object.entries(stats.by_actor).slice(0, 3).map(([a, n]) => `${a} (${n})`).join(", ");
  document.getElementById("totals").textContent = `· ${stats.fatalities} deaths` + (top ? ` · most active: ${top}` : "");
}

// ---- table
function sortIndicators() {
  for (const th of document.querySelectorAll("#events th[data-sort]")) {
    const key = th.dataset.sort;
    th.setAttribute("aria-sort", state.sort === key ? "ascending" : state.sort === "-" + key ? "descending" : "none");
  }
}

async function drawTable() {
  const data = await getJson("/api/events?" + query({ page: state.page, sort: state.sort, page_size: 50 }).toString());
  const pages = Math.max(1, Math.ceil(data.total / data.page_size));
  const body = document.querySelector("#events tbody");
  if (!data.events.length) {
    const why = data.total ? `Page ${state.page} is past the last page (${pages}).` : "No events match these filters.";
    body.replaceChildren(el("tr", { className: "empty" }, el("td", { colSpan: 10 }, why)));
  } else {
    body.replaceChildren(...data.events.map((e) => {
      const tr = el("tr", { tabIndex: 0 }, el("td", {}, e.date || "?"), el("td", {}, e.sub_event_type), el("td", {}, e.actor1 || ""),
                    el("td", {}, e.actor2 || ""), el("td", {}, e.location || ""), el("td", {}, e.country || ""),
                    el("td", {}, e.geo_precision ?? ""), el("td", {}, e.fatalities ?? ""), el("td", {}, e.injuries ?? ""),
                    el("td", {}, String(e.sources.length)));
      tr.dataset.id = e.id;
      tr.addEventListener("click", () => showEvent(e.id));
      tr.addEventListener("keydown", (k) => { if (k.key === "Enter" || k.key === " ") { k.preventDefault(); showEvent(e.id); } });
      if (e.id === state.event) tr.classList.add("selected");
      return tr;
    }));
  }
  document.getElementById("pageinfo").textContent = `page ${data.page} of ${pages}`;
  document.getElementById("prev").disabled = data.page <= 1;
  document.getElementById("next").disabled = data.page >= pages;
  document.getElementById("count").textContent = `${data.total} events`;
  sortIndicators();
  return data.total;
}

// ---- event card: every field explained, each source, and the words each field came from
function excerpt(e) {
  // the stored offsets place the quote in its sentence; the sentence is cut to a window around it
  const s = e.sentence_text || "";
  const at = e.sentence_start == null ? -1 : e.start - e.sentence_start;
  if (at < 0 || at + (e.end - e.start) > s.length) return [el("span", {}, s)];
  const lo = Math.max(0, at - 90), hi = Math.min(s.length, e.end - e.sentence_start + 90);
  return [(lo > 0 ? "…" : "") + s.slice(lo, at), el("mark", {}, s.slice(at, e.end - e.sentence_start)),
          s.slice(e.end - e.sentence_start, hi) + (hi < s.length ? "…" : "")];
}

function describeDate(ev) {
  if (!ev.date) return "unknown";
  if (!ev.date_precision || ev.date_precision === "day") return ev.date;
  return `${ev.date} (somewhere from ${ev.date_earliest} to ${ev.date_latest}: the text gives the ${ev.date_precision})`;
}

function toll(ev, key) {
  const [lo, hi] = ev.ranges[key] || [];
  if (ev[key] == null) return null;
  return lo != null && hi != null && lo !== hi ? `${ev[key]} (sources say ${lo} to ${hi})` : String(ev[key]);
}

function cardFields(ev) {
  const rows = [
    ["type", `${ev.event_type} — ${ev.sub_event_type}${ev.weapon ? " (" + ev.weapon + ")" : ""}`],
    ["date", describeDate(ev)],
    ["actor 1", ev.actor1 && `${ev.actor1}${ev.inter1 ? " — " + INTER[ev.inter1] : ""}`],
    ["actor 2", ev.actor2 && `${ev.actor2}${ev.inter2 ? " — " + INTER[ev.inter2] : ""}`],
    ["claimed by", ev.claimed_by],
    ["place", [ev.location, ev.admin2, ev.admin1, ev.country].filter(Boolean).filter((v, i, a) => a.indexOf(v) === i).join(", ")],
    ["coordinates", ev.latitude != null ? `${ev.latitude}, ${ev.longitude}` : null],
    ["geo precision", ev.geo_precision ? `${ev.geo_precision}: ${GEO[ev.geo_precision]}` : null],
    ["deaths", toll(ev, "fatalities")],
    ["injured", toll(ev, "injuries")],
  ];
  const dl = el("dl");
  for (const [k, v] of rows) if (v) dl.append(el("dt", {}, k), el("dd", {}, v));
  return dl;
}

function cardSources(ev) {
  const list = el("ul", { className: "sources" });
  for (const [id, a] of Object.entries(ev.articles)) {
    const head = [a.outlet, a.published].filter(Boolean).join(", ") || id;
    const item = el("li", {}, el("b", {}, head), " — ", a.title || id);
    if (a.url && /^https?:\/\//.test(a.url)) item.append(" ", el("a", { href: a.url, rel: "noopener noreferrer", target: "_blank" }, "article"));
    list.append(item);
  }
  const keys = ["sub_event_type", "date", "location", "actor1", "actor2", "fatalities", "injuries"];
  const differ = keys.filter((k) => new Set(ev.reports.map((r) => r[k]).filter((v) => v != null).map(String)).size > 1);
  const parts = [el("h3", {}, `Sources (${Object.keys(ev.articles).length})`), list];
  if (differ.length) {
    const table = el("table", { className: "differ" }, el("caption", {}, "Sources disagree on"),
      el("tr", {}, el("th", {}, "source"), ...differ.map((k) => el("th", {}, k))),
      ...ev.reports.map((r) => el("tr", {}, el("td", {}, (ev.articles[r.sources[0]] || {}).outlet || r.sources[0]),
                                  ...differ.map((k) => el("td", {}, r[k] ?? "—")))));
    parts.push(table);
  }
  return parts;
}

function cardEvidence(ev) {
  const byField = new Map();
  for (const e of ev.evidence) {
    if (!byField.has(e.field)) byField.set(e.field, []);
    byField.get(e.field).push(e);
  }
  const parts = [el("h3", {}, "Evidence")];
  for (const [field, items] of byField) {
    const section = el("section", { className: "field" }, el("h4", {}, field));
    for (const e of items) {
      const used = e.chosen ? "used" : "not used";
      section.append(el("blockquote", { className: "evidence " + (e.chosen ? "chosen" : "rejected") },
        el("span", { className: "gave" }, `${(ev.articles[e.article_id] || {}).outlet || e.article_id} gave "${e.value}" — ${used}`),
        el("br"), ...excerpt(e)));
    }
    parts.push(section);
  }
  return parts;
}

function highlight(id) {
  for (const tr of document.querySelectorAll("#events tbody tr")) tr.classList.toggle("selected", tr.dataset.id === id);
  for (const [mid, m] of markers) m.setStyle(mid === id ? { weight: 4, color: "#000" } : { weight: 1, color: color(m.options.subType) });
}

async function showEvent(id) {
  state.event = id; writeUrl();
  const card = document.getElementById("card");
  let ev;
  try {
    ev = await getJson("/api/events/" + encodeURIComponent(id));
  } catch (err) {
    closeEvent(false);
    say(err.status === 404 ? `No event "${id}": it may have been merged or deleted.` : String(err.message), "error");
    return;
  }
  document.getElementById("card-body").replaceChildren(
    el("h2", { id: "card-title" }, `${ev.date || "undated"} — ${ev.sub_event_type}`), cardFields(ev),
    ...cardSources(ev), ...cardEvidence(ev));
  card.hidden = false;
  card.focus();
  highlight(id);
  const m = markers.get(id);
  if (m) {  // markercluster zooms or spiders to it; the redraw that zoom asks for waits (drawMap), else it
    // would clear the marker from under the animation
    revealing = new Promise((done) => cluster.zoomToShowLayer(m, () => { m.openTooltip(); done(); }));
  }
}

function closeEvent(restoreFocus = true) {
  const card = document.getElementById("card");
  const was = state.event;
  card.hidden = true;
  state.event = null; writeUrl();
  highlight(null);
  const row = was && document.querySelector(`#events tbody tr[data-id="${CSS.escape(was)}"]`);
  if (restoreFocus && row) row.focus();
}

// ---- tallies for the current filter
async function drawTally() {
  const params = new URLSearchParams();
  if (getField("country")) params.set("where", getField("country"));
  if (getField("since")) params.set("from", getField("since"));
  if (getField("until")) params.set("to", getField("until"));
  const t = await getJson("/api/tally?" + params.toString());
  const box = document.getElementById("tally");
  const rows = t.claims.map((c) => el("tr", {}, el("td", {}, `${c.quantity} (${c.bound})`), el("td", {}, c.what || ""),
    el("td", {}, (c.where || []).join(", ")), el("td", {}, `${c.from || "?"} .. ${c.to || "?"}`), el("td", {}, String(c.in_database))));
  box.replaceChildren(el("h2", {}, `Reported tallies (${t.claims.length}) beside the events held`),
    el("table", {}, el("thead", {}, el("tr", {}, ...["claimed", "what", "where", "period", "in database"].map((h) => el("th", {}, h)))),
       el("tbody", {}, ...rows)));
}

async function refresh(problems = []) {
  writeUrl();
  document.getElementById("undo-dates").hidden = undoDates.length === 0;
  say("Loading…");
  try {
    const table = drawTable();
    const [total] = await Promise.all([table, table.then((n) => drawMap(n)), drawTimeline(), drawTally(), shadeCountries()]);
    if (problems.length) say("Ignored: " + problems.join("; "), "error");
    else say(total ? "" : "No events match these filters.", total ? "info" : "empty");
  } catch (err) {
    document.querySelector("#events tbody").replaceChildren();
    document.getElementById("count").textContent = "";
    say(err.message, "error");
  }
  document.body.dataset.ready = "1";
}

async function main() {
  const problems = readUrl();
  await initMap();
  form().addEventListener("submit", (e) => { e.preventDefault(); state.page = 1; refresh(); });
  document.getElementById("reset").addEventListener("click", () => {
    for (const f of FIELDS) setField(f, "");
    state.page = 1; refresh();
  });
  document.getElementById("clear-area").addEventListener("click", () => { setField("bbox", ""); state.page = 1; refresh(); });
  document.getElementById("shade").addEventListener("change", () => shadeCountries().catch((err) => say(err.message, "error")));
  for (const id of ["bucket", "measure"]) {
    document.getElementById(id).addEventListener("change", () => drawTimeline().catch((err) => say(err.message, "error")));
  }
  document.getElementById("undo-dates").addEventListener("click", () => {
    const [since, until] = undoDates.pop() || ["", ""];
    setField("since", since); setField("until", until);
    state.page = 1; refresh();
  });

  const turn = (step) => { state.page += step; drawTable().then(writeUrl).catch((err) => say(err.message, "error")); };
  document.getElementById("prev").addEventListener("click", () => turn(-1));
  document.getElementById("next").addEventListener("click", () => turn(1));
  for (const th of document.querySelectorAll("#events th[data-sort]")) {
    th.querySelector("button").addEventListener("click", () => {
      const key = th.dataset.sort;
      state.sort = state.sort === "-" + key ? key : "-" + key;
      drawTable().then(writeUrl).catch((err) => say(err.message, "error"));
    });
  }
  document.getElementById("card-close").addEventListener("click", () => closeEvent());
  document.addEventListener("keydown", (e) => { if (e.key === "Escape" && !document.getElementById("card").hidden) closeEvent(); });
  window.addEventListener("resize", () => { if (plot) plot.setSize({ width: document.getElementById("timeline").clientWidth, height: 160 }); });
  await refresh(problems);
  map.on("moveend", onMove);
  getJson("/api/facets").then((f) => {  // suggestions, once the first view is drawn
    document.getElementById("countries").replaceChildren(...f.countries.map((c) => el("option", { value: c })));
    document.getElementById("actors").replaceChildren(...f.actors.map((a) => el("option", { value: a })));
  }).catch((err) => say(err.message, "error"));
  if (state.event) await showEvent(state.event);
}

main().catch((err) => { say(err.message, "error"); document.body.dataset.ready = "1"; });
