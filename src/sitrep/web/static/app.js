// sitrep's analyst page: map, timeline, table, event card and tallies, all views of /api.
// Filters live in the URL, so a view can be shared. Article text is always inserted as text, never HTML.
"use strict";

const COLORS = {
  "Air/drone strike": "#d62728", "Shelling/artillery/missile attack": "#ff7f0e", "Armed clash": "#1f77b4",
  "Attack": "#9467bd", "Remote explosive/landmine/IED": "#8c564b", "Suicide bomb": "#e377c2",
  "Disrupted weapons use": "#7f7f7f", "Abduction/forced disappearance": "#bcbd22", "Looting/property destruction": "#17becf",
};
const color = (t) => COLORS[t] || "#444";
const FIELDS = ["country", "event_type", "actor", "q", "since", "until"];
const state = { page: 1, sort: "-date" };
const el = (tag, props = {}, ...children) => {
  const node = document.createElement(tag);
  Object.assign(node, props);
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(c ?? ""));
  return node;
};

function readUrl() {
  const params = new URLSearchParams(location.search);
  const form = document.getElementById("filters");
  for (const f of FIELDS) form.elements[f].value = params.get(f) || "";
  state.page = Number(params.get("page") || 1);
  state.sort = params.get("sort") || "-date";
  state.event = params.get("event");
}

function query(extra = {}) {
  const form = document.getElementById("filters");
  const params = new URLSearchParams();
  for (const f of FIELDS) if (form.elements[f].value) params.set(f, form.elements[f].value);
  for (const [k, v] of Object.entries(extra)) if (v !== undefined && v !== null && v !== "") params.set(k, v);
  return params;
}

function writeUrl() {
  const params = query({ page: state.page > 1 ? state.page : null, sort: state.sort !== "-date" ? state.sort : null,
                         event: state.event });
  history.replaceState(null, "", "?" + params.toString());
}

async function getJson(url) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return res.json();
}

// ---- map
let map, cluster;
async function initMap() {
  map = L.map("map", { worldCopyJump: true, maxZoom: 14 }).setView([25, 30], 3);
  const cfg = await getJson("/api/config");
  if (cfg.tiles) {
    L.tileLayer(cfg.tiles, { maxZoom: 18, attribution: cfg.tiles_attribution || "" }).addTo(map);
  } else {
    const world = await getJson("/vendor/world-atlas/countries-110m.json");
    L.geoJSON(topojson.feature(world, world.objects.countries),
              { style: { color: "#888", weight: 0.6, fillColor: "#f4f1ea", fillOpacity: 1 } }).addTo(map);
  }
  cluster = L.markerClusterGroup({ maxClusterRadius: 40 });
  map.addLayer(cluster);
  const legend = L.control({ position: "bottomleft" });
  legend.onAdd = () => {
    const div = el("div", { className: "legend" });
    for (const [t, c] of Object.entries(COLORS)) {
      const dot = el("i"); dot.style.background = c;
      div.append(dot, t, el("br"));
    }
    return div;
  };
  legend.addTo(map);
}

async function drawMap() {
  const geo = await getJson("/api/map.geojson?" + query().toString());
  cluster.clearLayers();
  const markers = geo.features.map((f) => {
    const p = f.properties;
    const m = L.circleMarker([f.geometry.coordinates[1], f.geometry.coordinates[0]], {
      radius: 5 + Math.sqrt(p.fatalities || 0) * 2, color: color(p.sub_event_type), fillOpacity: 0.7, weight: 1,
    });
    m.bindTooltip(el("span", {}, `${p.date} ${p.sub_event_type} — ${p.location}`));  // a string would be HTML
    m.on("click", () => showEvent(p.id));
    m.options.eventId = p.id;
    return m;
  });
  cluster.addLayers(markers);
  document.getElementById("map").dataset.markers = String(markers.length);
}

// ---- timeline: events per day, stacked by type; drag to choose a date range
let plot;
async function drawTimeline() {
  let stats = await getJson("/api/stats?" + query().toString());
  let periods = [...new Set(stats.timeline.map((r) => r.period))].sort();
  if (periods.length && Date.parse(periods[periods.length - 1]) - Date.parse(periods[0]) > 180 * 864e5) {
    stats = await getJson("/api/stats?" + query({ bucket: "week" }).toString());  // long spans: per week
    periods = [...new Set(stats.timeline.map((r) => r.period))].sort();
  }
  const days = periods;

  const types = [...new Set(stats.timeline.map((r) => r.sub_event_type))];
  const box = document.getElementById("timeline");
  box.replaceChildren();
  if (!days.length) { box.append("no dated events"); return; }
  const xs = days.map((d) => Date.parse(d) / 1000);
  const counts = types.map((t) => days.map((d) => (stats.timeline.find((r) => r.period === d && r.sub_event_type === t) || {}).events || 0));
  const stacked = counts.map((_, i) => days.map((__, j) => counts.slice(i).reduce((s, c) => s + c[j], 0)));
  const opts = {
    width: box.clientWidth || 600, height: 160,
    series: [{}, ...types.map((t) => ({ label: t, stroke: color(t), fill: color(t), paths: uPlot.paths.bars({ size: [0.9, 20] }) }))],
    axes: [{}, { size: 30 }],
    legend: { show: false },
    cursor: { drag: { x: true, y: false } },
    hooks: { setSelect: [(u) => {
      if (u.select.width < 2) return;
      const lo = new Date(u.posToVal(u.select.left, "x") * 1000).toISOString().slice(0, 10);
      const hi = new Date(u.posToVal(u.select.left + u.select.width, "x") * 1000).toISOString().slice(0, 10);
      const form = document.getElementById("filters");
      form.elements.since.value = lo; form.elements.until.value = hi;
      state.page = 1; refresh();
    }] },
  };
  plot = new uPlot(opts, [xs, ...stacked], box);
}

