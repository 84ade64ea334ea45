// Internal: the Boost.Graph adjacency list behind claimdb::ClaimGraph.
//
// Vertices are claims and edges links, with bundled structs. Sources,
// entities, properties and reports are interned into small tables so a vertex
// carries indices, not strings. The map from claim ids to vertices is the only
// way in from the outside; algorithms translate back to ids before returning.
#pragma once

#include <claimdb/graph.hpp>

#include <boost/graph/adjacency_list.hpp>

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace claimdb::graph {

inline constexpr std::uint32_t none = 0xFFFFFFFFu;

// How a link bears on camps, attacks and independence.
enum class LinkKind : std::uint8_t {
  contradicts,  // opposite sides; a mutual attack
  supports,     // same side, independent backing
  echo,         // same side, the same statement again (echo, repeats)
  compatible,   // same side, nothing more (update, scope, refines, others)
};
LinkKind classify_link(const std::string& kind);

struct ClaimVertex {
  std::string id;                    // claim id
  std::string phrase;                // the value as said
  std::string seen_at;               // said_at, else published_at, else the report's, or ""
  std::uint32_t claimant = none;     // index into ClaimGraph::Impl::sources
  std::uint32_t entity = none;       // index into entities
  std::uint32_t property = none;     // index into properties
  std::uint32_t report = none;       // index into reports, or none
  std::uint32_t superseded_by = none;  // vertex of a correction, or none
  bool retracted = false;
  std::uint32_t false_review = none;   // index into reviewers of a "false" verdict, or none
};

struct LinkEdge {
  std::uint32_t link = 0;  // index into ClaimGraph::Impl::links
  LinkKind kind = LinkKind::compatible;
};

// The edge list is a vector: links are never removed, and it saves a heap
// node per edge.
using Adjacency = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, ClaimVertex,
                                        LinkEdge, boost::no_property, boost::vecS>;
using Vertex = boost::graph_traits<Adjacency>::vertex_descriptor;
using Edge = boost::graph_traits<Adjacency>::edge_descriptor;

struct SourceInfo {
  std::string id, name, affiliation;
};

struct ReportInfo {
  std::string id, published_at;
  std::uint32_t publisher = none;  // index into sources, or none
  std::uint32_t cites = none;      // index into reports, or none
};

struct LinkInfo {
  std::string id;
  std::uint32_t kind = 0;    // index into Impl::kinds (the kind as written)
  std::uint32_t origin = 0;  // index into Impl::origins
};

// Interns strings to dense indices.
class Interner {
 public:
  std::uint32_t intern(const std::string& text);
  std::uint32_t find(const std::string& text) const;  // none when absent
  const std::string& text(std::uint32_t index) const { return texts_[index]; }
  std::size_t size() const { return texts_.size(); }

 private:
  std::unordered_map<std::string, std::uint32_t> index_;
  std::vector<std::string> texts_;
};

}  // namespace claimdb::graph

namespace claimdb {

struct ClaimGraph::Impl {
  graph::Adjacency graph;
  std::unordered_map<std::string, graph::Vertex> vertex_of;  // claim id -> vertex
  std::vector<graph::SourceInfo> sources;
  std::unordered_map<std::string, std::uint32_t> source_index;
  graph::Interner entities, properties, kinds, origins, reviewers;
  std::vector<graph::ReportInfo> reports;
  std::unordered_map<std::string, std::uint32_t> report_index;
  std::vector<graph::LinkInfo> links;

  const std::string& claim_id(graph::Vertex v) const { return graph[v].id; }
  const std::string& claimant_id(graph::Vertex v) const { return sources[graph[v].claimant].id; }
  const std::string& link_id(graph::Edge e) const { return links[graph[e].link].id; }
  // The vertex of a claim id; throws Error(not_found).
  graph::Vertex vertex(const std::string& claim) const;
};

}  // namespace claimdb

namespace claimdb::graph {

// Connected components over all links: component index per vertex, and the
// number of components (isolated claims are components of one).
struct Components {
  std::vector<std::uint32_t> of;  // vertex -> component
  std::uint32_t count = 0;
};
Components connected(const ClaimGraph::Impl& impl);

// Sorted, de-duplicated copy.
std::vector<std::string> sorted_unique(std::vector<std::string> items);

// A dispute (or an agreeing cluster) with its vertices, sorted by claim id.
struct DisputeMembers {
  Dispute dispute;
  std::vector<Vertex> vertices;
};
// As find_disputes orders them.
std::vector<DisputeMembers> dispute_members(const ClaimGraph::Impl& impl, bool include_agreements);

// Scratch space for camps, sized to the graph once and reused per dispute.
struct CampScratch {
  explicit CampScratch(std::size_t vertices) : colour(vertices, -1), local(vertices, none) {}
  std::vector<std::int8_t> colour;  // 0 or 1 per vertex, -1 unvisited
  std::vector<std::uint32_t> local; // vertex -> index within the current dispute
};
DisputeCamps camps_of(const ClaimGraph::Impl& impl, DisputeMembers members, std::size_t exact_cycle_limit,
                      CampScratch& scratch);

}  // namespace claimdb::graph
