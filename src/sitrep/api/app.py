"""The HTTP API and the analyst's web page, both views of one database (SQLite or PostgreSQL).

Read-only unless a write token is given (api.decisions); no cross-origin access unless origins are named.
Every query is parameterised (Store.event_filter); every list is paged with a hard maximum page size."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import AsyncIterator, Callable, Iterator, Sequence
from contextlib import asynccontextmanager
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.dependencies.models import Dependant
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, StreamingResponse
from fastapi.routing import APIRoute
from fastapi.staticfiles import StaticFiles

from sitrep.api import models
from sitrep.api.acled import acled_router
from sitrep.api.aggregates import Aggregates, filter_key
from sitrep.api.decisions import decisions_router
from sitrep.data import actor_entries
from sitrep.export.acled import iso_numeric, regions
from sitrep.export.formats import FORMATS, claim_record, event_record
from sitrep.export.tally import tally
from sitrep.store import SORTS, Condition
from sitrep.store.database import utc_time
from sitrep.store.dialect import is_postgresql
from sitrep.store.pool import StorePool

MAX_PAGE = 500
MAX_FEATURES = 20_000
MAX_SPANS = 500  # vaguely dated intervals a timeline draws
MAX_POINTS = 2_000  # a map view with more events than this gets cells
CELL_DEGREES = 90.0  # a cell's width at zoom 0 (a quarter of the 256-pixel world tile: 64 pixels at every zoom)
BBOX = r"^-?\d+(\.\d+)?,-?\d+(\.\d+)?,-?\d+(\.\d+)?,-?\d+(\.\d+)?$"

Country = Annotated[str | None, Query(max_length=100, description="Country name or ISO3 code.")]
Admin1 = Annotated[str | None, Query(max_length=100)]
EventType = Annotated[str | None, Query(max_length=500,
                                        description="ACLED event types or sub-event types, comma-separated: any of them.")]
SubType = Annotated[str | None, Query(max_length=100)]
ActorQ = Annotated[str | None, Query(max_length=200, description="Part of an actor's name.")]
DATE = r"^\d{4}-\d{2}-\d{2}$"
ISO_DATE: dict[str, Any] = {"format": "date"}
Since = Annotated[str | None, Query(pattern=DATE, json_schema_extra=ISO_DATE, description="Earliest date.")]
Until = Annotated[str | None, Query(pattern=DATE, json_schema_extra=ISO_DATE, description="Latest date.")]
Bbox = Annotated[str | None, Query(pattern=BBOX, description="min_lon,min_lat,max_lon,max_lat")]
TIME = r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$"
SinceTime = Annotated[str | None, Query(pattern=TIME, json_schema_extra={"format": "date-time"},
                                        description="ISO 8601 time or date (UTC unless a zone is given).")]
Text = Annotated[str | None, Query(max_length=200, description="Words in location, actors, region, country, type.")]
Sort = Annotated[str, Query(pattern="^(" + "|".join(re.escape(s) for s in SORTS) + ")$",
                            description="A column; - before it for descending.")]
EXPORT_DOCS = {
    "csv": "The filtered events as ACLED's CSV (its columns, then sitrep's), streamed.",
    "jsonl": "The filtered events, with their evidence, then the reported tallies, one JSON object a line, streamed.",
    "geojson": "The filtered events that have coordinates as a GeoJSON FeatureCollection, streamed.",
}


def event_filters(country: Country = None, admin1: Admin1 = None, event_type: EventType = None,
                  sub_event_type: SubType = None, actor: ActorQ = None, since: Since = None, until: Until = None,
                  bbox: Bbox = None, q: Text = None,
                  min_fatalities: Annotated[int | None, Query(ge=0, le=1_000_000, description="At least this many deaths.")]
                  = None,
                  disorder_type: Annotated[str | None, Query(max_length=100)] = None,
                  civilian_targeting: Annotated[bool, Query(description="Only events aimed at civilians.")] = False,
                  region: Annotated[str | None, Query(max_length=100, description="An ACLED region (Middle East, "
                                                      "Western Africa, ...): its countries.")] = None,
                  interaction: Annotated[int | None, Query(ge=10, le=88, description="ACLED's interaction code: 17 "
                                                           "state forces and civilians; 20 a rebel group alone.")] = None,
                  ) -> dict[str, Any]:
    """The store's filter from the query parameters every event view shares. A box whose minimum exceeds
    its maximum simply contains nothing; an unknown region, no country."""
    box = _box(bbox)
    _check_dates(since=since, until=until)
    in_region = (Condition("iso3", "=", tuple(c for c, r in regions().items() if r.casefold() == region.casefold())),
                 ) if region else ()
    return {"country": country, "admin1": admin1, "event_type": event_type, "sub_event_type": sub_event_type,
            "actor": actor and _actor_names().get(actor.strip().casefold(), actor), "since": since, "until": until,
            "bbox": box, "q": q, "min_fatalities": min_fatalities,
            "disorder_type": disorder_type, "civilian_targeting": civilian_targeting, "interaction": interaction,
            "conditions": in_region}


Filters = Annotated[dict[str, Any], Depends(event_filters)]


def _check_dates(**dates: str | None) -> None:
    """A 422 in FastAPI's own error shape for a well-formed but impossible date (2024-02-30)."""
    errors = []
    for name, value in dates.items():
        if value:
            try:
                dt.date.fromisoformat(value)
            except ValueError:
                errors.append({"type": "date_parsing", "loc": ("query", name), "msg": "not a calendar date",
                               "input": value})
    if errors:
        raise RequestValidationError(errors)


