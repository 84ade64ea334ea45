"""claimdb for Python: who claimed what, where conflicting accounts meet, and why.

    import claimdb
    db = claimdb.open("claims.db")
    db.import_files(["story.json"])
    for c in db.conflicts(about="kyiv-strike-2025-12"):
        print(c["a"], c["b"], c["explanation"])

Every result is plain Python data (lists of dicts with the members of the
command line's JSON: docs/cli.md). Every failure is a claimdb.Error carrying
the library's code and, for bad input, where it was (file, line, column,
json_path, field). The GIL is released while claimdb reads or writes, and one
Database may be shared by threads (its calls take turns).
"""

import json as _json

from ._claimdb import Database as _Database
from ._claimdb import Error
from ._claimdb import version

__all__ = ["open", "Database", "Error", "version"]


class Database:
    """One claimdb database (a SQLite file, or ":memory:")."""

    def __init__(self, handle):
        self._db = handle

    # -- lifetime ---------------------------------------------------------
    def close(self):
        """Close the file; later calls raise claimdb.Error."""
        self._db.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    @property
    def path(self):
        return self._db.path

    @property
    def schema_version(self):
        return self._db.schema_version

    # -- writing ----------------------------------------------------------
    def import_files(self, paths, detect=True):
        """Import claimdb JSON (.json) or JSON Lines (.jsonl) files in one
        transaction; returns the counts of what was added."""
        if isinstance(paths, (str, bytes)):
            paths = [paths]
        return self._db.import_files([str(p) for p in paths], detect)

    def import_records(self, document, name="<records>", detect=True):
        """Import a document of the JSON format given as Python data: a dict
        with "sources", "entities", "properties", "reports", "claims", ...
        ("format" and "version" may be left out)."""
        if not isinstance(document, dict):
            raise TypeError("import_records takes a dict in claimdb's JSON format")
        document = dict(document)
        document.setdefault("format", "claimdb")
        document.setdefault("version", 1)
        return self._db.import_text(_json.dumps(document), name, False, detect)

    def add(self, record_type, /, **fields):
        """Add one record: record_type is "source", "entity", "property", "report",
        "claim", "link", "review" or "retraction"; fields are its JSON members.
        Returns the record's id (links and reviews: when given)."""
        plural = {"source": "sources", "entity": "entities", "property": "properties",
                  "report": "reports", "claim": "claims", "link": "links", "review": "reviews",
                  "retraction": "retractions"}
        if record_type not in plural:
            raise ValueError("unknown record type %r (one of %s)" % (record_type, ", ".join(plural)))
        self.import_records({plural[record_type]: [fields]}, name="<add %s>" % record_type)
        return fields.get("id", fields.get("claim"))

    def add_claim(self, **fields):
        """Add one claim (members as in the JSON format: id, claimant, entity,
        property, value, quote, report, place, ...); conflicts it takes part in
        are detected at once."""
        return self.add("claim", **fields)

    def detect(self):
        """Recompute every detector link; returns what was compared and found."""
        return self._db.detect()

    # -- reading ----------------------------------------------------------
    def claims(self, about="", property="", by="", report="", limit=0):
        return self._db.claims(about, property, by, report, limit)

    def conflicts(self, about="", property="", source="", kind="", min_severity=0.0, all=False):
        """Contradictions (all=True: every detected relation) in the order of
        `claimdb conflicts`, each with its one-sentence explanation."""
        return self._db.conflicts(about, property, source, kind, min_severity, all)

    def why(self, a, b):
        """How two claims relate, and why, in one dict."""
        return self._db.why(a, b)

    def disputes(self, about="", all=False):
        return self._db.disputes(about, all)

    def camps(self, about=""):
        """The two camps of each balanced dispute, or the cycle that breaks it."""
        return self._db.camps(about)

    def truth(self, about="", property="", method="", priors=None):
        """The most likely value of each comparable group, with its confidence,
        support, dissent, independent origins and explanation (docs/truth.md);
        priors: {source id: seed reliability in (0, 1)}."""
        return self._db.truth(about, property, method, dict(priors or {}))

    def trust(self, about="", property="", method="", priors=None):
        """Each source's estimated reliability, the claims it rests on and the
        sources it appears to copy."""
        return self._db.trust(about, property, method, dict(priors or {}))

    def query(self, text):
        """A query of claimdb's query language (docs/query.md), rows as dicts."""
        return self._db.query(text)

    def sql(self, text):
        """One read-only SQL statement, rows as dicts."""
        return self._db.sql(text)

    def graph(self, about="", include_isolated=True):
        """The support/contradiction graph as a networkx.MultiDiGraph: one node
        per claim (claimant, entity, property, phrase, dispute, camp, status),
        one edge per link (kind, origin, link). Needs networkx."""
        try:
            import networkx
        except ImportError as e:
            raise ImportError("Database.graph needs networkx (Debian: python3-networkx)") from e
        nodes, edges = self._db.picture(about, include_isolated)
        g = networkx.MultiDiGraph()
        for n in nodes:
            g.add_node(n["claim"], **{k: v for k, v in n.items() if k != "claim"})
        for e in edges:
            g.add_edge(e["from"], e["to"], key=e["link"], kind=e["kind"], origin=e["origin"])
        return g

    def export_json(self):
        """The whole database as one JSON document (a str; stable bytes)."""
        return self._db.export_json(False)

    def export_jsonl(self):
        return self._db.export_json(True)


def open(path=":memory:", read_only=False, create=True, on_wait=None):
    """Open (or create) a database. read_only: opened read-only by SQLite.
    on_wait: called once, from the thread that waits, the first time this
    handle has to wait for another writer's lock (at most 10 s)."""
    return Database(_Database.open(str(path), read_only, create, on_wait))
