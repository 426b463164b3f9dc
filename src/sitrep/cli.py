"""The ``sitrep`` command line."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from sitrep.export import FORMATS, write
from sitrep.export.formats import claim_record
from sitrep.export.tally import tally
from sitrep.store import Store, StoreError
from sitrep.store.dialect import is_postgresql

if TYPE_CHECKING:
    from sitrep.runner import RunReport

app = typer.Typer(help="News about armed conflict in, an ACLED-style event database out.", no_args_is_help=True,
                  add_completion=False, pretty_exceptions_enable=False)
gazetteer_app = typer.Typer(help="The offline gazetteer.", no_args_is_help=True)
app.add_typer(gazetteer_app, name="gazetteer")
actors_app = typer.Typer(help="The actor dictionary.", no_args_is_help=True)
app.add_typer(actors_app, name="actors")
err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)

DbOpt = Annotated[str, typer.Option("--db", help="SQLite database file, or a postgresql:// URL.", envvar="SITREP_DB")]
DEFAULT_DB = "sitrep.db"
MIN_TOKEN = 16  # a write token shorter than this is too easy to guess


def fail(message: str, code: int = 2) -> None:
    err.print(f"sitrep: error: {message}", markup=False)
    raise typer.Exit(code)


def open_store(db: str) -> Store:
    try:
        return Store(db)
    except StoreError as exc:
        fail(str(exc))
        raise  # unreachable


MetaOpt = Annotated[str | None, typer.Option(help="Metadata side file (JSON Lines or CSV) keyed by article_id.")]
PublishedOpt = Annotated[str | None, typer.Option(help="Publication date (YYYY-MM-DD) for articles without one.")]
ModelOpt = Annotated[str | None, typer.Option(help="spaCy pipeline to load (package name).", envvar="SITREP_MODEL")]


def run_args(meta: str | None, published: str | None, model: str | None) -> dict[str, Any]:
    """The runner's keyword arguments from the options run and watch share."""
    from sitrep.ingest import IngestError, read_meta  # commands that read no articles import no NLP or ingest
    from sitrep.nlp import DEFAULT_MODEL

    pub = None
    if published:
        try:
            pub = dt.date.fromisoformat(published)
        except ValueError:
            fail(f"--published {published!r}: not a date in YYYY-MM-DD form")
    meta_rows = None
    if meta:
        try:
            meta_rows = read_meta(meta)
        except IngestError as exc:
            fail(str(exc))
    return {"meta": meta_rows, "published": pub, "model": model or DEFAULT_MODEL,
            "on_problem": lambda msg: err.print(f"sitrep: {msg}", markup=False)}


def summary(report: RunReport, db: str, store: Store) -> str:
    """The run in one line: its event reports (several outlets' accounts of one event are several) and the
    events the database holds once they are linked."""
    return (f"{report.read} articles read, {report.stored} stored, {report.skipped} unchanged, {report.reports} event reports, "
            f"{report.claims} claims, {len(report.problems)} problems -> {db} holds {store.count_events()} events")


ArticlesArg = Annotated[list[str], typer.Argument(help="Article files, directories (searched recursively), feed URLs.")]


def _drive(db: str, work: Callable[[Store], RunReport]) -> None:
    """Run ``work`` on the store, then print the summary line (exit 1 on problems)."""
    store = open_store(db)
    try:
        report = work(store)
        err.print(f"sitrep: {summary(report, db, store)}", markup=False)
    except (RuntimeError, OSError) as exc:  # the model is missing; the scheduler cannot be reached
        fail(str(exc))
    except KeyboardInterrupt:
        err.print("sitrep: interrupted; every article stored so far is complete", markup=False)
        raise typer.Exit(130) from None
    finally:
        store.close()
    if report.problems:
        raise typer.Exit(1)