def known_parameters_only(request: Request) -> None:
    """A 422 naming any query parameter the operation does not take (``limit``, ``format=csv``): a typo
    must not silently return everything."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute) or not route.path.startswith("/api/"):
        return  # the page keeps its own state in its URL (?event=...)
    known = _query_names(route.dependant)
    unknown = [k for k in request.query_params if k not in known]
    if unknown:
        raise RequestValidationError([{"type": "extra_forbidden", "loc": ("query", k), "msg": "unknown parameter",
                                       "input": request.query_params[k]} for k in unknown])


class WithoutNul:
    """Drops NUL characters (%00) from the query string: no name or date holds one, and PostgreSQL refuses
    one in text (a server error the schema's property test found)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http" and b"%00" in scope.get("query_string", b""):
            scope = dict(scope, query_string=scope["query_string"].replace(b"%00", b""))
        await self.app(scope, receive, send)


def _query_names(dependant: Dependant) -> set[str]:
    return {p.alias for p in dependant.query_params}.union(*(_query_names(d) for d in dependant.dependencies))


EXPORTS = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson", "geojson": "application/geo+json"}


def create_app(db_path: str | Path, tiles: str | None = None, write_token: str | None = None,
               cors_origins: Sequence[str] = ()) -> FastAPI:
    """The app for one database. ``tiles``: an XYZ tile URL for online deployments; without it the
    page draws country outlines shipped with it (Natural Earth via world-atlas), needing no network.
    ``write_token``: mounts the merge/split routes, each needing it as a bearer token. ``cors_origins``:
    the only origins a browser may call the API from (none by default)."""
    db_path = str(db_path)
    if not is_postgresql(db_path) and not Path(db_path).exists():
        raise FileNotFoundError(db_path)
    stores = StorePool(db_path)  # one set of connections for the process, borrowed per request
    store = stores.store
    held = Aggregates()  # whole-database answers, until the next write

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        stores.close()

    app = FastAPI(title="sitrep", version="1", description="Conflict events extracted from news, with evidence.",
                  docs_url=None, redoc_url=None, dependencies=[Depends(known_parameters_only)], lifespan=lifespan)
    app.add_middleware(WithoutNul)
    if cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(cors_origins), allow_methods=["GET", "POST"],
                           allow_headers=["Authorization", "Content-Type"])

    @app.get("/api/config")
    def config() -> models.Config:
        """Settings the page needs."""
        return models.Config(tiles=tiles)

    if write_token:
        app.include_router(decisions_router(store, write_token))
    app.include_router(acled_router(store))

    @app.get("/api/facets", response_model=models.Facets)
    def facets() -> dict[str, list[str]]:
        """The countries and actors held (most events first), for a filter's suggestions."""
        with store() as s:
            return held.get(s, "facets", s.facets)

    @app.get("/api/countries", response_model=list[models.CountryTotal])
    def countries(f: Filters) -> list[dict[str, Any]]:
        """Events and deaths by country for the filter, most events first (a map shades countries by them)."""
        with store() as s:
            return held.get(s, filter_key("countries", f), lambda: [
                r | {"iso": iso_numeric(r["iso3"])} for r in s.country_totals(**f)])

    @app.get("/api/events", response_model=models.EventPage)
    def events(f: Filters, sort: Sort = "-date", page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
               page_size: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100) -> dict[str, Any]:
        """Events matching the filters, one page at a time."""
        with store() as s:
            total = held.get(s, filter_key("count", f), lambda: s.count_events(**f))  # each page of a filter: one count
            rows = list(s.events(sort=sort, limit=page_size, offset=(page - 1) * page_size, matching=total, **f))
        return {"total": total, "page": page, "page_size": page_size, "events": [event_record(r, []) for r in rows]}

    def export(fmt: str, sort: str, f: dict[str, Any]) -> StreamingResponse:
        def pieces() -> Iterator[str]:
            with store() as s:  # borrowed when the body is first read, given back when it ends or is abandoned
                yield from FORMATS[fmt](s, sort=sort, **f)

        name = f"sitrep-events.{fmt}"
        return StreamingResponse(pieces(), media_type=EXPORTS[fmt],
                                 headers={"Content-Disposition": f'attachment; filename="{name}"'})

    def export_route(fmt: str) -> Callable[..., StreamingResponse]:
        def route(f: Filters, sort: Sort = "date") -> StreamingResponse:
            return export(fmt, sort, f)

        route.__doc__ = EXPORT_DOCS[fmt]
        return route

    for fmt, media in EXPORTS.items():
        body = {media.split(";")[0]: {"schema": {"type": "object" if fmt == "geojson" else "string"}}}
        app.add_api_route(f"/api/events.{fmt}", export_route(fmt), methods=["GET"], response_class=StreamingResponse,
                          name=f"events_{fmt}", responses={200: {"content": body}})

    @app.get("/api/map.geojson", response_class=JSONResponse,
             responses={200: {"content": {"application/geo+json": {"schema": {"type": "object"}}}}})
    def map_layer(f: Filters, view: Annotated[str | None, Query(pattern=BBOX, description="The map's view.")] = None,
                  zoom: Annotated[int | None, Query(ge=0, le=20, description="The map's zoom: gather events into "
                                                    "cells when the view holds too many to draw one by one.")] = None,
                  page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
                  page_size: Annotated[int, Query(ge=1, le=MAX_FEATURES)] = MAX_FEATURES) -> JSONResponse:
        """The map's layer, only the fields a marker needs. An event known only to its country has no geometry
        and its country's numeric ISO code in ``iso``: the page draws it at the country, marked as such.
        With ``zoom``, a view holding more than 2,000 events comes as cells (``cluster``: count, deaths,
        main type) and countries; without it, events one by one, paged (at most 20,000 a page)."""
        box = _box(view)
        with store() as s:  # the view's count and cells are kept (small); a page of events is read, not kept
            if zoom is not None and held.get(s, filter_key("in view", f, view),
                                             lambda: s.count_in_view(box, **f)) > MAX_POINTS:
                features = held.get(s, filter_key("cells", f, view, zoom), lambda: _cells(
                    s.map_cells(CELL_DEGREES / 2**zoom, box, **f)) + _countries(s.country_counts(**f)))
            else:
                features = [_event_feature(r) for r in s.geo_events(page_size, (page - 1) * page_size, box, **f)]
        return JSONResponse({"type": "FeatureCollection", "features": features}, media_type="application/geo+json")

    @app.get("/api/events/{event_id}", response_model=models.EventDetail, responses={404: {"description": "No such event"}})
    def event(event_id: Annotated[str, PathParam(max_length=64)]) -> dict[str, Any]:
        """One event: every field, every source's account, and the evidence (sentence and offsets)."""
        with store() as s:
            row = s.event(event_id)
            if row is None:
                raise HTTPException(404, f"no event {event_id!r}")
            articles = s.source_articles(event_id)
        texts = {a: info.pop("text") for a, info in articles.items()}
        evidence = [e | {"sentence_start": _sentence_start(e, texts.get(e["article_id"], "")), "chosen": _supports(e, row)}
                    for e in row.pop("evidence")]
        reports = row.pop("reports")
        record = event_record(row, evidence)
        record["reports"] = reports
        record["articles"] = articles
        record["ranges"] = {"fatalities": [row["fatalities_low"], row["fatalities_high"]],
                            "injuries": [row["injuries_low"], row["injuries_high"]]}
        return record

    @app.get("/api/claims", response_model=models.ClaimPage)
    def claims(where: Annotated[str | None, Query(max_length=300, description="Countries, comma-separated.")] = None,
               target: Annotated[str | None, Query(max_length=200)] = None,
               page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
               page_size: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100) -> dict[str, Any]:
        """Reported tallies."""
        places = {w.strip() for w in where.split(",")} if where else set()
        with store() as s:
            rows = [c for c in s.claims() if (not places or places & set(c["where"]))
                    and (not target or target.lower() in (c["target"] or "").lower())]
        start = (page - 1) * page_size
        return {"total": len(rows), "page": page, "page_size": page_size,
                "claims": [claim_record(c) for c in rows[start : start + page_size]]}

    @app.get("/api/deletions", response_model=models.DeletionPage)
    def deletions(since: SinceTime = None, page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
                  page_size: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100) -> dict[str, Any]:
        """Events deleted at or after ``since`` (an article changed so that it no longer reports them, or a
        merge), oldest first, as ACLED publishes deletions: a copy kept from earlier pages drops these."""
        try:
            start = utc_time(since) if since else None
        except ValueError:
            raise RequestValidationError([{"type": "datetime_parsing", "loc": ("query", "since"),
                                           "msg": "not a calendar date or time", "input": since}]) from None
        with store() as s:
            total = s.count_deletions(start)
            rows = s.deletions(start, limit=page_size, offset=(page - 1) * page_size)
        return {"total": total, "page": page, "page_size": page_size, "deletions": rows}

    @app.get("/api/tally", response_model=models.Tally)
    def tally_view(target: Annotated[str | None, Query(max_length=200)] = None,
                   where: Annotated[str | None, Query(max_length=300)] = None,
                   date_from: Annotated[str | None, Query(alias="from", pattern=DATE, json_schema_extra=ISO_DATE)] = None,
                   date_to: Annotated[str | None, Query(alias="to", pattern=DATE, json_schema_extra=ISO_DATE)] = None
                   ) -> dict[str, Any]:
        """Reported tallies beside the number of matching events in the database."""
        _check_dates(**{"from": date_from, "to": date_to})
        places = [w.strip() for w in where.split(",")] if where else []
        with store() as s:
            return held.get(s, ("tally", target, tuple(places), date_from, date_to),
                            lambda: tally(s, target, places, date_from, date_to))

    @app.get("/api/stats", response_model=models.Stats)
    def stats(f: Filters,
              bucket: Annotated[str, Query(pattern="^(day|week|month|auto)$", description=(
                  "auto: per day, or per week when the dates span more than six months."))] = "day") -> dict[str, Any]:
        """Counts of events and deaths by day, week or month (and type), by type and by actor, for the filter.
        Events known only to a week or month are not counted in any day's bar: they come as ``spans`` (their
        interval, type and number), at most 500."""
        with store() as s:
            days, actors, vague = held.get(s, filter_key("stats", f), lambda: (
                s.day_counts(**f), s.top_actors(20, **f), s.vague_dates(MAX_SPANS, **f)))
        if bucket == "auto":
            dated = [r["date"] for r in days if r["date"]]
            long = dated and dt.date.fromisoformat(max(dated)) - dt.date.fromisoformat(min(dated)) > dt.timedelta(days=180)
            bucket = "week" if long else "day"
        series: Counter[tuple[str, str]] = Counter()
        deaths: Counter[tuple[str, str]] = Counter()
        by_type: Counter[str] = Counter()
        for r in days:
            by_type[r["sub_event_type"]] += r["n"]
            if r["date"] and r["exact"]:  # a week or a month is no day: drawn as a span (``spans``)
                key = (_bucket(r["date"], bucket), r["sub_event_type"])
                series[key] += r["n"]
                deaths[key] += r["deaths"]
        return {"events": sum(r["n"] for r in days), "fatalities": sum(r["deaths"] for r in days),
                "by_type": dict(by_type.most_common()), "by_actor": dict(actors),
                "spans": [{"from": r["date_earliest"], "to": r["date_latest"], "sub_event_type": r["sub_event_type"],
                           "events": r["n"]} for r in vague],
                "timeline": [{"period": p, "sub_event_type": t, "events": n, "fatalities": deaths[(p, t)]}
                             for (p, t), n in sorted(series.items())]}

    static = resources.files("sitrep.web")
    app.mount("/static", StaticFiles(directory=str(static / "static")), name="static")
    vendor = vendor_dir()
    if vendor is not None:
        app.mount("/vendor", StaticFiles(directory=str(vendor)), name="vendor")

        @app.get("/docs", include_in_schema=False)
        def docs() -> HTMLResponse:
            """Swagger UI from npm's swagger-ui-dist, served here: no CDN."""
            return get_swagger_ui_html(openapi_url="/openapi.json", title="sitrep API",
                                       swagger_js_url="/vendor/swagger-ui-dist/swagger-ui-bundle.js",
                                       swagger_css_url="/vendor/swagger-ui-dist/swagger-ui.css",
                                       swagger_favicon_url="/vendor/swagger-ui-dist/favicon-32x32.png")

    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(str(static / "static" / "index.html"))

    return app


