#include "site.hpp"

#include "../result_output.hpp"
#include "../rows.hpp"
#include "chart.hpp"
#include "html.hpp"
#include "programs.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <sstream>

namespace claimdb::cli::web {

// --- Links ------------------------------------------------------------------------

std::string Links::home() const { return files ? "index.html" : "/"; }
std::string Links::stylesheet() const { return files ? "style.css" : "/style.css"; }

std::string Links::entity(const std::string& id) const {
  if (!files) return "/entity/" + url_encode(id);
  return entities.count(id) ? "entity-" + file_slug(id) + ".html" : "";
}
std::string Links::source(const std::string& id) const {
  if (!files) return "/source/" + url_encode(id);
  return sources.count(id) ? "source-" + file_slug(id) + ".html" : "";
}
std::string Links::claim(const std::string& id) const {
  if (!files) return "/claim/" + url_encode(id);
  return claims.count(id) ? "claim-" + file_slug(id) + ".html" : "";
}
std::string Links::graph(const std::string& entity) const {
  return files ? "graph-" + file_slug(entity) + ".svg" : "/graph/" + url_encode(entity) + ".svg";
}
std::string Links::chart(const std::string& entity, const std::string& property) const {
  return files ? "chart-" + file_slug(entity) + "-" + file_slug(property) + ".svg"
               : "/chart.svg?entity=" + url_encode(entity) + "&property=" + url_encode(property);
}
std::string Links::json(const std::string& page) const {
  if (files) {
    const auto dot = page.rfind(".html");
    return dot == std::string::npos ? page : page.substr(0, dot) + ".json";
  }
  return page == "/" ? "/api/overview" : "/api" + page;
}

// --- Shared pieces ------------------------------------------------------------------

namespace {

std::string text(const Row& value) { return escape(cell_text(value)); }

// A link, or the text alone when there is no page to link to.
std::string link(const std::string& href, const std::string& label) {
  if (href.empty()) return escape(label);
  return "<a href=\"" + escape(href) + "\">" + escape(label) + "</a>";
}

std::string str(const Row& row, const char* member) {
  auto it = row.find(member);
  return it != row.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string document(const Links& links, const std::string& title, const std::string& json_href,
                     const std::string& body) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
      escape(title) + " · claimdb</title>\n<link rel=\"stylesheet\" href=\"" + escape(links.stylesheet()) +
      "\">\n</head>\n<body>\n<header><a class=\"brand\" href=\"" + escape(links.home()) + "\">claimdb</a>";
  if (!links.files)
    out += "<form class=\"search\" action=\"/search\" method=\"get\" role=\"search\">"
           "<input type=\"search\" name=\"q\" maxlength=\"200\" placeholder=\"search quotes and reports\" "
           "aria-label=\"search\"><button type=\"submit\">Search</button></form>";
  out += "</header>\n<main>\n" + body + "</main>\n<footer>";
  if (!json_href.empty()) out += "This page as JSON: " + link(json_href, json_href) + ". ";
  out += "Made by claimdb " + escape(version()) + ".</footer>\n</body>\n</html>\n";
  return out;
}

std::string severity_text(const Row& severity) {
  if (!severity.is_number()) return "";
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%.2f", severity.get<double>());
  return buffer;
}

// A table of conflicts (conflict_row JSON rows), each with its explanation.
std::string conflicts_table(const Links& links, const Row& rows, bool entity_column) {
  if (rows.empty()) return "<p class=\"none\">No conflicts.</p>\n";
  std::string out = "<table class=\"conflicts\">\n<thead><tr>";
  if (entity_column) out += "<th>entity</th>";
  out += "<th>property</th><th>one side</th><th>other side</th><th>kind</th><th>severity</th><th>why</th></tr></thead>\n<tbody>\n";
  for (const auto& c : rows) {
    out += "<tr>";
    if (entity_column) out += "<td>" + link(links.entity(str(c, "entity")), str(c, "entity")) + "</td>";
    auto side = [&](const char* claim, const char* claimant, const char* phrase) {
      return "<td>" + link(links.source(str(c, claimant)), str(c, claimant)) + ": “" +
             link(links.claim(str(c, claim)), str(c, phrase)) + "”</td>";
    };
    out += "<td>" + text(c["property_a"]) + "</td>" + side("a", "claimant_a", "phrase_a") +
           side("b", "claimant_b", "phrase_b") + "<td class=\"kind-" + escape(file_slug(str(c, "kind"))) + "\">" +
           text(c["kind"]) + "</td><td class=\"num\">" + escape(severity_text(c["severity"])) + "</td><td>" +
           text(c["explanation"]) + "</td></tr>\n";
  }
  return out + "</tbody></table>\n";
}

std::string claims_table(const Links& links, const Row& rows, bool entity_column, bool claimant_column) {
  if (rows.empty()) return "<p class=\"none\">No claims.</p>\n";
  std::string out = "<table class=\"claims\">\n<thead><tr><th>claim</th>";
  if (claimant_column) out += "<th>claimant</th>";
  if (entity_column) out += "<th>entity</th>";
  out += "<th>property</th><th>value</th><th>read as</th><th>place</th><th>quote</th></tr></thead>\n<tbody>\n";
  for (const auto& c : rows) {
    out += "<tr><td>" + link(links.claim(str(c, "id")), str(c, "id")) + "</td>";
    if (claimant_column) out += "<td>" + link(links.source(str(c, "claimant")), str(c, "claimant")) + "</td>";
    if (entity_column) out += "<td>" + link(links.entity(str(c, "entity")), str(c, "entity")) + "</td>";
    std::string value = escape(str(c, "value"));
    if (str(c, "polarity") == "denies") value = "<span class=\"denies\">denies</span> " + value;
    out += "<td>" + text(c["property"]) + "</td><td>" + value + "</td><td class=\"num\">" + text(c["interval"]) +
           (str(c, "unit").empty() ? "" : " " + text(c["unit"])) + "</td><td>" +
           link(links.entity(str(c, "place")), str(c, "place")) + "</td><td class=\"quote\">" +
           (str(c, "quote").empty() ? "" : "“" + text(c["quote"]) + "”") + "</td></tr>\n";
  }
  return out + "</tbody></table>\n";
}

std::string truncated_note(std::int64_t shown, std::int64_t total, const char* what) {
  if (shown >= total) return "";
  return "<p class=\"note\">The first " + std::to_string(shown) + " of " + std::to_string(total) + " " + what +
         " (a page lists at most " + std::to_string(shown) + ").</p>\n";
}

Row parse_record(const Database& db, const char* kind, const std::string& id) {
  return Row::parse(record_json(db, kind, id));
}

// Answers about one entity (all of them when entity is "").
std::vector<const TruthAnswer*> answers_about(const TruthCache& truth, const std::string& entity,
                                              const std::string& property = {}) {
  std::vector<const TruthAnswer*> out;
  for (const auto& a : truth.result.answers)
    if ((entity.empty() || a.entity == entity) && (property.empty() || a.property == property)) out.push_back(&a);
  return out;
}

}  // namespace

// --- Truth ---------------------------------------------------------------------------

TruthCache weigh_truth(const Database& db, const Limits& limits) {
  TruthCache cache;
  const std::int64_t claims = db.stats().claims;
  if (claims > limits.max_truth_claims) {
    cache.skipped = "truth is not weighed here for a database of " + std::to_string(claims) +
                    " claims (more than " + std::to_string(limits.max_truth_claims) +
                    "); `claimdb truth --about ENTITY` weighs it on the command line";
    return cache;
  }
  cache.result = discover_truth(db);
  cache.computed = true;
  return cache;
}

// --- Overview ------------------------------------------------------------------------

Page overview_page(const Database& db, const Links& links, const Limits& limits, const TruthCache& truth) {
  (void)truth;
  Page page;
  page.title = "Overview";
  const Stats s = db.stats();
  Row stats;
  stats["sources"] = s.sources;
  stats["reports"] = s.reports;
  stats["entities"] = s.entities;
  stats["properties"] = s.properties;
  stats["claims"] = s.claims;
  stats["links"] = s.links;
  stats["detector_links"] = s.detector_links;
  stats["reviews"] = s.reviews;
  stats["retractions"] = s.retractions;
  stats["supersessions"] = s.supersessions;
  stats["amendments"] = s.amendments;
  stats["schema_version"] = s.schema_version;
  stats["file_bytes"] = s.file_bytes;
  page.json["stats"] = stats;

  // Contradictions: the most severe, and the newest (by the later claim's recording).
  ConflictFilter filter;
  filter.kind = "contradicts";
  std::vector<Conflict> found = list_conflicts(db, filter);
  const std::size_t shown = std::min<std::size_t>(found.size(), 10);
  std::vector<const Conflict*> severe;
  for (const auto& c : found) severe.push_back(&c);
  std::stable_sort(severe.begin(), severe.end(), [](const Conflict* a, const Conflict* b) {
    return a->severity > b->severity;
  });
  severe.resize(std::min(severe.size(), shown));
  // Newest: the claims' recording times, looked up for the newest candidates only.
  std::vector<std::pair<std::string, const Conflict*>> newest;
  {
    std::map<std::string, std::string> recorded;
    auto when = [&](const std::string& id) -> const std::string& {
      auto it = recorded.find(id);
      if (it != recorded.end()) return it->second;
      auto c = db.find_claim(id);
      return recorded.emplace(id, c ? c->recorded_at : std::string()).first->second;
    };
    // Claim ids do not order by time, so every conflict is looked at; on a
    // large database that is a lookup per claim, once per overview.
    for (const auto& c : found) newest.emplace_back(std::max(when(c.a), when(c.b)), &c);
    std::stable_sort(newest.begin(), newest.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    newest.resize(std::min(newest.size(), shown));
  }
  page.json["contradictions"] = found.size();
  page.json["most_severe"] = Row::array();
  for (const auto* c : severe) page.json["most_severe"].push_back(conflict_row(*c, Format::json));
  page.json["newest"] = Row::array();
  for (const auto& [when, c] : newest) {
    Row row = conflict_row(*c, Format::json);
    row["recorded"] = when;
    page.json["newest"].push_back(row);
  }
  // Entities: those with the most contradictions first, then the rest by id.
  std::map<std::string, std::int64_t> per_entity;
  for (const auto& c : found) ++per_entity[c.entity];
  std::vector<Entity> entities = db.list_entities();
  std::stable_sort(entities.begin(), entities.end(), [&](const Entity& a, const Entity& b) {
    return per_entity[a.id] > per_entity[b.id];
  });
  page.json["entities"] = Row::array();
  for (const auto& e : entities) {
    if (static_cast<std::int64_t>(page.json["entities"].size()) >= limits.max_rows) break;
    Row row;
    row["id"] = e.id;
    row["name"] = e.name;
    row["kind"] = e.kind;
    row["contradictions"] = per_entity[e.id];
    page.json["entities"].push_back(row);
  }

  std::string body = "<h1>Overview</h1>\n<section class=\"counts\">";
  for (const char* k : {"claims", "sources", "entities", "reports", "reviews", "retractions"})
    body += "<div><b>" + text(stats[k]) + "</b> " + k + "</div>";
  body += "<div><b>" + std::to_string(found.size()) + "</b> contradictions</div></section>\n";
  body += "<h2>Most severe contradictions</h2>\n" + conflicts_table(links, page.json["most_severe"], true);
  body += "<h2>Newest contradictions</h2>\n" + conflicts_table(links, page.json["newest"], true);
  body += "<h2>Entities</h2>\n<table class=\"entities\"><thead><tr><th>entity</th><th>name</th><th>kind</th>"
          "<th>contradictions</th></tr></thead><tbody>\n";
  for (const auto& e : page.json["entities"])
    body += "<tr><td>" + link(links.entity(str(e, "id")), str(e, "id")) + "</td><td>" + text(e["name"]) +
            "</td><td>" + text(e["kind"]) + "</td><td class=\"num\">" + text(e["contradictions"]) + "</td></tr>\n";
  body += "</tbody></table>\n" +
          truncated_note(static_cast<std::int64_t>(page.json["entities"].size()),
                         static_cast<std::int64_t>(entities.size()), "entities");
  page.html = document(links, page.title, links.json(links.home()), body);
  return page;
}

// --- Entity --------------------------------------------------------------------------

Page entity_page(const Database& db, const Links& links, const Limits& limits, const TruthCache& truth,
                 const std::string& id) {
  if (!db.find_entity(id)) throw Error(ErrorCode::not_found, "unknown entity '" + id + "'");
  Page page;
  page.json["entity"] = parse_record(db, "entity", id);
  const Row entity = page.json["entity"];  // a copy: adding members moves them
  page.title = str(entity, "name").empty() ? id : str(entity, "name");

  const std::vector<Claim> claims = db.list_claims(ClaimFilter{id});
  page.json["claim_count"] = claims.size();
  page.json["claims"] = Row::array();
  std::vector<std::string> quantities;  // properties with a figure, for the charts
  for (const auto& c : claims) {
    if (static_cast<std::int64_t>(page.json["claims"].size()) < limits.max_rows)
      page.json["claims"].push_back(claim_row(c));
    if (c.value.interval && std::find(quantities.begin(), quantities.end(), c.property) == quantities.end())
      quantities.push_back(c.property);
  }
  std::sort(quantities.begin(), quantities.end());

  ConflictFilter filter;
  filter.entity = id;
  const std::vector<Conflict> conflicts = list_conflicts(db, filter);
  page.json["conflicts"] = Row::array();
  for (const auto& c : conflicts) {
    if (static_cast<std::int64_t>(page.json["conflicts"].size()) >= limits.max_rows) break;
    page.json["conflicts"].push_back(conflict_row(c, Format::json));
  }

  const ClaimGraph graph = ClaimGraph::load(db, GraphScope{id});
  const std::vector<DisputeCamps> camps = find_camps(graph);
  page.json["camps"] = Row::array();
  int number = 0;
  for (const auto& d : camps) page.json["camps"].push_back(camps_row(++number, d));

  page.json["truth"] = Row::array();
  for (const auto* a : answers_about(truth, id)) page.json["truth"].push_back(truth_row(*a, Format::json));
  page.json["truth_skipped"] = truth.skipped;
  page.json["charts"] = strings(quantities);

  // HTML.
  std::string body = "<h1>" + escape(page.title) + "</h1>\n<p class=\"meta\"><code>" + escape(id) + "</code>";
  if (!str(entity, "kind").empty()) body += " · " + text(entity["kind"]);
  if (!str(entity, "part_of").empty())
    body += " · part of " + link(links.entity(str(entity, "part_of")), str(entity, "part_of"));
  body += "</p>\n";
  if (entity.contains("aliases") && !entity["aliases"].empty())
    body += "<p class=\"meta\">Also called " + text(entity["aliases"]) + ".</p>\n";
  if (!str(entity, "description").empty()) body += "<p>" + text(entity["description"]) + "</p>\n";
  body += "<nav class=\"toc\"><a href=\"#figures\">Figures</a> <a href=\"#conflicts\">Conflicts</a> "
          "<a href=\"#camps\">Camps</a> <a href=\"#truth\">Most likely values</a> <a href=\"#claims\">Claims</a> "
          "<a href=\"#graph\">Graph</a></nav>\n";

  body += "<h2 id=\"figures\">Figures</h2>\n";
  if (quantities.empty()) body += "<p class=\"none\">No claim about it gives a figure.</p>\n";
  const Picture picture = draw(graph, true);
  for (const auto& property : quantities) {
    Chart chart = load_chart(db, id, property, ChartOptions{false, &picture, &conflicts});
    for (const auto* a : answers_about(truth, id, property)) {
      if (!a->value.interval || !a->valid_from.empty() || !a->valid_to.empty()) continue;
      char confidence[32];
      std::snprintf(confidence, sizeof confidence, "%.2f", a->confidence);
      chart.truth.push_back({a->place, *a->value.interval,
                             a->value.phrase + " (" + a->method + ", confidence " + confidence + ")"});
    }
    body += "<figure class=\"chart\">" + chart_svg(chart, [&](const std::string& c) { return escape(links.claim(c)); }) +
            "<figcaption>" + link(links.chart(id, property), "the chart alone (SVG)") + "</figcaption></figure>\n";
  }

  body += "<h2 id=\"conflicts\">Conflicts</h2>\n" + conflicts_table(links, page.json["conflicts"], false) +
          truncated_note(static_cast<std::int64_t>(page.json["conflicts"].size()),
                         static_cast<std::int64_t>(conflicts.size()), "conflicts");

  body += "<h2 id=\"camps\">Camps</h2>\n";
  if (camps.empty()) body += "<p class=\"none\">No disputes.</p>\n";
  number = 0;
  for (const auto& d : camps) {
    ++number;
    body += "<div class=\"dispute\"><h3>Dispute " + std::to_string(number) + ": " +
            escape(cell_text(strings(d.dispute.properties))) + "</h3>\n";
    if (d.balanced) {
      for (std::size_t k = 0; k < d.camps.size(); ++k) {
        body += "<p class=\"camp camp-" + std::to_string(k + 1) + "\"><b>Camp " + std::to_string(k + 1) + "</b>: ";
        for (std::size_t i = 0; i < d.camps[k].sources.size(); ++i)
          body += (i ? ", " : "") + link(links.source(d.camps[k].sources[i]), d.camps[k].sources[i]);
        body += " <span class=\"meta\">(" + std::to_string(d.camps[k].claims.size()) + " claims)</span></p>\n";
      }
      if (!d.outside.empty())
        body += "<p class=\"meta\">In neither camp: " + escape(cell_text(strings(d.outside))) + "</p>\n";
    } else {
      body += "<p>No split into two camps: these claims form a cycle with an odd number of contradictions: ";
      for (std::size_t i = 0; i < d.cycle.size(); ++i) body += (i ? " → " : "") + link(links.claim(d.cycle[i]), d.cycle[i]);
      body += "</p>\n";
    }
    body += "</div>\n";
  }

  body += "<h2 id=\"truth\">Most likely values</h2>\n";
  if (!truth.computed) {
    body += "<p class=\"note\">" + escape(truth.skipped) + ".</p>\n";
  } else if (page.json["truth"].empty()) {
    body += "<p class=\"none\">Nothing to weigh.</p>\n";
  } else {
    body += "<table class=\"truth\"><thead><tr><th>property</th><th>place</th><th>value</th><th>confidence</th>"
            "<th>origins</th><th>why</th></tr></thead><tbody>\n";
    for (const auto& a : page.json["truth"]) {
      const Row& v = a["value"];
      body += "<tr><td>" + text(a["property"]) + "</td><td>" + text(a["place"]) + "</td><td>" +
              escape(v.is_object() ? str(v, "phrase") : cell_text(v)) + "</td><td class=\"num\">" +
              escape(severity_text(a["confidence"])) + "</td><td class=\"num\">" + text(a["independent_origins"]) +
              "</td><td>" + text(a["explanation"]) + "</td></tr>\n";
    }
    body += "</tbody></table>\n";
  }

  body += "<h2 id=\"claims\">Claims</h2>\n" + claims_table(links, page.json["claims"], false, true) +
          truncated_note(static_cast<std::int64_t>(page.json["claims"].size()),
                         static_cast<std::int64_t>(claims.size()), "claims");
  body += "<h2 id=\"graph\">Graph</h2>\n";
  if (static_cast<std::int64_t>(claims.size()) > limits.max_graph)
    body += "<p class=\"note\">Too many claims (" + std::to_string(claims.size()) +
            ") to draw as one graph; the figures above show them all.</p>\n";
  else
    body += "<p><img class=\"graph\" src=\"" + escape(links.graph(id)) +
            "\" alt=\"The claim graph: claims as boxes, contradictions red, support green\"></p>\n";
  const std::string self = links.entity(id);
  page.html = document(links, page.title, links.json(self), body);
  return page;
}

// --- Source --------------------------------------------------------------------------

Page source_page(const Database& db, const Links& links, const Limits& limits, const TruthCache& truth,
                 const std::string& id, const std::string& scope) {
  if (!db.find_source(id)) throw Error(ErrorCode::not_found, "unknown source '" + id + "'");
  Page page;
  page.json["source"] = parse_record(db, "source", id);
  const Row source = page.json["source"];  // a copy: adding members moves them
  page.title = str(source, "name").empty() ? id : str(source, "name");
  ClaimFilter filter;
  filter.claimant = id;
  filter.entity = scope;
  const std::vector<Claim> claims = db.list_claims(filter);
  page.json["claim_count"] = claims.size();
  page.json["claims"] = Row::array();
  std::vector<std::string> entities;
  for (const auto& c : claims) {
    if (static_cast<std::int64_t>(page.json["claims"].size()) < limits.max_rows)
      page.json["claims"].push_back(claim_row(c));
    if (std::find(entities.begin(), entities.end(), c.entity) == entities.end()) entities.push_back(c.entity);
  }
  page.json["trust"] = nullptr;
  for (const auto& s : truth.result.sources)
    if (s.source == id) page.json["trust"] = trust_row(s, truth.result.method, Format::json);
  page.json["truth_skipped"] = truth.skipped;

  // Who it sides with: camps of the disputes about the entities it speaks on.
  std::map<std::string, std::pair<std::int64_t, std::int64_t>> sides;  // other -> together, opposed
  const std::size_t read = std::min<std::size_t>(entities.size(), std::size_t(limits.max_alignment_entities));
  for (std::size_t i = 0; i < read; ++i) {
    const ClaimGraph graph = ClaimGraph::load(db, GraphScope{entities[i]});
    for (const auto& a : source_camps(find_camps(graph))) {
      if (a.a != id && a.b != id) continue;
      auto& s = sides[a.a == id ? a.b : a.a];
      s.first += a.together;
      s.second += a.opposed;
    }
  }
  page.json["alignments"] = Row::array();
  for (const auto& [other, s] : sides) {
    SourceAlignment a{std::min(id, other), std::max(id, other), s.first, s.second};
    page.json["alignments"].push_back(alignment_row(a));
  }
  page.json["alignment_entities"] = read;

  std::string body = "<h1>" + escape(page.title) + "</h1>\n<p class=\"meta\"><code>" + escape(id) + "</code>";
  if (!str(source, "kind").empty()) body += " · " + text(source["kind"]);
  if (!str(source, "affiliation").empty()) body += " · side: " + text(source["affiliation"]);
  body += "</p>\n";
  if (!str(source, "description").empty()) body += "<p>" + text(source["description"]) + "</p>\n";
  body += "<h2>Reliability</h2>\n";
  if (page.json["trust"].is_null()) {
    body += "<p class=\"note\">" + escape(truth.computed ? "No estimate: none of its claims could be weighed"
                                                          : truth.skipped) + ".</p>\n";
  } else {
    const Row& t = page.json["trust"];
    body += "<p>Estimated reliability <b>" + escape(severity_text(t["reliability"])) + "</b> (" + text(t["method"]) +
            "): " + text(t["agreed"]) + " of " + text(t["claims"]) + " weighed claims agree with the most likely values.";
    if (!t["copies"].empty()) body += " It appears to copy " + text(t["copies"]) + ".";
    body += "</p>\n";
  }
  body += "<h2>Agrees and disagrees with</h2>\n";
  if (page.json["alignments"].empty()) {
    body += "<p class=\"none\">It meets no other source in a dispute.</p>\n";
  } else {
    body += "<table class=\"alignments\"><thead><tr><th>source</th><th>same camp</th><th>opposite camps</th></tr>"
            "</thead><tbody>\n";
    for (const auto& [other, s] : sides)
      body += "<tr><td>" + link(links.source(other), other) + "</td><td class=\"num\">" + std::to_string(s.first) +
              "</td><td class=\"num\">" + std::to_string(s.second) + "</td></tr>\n";
    body += "</tbody></table>\n";
    if (read < entities.size())
      body += "<p class=\"note\">Counted over the first " + std::to_string(read) + " of the " +
              std::to_string(entities.size()) + " entities it speaks about.</p>\n";
  }
  body += "<h2>Claims</h2>\n" + claims_table(links, page.json["claims"], true, false) +
          truncated_note(static_cast<std::int64_t>(page.json["claims"].size()),
                         static_cast<std::int64_t>(claims.size()), "claims");
  page.html = document(links, page.title, links.json(links.source(id)), body);
  return page;
}

// --- Claim ---------------------------------------------------------------------------

Page claim_page(const Database& db, const Links& links, const Limits& limits, const std::string& id) {
  const Claim claim = db.get_claim(id);
  Page page;
  page.title = "Claim " + id;
  page.json["claim"] = claim_row(claim);
  page.json["record"] = parse_record(db, "claim", id);
  page.json["history"] = Row::array();
  for (const auto& h : record_history(db, id)) {
    if (h.record != "claim") continue;
    page.json["history"].push_back(history_row(h));
  }
  ConflictFilter filter;
  filter.entity = claim.entity;
  filter.include_non_conflicts = true;
  page.json["links"] = Row::array();
  for (const auto& c : list_conflicts(db, filter)) {
    if (c.a != id && c.b != id) continue;
    if (static_cast<std::int64_t>(page.json["links"].size()) >= limits.max_rows) break;
    page.json["links"].push_back(conflict_row(c, Format::json));
  }
  page.json["reviews"] = Row::array();
  for (const auto& h : page.json["history"])
    if (str(h, "event") == "reviewed") page.json["reviews"].push_back(h);

  const Row c = page.json["claim"];

  std::string body = "<h1>" + link(links.source(claim.claimant), claim.claimant) + ": “" + escape(claim.value.phrase) +
                     "”</h1>\n<dl class=\"fields\">";
  auto field = [&](const char* name, const std::string& html) {
    if (!html.empty()) body += "<dt>" + std::string(name) + "</dt><dd>" + html + "</dd>";
  };
  field("claim", "<code>" + escape(id) + "</code>");
  field("about", link(links.entity(claim.entity), claim.entity));
  field("property", escape(claim.property));
  field("value", (claim.polarity == Polarity::denies ? "denies " : "") + escape(claim.value.phrase) +
                     (str(c, "interval").empty() ? "" : " (read as " + text(c["interval"]) +
                                                            (claim.value.unit.empty() ? "" : " " + escape(claim.value.unit)) + ")"));
  field("place", claim.place.empty() ? "" : link(links.entity(claim.place), claim.place));
  field("quote", claim.quote.empty() ? "" : "<blockquote>" + escape(claim.quote) + "</blockquote>");
  field("said", escape(claim.said_at));
  field("published", escape(claim.published_at));
  field("valid", claim.valid_from.empty() && claim.valid_to.empty()
                     ? ""
                     : escape(claim.valid_from) + " – " + escape(claim.valid_to));
  field("as of", escape(claim.as_of));
  field("corrects", claim.supersedes.empty() ? "" : link(links.claim(claim.supersedes), claim.supersedes));
  field("recorded", escape(claim.recorded_at));
  if (!claim.report.empty()) {
    std::string report = escape(claim.report);
    if (auto r = db.find_report(claim.report)) {
      const std::string href = safe_href(r->url);
      const std::string title = r->title.empty() ? r->id : r->title;
      report = href.empty() ? escape(title) + (r->url.empty() ? "" : " (" + escape(r->url) + ")")
                            : "<a href=\"" + href + "\" rel=\"nofollow noopener noreferrer\">" + escape(title) + "</a>";
      if (!r->publisher.empty()) report += ", " + link(links.source(r->publisher), r->publisher);
    }
    field("report", report);
  }

  body += "</dl>\n<h2>Links</h2>\n" + conflicts_table(links, page.json["links"], false);
  body += "<h2>Reviews</h2>\n";
  if (page.json["reviews"].empty()) body += "<p class=\"none\">No reviews.</p>\n";
  else {
    body += "<ul class=\"reviews\">";
    for (const auto& r : page.json["reviews"])
      body += "<li>" + text(r["by"]) + " (" + text(r["recorded"]) + "): " + text(r["detail"]) + "</li>";
    body += "</ul>\n";
  }
  body += "<h2>History</h2>\n<table class=\"history\"><thead><tr><th>recorded</th><th>event</th><th>record</th>"
          "<th>by</th><th>detail</th></tr></thead><tbody>\n";
  for (const auto& h : page.json["history"]) {
    const std::string other = str(h, "id");
    body += "<tr><td>" + text(h["recorded"]) + "</td><td>" + text(h["event"]) + "</td><td>" +
            (other != id && db.find_claim(other) ? link(links.claim(other), other) : escape(other)) +
            "</td><td>" + text(h["by"]) + "</td><td>" + text(h["detail"]) + "</td></tr>\n";
  }
  body += "</tbody></table>\n";
  page.html = document(links, page.title, links.json(links.claim(id)), body);
  return page;
}

// --- Search --------------------------------------------------------------------------

Page search_page(const Database& db, const Links& links, const Limits& limits, const std::string& words) {
  if (words.size() > limits.max_query)
    throw Error(ErrorCode::bad_input, "the search is " + std::to_string(words.size()) + " characters long; at most " +
                                          std::to_string(limits.max_query) + " are taken");
  Page page;
  page.title = words.empty() ? "Search" : "Search: " + words;
  page.json["query"] = words;
  page.json["results"] = Row::array();
  page.json["total"] = 0;
  page.json["total_is_lower_bound"] = false;
  // The words go into the query language as one string: quotes doubled, and
  // backslashes (which escape a quote there) read as blanks, which the search
  // ignores like any punctuation.
  std::string quoted;
  bool any_word = false;
  for (char ch : words) {
    if (ch == '"') quoted += "\"\"";
    else if (ch == '\\' || static_cast<unsigned char>(ch) < 0x20) quoted += ' ';
    else quoted += ch;
    if (std::isalnum(static_cast<unsigned char>(ch)) || static_cast<unsigned char>(ch) >= 0x80) any_word = true;
  }
  std::string body = "<h1>Search</h1>\n<form class=\"search-big\" action=\"/search\" method=\"get\">"
                     "<input type=\"search\" name=\"q\" maxlength=\"" + std::to_string(limits.max_query) +
                     "\" value=\"" + escape(words) + "\" aria-label=\"search\"><button type=\"submit\">Search</button></form>\n";
  if (any_word) {
    const QueryResult result =
        query(db, "search \"" + quoted + "\" limit " + std::to_string(limits.max_results));
    std::ostringstream json;
    print_result(result, Mode::json, json);
    page.json["results"] = Row::parse(json.str());
    page.json["total"] = result.total.value_or(static_cast<std::int64_t>(result.rows.size()));
    page.json["total_is_lower_bound"] = result.total_is_lower_bound;
    const Row& rows = page.json["results"];
    body += "<p class=\"meta\">" + std::to_string(rows.size()) + " of " +
            (result.total_is_lower_bound ? "more than " : "") + text(page.json["total"]) + " matches.</p>\n";
    if (!rows.empty()) {
      body += "<table class=\"results\"><thead><tr>";
      for (const auto& column : result.columns) body += "<th>" + escape(column) + "</th>";
      body += "</tr></thead><tbody>\n";
      for (const auto& row : rows) {
        body += "<tr>";
        for (const auto& column : result.columns) {
          const std::string value = cell_text(row[column]);
          std::string cell = escape(value);
          if (column == "claim" || column == "id") cell = link(links.claim(value), value);
          else if (column == "claimant" || column == "source") cell = link(links.source(value), value);
          else if (column == "entity") cell = link(links.entity(value), value);
          body += "<td>" + cell + "</td>";
        }
        body += "</tr>\n";
      }
      body += "</tbody></table>\n";
    }
  } else if (!words.empty()) {
    body += "<p class=\"none\">No words to search for.</p>\n";
  }
  page.html = document(links, page.title, links.files ? "" : "/api/search?q=" + url_encode(words), body);
  return page;
}

Page error_page(const Links& links, int status, const std::string& message) {
  Page page;
  page.title = status == 404 ? "Not found" : status == 400 ? "Bad request" : "Error";
  page.json["error"] = message;
  page.json["status"] = status;
  page.html = document(links, page.title, "",
                       "<h1>" + escape(page.title) + "</h1>\n<p>" + escape(message) + "</p>\n<p>" +
                           link(links.home(), "Back to the overview") + "</p>\n");
  return page;
}

std::string chart_document(const Database& db, const Links& links, const TruthCache& truth,
                           const std::string& entity, const std::string& property) {
  Chart chart = load_chart(db, entity, property, ChartOptions{false});
  for (const auto* a : answers_about(truth, entity, property)) {
    if (!a->value.interval || !a->valid_from.empty() || !a->valid_to.empty()) continue;
    char confidence[32];
    std::snprintf(confidence, sizeof confidence, "%.2f", a->confidence);
    chart.truth.push_back({a->place, *a->value.interval,
                           a->value.phrase + " (" + a->method + ", confidence " + confidence + ")"});
  }
  (void)links;
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + chart_svg(chart) + "\n";
}

std::optional<std::string> graph_svg(const Database& db, const Limits& limits, const std::string& entity,
                                     std::string& why) {
  const ClaimGraph graph = ClaimGraph::load(db, GraphScope{entity});
  if (static_cast<std::int64_t>(graph.claim_count()) > limits.max_graph) {
    why = "the entity has " + std::to_string(graph.claim_count()) + " claims, more than the " +
          std::to_string(limits.max_graph) + " drawn as a graph";
    return std::nullopt;
  }
  const std::string dot = find_program("dot", "CLAIMDB_DOT");
  if (dot.empty()) {
    why = "Graphviz's 'dot' is not installed";
    return std::nullopt;
  }
  return run_program(dot, {"-Tsvg", "-o{out}", "{in}"}, to_dot(draw(graph, true)), "the graph");
}

const std::string& stylesheet() {
  static const std::string css = R"(:root { color-scheme: light; }
body { font: 15px/1.45 "DejaVu Sans", Verdana, sans-serif; margin: 0; color: #1d1d1d; background: #fafafa; }
header { display: flex; gap: 1.5em; align-items: center; padding: .6em 1.5em; background: #20344f; }
header a.brand { color: #fff; font-weight: bold; text-decoration: none; font-size: 1.15em; }
header form { margin-left: auto; }
input[type=search] { padding: .3em .5em; width: 22em; max-width: 60vw; }
main { max-width: 1100px; margin: 0 auto; padding: .5em 1.5em 2em; background: #fff; }
h1 { font-size: 1.6em; margin: .6em 0 .2em; } h2 { border-bottom: 1px solid #ddd; margin-top: 1.6em; }
a { color: #1f4fa0; } code { font-size: .9em; }
.meta, .note, .none { color: #555; } .note { font-style: italic; }
table { border-collapse: collapse; width: 100%; font-size: .9em; margin: .5em 0; }
th, td { border-bottom: 1px solid #e4e4e4; padding: .3em .45em; text-align: left; vertical-align: top; }
th { background: #f1f3f6; } td.num { text-align: right; white-space: nowrap; }
td.quote { color: #333; font-style: italic; max-width: 28em; }
td.kind-contradicts { color: #c8102e; font-weight: bold; } td.kind-tension { color: #b06000; }
.denies { color: #c8102e; font-weight: bold; }
.counts { display: flex; flex-wrap: wrap; gap: 1em; } .counts div { background: #f1f3f6; padding: .6em 1em; border-radius: 4px; }
.counts b { font-size: 1.4em; display: block; }
figure.chart { margin: 1em 0; overflow-x: auto; } figure.chart svg { max-width: 100%; height: auto; }
figcaption { font-size: .85em; color: #555; }
.camp-1 b { color: #1f63b4; } .camp-2 b { color: #d9670b; }
nav.toc a { margin-right: 1em; } img.graph { max-width: 100%; }
dl.fields { display: grid; grid-template-columns: max-content 1fr; gap: .2em 1em; } dt { font-weight: bold; color: #444; }
dd { margin: 0; } blockquote { margin: 0; font-style: italic; }
footer { max-width: 1100px; margin: 0 auto; padding: 1em 1.5em; color: #666; font-size: .85em; }
)";
  return css;
}

const char* content_security_policy() {
  return "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; "
         "frame-ancestors 'none'";
}

}  // namespace claimdb::cli::web
