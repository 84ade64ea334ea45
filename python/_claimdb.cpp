// claimdb._claimdb: the C++ library for Python (pybind11). The Python face
// is python/claimdb/__init__.py; this file turns the library's values into
// dicts and lists with the members of the command line's JSON, releases the
// GIL during every call that reads or writes the database, and raises
// claimdb.Error with the library's code and location.
#include <claimdb/claimdb.hpp>

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cmath>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace py = pybind11;

namespace {

// One Database and the lock that keeps Python threads from using its
// connection at once (the GIL is released while it works).
struct Handle {
  std::mutex lock;
  std::unique_ptr<claimdb::Database> db;
  py::object on_wait;  // called (with the GIL) when claimdb waits for another writer

  claimdb::Database& get() {
    if (!db) throw claimdb::Error(claimdb::ErrorCode::bad_input, "the database is closed");
    return *db;
  }
};

// Runs body with the GIL released and the handle locked.
template <typename Body>
auto unlocked(Handle& h, Body&& body) {
  py::gil_scoped_release free_python;
  std::lock_guard<std::mutex> only_one(h.lock);
  return body(h.get());
}

PyObject* error_type = nullptr;

py::object optional_number(const std::optional<double>& x) {
  return x ? py::object(py::float_(*x)) : py::object(py::none());
}

py::object interval_dict(const std::optional<claimdb::Interval>& interval) {
  if (!interval) return py::none();
  py::dict out;
  out["lo"] = optional_number(interval->lo);
  out["hi"] = optional_number(interval->hi);
  out["lo_open"] = interval->lo_open;
  out["hi_open"] = interval->hi_open;
  out["text"] = claimdb::format_interval(*interval);
  return std::move(out);
}

// As `claimdb conflicts --format json`.
py::dict conflict_dict(const claimdb::Conflict& c) {
  py::dict row;
  row["a"] = c.a;
  row["b"] = c.b;
  row["kind"] = c.kind;
  row["relation"] = c.relation;
  row["severity"] = c.severity;
  row["entity"] = c.entity;
  row["property_a"] = c.property;
  row["property_b"] = c.property_b;
  row["claimant_a"] = c.claimant_a;
  row["claimant_b"] = c.claimant_b;
  row["phrase_a"] = c.phrase_a;
  row["phrase_b"] = c.phrase_b;
  row["interval_a"] = interval_dict(c.interval_a);
  row["interval_b"] = interval_dict(c.interval_b);
  row["unit_a"] = c.unit_a;
  row["unit_b"] = c.unit_b;
  row["origin"] = c.origin;
  row["explanation"] = c.explanation;
  return row;
}

// As `claimdb claims --format json`.
py::dict claim_dict(const claimdb::Claim& c) {
  py::dict row;
  row["id"] = c.id;
  row["claimant"] = c.claimant;
  row["entity"] = c.entity;
  row["property"] = c.property;
  row["value"] = c.value.phrase;
  row["interval"] = c.value.interval ? claimdb::format_interval(*c.value.interval) : std::string();
  row["unit"] = c.value.unit;
  row["polarity"] = c.polarity == claimdb::Polarity::denies ? "denies" : "asserts";
  row["place"] = c.place;
  row["as_of"] = c.as_of;
  row["report"] = c.report;
  row["supersedes"] = c.supersedes;
  row["quote"] = c.quote;
  return row;
}

py::list strings(const std::vector<std::string>& items) {
  py::list out;
  for (const auto& item : items) out.append(item);
  return out;
}

py::object cell(const claimdb::Cell& c) {
  switch (c.index()) {
    case 1: return py::int_(std::get<std::int64_t>(c));
    case 2: return py::float_(std::get<double>(c));
    case 3: return py::str(std::get<std::string>(c));
    default: return py::none();
  }
}

// A query's rows as dicts keyed by column, in column order.
py::list rows(const claimdb::QueryResult& result) {
  py::list out;
  for (const auto& row : result.rows) {
    py::dict d;
    for (std::size_t i = 0; i < row.size(); ++i) d[py::str(result.columns[i])] = cell(row[i]);
    out.append(std::move(d));
  }
  return out;
}

py::dict import_summary(const claimdb::ImportSummary& s) {
  py::dict d;
  d["sources"] = s.sources;
  d["reports"] = s.reports;
  d["entities"] = s.entities;
  d["properties"] = s.properties;
  d["claims"] = s.claims;
  d["links"] = s.links;
  d["reviews"] = s.reviews;
  d["retractions"] = s.retractions;
  d["detected"] = s.detected;
  d["conflicts"] = s.conflicts;
  d["seconds"] = s.seconds;
  return d;
}

double rounded(double x) { return std::round(x * 10000) / 10000; }

claimdb::TruthResult weigh(Handle& h, const std::string& about, const std::string& property,
                           const std::string& method, const std::map<std::string, double>& priors) {
  claimdb::TruthOptions options;
  options.entity = about;
  options.property = property;
  options.method = method;
  options.priors = priors;
  return unlocked(h, [&](claimdb::Database& db) { return claimdb::discover_truth(db, options); });
}

// As `claimdb truth --format json`.
py::dict truth_dict(const claimdb::TruthAnswer& a) {
  py::dict row;
  row["entity"] = a.entity;
  row["property"] = a.property;
  row["place"] = a.place;
  row["valid_from"] = a.valid_from;
  row["valid_to"] = a.valid_to;
  if (a.value_type == claimdb::ValueType::quantity) {
    py::dict v;
    const auto& i = a.value.interval;
    v["phrase"] = a.value.phrase;
    v["lo"] = i && i->lo ? py::object(py::float_(*i->lo)) : py::object(py::none());
    v["hi"] = i && i->hi ? py::object(py::float_(*i->hi)) : py::object(py::none());
    v["lo_open"] = i ? i->lo_open : false;
    v["hi_open"] = i ? i->hi_open : false;
    v["unit"] = a.value.unit;
    row["value"] = v;
  } else {
    row["value"] = a.value.phrase;
  }
  row["confidence"] = rounded(a.confidence);
  row["claims"] = strings(a.claims);
  row["sources"] = strings(a.sources);
  row["dissent"] = strings(a.dissent);
  row["dissent_sources"] = strings(a.dissent_sources);
  row["margin"] = a.margin;
  row["independent_origins"] = a.independent_origins;
  row["alternatives"] = a.alternatives;
  row["reviewed"] = a.reviewed;
  row["method"] = a.method;
  row["explanation"] = a.explanation;
  return row;
}

claimdb::ClaimGraph load_graph(Handle& h, const std::string& about) {
  return unlocked(h, [&](claimdb::Database& db) {
    claimdb::GraphScope scope;
    scope.entity = about;
    return claimdb::ClaimGraph::load(db, scope);
  });
}

}  // namespace