@app.command("run")
def run_cmd(articles: ArticlesArg, db: DbOpt = DEFAULT_DB, meta: MetaOpt = None, published: PublishedOpt = None,
            model: ModelOpt = None) -> None:
    """Read articles, extract events and tallies, and store them."""
    from sitrep.runner import run

    args = run_args(meta, published, model)
    _drive(db, lambda store: run(articles, store, **args))


@app.command("backfill")
def backfill_cmd(
    articles: ArticlesArg,
    db: DbOpt = DEFAULT_DB,
    meta: MetaOpt = None,
    published: PublishedOpt = None,
    model: ModelOpt = None,
    workers: Annotated[int | None, typer.Option(min=1, help="Local worker processes (default: one per CPU).")] = None,
    scheduler: Annotated[str | None, typer.Option(help="Dask scheduler to use instead (tcp://HOST:8786).")] = None,
    batch: Annotated[int | None, typer.Option(min=1, help="Articles per task (default: a spaCy batch).")] = None,
) -> None:
    """'run' with the NLP and extraction on a Dask cluster; linking and storage stay here, with the database."""
    if workers and scheduler:
        fail("--workers and --scheduler: give one (the scheduler's workers are started on their hosts)")
    from sitrep.backfill import backfill

    args = run_args(meta, published, model)
    _drive(db, lambda store: backfill(articles, store, workers=workers, scheduler=scheduler, batch=batch, **args))


