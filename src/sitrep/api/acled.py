"""ACLED's read endpoint, so that a script written for ACLED's API runs against sitrep by changing its base
URL: the same parameters (a ``|`` between values means any of them; ``<field>_where`` chooses the
comparison), the same response shape and column names, JSON or CSV (``_format=csv`` or ``export_type=csv``).

``key``, ``email`` and ACLED's other access parameters are accepted and ignored: sitrep's data is open."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.exceptions import RequestValidationError
from fastapi.responses import StreamingResponse

from sitrep.api.models import AcledResponse
from sitrep.export.acled import ACLED_COLUMNS, SITREP_COLUMNS, acled_row, iso_numeric, regions
from sitrep.export.formats import csv_line
from sitrep.store import Condition, Store

DEFAULT_LIMIT = 5000  # ACLED's page size
MAX_LIMIT = 100_000  # limit=0 (ACLED: everything) is this many rows at most
# ACLED field -> (events column, the comparison ACLED uses when <field>_where is not given)
FIELDS = {
    "event_id_cnty": ("id", "="), "event_date": ("date", "="), "country": ("country", "="),
    "admin1": ("admin1", "LIKE"), "admin2": ("admin2", "LIKE"), "location": ("location", "LIKE"),
    "event_type": ("event_type", "="), "sub_event_type": ("sub_event_type", "="),
    "disorder_type": ("disorder_type", "="), "actor1": ("actor1", "LIKE"), "actor2": ("actor2", "LIKE"),
    "inter1": ("inter1", "="), "inter2": ("inter2", "="), "fatalities": ("fatalities", "="),
    "geo_precision": ("geo_precision", "="),
}
WHERE = {"=", "LIKE", ">", "<", ">=", "<=", "BETWEEN"}
NUMBERS = {"inter1", "inter2", "fatalities", "geo_precision"}

Value = Annotated[str | None, Query(max_length=500)]
Numbers = Annotated[str | None, Query(max_length=500, pattern=r"^-?\d{1,9}(\|-?\d{1,9})*$")]
Dates = Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}(\|\d{4}-\d{2}-\d{2})?$",
                                    description="YYYY-MM-DD, or low|high with BETWEEN.")]
Years = Annotated[str | None, Query(max_length=500, pattern=r"^\d{4}(\|\d{4})*$")]
UnixTime = Annotated[str | None, Query(pattern=r"^\d{1,10}$", description="Unix time of the last change.")]
Where = Annotated[str | None, Query(pattern="^(=|<|>|<=|>=|LIKE|like|BETWEEN|between)$",
                                    description="=, LIKE, >, <, >=, <= or BETWEEN (low|high).")]


def _invalid(name: str, value: Any, msg: str) -> RequestValidationError:
    return RequestValidationError([{"type": "value_error", "loc": ("query", name), "msg": msg, "input": value}])


def _condition(field: str, value: str, where: str | None) -> Condition:
    column, default = FIELDS[field]
    op = (where or default).upper()
    if op not in WHERE:
        raise _invalid(f"{field}_where", where, f"not one of {', '.join(sorted(WHERE))}")
    values: list[Any] = value.split("|")
    if op == "BETWEEN" and len(values) != 2:
        raise _invalid(field, value, "BETWEEN takes two values: low|high")
    if op in ("<", "<=", ">", ">=") and len(values) != 1:
        raise _invalid(field, value, f"{op} takes one value")
    if field in NUMBERS:
        try:
            values = [int(v) for v in values]
        except ValueError:
            raise _invalid(field, value, "not a whole number") from None
    return Condition(column, op, tuple(values))


def _codes(value: str, lookup: Callable[[str], list[str]]) -> Condition:
    """A filter on countries given as numeric ISO codes or region names: the ISO3 codes they stand for
    (none: nothing matches, as an unknown country name matches nothing)."""
    return Condition("iso3", "=", tuple(iso3 for v in value.split("|") for iso3 in lookup(v.strip())))


def _by_numeric(value: str) -> list[str]:
    return [iso3 for iso3 in regions() if str(iso_numeric(iso3)) == value.lstrip("0")]


def _by_region(value: str) -> list[str]:
    return [iso3 for iso3, region in regions().items() if region.casefold() == value.casefold()]


def _year(value: str) -> Condition:
    try:
        years = sorted(int(v) for v in value.split("|"))
    except ValueError:
        raise _invalid("year", value, "not a year") from None
    return Condition("date", "BETWEEN", (f"{years[0]:04d}-01-01", f"{years[-1]:04d}-12-31"))


def _timestamp(value: str, where: str | None) -> Condition:
    """ACLED's timestamp (Unix seconds of the last change), compared with >= unless told otherwise."""
    op = (where or ">=").upper()
    if op not in WHERE - {"LIKE", "BETWEEN"}:
        raise _invalid("timestamp_where", where, "not one of =, >, <, >=, <=")
    stamp = dt.datetime.fromtimestamp(int(value), dt.UTC)  # ten digits at most: before the year 2287
    return Condition("updated_at", op, (stamp.isoformat(timespec="seconds"),))  # as the store writes it