def vendor_dir() -> Path | None:
    """Front-end libraries installed from npm by scripts/setup (web/node_modules); None if absent."""
    here = Path(__file__).resolve()
    for base in (here.parents[3] / "web" / "node_modules", Path.cwd() / "web" / "node_modules"):
        if base.is_dir():
            return base
    return None


def _sentence_start(e: dict[str, Any], text: str) -> int | None:
    """Where the evidence's sentence starts in its article: the stored offsets of the quote then place it in
    the sentence (searching the sentence for the quoted words would find the first "four", not this one)."""
    sentence = e["sentence_text"] or "\x00"
    at = text.rfind(sentence, 0, e["start"] + len(sentence))  # the last one starting at or before the quote
    return at if at >= 0 and at + len(sentence) >= e["end"] else None


EVENT_FIELD = {"event_type": "sub_event_type"}  # evidence field -> the event's field it speaks for


def _supports(e: dict[str, Any], event: dict[str, Any]) -> bool:
    """Whether the value these words gave is the one the event holds: the same, or a name the event refines
    ("Military Forces" -> "Military Forces of the United States"), or for a place, one of its admin levels."""
    held = event.get(EVENT_FIELD.get(e["field"], e["field"]))
    if held is None:
        return False
    value, held = str(e["value"]), str(held)
    if e["field"] == "location" and value in (event["admin1"], event["admin2"], event["country"]):
        return True
    return value == held or (e["field"] in ("actor1", "actor2", "claimed_by") and held.startswith(value))


