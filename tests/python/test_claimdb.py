"""The Python module against the real library and the real command line."""

import json
import os
import subprocess
import sys
import tempfile
import threading
import unittest

import claimdb

SOURCE = os.environ["CLAIMDB_SOURCE"]
BINARY = os.environ["CLAIMDB_BINARY"]
SEED = [os.path.join(SOURCE, "fixtures/kyiv-strike/article.json"),
        os.path.join(SOURCE, "fixtures/kyiv-strike/synthetic-counter-accounts.json")]
EVENT = "kyiv-strike-2025-12"


def cli_json(db_path, *args):
    out = subprocess.run([BINARY, "--db", db_path, *args, "--format", "json"],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def port_strike(db):
    db.import_records({
        "sources": [{"id": "authority", "name": "Harbour Authority", "kind": "government"},
                    {"id": "union", "name": "Dockers' Union", "kind": "organisation"}],
        "entities": [{"id": "port-strike", "name": "Port strike", "kind": "event"}],
        "properties": [{"id": "ships_waiting", "value_type": "quantity", "unit": "ship"}],
    })


class SeedDatabase(unittest.TestCase):
    """The seed fixture in a file, read through Python and through the CLI."""

    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.TemporaryDirectory()
        cls.path = os.path.join(cls.dir.name, "seed.db")
        with claimdb.open(cls.path) as db:
            summary = db.import_files(SEED)
        cls.summary = summary
        cls.db = claimdb.open(cls.path, read_only=True)

    @classmethod
    def tearDownClass(cls):
        cls.db.close()
        cls.dir.cleanup()

    def test_import_files_returns_the_counts(self):
        self.assertGreater(self.summary["claims"], 40)
        self.assertGreater(self.summary["conflicts"], 0)
        self.assertEqual(self.db.sql("SELECT count(*) AS n FROM claims")[0]["n"], self.summary["claims"])

    def test_conflicts_are_the_cli_json(self):
        mine = self.db.conflicts(about=EVENT)
        self.assertTrue(mine)
        self.assertEqual(mine, cli_json(self.path, "conflicts", "--about", EVENT))
        everything = self.db.conflicts(all=True)
        self.assertEqual(everything, cli_json(self.path, "conflicts", "--all"))
        self.assertGreater(len(everything), len(mine))
        for c in mine:
            self.assertEqual(c["kind"], "contradicts")
            self.assertTrue(c["explanation"])

    def test_claims_disputes_camps_why_are_the_cli_json(self):
        self.assertEqual(self.db.claims(about=EVENT), cli_json(self.path, "claims", "--about", EVENT))
        self.assertEqual(self.db.disputes(about=EVENT), cli_json(self.path, "disputes", "--about", EVENT))
        self.assertEqual(self.db.camps(about=EVENT), cli_json(self.path, "camps", "--about", EVENT))
        first = self.db.conflicts(about=EVENT)[0]
        self.assertEqual(self.db.why(first["a"], first["b"]),
                         cli_json(self.path, "why", first["a"], first["b"]))

    def test_truth_and_trust_are_the_cli_json(self):
        answers = self.db.truth(about=EVENT)
        self.assertTrue(answers)
        self.assertEqual(answers, cli_json(self.path, "truth", "--about", EVENT))
        self.assertEqual(self.db.truth(method="vote"), cli_json(self.path, "truth", "--method", "vote"))
        self.assertEqual(self.db.trust(), cli_json(self.path, "trust"))
        for a in answers:
            self.assertGreaterEqual(a["confidence"], 0)
            self.assertLessEqual(a["confidence"], 1)
            self.assertTrue(a["explanation"])
        with self.assertRaises(claimdb.Error) as caught:
            self.db.truth(method="oracle")
        self.assertEqual(caught.exception.code, "bad_input")
        with self.assertRaises(claimdb.Error) as caught:
            self.db.truth(priors={"nobody": 0.9})
        self.assertEqual(caught.exception.code, "not_found")

    def test_query_language_and_sql(self):
        rows = self.db.query('search "heating"')
        self.assertTrue(rows)
        self.assertEqual(list(rows[0].keys()), ["type", "id", "source", "text"])
        self.assertIn("[heating]", rows[0]["text"].lower())
        n = self.db.sql("SELECT count(*) AS n FROM sources")[0]["n"]
        self.assertIsInstance(n, int)

    def test_graph_is_a_networkx_graph(self):
        import networkx
        g = self.db.graph(about=EVENT)
        self.assertIsInstance(g, networkx.MultiDiGraph)
        claims = self.db.claims(about=EVENT)
        self.assertEqual(g.number_of_nodes(), len(claims))
        contradictions = [e for e in g.edges(data=True) if e[2]["kind"] == "contradicts"]
        self.assertEqual(len(contradictions), len(self.db.conflicts(about=EVENT)))
        node = g.nodes[claims[0]["id"]]
        self.assertEqual(node["claimant"], claims[0]["claimant"])

    def test_one_database_shared_by_threads(self):
        expected = self.db.conflicts(all=True)
        results = [None] * 4

        def work(i):
            results[i] = self.db.conflicts(all=True)

        threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(results, [expected] * 4)


class Writing(unittest.TestCase):

    def test_records_from_python_and_a_conflict_as_the_second_claim_lands(self):
        db = claimdb.open()
        port_strike(db)
        db.add_claim(id="a1", claimant="authority", entity="port-strike", property="ships_waiting",
                     value="about 12", quote="About 12 ships are waiting.")
        self.assertEqual(db.conflicts(), [])
        self.assertEqual(db.add_claim(id="u1", claimant="union", entity="port-strike",
                                      property="ships_waiting", value="more than 40"), "u1")
        found = db.conflicts(about="port-strike")
        self.assertEqual([(c["a"], c["b"]) for c in found], [("a1", "u1")])
        self.assertEqual(found[0]["interval_b"]["lo"], 40.0)
        self.assertTrue(found[0]["interval_b"]["lo_open"])
        self.assertIsNone(found[0]["interval_b"]["hi"])
        self.assertIn('authority: "about 12"', found[0]["explanation"])

    def test_bad_input_is_a_claimdb_error_with_its_place_and_changes_nothing(self):
        db = claimdb.open()
        port_strike(db)
        before = db.export_json()
        with self.assertRaises(claimdb.Error) as caught:
            db.import_records({"claims": [
                {"id": "ok", "claimant": "union", "entity": "port-strike", "property": "ships_waiting",
                 "value": "40"},
                {"id": "bad", "claimant": "union", "entity": "port-strike", "property": "ships_waiting",
                 "value": "40", "polarity": "perhaps"}]}, name="edits.json")
        e = caught.exception
        self.assertEqual(e.code, "bad_input")
        self.assertEqual(e.file, "edits.json")
        self.assertEqual(e.json_path, "/claims/1/polarity")
        self.assertEqual(e.field, "polarity")
        self.assertIn("polarity", str(e))
        self.assertEqual(db.export_json(), before)

        with self.assertRaises(claimdb.Error) as caught:
            db.add_claim(id="x", claimant="nobody", entity="port-strike", property="ships_waiting",
                         value="3")
        self.assertEqual(caught.exception.code, "not_found")
        with self.assertRaises(claimdb.Error) as caught:
            db.query("claims abuot port-strike")
        self.assertEqual(caught.exception.code, "bad_input")
        self.assertEqual(caught.exception.column, 8)
        self.assertEqual(db.export_json(), before)

    def test_read_only_is_enforced_by_sqlite(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "x.db")
            with claimdb.open(path) as db:
                port_strike(db)
            with claimdb.open(path, read_only=True) as db:
                with self.assertRaises(claimdb.Error) as caught:
                    db.add("source", id="s2", name="S2", kind="person")
                self.assertEqual(caught.exception.code, "read_only")
            with self.assertRaises(claimdb.Error) as caught:
                claimdb.open(os.path.join(d, "missing.db"), create=False)
            self.assertEqual(caught.exception.code, "io")

    def test_every_call_refuses_bad_input_with_a_claimdb_error_and_its_code(self):
        db = claimdb.open()
        db.import_files(SEED)
        before = db.export_json()
        cases = [
            ("io", lambda: claimdb.open("/nonexistent-folder/x.db")),
            ("io", lambda: db.import_files(["/nonexistent-folder/story.json"])),
            ("bad_input", lambda: db.import_records({"claims": [{"id": "x"}]})),
            ("duplicate", lambda: db.add("entity", id=EVENT, name="Another name", kind="event")),
            ("not_found", lambda: db.add_claim(id="y", claimant="nobody", entity=EVENT,
                                               property="deaths", value="3")),
            ("not_found", lambda: db.conflicts(about="nowhere")),
            ("not_found", lambda: db.conflicts(source="nobody")),
            ("not_found", lambda: db.claims(about="nowhere")),
            ("not_found", lambda: db.why("no-such-claim", "art-deaths-1")),
            ("not_found", lambda: db.disputes(about="nowhere")),
            ("not_found", lambda: db.camps(about="nowhere")),
            ("not_found", lambda: db.graph(about="nowhere")),
            ("bad_input", lambda: db.query("claims abuot " + EVENT)),
            ("read_only", lambda: db.sql("DELETE FROM claims")),
        ]
        for code, call in cases:
            with self.assertRaises(claimdb.Error) as caught:
                call()
            self.assertEqual(caught.exception.code, code, str(caught.exception))
        self.assertEqual(db.export_json(), before)

    def test_a_closed_database_refuses_calls(self):
        db = claimdb.open()
        db.close()
        with self.assertRaises(claimdb.Error):
            db.claims()

    def test_the_gil_is_released_while_claimdb_waits_for_a_writer(self):
        # Another connection holds the write lock; an import in a thread has
        # to wait for it and says so through on_wait. Only when this thread
        # runs meanwhile (the import released the GIL) can it see that and
        # let go of the lock in time; were the GIL held, the import would
        # fail with "busy" after its 10 s.
        import sqlite3
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "x.db")
            with claimdb.open(path) as db:
                port_strike(db)
            waiting = threading.Event()
            db = claimdb.open(path, on_wait=waiting.set)
            blocker = sqlite3.connect(path, isolation_level=None)
            blocker.execute("BEGIN IMMEDIATE")
            result = {}

            def write():
                try:
                    result["summary"] = db.import_records(
                        {"sources": [{"id": "s3", "name": "S3", "kind": "person"}]})
                except Exception as e:  # checked below
                    result["error"] = e

            t = threading.Thread(target=write)
            t.start()
            self.assertTrue(waiting.wait(60))
            blocker.execute("ROLLBACK")
            blocker.close()
            t.join(60)
            self.assertFalse(t.is_alive())
            self.assertNotIn("error", result)
            self.assertEqual(result["summary"]["sources"], 1)
            db.close()

    def test_version(self):
        self.assertRegex(claimdb.version, r"^\d+\.\d+\.\d+$")
        out = subprocess.run([BINARY, "--version"], capture_output=True, text=True).stdout
        self.assertIn(claimdb.version, out)


class Documentation(unittest.TestCase):
    """The Python in docs/library.md and the notebook-style example run as shown."""

    def test_the_library_doc_python_example_runs(self):
        with open(os.path.join(SOURCE, "docs/library.md"), encoding="utf-8") as f:
            text = f.read()
        blocks = text.split("```python\n")[1:]
        self.assertTrue(blocks, "docs/library.md has no python example")
        for block in blocks:
            code = block.split("```", 1)[0]
            out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                 cwd=SOURCE, env=os.environ)
            self.assertEqual(out.returncode, 0, out.stderr)
            self.assertIn("disjoint", out.stdout)
            self.assertIn("refused:", out.stdout)

    def test_the_notebook_example_runs(self):
        out = subprocess.run([sys.executable, os.path.join(SOURCE, "python/examples/notebook.py")],
                             capture_output=True, text=True, cwd=SOURCE, env=os.environ)
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertRegex(out.stdout, r"imported 62 claims; \d+ conflicts found")
        self.assertIn("camp 1 :", out.stdout)
        self.assertRegex(out.stdout, r"\d+ claims, \d+ contradictions")


if __name__ == "__main__":
    unittest.main()
