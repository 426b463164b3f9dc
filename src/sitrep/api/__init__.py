"""HTTP API (read-only): the same database through FastAPI, with an OpenAPI spec."""

from sitrep.api.app import create_app

__all__ = ["create_app"]
