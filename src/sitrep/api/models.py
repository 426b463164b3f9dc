"""What the API answers, as typed models: the OpenAPI schema documents every field, and a response that
drifts from it fails the schema tests rather than a user's script."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class Source(BaseModel):
    article_id: str


class Event(BaseModel):
    """One event as listed: the merged values of every report of it."""

    kind: str = Field(description="Always 'event'.")
    id: str = Field(description="Stable id; ACLED's CSV calls it event_id_cnty.")
    event_type: str
    sub_event_type: str
    disorder_type: str | None
    weapon: str | None
    date: str | None = Field(description="Best date (ISO 8601).")
    date_earliest: str | None = Field(description="The interval the date lies in, when the text is vague.")
    date_latest: str | None
    date_precision: str | None = Field(description="day, week, month or year.")
    country: str | None
    iso3: str | None
    admin1: str | None
    admin2: str | None
    location: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None = Field(description="ACLED's: 1 the place itself, 2 near it or its district, 3 its region.")
    actor1: str | None
    inter1: int | None = Field(description="ACLED inter code of actor1 (1 state forces ... 8 external forces).")
    actor2: str | None
    inter2: int | None
    claimed_by: str | None
    fatalities: int | None
    injuries: int | None
    sources: list[Source]
    timestamp: str = Field(description="Last change, ISO 8601 UTC.")


class EventPage(BaseModel):
    total: int
    page: int
    page_size: int
    events: list[Event]


class Evidence(BaseModel):
    """The words one field came from: the sentence, and the character span in the article."""

    article_id: str
    field: str
    value: Any = Field(description="The value these words gave the field.")
    sentence: int | None
    sentence_text: str | None
    start: int | None
    end: int | None
    quote: str | None
    sentence_start: int | None = Field(description="Where the sentence starts in the article; start - sentence_start "
                                                   "is where the quote starts in sentence_text.")
    chosen: bool = Field(description="Whether the event holds the value these words gave.")


class Article(BaseModel):
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None


class EventDetail(Event):
    evidence: list[Evidence]
    reports: list[dict[str, Any]] = Field(description="Each article's own account of the event.")
    articles: dict[str, Article] = Field(description="The articles that tell the event, by id.")
    ranges: dict[str, list[int | None]] = Field(description="Lowest and highest toll the sources give.")


class ClaimEvidence(BaseModel):
    sentence: str | None
    start: int | None
    end: int | None
    quote: str | None


class Claim(BaseModel):
    """A tally an article reports ("at least 78 attacks since October 17")."""

    model_config = {"populate_by_name": True}
    kind: str
    id: str
    quantity: int
    bound: str | None
    what: str | None
    counted: str | None
    target: str | None
    where: list[str]
    from_: str | None = Field(alias="from")
    to: str | None
    source: str | None
    article_id: str
    evidence: ClaimEvidence


class ClaimPage(BaseModel):
    total: int
    page: int
    page_size: int
    claims: list[Claim]


class Deletion(BaseModel):
    event_id: str
    deleted_at: str


class DeletionPage(BaseModel):
    total: int
    page: int
    page_size: int
    deletions: list[Deletion]


class Period(BaseModel):
    period: str = Field(description="First day of the day, week (Monday) or month.")
    sub_event_type: str
    events: int
    fatalities: int


class CountryTotal(BaseModel):
    iso3: str
    iso: int | None = Field(description="ISO 3166 numeric code.")
    country: str | None
    events: int
    fatalities: int


class Span(BaseModel):
    model_config = {"populate_by_name": True}
    from_: str = Field(alias="from")
    to: str
    sub_event_type: str
    events: int


class Stats(BaseModel):
    events: int
    fatalities: int
    by_type: dict[str, int]
    by_actor: dict[str, int]
    spans: list[Span] = Field(description="Events dated only to a week, month or year: their interval.")
    timeline: list[Period]


class TallyClaim(BaseModel):
    model_config = {"populate_by_name": True}
    article_id: str
    quantity: int
    bound: str | None
    what: str | None
    target: str | None
    where: list[str]
    from_: str | None = Field(alias="from")
    to: str | None
    in_database: int
    gap: int
    quote: str | None


class TallyQuestion(BaseModel):
    model_config = {"populate_by_name": True}
    target: str | None
    where: list[str]
    from_: str | None = Field(alias="from")
    to: str | None


class Tally(BaseModel):
    question: TallyQuestion
    in_database: int
    claims: list[TallyClaim]


class Facets(BaseModel):
    countries: list[str]
    actors: list[str]


class Config(BaseModel):
    tiles: str | None


class AcledResponse(BaseModel):
    """ACLED's API response: every value in ``data`` is a string, as ACLED sends it."""

    status: int
    success: bool
    last_update: int = Field(description="Hours since the newest change.")
    count: int = Field(description="Rows in this page.")
    messages: list[str]
    data: list[dict[str, str]]
    filename: str