@lru_cache(maxsize=1)
def _actor_names() -> dict[str, str]:
    """Every alias in actors.yaml -> the name events are stored under ("Hashed al-Shaabi" -> the PMF's name),
    so that a filter finds an actor by any name it goes by."""
    return {str(alias).casefold(): e["name"] for e in actor_entries() for alias in e.get("aliases", [])}


def _box(text: str | None) -> tuple[float, float, float, float] | None:
    if not text:
        return None
    w, south, e, n = (float(x) for x in text.split(","))
    return w, south, e, n


def _event_feature(props: dict[str, Any]) -> dict[str, Any]:
    point = [props.pop("longitude"), props.pop("latitude")]
    props["iso"] = iso_numeric(props["iso3"])
    geometry = {"type": "Point", "coordinates": point} if point[1] is not None else None
    return {"type": "Feature", "geometry": geometry, "properties": props}


def _main_type(by_type: dict[str, int]) -> str:
    return max(sorted(by_type), key=by_type.__getitem__)


def _cells(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One feature a cell: its events' mean point, count, deaths and main type."""
    cells: dict[tuple[int, int], list[dict[str, Any]]] = {}
    for r in rows:
        cells.setdefault((r["cx"], r["cy"]), []).append(r)
    features = []
    for parts in cells.values():
        n = sum(p["n"] for p in parts)
        lon, lat = (sum(p[k] * p["n"] for p in parts) / n for k in ("lon", "lat"))
        features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [round(lon, 5), round(lat, 5)]},
                         "properties": {"cluster": True, "count": n, "fatalities": sum(p["deaths"] for p in parts),
                                        "sub_event_type": _main_type({p["sub_event_type"]: p["n"] for p in parts})}})
    return features


def _countries(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One feature a country for the events known only to their country (no geometry: the page places it)."""
    by_country: dict[tuple[str | None, str | None], list[dict[str, Any]]] = {}
    for r in rows:
        by_country.setdefault((r["iso3"], r["country"]), []).append(r)
    return [{"type": "Feature", "geometry": None, "properties": {
                "cluster": True, "count": sum(p["n"] for p in parts), "fatalities": sum(p["deaths"] for p in parts),
                "sub_event_type": _main_type({p["sub_event_type"]: p["n"] for p in parts}), "country": country,
                "iso": iso_numeric(iso3)}} for (iso3, country), parts in by_country.items()]


def _bucket(date: str, kind: str) -> str:
    if kind == "day":
        return date
    if kind == "month":
        return date[:7] + "-01"
    d = dt.date.fromisoformat(date)
    return (d - dt.timedelta(days=d.weekday())).isoformat()

