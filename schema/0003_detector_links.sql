-- claimdb schema, version 3: the detector's links in a lean table of their own.
--
-- A whole-database detection run rewrites every detector link (about 1.3 per
-- claim). Kept in `links` each cost a generated slug under a UNIQUE index,
-- two timestamps, the explanation text and four index entries, and deleting
-- them fired a trigger per row. Here a detector link is two claim keys, a kind
-- code and a severity; the relation label and the explanation are derived
-- from the two claims when the link is listed (`conflicts`, `why`), by the
-- same rules that made it. `links` keeps what analysts record.
--
-- Detector links are derived data: they are deleted and recomputed, never
-- exported, and refer only to claims, which are never deleted.

-- The kinds a link can have, for reading detector_links by name in SQL.
CREATE TABLE link_kinds (
  code INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);
INSERT INTO link_kinds (code, name) VALUES
  (1, 'contradicts'), (2, 'supports'), (3, 'update'), (4, 'scope'), (5, 'echo');
CREATE TRIGGER link_kinds_no_update BEFORE UPDATE ON link_kinds BEGIN SELECT RAISE(ABORT, 'link kinds are fixed'); END;
CREATE TRIGGER link_kinds_no_delete BEFORE DELETE ON link_kinds BEGIN SELECT RAISE(ABORT, 'link kinds are fixed'); END;

-- One row per pair of claims the detector linked; from_claim is the earlier
-- claim (smaller row id). severity: for contradictions, the gap relative to
-- the larger magnitude (0..1), 1 for category and polarity conflicts.
CREATE TABLE detector_links (
  from_claim INTEGER NOT NULL,
  to_claim   INTEGER NOT NULL,
  kind       INTEGER NOT NULL CHECK (kind BETWEEN 1 AND 5),
  severity   REAL,
  PRIMARY KEY (from_claim, to_claim),
  CHECK (from_claim < to_claim)
) WITHOUT ROWID;
CREATE INDEX detector_links_to ON detector_links(to_claim);

-- Move the links earlier versions kept in `links` (the links_no_delete
-- trigger lets detector links go).
INSERT OR IGNORE INTO detector_links (from_claim, to_claim, kind, severity)
  SELECT min(l.from_claim, l.to_claim), max(l.from_claim, l.to_claim), k.code, l.severity
  FROM links l JOIN link_kinds k ON k.name = l.kind
  WHERE l.origin = 'detector' ORDER BY 1, 2;
DELETE FROM links WHERE origin = 'detector';
