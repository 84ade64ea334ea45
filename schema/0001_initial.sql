-- claimdb schema, version 1.
-- Every user table is append-only: triggers below refuse UPDATE and DELETE,
-- so a correction is a new claim that supersedes the old one and a retraction
-- is a new row. Only links made by the detector (origin = 'detector') may be
-- removed, because they are derived and recomputed.
-- Surrogate INTEGER keys keep rows small; the user's stable ids are the
-- `slug` columns.

CREATE TABLE sources (
  id          INTEGER PRIMARY KEY,
  slug        TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL,
  kind        TEXT,
  affiliation TEXT,
  description TEXT,
  recorded_at TEXT NOT NULL
);

CREATE TABLE entities (
  id          INTEGER PRIMARY KEY,
  slug        TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL,
  kind        TEXT,
  part_of     INTEGER REFERENCES entities(id),
  description TEXT,
  recorded_at TEXT NOT NULL
);

CREATE TABLE entity_aliases (
  entity   INTEGER NOT NULL REFERENCES entities(id),
  position INTEGER NOT NULL,
  alias    TEXT NOT NULL,
  PRIMARY KEY (entity, position)
) WITHOUT ROWID;
CREATE INDEX entity_aliases_alias ON entity_aliases(alias);

CREATE TABLE properties (
  id           INTEGER PRIMARY KEY,
  slug         TEXT NOT NULL UNIQUE,
  value_type   TEXT NOT NULL CHECK (value_type IN ('quantity', 'category', 'boolean', 'text')),
  unit         TEXT,
  multi_valued INTEGER NOT NULL DEFAULT 0 CHECK (multi_valued IN (0, 1)),
  cumulative   INTEGER NOT NULL DEFAULT 0 CHECK (cumulative IN (0, 1)),
  description  TEXT,
  recorded_at  TEXT NOT NULL
);

-- property <relation> other, for the same entity and scope.
CREATE TABLE property_constraints (
  property INTEGER NOT NULL REFERENCES properties(id),
  position INTEGER NOT NULL,
  relation TEXT NOT NULL CHECK (relation IN ('<=', '<', '>=', '>', '=')),
  other    INTEGER NOT NULL REFERENCES properties(id),
  PRIMARY KEY (property, position)
) WITHOUT ROWID;
CREATE INDEX property_constraints_other ON property_constraints(other);

CREATE TABLE reports (
  id           INTEGER PRIMARY KEY,
  slug         TEXT NOT NULL UNIQUE,
  publisher    INTEGER REFERENCES sources(id),
  title        TEXT NOT NULL,
  url          TEXT,
  published_at TEXT,
  cites        INTEGER REFERENCES reports(id),
  text         TEXT,
  recorded_at  TEXT NOT NULL
);
CREATE INDEX reports_publisher ON reports(publisher);

-- One assertion. A quantity's value is the interval [lo, hi] (NULL: unbounded)
-- with open/closed ends, its unit and the phrase as said; other value types
-- keep the value in `phrase` and leave the interval NULL.
CREATE TABLE claims (
  id                INTEGER PRIMARY KEY,
  slug              TEXT NOT NULL UNIQUE,
  claimant          INTEGER NOT NULL REFERENCES sources(id),
  report            INTEGER REFERENCES reports(id),
  entity            INTEGER NOT NULL REFERENCES entities(id),
  property          INTEGER NOT NULL REFERENCES properties(id),
  phrase            TEXT NOT NULL,
  has_interval      INTEGER NOT NULL DEFAULT 0 CHECK (has_interval IN (0, 1)),
  lo                REAL,
  hi                REAL,
  lo_open           INTEGER NOT NULL DEFAULT 0 CHECK (lo_open IN (0, 1)),
  hi_open           INTEGER NOT NULL DEFAULT 0 CHECK (hi_open IN (0, 1)),
  unit              TEXT,
  polarity          INTEGER NOT NULL DEFAULT 1 CHECK (polarity IN (1, -1)),
  quote             TEXT,
  place             INTEGER REFERENCES entities(id),
  valid_from        TEXT,
  valid_to          TEXT,
  as_of             TEXT,
  said_at           TEXT,
  published_at      TEXT,
  supersedes        INTEGER REFERENCES claims(id),
  correction_reason TEXT,
  recorded_at       TEXT NOT NULL,
  CHECK (lo IS NULL OR hi IS NULL OR lo <= hi)
);
CREATE INDEX claims_entity_property ON claims(entity, property);
CREATE INDEX claims_claimant ON claims(claimant);
CREATE INDEX claims_report ON claims(report) WHERE report IS NOT NULL;
CREATE INDEX claims_supersedes ON claims(supersedes) WHERE supersedes IS NOT NULL;