// ---- table
async function drawTable() {
  const data = await getJson("/api/events?" + query({ page: state.page, sort: state.sort, page_size: 50 }).toString());
  const body = document.querySelector("#events tbody");
  body.replaceChildren(...data.events.map((e) => {
    const tr = el("tr", {}, el("td", {}, e.date || "?"), el("td", {}, e.sub_event_type), el("td", {}, e.actor1 || ""),
                  el("td", {}, e.actor2 || ""), el("td", {}, e.location || ""), el("td", {}, e.country || ""),
                  el("td", {}, e.fatalities ?? ""), el("td", {}, String(e.sources.length)));
    tr.dataset.id = e.id;
    tr.addEventListener("click", () => showEvent(e.id));
    return tr;
  }));
  const pages = Math.max(1, Math.ceil(data.total / data.page_size));
  document.getElementById("pageinfo").textContent = `page ${data.page} of ${pages}`;
  document.getElementById("prev").disabled = data.page <= 1;
  document.getElementById("next").disabled = data.page >= pages;
  document.getElementById("count").textContent = `${data.total} events`;
}

// ---- event card: every field, each source's account, the sentences with the words that gave each field
function highlighted(sentence, quote) {
  const at = sentence.indexOf(quote);
  if (at < 0) return [el("span", {}, sentence)];
  return [sentence.slice(0, at), el("mark", {}, quote), sentence.slice(at + quote.length)];
}

async function showEvent(id) {
  state.event = id; writeUrl();
  const ev = await getJson("/api/events/" + encodeURIComponent(id));
  const card = document.getElementById("card");
  const dl = el("dl");
  for (const k of ["event_type", "sub_event_type", "date", "date_earliest", "date_latest", "date_precision", "actor1",
                   "actor2", "claimed_by", "location", "admin1", "country", "latitude", "longitude", "geo_precision",
                   "fatalities", "injuries"]) {
    if (ev[k] !== null && ev[k] !== undefined) dl.append(el("dt", {}, k), el("dd", {}, String(ev[k])));
  }
  const accounts = el("div");
  const keys = ["sub_event_type", "fatalities", "injuries"];
  const differ = new Set(keys.filter((k) => new Set(ev.reports.map((r) => String(r[k]))).size > 1));
  for (const r of ev.reports) {
    const src = r.sources[0];
    const head = el("h4", {}, `${src}${ev.articles[src] ? " — " + ev.articles[src] : ""}`);
    const said = el("p", {}, ...keys.map((k) => el("span", { className: differ.has(k) ? "conflict" : "" }, `${k}: ${r[k] ?? "—"}  `)));
    const ev_ = ev.evidence.filter((e) => e.article_id === src).map((e) =>
      el("div", { className: "evidence" }, el("b", {}, `${e.field}: `), ...highlighted(e.sentence_text || "", e.quote || "")));
    accounts.append(head, said, ...ev_);
  }
  card.replaceChildren(el("h3", {}, `${ev.date || "?"} — ${ev.sub_event_type}`), dl,
                       el("h4", {}, differ.size ? `Sources disagree on: ${[...differ].join(", ")}` : "Sources"), accounts);
  card.hidden = false;
}

// ---- tallies for the current filter
async function drawTally() {
  const form = document.getElementById("filters");
  const params = new URLSearchParams();
  if (form.elements.country.value) params.set("where", form.elements.country.value);
  if (form.elements.since.value) params.set("from", form.elements.since.value);
  if (form.elements.until.value) params.set("to", form.elements.until.value);
  const t = await getJson("/api/tally?" + params.toString());
  const box = document.getElementById("tally");
  const rows = t.claims.map((c) => el("tr", {}, el("td", {}, `${c.quantity} (${c.bound})`), el("td", {}, c.what || ""),
    el("td", {}, (c.where || []).join(", ")), el("td", {}, `${c.from || "?"} .. ${c.to || "?"}`), el("td", {}, String(c.in_database))));
  box.replaceChildren(el("h4", {}, `Reported tallies (${t.claims.length}) vs events held`),
    el("table", {}, el("thead", {}, el("tr", {}, ...["claimed", "what", "where", "period", "in database"].map((h) => el("th", {}, h)))),
       el("tbody", {}, ...rows)));
}

async function refresh() {
  writeUrl();
  await Promise.all([drawTable(), drawMap(), drawTimeline(), drawTally()]);
  document.body.dataset.ready = "1";
}

async function main() {
  readUrl();
  await initMap();
  document.getElementById("filters").addEventListener("submit", (e) => { e.preventDefault(); state.page = 1; refresh(); });
  document.getElementById("reset").addEventListener("click", () => {
    for (const f of FIELDS) document.getElementById("filters").elements[f].value = "";
    state.page = 1; refresh();
  });
  document.getElementById("prev").addEventListener("click", () => { state.page -= 1; drawTable().then(writeUrl); });
  document.getElementById("next").addEventListener("click", () => { state.page += 1; drawTable().then(writeUrl); });
  for (const th of document.querySelectorAll("#events th[data-sort]")) {
    th.addEventListener("click", () => {
      const key = th.dataset.sort;
      state.sort = state.sort === "-" + key ? key : "-" + key;
      drawTable().then(writeUrl);
    });
  }
  await refresh();
  if (state.event) showEvent(state.event);
}

main();
