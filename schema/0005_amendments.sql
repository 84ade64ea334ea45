-- claimdb schema: amendments to descriptive fields of sources, entities,
-- properties and reports.
--
-- Recorded rows stay as they were first recorded. An amendment is a new row
-- naming the record, the fields it changes (NULL: unchanged; '' clears an
-- optional field), why, and when it was recorded. The current value of a
-- field is that of its latest amendment, else the recorded one.
--
-- The tables holding the recorded rows are renamed to *_records, and views
-- with the old names show the current values, so that every reader (the
-- listings, the query language, the detector, the graph, read-only SQL)
-- sees amended values through this one place.

ALTER TABLE sources RENAME TO source_records;
ALTER TABLE entities RENAME TO entity_records;
ALTER TABLE entity_aliases RENAME TO entity_alias_records;
ALTER TABLE properties RENAME TO property_records;
ALTER TABLE reports RENAME TO report_records;

CREATE TABLE source_amendments (
  id          INTEGER PRIMARY KEY,
  source      INTEGER NOT NULL REFERENCES source_records(id),
  name        TEXT,
  kind        TEXT,
  affiliation TEXT,
  description TEXT,
  language    TEXT,
  reason      TEXT NOT NULL,
  recorded_at TEXT NOT NULL
);
CREATE INDEX source_amendments_source ON source_amendments(source, id);

-- aliases = 1: the amendment replaces the aliases with its rows in
-- entity_alias_amendments (none: no aliases).
CREATE TABLE entity_amendments (
  id          INTEGER PRIMARY KEY,
  entity      INTEGER NOT NULL REFERENCES entity_records(id),
  name        TEXT,
  kind        TEXT,
  description TEXT,
  aliases     INTEGER NOT NULL DEFAULT 0 CHECK (aliases IN (0, 1)),
  reason      TEXT NOT NULL,
  recorded_at TEXT NOT NULL
);
CREATE INDEX entity_amendments_entity ON entity_amendments(entity, id);

CREATE TABLE entity_alias_amendments (
  amendment INTEGER NOT NULL REFERENCES entity_amendments(id),
  position  INTEGER NOT NULL,
  alias     TEXT NOT NULL,
  PRIMARY KEY (amendment, position)
) WITHOUT ROWID;

CREATE TABLE property_amendments (
  id          INTEGER PRIMARY KEY,
  property    INTEGER NOT NULL REFERENCES property_records(id),
  description TEXT,
  reason      TEXT NOT NULL,
  recorded_at TEXT NOT NULL
);
CREATE INDEX property_amendments_property ON property_amendments(property, id);

CREATE TABLE report_amendments (
  id           INTEGER PRIMARY KEY,
  report       INTEGER NOT NULL REFERENCES report_records(id),
  title        TEXT,
  url          TEXT,
  published_at TEXT,
  text         TEXT,
  language     TEXT,
  reason       TEXT NOT NULL,
  recorded_at  TEXT NOT NULL
);
CREATE INDEX report_amendments_report ON report_amendments(report, id);

-- The current values.
CREATE VIEW sources AS SELECT s.id AS id, s.slug AS slug,
  coalesce((SELECT a.name FROM source_amendments a WHERE a.source = s.id AND a.name IS NOT NULL
            ORDER BY a.id DESC LIMIT 1), s.name) AS name,
  nullif(coalesce((SELECT a.kind FROM source_amendments a WHERE a.source = s.id AND a.kind IS NOT NULL
            ORDER BY a.id DESC LIMIT 1), s.kind), '') AS kind,
  nullif(coalesce((SELECT a.affiliation FROM source_amendments a WHERE a.source = s.id
            AND a.affiliation IS NOT NULL ORDER BY a.id DESC LIMIT 1), s.affiliation), '') AS affiliation,
  nullif(coalesce((SELECT a.description FROM source_amendments a WHERE a.source = s.id
            AND a.description IS NOT NULL ORDER BY a.id DESC LIMIT 1), s.description), '') AS description,
  s.recorded_at AS recorded_at,
  nullif(coalesce((SELECT a.language FROM source_amendments a WHERE a.source = s.id
            AND a.language IS NOT NULL ORDER BY a.id DESC LIMIT 1), s.language), '') AS language
FROM source_records s;

CREATE VIEW entities AS SELECT e.id AS id, e.slug AS slug,
  coalesce((SELECT a.name FROM entity_amendments a WHERE a.entity = e.id AND a.name IS NOT NULL
            ORDER BY a.id DESC LIMIT 1), e.name) AS name,
  nullif(coalesce((SELECT a.kind FROM entity_amendments a WHERE a.entity = e.id AND a.kind IS NOT NULL
            ORDER BY a.id DESC LIMIT 1), e.kind), '') AS kind,
  e.part_of AS part_of,
  nullif(coalesce((SELECT a.description FROM entity_amendments a WHERE a.entity = e.id
            AND a.description IS NOT NULL ORDER BY a.id DESC LIMIT 1), e.description), '') AS description,
  e.recorded_at AS recorded_at
FROM entity_records e;

