-- claimdb schema, version 6: near misses and the claims detection could not
-- compare.
--
-- A sixth kind of detector link, `tension`: two vague figures whose intervals
-- miss each other by less than their own vagueness ("about 500" against
-- "nearly 450"). Not a contradiction; listed with the non-conflicts.
--
-- And one row per claim that detection could not compare with one or more
-- claims of its (entity, property) group, with the reason, so that nothing
-- is left out silently: the import summary counts them, `conflicts --all`
-- lists them and `check` reports them. Derived data, like detector_links:
-- deleted and recomputed with the claim's group, never exported.

INSERT INTO link_kinds (code, name) VALUES (6, 'tension');

-- detector_links again, its kind check widened to the new code; the rows are
-- kept (they are derived, but a database need not be re-detected to upgrade).
CREATE TABLE detector_links_v4 (
  from_claim INTEGER NOT NULL,
  to_claim   INTEGER NOT NULL,
  kind       INTEGER NOT NULL CHECK (kind BETWEEN 1 AND 6),
  severity   REAL,
  PRIMARY KEY (from_claim, to_claim),
  CHECK (from_claim < to_claim)
) WITHOUT ROWID;
INSERT INTO detector_links_v4 (from_claim, to_claim, kind, severity)
  SELECT from_claim, to_claim, kind, severity FROM detector_links ORDER BY 1, 2;
DROP TABLE detector_links;
ALTER TABLE detector_links_v4 RENAME TO detector_links;
CREATE INDEX detector_links_to ON detector_links(to_claim);

-- Why a claim was not compared: 1 different units (the units measure
-- different things), 2 unreadable (a quantity phrase with no interval),
-- 3 denied figure (a denied quantity is not compared automatically), 4 group
-- too large (a group of more claims than the detector's window compares each
-- claim only with the 2000 claims recorded before and after it).
-- `other` is the first claim of the group it could not be compared with,
-- `count` how many of them there were.
CREATE TABLE detector_uncompared (
  claim  INTEGER PRIMARY KEY,
  reason INTEGER NOT NULL CHECK (reason BETWEEN 1 AND 4),
  other  INTEGER,
  count  INTEGER NOT NULL
);