def _stop(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


@app.command("watch")
def watch_cmd(
    sources: Annotated[list[str], typer.Argument(help="Directories, files and RSS/Atom feeds (files or URLs).")],
    db: DbOpt = DEFAULT_DB,
    interval: Annotated[float, typer.Option(min=0.1, help="Seconds between polls of a source.")] = 300.0,
    once: Annotated[bool, typer.Option("--once", help="Poll once and exit (exit code 1 if there were problems).")] = False,
    meta: MetaOpt = None,
    published: PublishedOpt = None,
    model: ModelOpt = None,
) -> None:
    """Keep the database current: poll the sources, store what is new, replace what changed. Ctrl-C stops."""
    from sitrep.watch import Watcher

    args = run_args(meta, published, model)
    store = open_store(db)
    previous = signal.signal(signal.SIGTERM, _stop)  # a service manager's stop ends it like Ctrl-C
    watcher = Watcher(sources, store, interval, **args)
    try:
        while True:
            report = watcher.poll()
            if once or report.stored or report.problems:
                failing = watcher.backing_off()
                err.print(f"sitrep: {dt.datetime.now(dt.UTC):%Y-%m-%dT%H:%M:%SZ} {summary(report, db, store)}"
                          + (f"; {failing} sources failing, polled less often" if failing and not once else ""),
                          markup=False)
            if once:
                break
            watcher.sleep()
    except RuntimeError as exc:
        fail(str(exc))
    except KeyboardInterrupt:
        err.print("sitrep: watch stopped; every article stored so far is complete", markup=False)
        raise typer.Exit(130) from None
    finally:
        signal.signal(signal.SIGTERM, previous)
        store.close()
    if report.problems:
        raise typer.Exit(1)


def _check_db(db: str) -> None:
    if not is_postgresql(db) and not os.path.exists(db):
        fail(f"{db}: no such database (create it with 'sitrep run')")


@app.command("events")
def events_cmd(
    db: DbOpt = DEFAULT_DB,
    country: Annotated[str | None, typer.Option(help="Country name or ISO3 code.")] = None,
    type_: Annotated[str | None, typer.Option("--type", help="Event type or sub-event type.")] = None,
    actor: Annotated[str | None, typer.Option(help="Part of an actor name.")] = None,
    since: Annotated[str | None, typer.Option(help="Earliest date (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Latest date (YYYY-MM-DD).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines instead of a table.")] = False,
    limit: Annotated[int, typer.Option(min=0, help="At most this many, newest first (0: all).")] = 100,
) -> None:
    """List stored events, newest first."""
    _check_db(db)
    store = open_store(db)
    filters = {"country": country, "event_type": type_, "actor": actor, "since": since, "until": until}
    total = store.count_events(**filters)
    rows = store.events(sort="-date", limit=limit or None, **filters)
    if as_json:
        for r in rows:
            out.print(json.dumps(r, ensure_ascii=False), markup=False)
    else:
        table = Table("id", "date", "type", "actor1", "actor2", "location", "country", "fat.", "inj.", "sources")
        for r in rows:
            table.add_row(r["id"], _date(r), r["sub_event_type"], r["actor1"] or "", r["actor2"] or "",
                          r["location"] or "", r["country"] or "", _n(r["fatalities"]), _n(r["injuries"]),
                          str(len(r["sources"])))
        out.print(table)
    shown = min(total, limit) if limit else total
    err.print(f"{total} events" if shown == total else f"{shown} of {total} events (--limit 0 for all)", markup=False)


def _n(v: int | None) -> str:
    return "" if v is None else str(v)


def _date(r: dict) -> str:  # type: ignore[type-arg]
    if r["date_precision"] == "day" or not r["date_earliest"]:
        return r["date"] or "?"
    return f"{r['date_earliest']}..{r['date_latest']} ({r['date_precision']})"


@app.command("show")
def show_cmd(event_id: str, db: DbOpt = DEFAULT_DB) -> None:
    """One event: every field, and the sentences each came from."""
    _check_db(db)
    store = open_store(db)
    ev = store.event(event_id)
    if ev is None:
        fail(f"no event {event_id!r} in {db}")
        return
    evidence = ev.pop("evidence")
    reports = ev.pop("reports")
    for key, value in ev.items():
        if value not in (None, ""):
            out.print(f"[bold]{key:>15}[/bold]  {value}", markup=True, highlight=False)
    out.print("\n[bold]what each source says[/bold]")
    said = {r["sources"][0]: _summary(r) for r in reports}
    for article_id, fields in said.items():
        out.print(f"  {article_id}: " + "; ".join(f"{k}={v}" for k, v in fields.items()), markup=False)
    if len(said) > 1:
        conflicts = [k for k in next(iter(said.values())) if len({str(f[k]) for f in said.values()}) > 1]
        out.print("  disagree on: " + (", ".join(conflicts) or "nothing"), markup=False)

    out.print("\n[bold]evidence[/bold]")
    for e in evidence:
        out.print(f"  {e['field']:>12} = {e['value']!s:<28} [{e['article_id']} {e['start']}-{e['end']}] "
                  f"«{e['quote']}»", markup=False)


@app.command("export")
def export_cmd(
    fmt: Annotated[str, typer.Option("--format", help="jsonl, csv, geojson, or deletions (ACLED's CSV of deleted events).")
                   ] = "jsonl",
    db: DbOpt = DEFAULT_DB,
    output: Annotated[str | None, typer.Option("-o", "--output", help="File to write (default: stdout).")] = None,
) -> None:
    """Export events (and claims, in JSON Lines), or the events deleted since they were first stored."""
    if fmt not in FORMATS:
        fail(f"--format {fmt!r}: choose one of {', '.join(FORMATS)}")
    _check_db(db)
    store = open_store(db)
    if output:
        tmp = Path(output + ".part")
        with tmp.open("w", encoding="utf-8", newline="") as fh:
            n = write(fmt, store, fh)
        tmp.replace(output)
    else:
        n = write(fmt, store, sys.stdout)
    err.print(f"sitrep: {n} {'deletions' if fmt == 'deletions' else 'events'} exported", markup=False)


@app.command("claims")
def claims_cmd(
    db: DbOpt = DEFAULT_DB,
    where: Annotated[str | None, typer.Option(help="Countries, comma-separated.")] = None,
    target: Annotated[str | None, typer.Option(help="Part of the target actor's name.")] = None,
    article: Annotated[str | None, typer.Option(help="Article id.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines instead of a table.")] = False,
) -> None:
    """List reported tallies."""
    _check_db(db)
    store = open_store(db)
    places = {w.strip() for w in where.split(",")} if where else set()
    rows = [c for c in store.claims()
            if (not places or places & set(c["where"])) and (not target or target.lower() in (c["target"] or "").lower())
            and (not article or c["article_id"] == article)]
    if as_json:
        for c in rows:
            out.print(json.dumps(claim_record(c), ensure_ascii=False), markup=False)
        return
    table = Table("article", "quantity", "bound", "what", "target", "where", "from", "to")
    for c in rows:
        table.add_row(c["article_id"], str(c["quantity"]), c["bound"], c["what"] or "", c["target"] or "",
                      ", ".join(c["where"]), c["date_from"] or "", c["date_to"] or "")
    out.print(table)


@app.command("tally")
def tally_cmd(
    db: DbOpt = DEFAULT_DB,
    target: Annotated[str | None, typer.Option(help="Canonical name of the actor attacked.")] = None,

    where: Annotated[str | None, typer.Option(help="Countries, comma-separated.")] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="Start of the period (YYYY-MM-DD).")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="End of the period (YYYY-MM-DD).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON instead of a table.")] = False,
) -> None:
    """Reported tallies beside the events the database holds for the same question."""
    for name, value in (("--from", date_from), ("--to", date_to)):
        if value:
            try:
                dt.date.fromisoformat(value)
            except ValueError:
                fail(f"{name} {value!r}: not a date in YYYY-MM-DD form")
    _check_db(db)
    result = tally(open_store(db), target, [w.strip() for w in where.split(",")] if where else [], date_from, date_to)
    if as_json:
        out.print(json.dumps(result, ensure_ascii=False, indent=2), markup=False)
        return
    table = Table("article", "claimed", "bound", "what", "where", "period", "in database", "gap")
    for c in result["claims"]:
        table.add_row(c["article_id"], str(c["quantity"]), c["bound"], c["what"] or "", ", ".join(c["where"]),
                      f"{c['from'] or '?'} .. {c['to'] or '?'}", str(c["in_database"]), str(c["gap"]))
    out.print(table)
    err.print(f"{result['in_database']} events in the database match the question; {len(result['claims'])} claims",
              markup=False)