CREATE TABLE links (
  id          INTEGER PRIMARY KEY,
  slug        TEXT NOT NULL UNIQUE,
  from_claim  INTEGER NOT NULL REFERENCES claims(id),
  to_claim    INTEGER NOT NULL REFERENCES claims(id),
  kind        TEXT NOT NULL,
  origin      TEXT NOT NULL,
  rationale   TEXT,
  created_at  TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  CHECK (from_claim <> to_claim)
);
CREATE INDEX links_from ON links(from_claim);
CREATE INDEX links_to ON links(to_claim);

CREATE TABLE reviews (
  id          INTEGER PRIMARY KEY,
  slug        TEXT NOT NULL UNIQUE,
  claim       INTEGER NOT NULL REFERENCES claims(id),
  rating      TEXT NOT NULL,
  reviewer    TEXT NOT NULL,
  reviewed_at TEXT,
  url         TEXT,
  explanation TEXT,
  recorded_at TEXT NOT NULL
);
CREATE INDEX reviews_claim ON reviews(claim);

CREATE TABLE retractions (
  id           INTEGER PRIMARY KEY,
  claim        INTEGER NOT NULL REFERENCES claims(id),
  reason       TEXT NOT NULL,
  retracted_by INTEGER REFERENCES sources(id),
  retracted_at TEXT,
  recorded_at  TEXT NOT NULL
);
CREATE INDEX retractions_claim ON retractions(claim);

-- Full-text search over quotes and reports; rows are added by the library
-- beside each insert (external content, so the text is stored once).
CREATE VIRTUAL TABLE claims_fts USING fts5(quote, content='claims', content_rowid='id');
CREATE VIRTUAL TABLE reports_fts USING fts5(title, text, content='reports', content_rowid='id');

-- Append-only.
CREATE TRIGGER sources_no_update BEFORE UPDATE ON sources BEGIN SELECT RAISE(ABORT, 'sources are append-only'); END;
CREATE TRIGGER sources_no_delete BEFORE DELETE ON sources BEGIN SELECT RAISE(ABORT, 'sources are append-only'); END;
CREATE TRIGGER entities_no_update BEFORE UPDATE ON entities BEGIN SELECT RAISE(ABORT, 'entities are append-only'); END;
CREATE TRIGGER entities_no_delete BEFORE DELETE ON entities BEGIN SELECT RAISE(ABORT, 'entities are append-only'); END;
CREATE TRIGGER entity_aliases_no_update BEFORE UPDATE ON entity_aliases BEGIN SELECT RAISE(ABORT, 'entity aliases are append-only'); END;
CREATE TRIGGER entity_aliases_no_delete BEFORE DELETE ON entity_aliases BEGIN SELECT RAISE(ABORT, 'entity aliases are append-only'); END;
CREATE TRIGGER properties_no_update BEFORE UPDATE ON properties BEGIN SELECT RAISE(ABORT, 'properties are append-only'); END;
CREATE TRIGGER properties_no_delete BEFORE DELETE ON properties BEGIN SELECT RAISE(ABORT, 'properties are append-only'); END;
CREATE TRIGGER property_constraints_no_update BEFORE UPDATE ON property_constraints BEGIN SELECT RAISE(ABORT, 'property constraints are append-only'); END;
CREATE TRIGGER property_constraints_no_delete BEFORE DELETE ON property_constraints BEGIN SELECT RAISE(ABORT, 'property constraints are append-only'); END;
CREATE TRIGGER reports_no_update BEFORE UPDATE ON reports BEGIN SELECT RAISE(ABORT, 'reports are append-only'); END;
CREATE TRIGGER reports_no_delete BEFORE DELETE ON reports BEGIN SELECT RAISE(ABORT, 'reports are append-only'); END;
CREATE TRIGGER claims_no_update BEFORE UPDATE ON claims BEGIN SELECT RAISE(ABORT, 'claims are append-only: record a correction that supersedes the claim'); END;
CREATE TRIGGER claims_no_delete BEFORE DELETE ON claims BEGIN SELECT RAISE(ABORT, 'claims are append-only: record a retraction instead'); END;
CREATE TRIGGER links_no_update BEFORE UPDATE ON links BEGIN SELECT RAISE(ABORT, 'links are append-only'); END;
CREATE TRIGGER links_no_delete BEFORE DELETE ON links WHEN OLD.origin <> 'detector' BEGIN SELECT RAISE(ABORT, 'analyst links are append-only'); END;
CREATE TRIGGER reviews_no_update BEFORE UPDATE ON reviews BEGIN SELECT RAISE(ABORT, 'reviews are append-only'); END;
CREATE TRIGGER reviews_no_delete BEFORE DELETE ON reviews BEGIN SELECT RAISE(ABORT, 'reviews are append-only'); END;
CREATE TRIGGER retractions_no_update BEFORE UPDATE ON retractions BEGIN SELECT RAISE(ABORT, 'retractions are append-only'); END;
CREATE TRIGGER retractions_no_delete BEFORE DELETE ON retractions BEGIN SELECT RAISE(ABORT, 'retractions are append-only'); END;