def _fields(value: str | None) -> list[str]:
    if not value:
        return ACLED_COLUMNS
    asked = [f for f in value.split("|") if f]
    unknown = [f for f in asked if f not in ACLED_COLUMNS + SITREP_COLUMNS]
    if unknown:
        raise _invalid("fields", value, f"no column {unknown[0]!r}")
    return asked


def acled_router(store: Callable[[], AbstractContextManager[Store]]) -> APIRouter:
    router = APIRouter(tags=["ACLED-compatible"])

    def read(fmt: str, fields: list[str], conditions: list[Condition], limit: int, page: int) -> Any:
        size = limit or MAX_LIMIT
        with store() as s:
            cited = {"notes", "evidence"} & set(fields)  # the only columns made from the evidence
            rows = [acled_row(r, s.evidence_for(r["id"]) if cited else []) for r in
                    s.events(sort="-date", limit=size, offset=(page - 1) * size, conditions=tuple(conditions))]
            newest = s.last_change()
        data = [{f: "" if r[f] is None else str(r[f]) for f in fields} for r in rows]
        if fmt == "csv":
            lines: Iterator[str] = iter([csv_line(fields), *(csv_line([d[f] for f in fields]) for d in data)])
            return StreamingResponse(lines, media_type="text/csv; charset=utf-8")
        hours = 0
        if newest:
            age = dt.datetime.now(dt.UTC) - dt.datetime.fromisoformat(newest)
            hours = max(0, int(age.total_seconds() // 3600))
        return AcledResponse(status=200, success=True, last_update=hours, count=len(data), messages=[], data=data,
                             filename=f"sitrep-{dt.date.today().isoformat()}")

    @router.get("/api/acled/read", response_model=AcledResponse,
                responses={200: {"content": {"text/csv": {"schema": {"type": "string"}}}}})
    def acled_read(
        key: Annotated[str | None, Query(max_length=200, description="Accepted and ignored.")] = None,
        email: Annotated[str | None, Query(max_length=200, description="Accepted and ignored.")] = None,
        export_type: Annotated[str | None, Query(pattern="^(json|csv)$")] = None,
        format_: Annotated[str | None, Query(alias="_format", pattern="^(json|csv)$")] = None,
        limit: Annotated[int, Query(ge=0, le=MAX_LIMIT, description="Rows a page; 0: all.")] = DEFAULT_LIMIT,
        page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
        fields: Annotated[str | None, Query(max_length=2000, description="Columns, separated by |.")] = None,
        event_id_cnty: Value = None, event_date: Dates = None, event_date_where: Where = None,
        year: Years = None, country: Value = None, country_where: Where = None, iso: Numbers = None,
        region: Value = None, admin1: Value = None, admin1_where: Where = None, admin2: Value = None,
        admin2_where: Where = None, location: Value = None, location_where: Where = None, event_type: Value = None,
        event_type_where: Where = None, sub_event_type: Value = None, sub_event_type_where: Where = None,
        disorder_type: Value = None, actor1: Value = None, actor1_where: Where = None, actor2: Value = None,
        actor2_where: Where = None, inter1: Numbers = None, inter2: Numbers = None, fatalities: Numbers = None,
        fatalities_where: Where = None, geo_precision: Numbers = None, timestamp: UnixTime = None,
        timestamp_where: Where = None,
    ) -> Any:
        """Events in ACLED's columns and response shape, filtered with ACLED's read parameters."""
        given = locals()
        conditions = [_condition(f, given[f], given.get(f + "_where")) for f in FIELDS if given[f]]
        if iso:
            conditions.append(_codes(iso, _by_numeric))
        if region:
            conditions.append(_codes(region, _by_region))
        if year:
            conditions.append(_year(year))
        if timestamp:
            conditions.append(_timestamp(timestamp, timestamp_where))
        return read(format_ or export_type or "json", _fields(fields), conditions, limit, page)

    return router