PYBIND11_MODULE(_claimdb, m) {
  m.doc() = "claimdb's C++ library; use the claimdb package";
  m.attr("version") = claimdb::version();

  error_type = PyErr_NewExceptionWithDoc(
      "claimdb.Error",
      "A claimdb failure: .code ('bad_input', 'not_found', ...), .message, and where the bad input "
      "was: .file, .line, .column, .json_path, .field (empty or 0 when unknown).",
      PyExc_Exception, nullptr);
  m.attr("Error") = py::handle(error_type);
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const claimdb::Error& e) {
      py::object type = py::reinterpret_borrow<py::object>(error_type);
      py::object error = type(py::str(e.what()));
      error.attr("code") = claimdb::to_string(e.code());
      error.attr("message") = e.message();
      error.attr("file") = e.location().file;
      error.attr("line") = e.location().line;
      error.attr("column") = e.location().column;
      error.attr("json_path") = e.location().json_path;
      error.attr("field") = e.location().field;
      PyErr_SetObject(error_type, error.ptr());
    }
  });

  py::class_<Handle>(m, "Database")
      .def_static(
          "open",
          [](const std::string& path, bool read_only, bool create, py::object on_wait) {
            auto h = std::make_unique<Handle>();
            claimdb::Options options;
            options.read_only = read_only;
            options.create_if_missing = create;
            if (!on_wait.is_none()) {
              h->on_wait = std::move(on_wait);
              const py::object* callback = &h->on_wait;  // lives as long as the handle
              options.on_wait = [callback] {
                py::gil_scoped_acquire with_python;
                try {
                  (*callback)();
                } catch (py::error_already_set& e) {
                  e.discard_as_unraisable("claimdb on_wait callback");
                }
              };
            }
            py::gil_scoped_release free_python;
            h->db = std::make_unique<claimdb::Database>(claimdb::Database::open(path, options));
            return h;
          },
          py::arg("path"), py::arg("read_only") = false, py::arg("create") = true,
          py::arg("on_wait") = py::none())
      .def("close",
           [](Handle& h) {
             py::gil_scoped_release free_python;
             std::lock_guard<std::mutex> only_one(h.lock);
             h.db.reset();
           })
      .def_property_readonly("path", [](Handle& h) { return h.get().path(); })
      .def_property_readonly("schema_version", [](Handle& h) { return h.get().schema_version(); })
      .def(
          "import_files",
          [](Handle& h, const std::vector<std::string>& paths, bool detect) {
            claimdb::ImportOptions options;
            options.detect = detect;
            return import_summary(
                unlocked(h, [&](claimdb::Database& db) { return claimdb::import_files(db, paths, options); }));
          },
          py::arg("paths"), py::arg("detect") = true)
      .def(
          "import_text",
          [](Handle& h, const std::string& text, const std::string& name, bool json_lines, bool detect) {
            claimdb::ImportOptions options;
            options.detect = detect;
            return import_summary(unlocked(h, [&](claimdb::Database& db) {
              return claimdb::import_text(db, text, name, json_lines, options);
            }));
          },
          py::arg("text"), py::arg("name"), py::arg("json_lines") = false, py::arg("detect") = true)
      .def("detect",
           [](Handle& h) {
             const auto s = unlocked(h, [](claimdb::Database& db) { return claimdb::detect_all(db); });
             py::dict d;
             d["groups"] = s.groups;
             d["claims"] = s.claims;
             d["links"] = s.links;
             d["contradictions"] = s.contradictions;
             d["removed"] = s.removed;
             d["seconds"] = s.seconds;
             return d;
           })
      .def(
          "conflicts",
          [](Handle& h, const std::string& about, const std::string& property, const std::string& source,
             const std::string& kind, double min_severity, bool all) {
            claimdb::ConflictFilter f;
            f.entity = about;
            f.property = property;
            f.source = source;
            f.kind = kind;
            f.min_severity = min_severity;
            f.include_non_conflicts = all;
            const auto found = unlocked(h, [&](claimdb::Database& db) { return claimdb::list_conflicts(db, f); });
            py::list out;
            for (const auto& c : found) out.append(conflict_dict(c));
            return out;
          },
          py::arg("about") = "", py::arg("property") = "", py::arg("source") = "", py::arg("kind") = "",
          py::arg("min_severity") = 0.0, py::arg("all") = false)
      .def(
          "why",
          [](Handle& h, const std::string& a, const std::string& b) {
            const auto r = unlocked(h, [&](claimdb::Database& db) { return claimdb::explain_pair(db, a, b); });
            py::dict row;
            row["a"] = r.a;
            row["b"] = r.b;
            row["comparable"] = r.comparable;
            row["kind"] = r.kind;
            row["relation"] = r.relation;
            row["severity"] = r.severity;
            row["explanation"] = r.explanation;
            return row;
          },
          py::arg("a"), py::arg("b"))
      .def(
          "claims",
          [](Handle& h, const std::string& about, const std::string& property, const std::string& by,
             const std::string& report, std::int64_t limit) {
            claimdb::ClaimFilter f;
            f.entity = about;
            f.property = property;
            f.claimant = by;
            f.report = report;
            f.limit = limit;
            const auto found = unlocked(h, [&](claimdb::Database& db) { return db.list_claims(f); });
            py::list out;
            for (const auto& c : found) out.append(claim_dict(c));
            return out;
          },
          py::arg("about") = "", py::arg("property") = "", py::arg("by") = "", py::arg("report") = "",
          py::arg("limit") = 0)
      .def(
          "disputes",
          [](Handle& h, const std::string& about, bool all) {
            const claimdb::ClaimGraph graph = load_graph(h, about);
            std::vector<claimdb::Dispute> found;
            {
              py::gil_scoped_release free_python;
              found = claimdb::find_disputes(graph, all);
            }
            py::list out;
            int number = 0;
            for (const auto& d : found) {
              py::dict row;
              row["dispute"] = ++number;
              row["entity"] = d.entities.front();
              row["entities"] = strings(d.entities);
              row["properties"] = strings(d.properties);
              row["claims"] = strings(d.claims);
              row["sources"] = strings(d.sources);
              row["links"] = d.links;
              row["contradictions"] = d.contradictions;
              out.append(std::move(row));
            }
            return out;
          },
          py::arg("about") = "", py::arg("all") = false)
      .def(
          "camps",
          [](Handle& h, const std::string& about) {
            const claimdb::ClaimGraph graph = load_graph(h, about);
            std::vector<claimdb::DisputeCamps> found;
            {
              py::gil_scoped_release free_python;
              found = claimdb::find_camps(graph);
            }
            py::list out;
            int number = 0;
            for (const auto& d : found) {
              py::dict row;
              row["dispute"] = ++number;
              row["entity"] = d.dispute.entities.front();
              row["properties"] = strings(d.dispute.properties);
              row["balanced"] = d.balanced;
              py::list camps, camp_sources;
              for (const auto& camp : d.camps) {
                camps.append(strings(camp.claims));
                camp_sources.append(strings(camp.sources));
              }
              row["camps"] = camps;
              row["camp_sources"] = camp_sources;
              row["outside"] = strings(d.outside);
              row["cycle"] = strings(d.cycle);
              row["cycle_links"] = strings(d.cycle_links);
              out.append(std::move(row));
            }
            return out;
          },
          py::arg("about") = "")
      .def(
          "picture",
          [](Handle& h, const std::string& about, bool include_isolated) {
            const claimdb::ClaimGraph graph = load_graph(h, about);
            claimdb::Picture picture;
            {
              py::gil_scoped_release free_python;
              picture = claimdb::draw(graph, include_isolated);
            }
            py::list nodes, edges;
            for (const auto& n : picture.nodes) {
              py::dict node;
              node["claim"] = n.claim;
              node["claimant"] = n.claimant;
              node["entity"] = n.entity;
              node["property"] = n.property;
              node["phrase"] = n.phrase;
              node["dispute"] = n.dispute;
              node["camp"] = n.camp;
              node["on_cycle"] = n.on_cycle;
              node["status"] = claimdb::to_string(n.status);
              node["retracted"] = n.retracted;
              node["superseded"] = n.superseded;
              nodes.append(std::move(node));
            }
            for (const auto& e : picture.edges) {
              py::dict edge;
              edge["link"] = e.link;
              edge["from"] = e.from;
              edge["to"] = e.to;
              edge["kind"] = e.kind;
              edge["origin"] = e.origin;
              edges.append(std::move(edge));
            }
            return py::make_tuple(nodes, edges);
          },
          py::arg("about") = "", py::arg("include_isolated") = true)
      .def(
          "truth",
          [](Handle& h, const std::string& about, const std::string& property, const std::string& method,
             const std::map<std::string, double>& priors) {
            const claimdb::TruthResult result = weigh(h, about, property, method, priors);
            py::list out;
            for (const auto& a : result.answers) out.append(truth_dict(a));
            return out;
          },
          py::arg("about") = "", py::arg("property") = "", py::arg("method") = "",
          py::arg("priors") = std::map<std::string, double>{})
      .def(
          "trust",
          [](Handle& h, const std::string& about, const std::string& property, const std::string& method,
             const std::map<std::string, double>& priors) {
            const claimdb::TruthResult result = weigh(h, about, property, method, priors);
            py::list out;
            for (const auto& s : result.sources) {
              py::dict row;
              row["source"] = s.source;
              row["reliability"] = rounded(s.reliability);
              row["claims"] = s.claims;
              row["agreed"] = s.agreed;
              row["copies"] = strings(s.copies);
              row["method"] = result.method;
              out.append(std::move(row));
            }
            return out;
          },
          py::arg("about") = "", py::arg("property") = "", py::arg("method") = "",
          py::arg("priors") = std::map<std::string, double>{})
      .def(
          "query",
          [](Handle& h, const std::string& text) {
            return rows(unlocked(h, [&](claimdb::Database& db) { return claimdb::query(db, text); }));
          },
          py::arg("text"))
      .def(
          "sql",
          [](Handle& h, const std::string& text) {
            return rows(unlocked(h, [&](claimdb::Database& db) { return claimdb::query_sql(db, text); }));
          },
          py::arg("text"))
      .def(
          "export_json",
          [](Handle& h, bool json_lines) {
            return unlocked(h, [&](claimdb::Database& db) {
              std::ostringstream out;
              if (json_lines) claimdb::export_jsonl(db, out);
              else claimdb::export_json(db, out);
              return out.str();
            });
          },
          py::arg("json_lines") = false);
}
