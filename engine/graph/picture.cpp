// Pictures: what to draw (claims with dispute, camp and status) and Graphviz DOT.
#include "graph/claim_graph.hpp"

#include <algorithm>
#include <sstream>

namespace claimdb {

Picture draw(const ClaimGraph& graph, bool include_isolated) {
  using namespace claimdb::graph;
  const auto& impl = graph.impl();
  const auto& g = impl.graph;
  const std::size_t n = boost::num_vertices(g);

  std::vector<Acceptance> status(n, Acceptance::undecided);
  for (const auto& s : grounded_labels(graph)) status[impl.vertex(s.claim)] = s.status;

  Picture picture;
  std::vector<bool> drawn(n, false);
  auto node = [&](Vertex v, int dispute) {
    const auto& c = g[v];
    PictureNode p;
    p.claim = impl.claim_id(v);
    p.claimant = impl.claimant_id(v);
    p.entity = impl.entities.text(c.entity);
    p.property = impl.properties.text(c.property);
    p.phrase = impl.phrase(v);
    if (c.place != none) p.place = impl.entities.text(c.place);
    p.dispute = dispute;
    p.status = status[v];
    p.retracted = c.retracted;
    p.superseded = c.superseded_by != none;
    drawn[v] = true;
    return p;
  };

  CampScratch scratch(n);
  int number = 0;
  for (auto& members : dispute_members(impl, true)) {
    ++number;
    const auto vertices = members.vertices;  // a view into the graph's clusters
    const DisputeCamps camps = camps_of(impl, std::move(members), 2000, scratch);
    for (Vertex v : vertices) {
      PictureNode p = node(v, number);
      for (std::size_t side = 0; side < camps.camps.size(); ++side)
        if (std::binary_search(camps.camps[side].claims.begin(), camps.camps[side].claims.end(), p.claim))
          p.camp = static_cast<int>(side);
      p.on_cycle = std::find(camps.cycle.begin(), camps.cycle.end(), p.claim) != camps.cycle.end();
      picture.nodes.push_back(std::move(p));
    }
  }
  if (include_isolated) {
    std::vector<Vertex> rest;
    for (Vertex v = 0; v < n; ++v)
      if (!drawn[v]) rest.push_back(v);
    std::sort(rest.begin(), rest.end(), [&](Vertex a, Vertex b) { return impl.claim_id(a) < impl.claim_id(b); });
    for (Vertex v : rest) picture.nodes.push_back(node(v, 0));
  }
  for (auto [it, end] = boost::edges(g); it != end; ++it) {
    const auto& link = impl.links[g[*it].link];
    picture.edges.push_back(PictureEdge{std::string(impl.link_id(*it)), std::string(impl.claim_id(boost::source(*it, g))),
                                        std::string(impl.claim_id(boost::target(*it, g))), impl.kinds.text(link.kind),
                                        impl.origins.text(link.origin)});
  }
  std::sort(picture.edges.begin(), picture.edges.end(),
            [](const PictureEdge& a, const PictureEdge& b) { return a.link < b.link; });
  return picture;
}

namespace {

// A DOT string literal.
std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

// Breaks text into lines of about `width` characters at spaces.
std::string wrapped(const std::string& text, std::size_t width) {
  std::string out, line;
  std::istringstream words(text);
  std::string word;
  while (words >> word) {
    if (!line.empty() && line.size() + 1 + word.size() > width) {
      out += (out.empty() ? "" : "\n") + line;
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
  }
  if (!line.empty()) out += (out.empty() ? "" : "\n") + line;
  return out;
}

const char* fill_of(const PictureNode& node) {
  if (node.on_cycle) return "#fff3a3";
  if (node.camp == 0) return "#cfe2ff";
  if (node.camp == 1) return "#ffd8a8";
  return "#ffffff";
}

std::string node_line(const PictureNode& node, bool show_property) {
  std::string label = node.claimant + ":\n" + wrapped(node.phrase, 26);
  if (!node.place.empty()) label += "\nin " + node.place;
  if (show_property) label += "\n(" + node.property + ")";
  std::string style = "rounded,filled";
  std::string extra;
  if (node.status == Acceptance::out) {
    style += ",dashed";
    extra = ", fontcolor=\"#777777\", color=\"#777777\"";
  } else if (node.status == Acceptance::in) {
    extra = ", penwidth=2";
  }
  return "    " + quoted(node.claim) + " [label=" + quoted(label) + ", fillcolor=\"" + fill_of(node) +
         "\", style=\"" + style + "\"" + extra + "];\n";
}

std::string edge_line(const PictureEdge& edge) {
  std::string attributes;
  if (edge.kind == "contradicts")
    attributes = "color=\"#d62728\", penwidth=2.2";
  else if (edge.kind == "supports")
    attributes = "color=\"#2ca02c\", penwidth=2.2";
  else if (edge.kind == "echo" || edge.kind == "repeats")
    attributes = "color=\"#7f7f7f\", style=dashed, penwidth=1.5";
  else
    attributes = "color=\"#7f7f7f\", style=dotted, label=" + quoted(edge.kind) + ", fontcolor=\"#555555\"";
  return "  " + quoted(edge.from) + " -- " + quoted(edge.to) + " [" + attributes + "];\n";
}

std::string legend() {
  return "  legend [shape=plaintext, margin=0, label=<"
         "<table border=\"0\" cellborder=\"1\" cellspacing=\"0\" cellpadding=\"4\">"
         "<tr><td colspan=\"2\"><b>legend</b></td></tr>"
         "<tr><td bgcolor=\"#cfe2ff\">camp 1</td><td bgcolor=\"#ffd8a8\">camp 2</td></tr>"
         "<tr><td bgcolor=\"#fff3a3\" colspan=\"2\">on a cycle that breaks the camps</td></tr>"
         "<tr><td><font color=\"#d62728\">red line</font></td><td>contradicts</td></tr>"
         "<tr><td><font color=\"#2ca02c\">green line</font></td><td>supports</td></tr>"
         "<tr><td><font color=\"#7f7f7f\">dashed</font></td><td>echo (same claimant again)</td></tr>"
         "<tr><td>thick border</td><td>stands (in)</td></tr>"
         "<tr><td><font color=\"#777777\">grey, dashed</font></td><td>falls (out)</td></tr>"
         "</table>>];\n";
}

}  // namespace

std::string to_dot(const Picture& picture) {
  std::string out =
      "graph claims {\n"
      "  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=13, nodesep=0.25, ranksep=0.5, "
      "newrank=true, compound=true];\n"
      "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=11, "
      "fillcolor=\"#ffffff\", margin=\"0.12,0.06\"];\n"
      "  edge [fontname=\"Helvetica\", fontsize=9];\n";
  std::size_t i = 0;
  while (i < picture.nodes.size()) {
    const int dispute = picture.nodes[i].dispute;
    std::size_t j = i;
    std::vector<std::string> entities, properties;
    while (j < picture.nodes.size() && picture.nodes[j].dispute == dispute) {
      entities.push_back(picture.nodes[j].entity);
      properties.push_back(picture.nodes[j].property);
      ++j;
    }
    entities = graph::sorted_unique(std::move(entities));
    properties = graph::sorted_unique(std::move(properties));
    const bool several = properties.size() > 1;
    if (dispute > 0) {
      std::string title = entities.front() + (entities.size() > 1 ? " (+)" : "") + "\n";
      for (std::size_t p = 0; p < properties.size(); ++p) title += (p ? ", " : "") + properties[p];
      out += "  subgraph cluster_" + std::to_string(dispute) + " {\n    label=" + quoted(title) +
             "; style=\"rounded\"; color=\"#aaaaaa\"; fontcolor=\"#333333\";\n";
    }
    for (std::size_t k = i; k < j; ++k) out += node_line(picture.nodes[k], several || dispute == 0);
    if (dispute > 0) out += "  }\n";
    i = j;
  }
  for (const auto& edge : picture.edges) out += edge_line(edge);
  out += legend();
  out += "}\n";
  return out;
}

}  // namespace claimdb
