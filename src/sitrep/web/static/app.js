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
const FIELDS = ["country", "event_type", "actor", "q", "since", "until"];
const SORTS = ["date", "type", "location", "country", "fatalities"];
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
    form().elements[f].value = value;
    if (value && form().elements[f].value !== value) problems.push(`${f} = "${value}" is not a date (YYYY-MM-DD)`);
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
  for (const f of FIELDS) if (form().elements[f].value) params.set(f, form().elements[f].value);
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

// ---- map: fitted to the filtered events; events without a point are counted under it
let map, cluster, legend;
async function initMap() {
  map = L.map("map", { worldCopyJump: true, maxZoom: 14 }).setView([25, 30], 3);
  const cfg = await getJson("/api/config");
  if (cfg.tiles) {
    L.tileLayer(cfg.tiles, { maxZoom: 18, attribution: cfg.tiles_attribution || "" }).addTo(map);
  } else {
    const world = await getJson("/vendor/world-atlas/countries-110m.json");
    L.geoJSON(topojson.feature(world, world.objects.countries),
              { style: { color: "#888", weight: 0.6, fillColor: "#f4f1ea", fillOpacity: 1 }, interactive: false }).addTo(map);
  }
  cluster = L.markerClusterGroup({ maxClusterRadius: 40 });
  map.addLayer(cluster);
  legend = L.control({ position: "bottomleft" });
  legend.onAdd = () => el("div", { className: "legend" });
  legend.addTo(map);
}

function drawLegend(types) {
  const div = legend.getContainer();
  div.replaceChildren();
  for (const t of [...types].sort()) {
    const dot = el("i"); dot.style.background = color(t);
    div.append(el("span", {}, dot, t), el("br"));
  }
  div.append(el("span", { className: "sizes" }, "circle size: deaths"));
  div.hidden = types.size === 0;
}

async function drawMap(total) {
  const geo = await getJson("/api/map.geojson?" + query().toString());
  cluster.clearLayers();
  markers.clear();
  const types = new Set();
  const layers = geo.features.map((f) => {
    const p = f.properties;
    types.add(p.sub_event_type);
    const m = L.circleMarker([f.geometry.coordinates[1], f.geometry.coordinates[0]], {
      radius: 5 + Math.sqrt(p.fatalities || 0) * 2, color: color(p.sub_event_type), fillOpacity: 0.7, weight: 1,
    });
    m.options.subType = p.sub_event_type;
    m.bindTooltip(el("span", {}, `${p.date || "undated"} ${p.sub_event_type} — ${p.location || p.country || ""}`));  // a string would be HTML
    m.on("click", () => showEvent(p.id));
    markers.set(p.id, m);
    return m;
  });
  cluster.addLayers(layers);
  drawLegend(types);
  if (layers.length) map.fitBounds(cluster.getBounds().pad(0.2), { maxZoom: 8 });
  document.getElementById("map").dataset.markers = String(layers.length);
  const off = total - layers.length;
  document.getElementById("mapnote").textContent = off > 0
    ? `${off} of ${total} events are not on the map: they are known only to a region or country (geo precision 3).`
    : "";
}

// ---- timeline: events per day (per week past six months), stacked by type; drag to choose a date range
let plot;
async function drawTimeline() {
  let stats = await getJson("/api/stats?" + query().toString());
  let periods = [...new Set(stats.timeline.map((r) => r.period))].sort();
  if (periods.length && Date.parse(periods[periods.length - 1]) - Date.parse(periods[0]) > 180 * 864e5) {
    stats = await getJson("/api/stats?" + query({ bucket: "week" }).toString());
    periods = [...new Set(stats.timeline.map((r) => r.period))].sort();
  }
  const types = [...new Set(stats.timeline.map((r) => r.sub_event_type))];
  const box = document.getElementById("timeline");
  box.replaceChildren();
  if (plot) { plot.destroy(); plot = null; }
  if (!periods.length) { box.append(el("p", {}, "No dated events to draw.")); return; }
  const xs = periods.map((d) => Date.parse(d) / 1000);
  const counts = types.map((t) => periods.map((d) => (stats.timeline.find((r) => r.period === d && r.sub_event_type === t) || {}).events || 0));
  const stacked = counts.map((_, i) => periods.map((__, j) => counts.slice(i).reduce((s, c) => s + c[j], 0)));
  const opts = {
    width: box.clientWidth || 600, height: 160,
    series: [{}, ...types.map((t) => ({ label: t, stroke: color(t), fill: color(t), paths: uPlot.paths.bars({ size: [0.9, 20] }) }))],
    axes: [{}, { size: 40 }],
    legend: { show: false },
    cursor: { drag: { x: true, y: false } },
    hooks: { setSelect: [(u) => {
      if (u.select.width < 2) return;
      const lo = new Date(u.posToVal(u.select.left, "x") * 1000).toISOString().slice(0, 10);
      const hi = new Date(u.posToVal(u.select.left + u.select.width, "x") * 1000).toISOString().slice(0, 10);
      form().elements.since.value = lo; form().elements.until.value = hi;
      state.page = 1; refresh();
    }] },
  };
  plot = new uPlot(opts, [xs, ...stacked], box);
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
    body.replaceChildren(el("tr", { className: "empty" }, el("td", { colSpan: 9 }, why)));
  } else {
    body.replaceChildren(...data.events.map((e) => {
      const tr = el("tr", { tabIndex: 0 }, el("td", {}, e.date || "?"), el("td", {}, e.sub_event_type), el("td", {}, e.actor1 || ""),
                    el("td", {}, e.actor2 || ""), el("td", {}, e.location || ""), el("td", {}, e.country || ""),
                    el("td", {}, e.fatalities ?? ""), el("td", {}, e.injuries ?? ""), el("td", {}, String(e.sources.length)));
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
  const m = markers.get(id);
  if (m) cluster.zoomToShowLayer(m, () => m.openTooltip());
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
  if (form().elements.country.value) params.set("where", form().elements.country.value);
  if (form().elements.since.value) params.set("from", form().elements.since.value);
  if (form().elements.until.value) params.set("to", form().elements.until.value);
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
  say("Loading…");
  try {
    const total = await drawTable();
    await Promise.all([drawMap(total), drawTimeline(), drawTally()]);
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
    for (const f of FIELDS) form().elements[f].value = "";
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
  if (state.event) await showEvent(state.event);
}

main().catch((err) => { say(err.message, "error"); document.body.dataset.ready = "1"; });