@app.command("merge")
def merge_cmd(keep: str, other: str, db: DbOpt = DEFAULT_DB) -> None:
    """Record that OTHER is the same event as KEEP (kept across later runs)."""
    from sitrep.link.attach import merge_events

    _check_db(db)
    store = open_store(db)
    try:
        with store.transaction():
            merge_events(store, keep, other)
    except KeyError as exc:
        fail(f"no event {exc.args[0]!r} in {db}")
    err.print(f"sitrep: {other} merged into {keep}", markup=False)


@app.command("split")
def split_cmd(event_id: str, source: Annotated[str, typer.Option("--source", help="Article id to split off.")],
              db: DbOpt = DEFAULT_DB) -> None:
    """Record that what SOURCE reports is a different event from EVENT_ID (kept across later runs)."""
    from sitrep.link.attach import split_event

    _check_db(db)
    store = open_store(db)
    try:
        with store.transaction():
            new_id = split_event(store, event_id, source)
    except KeyError as exc:
        fail(f"{exc.args[0]!r}: not an event with another source in {db}")
    out.print(new_id, markup=False)



@app.command("serve")
def serve_cmd(
    db: DbOpt = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8000,
    tiles: Annotated[str | None, typer.Option(help="XYZ tile URL for the map (default: offline outlines).")] = None,
    write_token_file: Annotated[str | None, typer.Option(
        help="File holding a token that enables the merge/split routes (or set SITREP_WRITE_TOKEN).")] = None,
    cors_origin: Annotated[list[str] | None, typer.Option(
        help="An origin allowed to call the API from a browser (repeatable; default: none).")] = None,
) -> None:
    """Serve the HTTP API and the web page (read-only unless a write token is given)."""
    import uvicorn

    from sitrep.api import create_app

    _check_db(db)
    open_store(db).close()  # a clear error now rather than on the first request
    token = _write_token(write_token_file)
    uvicorn.run(create_app(db, tiles=tiles, write_token=token, cors_origins=cors_origin or ()),
                host=host, port=port, log_level="warning")


