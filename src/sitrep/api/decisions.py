"""The two human decisions (merge two events, split a source off an event) over HTTP, for a server started
with a write token. Without a token these routes are never mounted, so the API stays read-only."""

from __future__ import annotations

import hmac
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, HTTPException
from fastapi import Path as PathParam
from pydantic import BaseModel, Field

from sitrep.link.attach import merge_events, split_event
from sitrep.store import Store

EventId = Annotated[str, PathParam(max_length=64)]


class MergeRequest(BaseModel):
    other: str = Field(max_length=64, description="The event that is the same as the one in the path.")


class SplitRequest(BaseModel):
    source: str = Field(max_length=300, description="Article id whose account is a different event.")


def decisions_router(store: Callable[[], AbstractContextManager[Store]], token: str) -> APIRouter:
    """Routes that record decisions through the same functions as `sitrep merge` and `sitrep split`."""
    expected = token.encode()

    def authorised(authorization: Annotated[str | None, Header(include_in_schema=False)] = None) -> None:
        scheme, _, given = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), expected):
            raise HTTPException(401, "a write token is needed (Authorization: Bearer TOKEN)",
                                headers={"WWW-Authenticate": "Bearer"})

    router = APIRouter(dependencies=[Depends(authorised)],
                       responses={401: {"description": "No or wrong write token"}, 404: {"description": "No such event"}})

    @router.post("/api/events/{event_id}/merge")
    def merge(event_id: EventId, body: MergeRequest) -> dict[str, Any]:
        """Record that ``other`` is the same event as ``event_id`` (kept across later runs)."""
        try:
            with store() as s, s.transaction():
                merge_events(s, event_id, body.other)
        except KeyError as exc:
            raise HTTPException(404, f"no event {exc.args[0]!r}") from None
        return {"event": event_id, "merged": body.other}

    @router.post("/api/events/{event_id}/split")
    def split(event_id: EventId, body: SplitRequest) -> dict[str, Any]:
        """Record that what ``source`` reports is a different event (kept across later runs)."""
        try:
            with store() as s, s.transaction():
                new_id = split_event(s, event_id, body.source)
        except KeyError as exc:
            raise HTTPException(404, f"{exc.args[0]!r}: not an event with another source") from None
        return {"event": event_id, "split_off": new_id}

    return router
