"""Property tests of the API against its own OpenAPI spec (schemathesis), on both back-ends: for
generated requests to every operation, no server error, responses that match the schema, and 4xx rather
than 5xx for bad input."""

from __future__ import annotations

import schemathesis
from conftest import SAMPLE, SAMPLE_META, Databases
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from sitrep.api import create_app
from sitrep.ingest import read_meta
from sitrep.runner import run
from sitrep.store import Store

# ACLED's read parameters depend on each other (BETWEEN takes low|high; fields names columns), which
# OpenAPI cannot say: a schema-valid request may be refused there, with a 422 naming the parameter.
CROSS_FIELD = {"/api/acled/read": [positive_data_acceptance]}


def test_api_conforms_to_its_schema(databases: Databases) -> None:
    db = databases.new()
    store = Store(db)
    run([str(SAMPLE / "s01_jordan_tower22_drone_attack.txt"), str(SAMPLE / "s02_iraq_baghdad_drone_strike_kh_commander.txt")],
        store, read_meta(str(SAMPLE_META)), progress=False)
    store.close()
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(db))
    operations = [result.ok() for result in schema.get_all_operations()]
    assert operations
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
        def conforms(case) -> None:  # type: ignore[no-untyped-def]
            case.call_and_validate(excluded_checks=CROSS_FIELD.get(case.operation.path, []))

        conforms()
