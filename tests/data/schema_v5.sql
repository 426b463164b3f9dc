-- The schema of sitrep databases before migrations (schema_version 5), frozen: tests open such a database.
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
    fatalities_low INTEGER, fatalities_high INTEGER, injuries_low INTEGER, injuries_high INTEGER,
    data TEXT NOT NULL,  -- the merged event as JSON
    updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_date ON events(date);
CREATE INDEX IF NOT EXISTS events_country ON events(country COLLATE NOCASE, date);
CREATE INDEX IF NOT EXISTS events_iso3 ON events(iso3 COLLATE NOCASE, date);
CREATE INDEX IF NOT EXISTS events_type ON events(event_type COLLATE NOCASE, date);
CREATE INDEX IF NOT EXISTS events_subtype ON events(sub_event_type COLLATE NOCASE, date);
CREATE INDEX IF NOT EXISTS events_admin1 ON events(admin1 COLLATE NOCASE, date);
CREATE INDEX IF NOT EXISTS events_lat ON events(latitude, longitude);

-- Words of the text columns, for text and actor search without scanning every event.
CREATE VIRTUAL TABLE IF NOT EXISTS events_fts USING fts5(
    id UNINDEXED, location, actor1, actor2, admin1, country, sub_event_type, claimed_by,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- Blocking for cross-article merging: an event under each (country, week) its dates touch, so that the
-- candidates for a new report are found by key, never by scanning (see Store.candidates).
CREATE TABLE IF NOT EXISTS event_blocks (
    country TEXT NOT NULL,
    week INTEGER NOT NULL,
    event_id TEXT NOT NULL,
    PRIMARY KEY (country, week, event_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS event_blocks_event ON event_blocks(event_id);


-- One article's account of an event; an event is the set of reports linked to it.
CREATE TABLE IF NOT EXISTS reports (
    id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    event_id TEXT NOT NULL,
    data TEXT NOT NULL  -- the article's version of the event as JSON
);
CREATE INDEX IF NOT EXISTS reports_event ON reports(event_id);
CREATE INDEX IF NOT EXISTS reports_article ON reports(article_id);

CREATE VIEW IF NOT EXISTS event_sources AS SELECT DISTINCT event_id, article_id FROM reports;

CREATE TABLE IF NOT EXISTS evidence (
    id INTEGER PRIMARY KEY,
    report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    article_id TEXT NOT NULL,
    field TEXT NOT NULL,
    value TEXT,
    sentence INTEGER,
    sentence_text TEXT,
    start INTEGER,
    end INTEGER,
    quote TEXT
);
CREATE INDEX IF NOT EXISTS evidence_report ON evidence(report_id);

-- Events deleted (their last report withdrawn or merged away), as ACLED publishes deletions: a copy kept
-- in sync from exports drops these.
CREATE TABLE IF NOT EXISTS deletions (event_id TEXT PRIMARY KEY, deleted_at TEXT NOT NULL);

-- Manual decisions (sitrep merge / split) between reports; later runs respect them.
CREATE TABLE IF NOT EXISTS decisions (
    kind TEXT NOT NULL CHECK (kind IN ('together', 'apart')),
    a TEXT NOT NULL,
    b TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (kind, a, b)
);

CREATE TABLE IF NOT EXISTS claims (
    id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    quantity INTEGER NOT NULL,
    bound TEXT NOT NULL,
    what TEXT,
    counted TEXT,
    target TEXT,

    where_json TEXT,
    date_from TEXT,
    date_to TEXT,
    source TEXT,
    sentence_text TEXT,
    start INTEGER,
    end INTEGER,
    quote TEXT
);
