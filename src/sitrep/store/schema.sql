-- sitrep database schema (SQLite). One row per article, event, source link, evidence span and claim.
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    title TEXT,
    url TEXT,
    outlet TEXT,
    published TEXT,
    published_from TEXT,
    path TEXT,
    content_hash TEXT NOT NULL,
    text TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY,
    event_type TEXT NOT NULL,
    sub_event_type TEXT NOT NULL,
    disorder_type TEXT,
    weapon TEXT,
    actor1 TEXT, inter1 INTEGER, actor1_country TEXT,
    actor2 TEXT, inter2 INTEGER, actor2_country TEXT,
    claimed_by TEXT,
    location TEXT, admin1 TEXT, country TEXT, iso3 TEXT,
    latitude REAL, longitude REAL, geo_precision INTEGER, place_kind TEXT,
    date TEXT, date_earliest TEXT, date_latest TEXT, date_precision TEXT,
    fatalities INTEGER, injuries INTEGER,
    updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_date ON events(date);
CREATE INDEX IF NOT EXISTS events_country ON events(country);

CREATE TABLE IF NOT EXISTS event_sources (
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (event_id, article_id)
);
CREATE INDEX IF NOT EXISTS event_sources_article ON event_sources(article_id);

CREATE TABLE IF NOT EXISTS evidence (
    id INTEGER PRIMARY KEY,
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    field TEXT NOT NULL,
    value TEXT,
    sentence INTEGER,
    sentence_text TEXT,
    start INTEGER,
    end INTEGER,
    quote TEXT
);
CREATE INDEX IF NOT EXISTS evidence_event ON evidence(event_id);

CREATE TABLE IF NOT EXISTS claims (
    id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    quantity INTEGER NOT NULL,
    bound TEXT NOT NULL,
    what TEXT,
    where_json TEXT,
    date_from TEXT,
    date_to TEXT,
    source TEXT,
    sentence_text TEXT,
    start INTEGER,
    end INTEGER,
    quote TEXT
);
