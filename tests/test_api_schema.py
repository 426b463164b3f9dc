"""Property tests of the API against its own OpenAPI spec (schemathesis): for generated requests, no
server error, responses that match the schema, and 4xx rather than 5xx for bad input."""

from __future__ import annotations

from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings

from sitrep.api import create_app
from sitrep.ingest import read_meta
from sitrep.runner import run
from sitrep.store import Store

ROOT = Path(__file__).resolve().parents[1]


def _app():  # type: ignore[no-untyped-def]
    import tempfile

    db = Path(tempfile.mkdtemp()) / "schema.db"
    store = Store(db)
    sample = ROOT / "examples" / "articles"
    run([str(sample / "s01_jordan_tower22_drone_attack.txt"), str(sample / "s02_iraq_baghdad_drone_strike_kh_commander.txt")],
        store, read_meta(str(ROOT / "examples" / "articles.meta.jsonl")), progress=False)
    store.close()
    return create_app(db)


schema = schemathesis.openapi.from_asgi("/openapi.json", _app())


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_schema(case) -> None:  # type: ignore[no-untyped-def]
    case.call_and_validate()
