# %% [markdown]
# # Conflicting accounts of one night, from Python
#
# A notebook-style walk through claimdb: load the Kyiv strike fixture, list the
# contradictions with their explanations, see the two camps of each dispute,
# and turn the claim graph into a networkx graph. Run it as a script
# (`python3 python/examples/notebook.py`, with the built module on PYTHONPATH)
# or cell by cell in an editor that knows `# %%` cells.

# %%
import os
import sys

import claimdb

here = os.path.dirname(os.path.abspath(__file__))
root = os.environ.get("CLAIMDB_SOURCE", os.path.join(here, "..", ".."))
db = claimdb.open()  # in memory
summary = db.import_files([os.path.join(root, "fixtures/kyiv-strike/article.json"),
                           os.path.join(root, "fixtures/kyiv-strike/synthetic-counter-accounts.json")])
print("imported", summary["claims"], "claims;", summary["conflicts"], "conflicts found")

# %% [markdown]
# ## The contradictions, most severe first

# %%
conflicts = sorted(db.conflicts(), key=lambda c: -c["severity"])
for c in conflicts[:5]:
    print("%.2f  %s vs %s: %s" % (c["severity"], c["claimant_a"], c["claimant_b"], c["explanation"]))

# %% [markdown]
# ## Who sides with whom

# %%
for d in db.camps(about="kyiv-strike-2025-12"):
    if d["balanced"]:
        print("dispute", d["dispute"], "on", ", ".join(d["properties"]))
        for i, sources in enumerate(d["camp_sources"], 1):
            print("  camp", i, ":", ", ".join(sources))

# %% [markdown]
# ## The graph in networkx

# %%
try:
    import networkx
except ImportError:
    sys.exit("networkx is not installed (Debian: python3-networkx); the rest needs it")
g = db.graph(about="kyiv-strike-2025-12")
contradictions = [(a, b) for a, b, kind in g.edges(data="kind") if kind == "contradicts"]
print(g.number_of_nodes(), "claims,", len(contradictions), "contradictions")
most = max(g.nodes, key=lambda n: sum(1 for _, _, k in g.edges(n, data="kind") if k == "contradicts")
           + sum(1 for _, _, k in g.in_edges(n, data="kind") if k == "contradicts"))
print("most contradicted claim:", most, "by", g.nodes[most]["claimant"], "-", g.nodes[most]["phrase"])