CREATE VIEW entity_aliases AS
  SELECT r.entity AS entity, r.position AS position, r.alias AS alias FROM entity_alias_records r
  WHERE NOT EXISTS (SELECT 1 FROM entity_amendments a WHERE a.entity = r.entity AND a.aliases = 1)
  UNION ALL
  SELECT a.entity, x.position, x.alias FROM entity_amendments a
  JOIN entity_alias_amendments x ON x.amendment = a.id
  WHERE a.aliases = 1 AND a.id = (SELECT max(b.id) FROM entity_amendments b
                                  WHERE b.entity = a.entity AND b.aliases = 1);

CREATE VIEW properties AS SELECT p.id AS id, p.slug AS slug, p.value_type AS value_type,
  p.unit AS unit, p.multi_valued AS multi_valued, p.cumulative AS cumulative,
  nullif(coalesce((SELECT a.description FROM property_amendments a WHERE a.property = p.id
            AND a.description IS NOT NULL ORDER BY a.id DESC LIMIT 1), p.description), '') AS description,
  p.recorded_at AS recorded_at
FROM property_records p;

CREATE VIEW reports AS SELECT r.id AS id, r.slug AS slug, r.publisher AS publisher,
  coalesce((SELECT a.title FROM report_amendments a WHERE a.report = r.id AND a.title IS NOT NULL
            ORDER BY a.id DESC LIMIT 1), r.title) AS title,
  nullif(coalesce((SELECT a.url FROM report_amendments a WHERE a.report = r.id AND a.url IS NOT NULL
            ORDER BY a.id DESC LIMIT 1), r.url), '') AS url,
  nullif(coalesce((SELECT a.published_at FROM report_amendments a WHERE a.report = r.id
            AND a.published_at IS NOT NULL ORDER BY a.id DESC LIMIT 1), r.published_at), '') AS published_at,
  r.cites AS cites,
  nullif(coalesce((SELECT a.text FROM report_amendments a WHERE a.report = r.id AND a.text IS NOT NULL
            ORDER BY a.id DESC LIMIT 1), r.text), '') AS text,
  r.recorded_at AS recorded_at,
  nullif(coalesce((SELECT a.language FROM report_amendments a WHERE a.report = r.id
            AND a.language IS NOT NULL ORDER BY a.id DESC LIMIT 1), r.language), '') AS language
FROM report_records r;

-- Append-only, through the views as through the tables.
CREATE TRIGGER sources_view_no_update INSTEAD OF UPDATE ON sources BEGIN SELECT RAISE(ABORT, 'sources are append-only: record an amendment'); END;
CREATE TRIGGER sources_view_no_delete INSTEAD OF DELETE ON sources BEGIN SELECT RAISE(ABORT, 'sources are append-only'); END;
CREATE TRIGGER entities_view_no_update INSTEAD OF UPDATE ON entities BEGIN SELECT RAISE(ABORT, 'entities are append-only: record an amendment'); END;
CREATE TRIGGER entities_view_no_delete INSTEAD OF DELETE ON entities BEGIN SELECT RAISE(ABORT, 'entities are append-only'); END;
CREATE TRIGGER properties_view_no_update INSTEAD OF UPDATE ON properties BEGIN SELECT RAISE(ABORT, 'properties are append-only: record an amendment'); END;
CREATE TRIGGER properties_view_no_delete INSTEAD OF DELETE ON properties BEGIN SELECT RAISE(ABORT, 'properties are append-only'); END;
CREATE TRIGGER reports_view_no_update INSTEAD OF UPDATE ON reports BEGIN SELECT RAISE(ABORT, 'reports are append-only: record an amendment'); END;
CREATE TRIGGER reports_view_no_delete INSTEAD OF DELETE ON reports BEGIN SELECT RAISE(ABORT, 'reports are append-only'); END;
CREATE TRIGGER source_amendments_no_update BEFORE UPDATE ON source_amendments BEGIN SELECT RAISE(ABORT, 'amendments are append-only'); END;
CREATE TRIGGER source_amendments_no_delete BEFORE DELETE ON source_amendments BEGIN SELECT RAISE(ABORT, 'amendments are append-only'); END;
CREATE TRIGGER entity_amendments_no_update BEFORE UPDATE ON entity_amendments BEGIN SELECT RAISE(ABORT, 'amendments are append-only'); END;
CREATE TRIGGER entity_amendments_no_delete BEFORE DELETE ON entity_amendments BEGIN SELECT RAISE(ABORT, 'amendments are append-only'); END;
CREATE TRIGGER entity_alias_amendments_no_update BEFORE UPDATE ON entity_alias_amendments BEGIN SELECT RAISE(ABORT, 'amendments are append-only'); END;
CREATE TRIGGER entity_alias_amendments_no_delete BEFORE DELETE ON entity_alias_amendments BEGIN SELECT RAISE(ABORT, 'amendments are append-only'); END;
CREATE TRIGGER property_amendments_no_update BEFORE UPDATE ON property_amendments BEGIN SELECT RAISE(ABORT, 'amendments are append-only'); END;
CREATE TRIGGER property_amendments_no_delete BEFORE DELETE ON property_amendments BEGIN SELECT RAISE(ABORT, 'amendments are append-only'); END;
CREATE TRIGGER report_amendments_no_update BEFORE UPDATE ON report_amendments BEGIN SELECT RAISE(ABORT, 'amendments are append-only'); END;
CREATE TRIGGER report_amendments_no_delete BEFORE DELETE ON report_amendments BEGIN SELECT RAISE(ABORT, 'amendments are append-only'); END;
