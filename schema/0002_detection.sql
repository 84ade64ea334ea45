-- claimdb schema, version 2: what the conflict detector records.
-- The detector writes links with origin = 'detector' (derived data, deleted
-- and recomputed; see the links_no_delete trigger in 0001). Each carries
-- the kind (contradicts, supports, or a labelled non-conflict: update,
-- scope, echo), a severity for contradictions and a short relation label.

-- How strongly two claims conflict: the gap between their values relative
-- to the larger magnitude (0..1); 1 for category and polarity conflicts.
-- NULL for analyst links and for links that are not contradictions.
ALTER TABLE links ADD COLUMN severity REAL;
-- A short label of the rule that made the link: "disjoint", "different values",
-- "rising total", "part exceeds whole", "constraint <=", "same claimant", ...
ALTER TABLE links ADD COLUMN relation TEXT;

-- A claim's detector links (deleted when its group is recomputed) are found
-- through links_from and links_to of 0001: no further index to maintain for
-- every link the detector writes.
-- Listing conflicts by kind.
CREATE INDEX links_kind ON links(kind, origin);