def _write_token(path: str | None) -> str | None:
    """The write token from a file or SITREP_WRITE_TOKEN, never from the command line (ps shows it)."""
    where, token = "SITREP_WRITE_TOKEN", os.environ.get("SITREP_WRITE_TOKEN") or None
    if path is not None:
        where = f"--write-token-file {path}"
        try:
            token = Path(path).read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError) as exc:
            fail(f"{where}: cannot read ({exc.__class__.__name__})")
    if token is not None and len(token) < MIN_TOKEN:
        fail(f"{where}: a write token needs at least {MIN_TOKEN} characters")
    return token


@gazetteer_app.command("build")

def gazetteer_build(quiet: Annotated[bool, typer.Option("--quiet")] = False) -> None:
    """Compile the offline gazetteer (GeoNames packages + curated files) into its SQLite cache."""
    from sitrep.resolve.gazetteer import build

    path = build()
    if not quiet:
        err.print(f"sitrep: gazetteer written to {path}", markup=False)


@gazetteer_app.command("lookup")
def gazetteer_lookup(
    name: str,
    country: Annotated[list[str] | None, typer.Option(help="A country the story is about (repeatable).")] = None,
    admin: Annotated[str | None, typer.Option(help="The text calls it a subdivision: admin1 (province) or "
                                                   "admin2 (district).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per candidate.")] = False,
) -> None:
    """List the places a name can be, best first, with why each won or lost."""
    from sitrep.resolve.gazetteer import gazetteer

    if admin not in (None, "admin1", "admin2"):
        fail(f"--admin {admin!r}: expected admin1 or admin2")
    ranked = gazetteer().ranked(name, {c: 1.0 for c in country or []}, admin)
    if not ranked:
        fail(f"{name!r}: not in the gazetteer", code=1)
    if as_json:
        for entry, why in ranked:
            out.print(json.dumps({**entry.__dict__, "verdict": why}, ensure_ascii=False), markup=False)
        return
    table = Table("name", "kind", "country", "admin1", "admin2", "population", "lat, lon", "verdict", box=None)
    for entry, why in ranked:
        point = f"{entry.latitude:.4f}, {entry.longitude:.4f}" if entry.latitude is not None else ""
        table.add_row(entry.name, entry.kind, entry.country or "", entry.admin1 or "", entry.admin2 or "",
                      f"{entry.population:,}" if entry.population else "", point, why)
    out.print(table)


@actors_app.command("lookup")
def actors_lookup(name: str) -> None:
    """Show how a name in an actor slot resolves (actors.yaml, demonyms.csv) and why."""
    from sitrep.resolve.actors import actor_dictionary

    try:
        actor, why = actor_dictionary().explain(name)
    except RuntimeError as exc:  # a broken actors.yaml
        fail(str(exc))
    shown: dict[str, object] = {"actor": actor.__dict__ if actor else None, "why": why}
    if actor is not None and (names_in := actor_dictionary().names_in.get(actor.name)):
        shown["names_in"] = names_in  # the group the word names where the event is ("khawarij" in Somalia)
    out.print(json.dumps(shown, ensure_ascii=False), markup=False)


def _summary(report: dict) -> dict[str, object]:  # type: ignore[type-arg]
    """The fields of one source's account that a reader compares across sources."""
    place, when = report.get("place") or {}, report["when"]
    return {
        "type": report["sub_event_type"],
        "date": when["date"] if when["precision"] == "day" else f"{when['earliest']}..{when['latest']}",
        "place": place.get("name"),
        "actor1": (report.get("actor1") or {}).get("name"),
        "actor2": (report.get("actor2") or {}).get("name"),
        "fatalities": report.get("fatalities"),
        "injuries": report.get("injuries"),
    }
