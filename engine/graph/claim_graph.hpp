// Internal: the Boost.Graph adjacency list behind claimdb::ClaimGraph.
//
// Vertices are claims and edges links, with bundled structs. Sources,
// entities, properties and reports are interned into small tables so a vertex
// carries indices, not strings. The map from claim ids to vertices is the only
// way in from the outside; algorithms translate back to ids before returning.
#pragma once

#include <claimdb/graph.hpp>

#include <boost/graph/adjacency_list.hpp>

#include <algorithm>

#include <cstdint>
#include <cstring>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <sys/mman.h>

namespace claimdb::graph {

inline constexpr std::uint32_t none = 0xFFFFFFFFu;

// How a link bears on camps, attacks and independence.
enum class LinkKind : std::uint8_t {
  contradicts,  // opposite sides; a mutual attack
  supports,     // same side, independent backing
  echo,         // same side, the same statement again (echo, repeats)
  compatible,   // no side: joins a dispute, places no camp (update, scope, tension, refines, others)
};
LinkKind classify_link(const std::string& kind);

// A claim's id, phrase and time are not here but in ClaimGraph::Impl's text
// pools, at the vertex's index: a vertex holds no string and no heap memory.
struct ClaimVertex {
  std::uint32_t claimant = none;     // index into ClaimGraph::Impl::sources
  std::uint32_t entity = none;       // index into entities
  std::uint32_t property = none;     // index into properties
  std::uint32_t place = none;        // index into entities (the claim's place), or none
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
  std::uint32_t kind = 0;    // index into Impl::kinds (the kind as written)
  std::uint32_t origin = 0;  // index into Impl::origins
};

// Asks the kernel to back a large array with huge pages (2 MiB) before it is
// first written: a few page faults instead of hundreds per 2 MiB while it is
// filled, and far fewer TLB misses when it is read at random. Only a hint.
inline void advise_huge_pages(const void* data, std::size_t bytes) {
#ifdef MADV_HUGEPAGE
  constexpr std::uintptr_t huge = std::uintptr_t{1} << 21;
  if (bytes < 2 * huge) return;
  const auto at = reinterpret_cast<std::uintptr_t>(data);
  const std::uintptr_t begin = (at + huge - 1) & ~(huge - 1), end = (at + bytes) & ~(huge - 1);
  if (end > begin) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
#else
  (void)data;
  (void)bytes;
#endif
}

// Reserves room for `count` elements in an empty vector, with huge pages.
template <class T>
void reserve_huge(std::vector<T>& v, std::size_t count) {
  v.reserve(count);
  advise_huge_pages(v.data(), v.capacity() * sizeof(T));
}

// A 64-bit hash of a short string, eight bytes at a time.
inline std::uint64_t hash_text(std::string_view text) {
  std::uint64_t h = 0x9E3779B97F4A7C15ull ^ text.size();
  const char* p = text.data();
  std::size_t n = text.size();
  auto mix = [&h](std::uint64_t word) {
    h = (h ^ word) * 0xBF58476D1CE4E5B9ull;
    h ^= h >> 31;
  };
  for (; n >= 8; p += 8, n -= 8) {
    std::uint64_t word;
    std::memcpy(&word, p, 8);
    mix(word);
  }
  if (n > 0) {
    std::uint64_t word = 0;
    std::memcpy(&word, p, n);
    mix(word);
  }
  h *= 0x94D049BB133111EBull;
  return h ^ (h >> 29);
}

// Whether two short strings are equal, without a call to memcmp.
inline bool same_text(std::string_view a, std::string_view b) {
  const std::size_t n = a.size();
  if (n != b.size()) return false;
  if (n > 16) return a == b;
  const char* p = a.data();
  const char* q = b.data();
  if (n >= 8) {
    std::uint64_t x, y, z, w;
    std::memcpy(&x, p, 8);
    std::memcpy(&y, q, 8);
    std::memcpy(&z, p + n - 8, 8);
    std::memcpy(&w, q + n - 8, 8);
    return x == y && z == w;
  }
  for (std::size_t i = 0; i < n; ++i)
    if (p[i] != q[i]) return false;
  return true;
}

// An open-addressing index from strings to dense indices. It keeps no
// strings: each slot holds an index and part of its hash, and `key(index)`
// gives the string stored elsewhere (a vertex's id, a source's id, ...).
// One flat array instead of a heap node per entry.
class FlatIndex {
 public:
  void reserve(std::size_t entries) {
    std::size_t capacity = 16;
    while (capacity < entries * 2) capacity *= 2;
    if (capacity > slots_.size()) rehash(capacity);
  }
  std::size_t size() const { return size_; }
  // Asks the CPU to fetch the slot where `text` starts its search: a large
  // index misses the cache on nearly every lookup, and looking a few rows
  // ahead overlaps those misses.
  void prefetch(std::string_view text) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[tag_of(text) & mask_]);
  }

  // The index stored for `text`, or none.
  template <class Key>
  std::uint32_t find(std::string_view text, const Key& key) const {
    if (slots_.empty()) return none;
    const std::uint32_t tag = tag_of(text);
    for (std::size_t at = tag & mask_;; at = (at + 1) & mask_) {
      const std::uint64_t slot = slots_[at];
      if (slot == 0) return none;
      const auto index = static_cast<std::uint32_t>(slot) - 1;
      if (static_cast<std::uint32_t>(slot >> 32) == tag && same_text(key(index), text)) return index;
    }
  }
  // Stores `index` for `text` unless present; returns the stored index and
  // whether it was added.
  template <class Key>
  std::pair<std::uint32_t, bool> insert(std::string_view text, std::uint32_t index, const Key& key) {
    if ((size_ + 1) * 2 > slots_.size()) rehash(slots_.empty() ? 16 : slots_.size() * 2);
    const std::uint32_t tag = tag_of(text);
    for (std::size_t at = tag & mask_;; at = (at + 1) & mask_) {
      const std::uint64_t slot = slots_[at];
      if (slot == 0) {
        slots_[at] = (static_cast<std::uint64_t>(tag) << 32) | (static_cast<std::uint64_t>(index) + 1);
        ++size_;
        return {index, true};
      }
      const auto stored = static_cast<std::uint32_t>(slot) - 1;
      if (static_cast<std::uint32_t>(slot >> 32) == tag && same_text(key(stored), text)) return {stored, false};
    }
  }

 private:
  static std::uint32_t tag_of(std::string_view text) { return static_cast<std::uint32_t>(hash_text(text) >> 32); }
  void rehash(std::size_t capacity) {
    std::vector<std::uint64_t> old;
    reserve_huge(old, capacity);
    old.assign(capacity, 0);
    old.swap(slots_);
    mask_ = capacity - 1;
    for (std::uint64_t slot : old) {
      if (slot == 0) continue;
      std::size_t at = static_cast<std::uint32_t>(slot >> 32) & mask_;
      while (slots_[at] != 0) at = (at + 1) & mask_;
      slots_[at] = slot;
    }
  }
  std::vector<std::uint64_t> slots_;  // (tag << 32) | (index + 1); 0 is empty
  std::size_t mask_ = 0;
  std::size_t size_ = 0;
};

// Strings one after another in one buffer, by index: no heap block and no
// 32-byte std::string per entry.
class TextPool {
 public:
  void reserve(std::size_t count, std::size_t chars) {
    if (ends_.empty()) {
      reserve_huge(ends_, count);
      reserve_huge(chars_, chars);
    }
    ends_.reserve(count);
    chars_.reserve(chars);
  }
  std::uint32_t add(std::string_view text);  // returns its index
  std::string_view view(std::uint32_t index) const {
    const std::size_t begin = index == 0 ? 0 : ends_[index - 1];
    return {chars_.data() + begin, ends_[index] - begin};
  }
  std::size_t size() const { return ends_.size(); }
  void shrink_to_fit() {
    chars_.shrink_to_fit();
    ends_.shrink_to_fit();
  }

 private:
  std::vector<char> chars_;
  std::vector<std::uint64_t> ends_;  // entry i is chars_[ends_[i-1] .. ends_[i])
};

// Interns strings to dense indices.
class Interner {
 public:
  std::uint32_t intern(std::string_view text);
  std::uint32_t find(std::string_view text) const;  // none when absent
  const std::string& text(std::uint32_t index) const { return texts_[index]; }
  std::size_t size() const { return texts_.size(); }

 private:
  struct Key {
    const std::vector<std::string>* texts;
    std::string_view operator()(std::uint32_t i) const { return (*texts)[i]; }
  };
  FlatIndex index_;
  std::vector<std::string> texts_;
  // The last text interned: runs of rows often repeat one.
  std::uint32_t last_ = none;
};

// Per component of the whole graph (two claims or more): how many claims,
// links and contradictions it holds.
struct Tally {
  std::uint32_t claims = 0;
  std::int64_t links = 0;
  std::int64_t contradictions = 0;
};

// The linked groups of the graph (connected components of two or more
// claims), in find_disputes(graph, true) order, each one's claims sorted by
// id: computed once per graph and shared by disputes, camps and pictures.
struct Clusters {
  // Sources in id order: source_rank[i] is the rank of sources[i].id, and
  // ranked_sources[r] the id of rank r (one compact array to copy names from).
  std::vector<std::uint32_t> source_rank;
  std::vector<std::string> ranked_sources;
  std::vector<Tally> tally;            // per cluster
  std::vector<std::uint32_t> start;    // cluster k's claims are members[start[k] .. start[k+1])
  std::vector<Vertex> members;
  std::span<const Vertex> of(std::size_t k) const {
    return {members.data() + start[k], members.data() + start[k + 1]};
  }
};

}  // namespace claimdb::graph

namespace claimdb {

struct ClaimGraph::Impl {
  graph::Adjacency graph;
  // Per vertex, at its index: claim id, phrase as said, and when it was seen
  // (said_at, else published_at, else its report's, or "").
  graph::TextPool ids, phrases, seen;
  graph::TextPool link_ids;  // per link, at LinkEdge::link
  graph::FlatIndex vertex_of;  // claim id -> vertex (keyed through ids)
  std::vector<graph::SourceInfo> sources;
  graph::FlatIndex source_index;  // source id -> index into sources
  graph::TextPool source_keys;    // sources[i].id at i, packed: what source_index compares
  graph::Interner entities, properties, kinds, origins, reviewers;
  std::vector<graph::ReportInfo> reports;
  graph::FlatIndex report_index;  // report id -> index into reports
  std::vector<graph::LinkInfo> links;

  // The linked groups, computed on first use (the graph is immutable, so
  // disputes, camps and pictures share one computation).
  const graph::Clusters& clusters() const;
  mutable std::once_flag clusters_once;
  mutable graph::Clusters clusters_cache;

  std::string_view claim_id(graph::Vertex v) const { return ids.view(static_cast<std::uint32_t>(v)); }
  std::string_view phrase(graph::Vertex v) const { return phrases.view(static_cast<std::uint32_t>(v)); }
  std::string_view seen_at(graph::Vertex v) const { return seen.view(static_cast<std::uint32_t>(v)); }
  const std::string& claimant_id(graph::Vertex v) const { return sources[graph[v].claimant].id; }
  std::string_view link_id(graph::Edge e) const { return link_ids.view(graph[e].link); }
  // The vertex of a claim id; throws Error(not_found).
  graph::Vertex vertex(const std::string& claim) const;
  // The vertex of a claim id, or none.
  std::uint32_t find_vertex(std::string_view claim) const {
    return vertex_of.find(claim, [this](std::uint32_t v) { return ids.view(v); });
  }
  std::uint32_t find_source(std::string_view id) const {
    return source_index.find(id, [this](std::uint32_t i) { return source_keys.view(i); });
  }
  std::uint32_t find_report(std::string_view id) const {
    return report_index.find(id, [this](std::uint32_t i) -> std::string_view { return reports[i].id; });
  }
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

// Building: rows are taken in stages so that a loader can hand them over in
// batches and free each one (ClaimGraph::build hands everything at once).
// Links are resolved per batch and become edges at the end, into storage
// reserved to the exact size.
// Claim keys (GraphClaim::key) to vertices, for the links of one build: a
// table indexed by key when the keys are dense enough (row ids, the usual
// case), else a sorted list.
class KeyIndex {
 public:
  // keys[v] is vertex v's key, 0 for none. Throws Error(bad_input) on a
  // duplicate key.
  void build(const std::vector<std::int64_t>& keys);
  bool empty() const { return !any_; }
  // The vertex of a key, or none.
  std::uint32_t find(std::int64_t key) const {
    if (dense_) {
      const auto at = static_cast<std::uint64_t>(key) - static_cast<std::uint64_t>(first_);
      return at < table_.size() ? table_[at] : none;
    }
    auto it = std::lower_bound(sorted_.begin(), sorted_.end(), std::pair<std::int64_t, std::uint32_t>{key, 0});
    return it != sorted_.end() && it->first == key ? it->second : none;
  }
  void clear() {
    std::vector<std::uint32_t>().swap(table_);
    std::vector<std::pair<std::int64_t, std::uint32_t>>().swap(sorted_);
    any_ = false;
  }

 private:
  bool any_ = false, dense_ = false;
  std::int64_t first_ = 0;
  std::vector<std::uint32_t> table_;                            // dense: vertex of key first_ + i, or none
  std::vector<std::pair<std::int64_t, std::uint32_t>> sorted_;  // sparse: (key, vertex) by key
};

struct PendingLinks {
  KeyIndex keys;  // claim keys, when the claims carry them
  struct Ends {
    std::uint32_t from, to;
  };
  std::vector<Ends> ends;            // per link
  std::vector<LinkKind> kinds;       // per link
  std::vector<LinkKind> kind_class;  // per interned kind
  std::vector<std::uint32_t> degree; // per vertex
};
// Takes whatever `rows` holds and empties it. Sources and reports come before
// the claims that name them, all claims in one batch, then reviews and links
// in any number of batches.
void take_rows(ClaimGraph::Impl& impl, GraphRows& rows, PendingLinks& pending);
void add_edges(ClaimGraph::Impl& impl, PendingLinks& pending);

// Sorted, de-duplicated copy.
std::vector<std::string> sorted_unique(std::vector<std::string> items);

// A dispute (or an agreeing cluster) with its vertices, sorted by claim id
// (a view into the graph's Clusters).
struct DisputeMembers {
  Dispute dispute;
  std::span<const Vertex> vertices;
};
// As find_disputes orders them.
std::vector<DisputeMembers> dispute_members(const ClaimGraph::Impl& impl, bool include_agreements);

// Scratch space for camps, sized to the graph once and reused per dispute.
// Each dispute is copied into a compact adjacency of its own (claims by
// position in the dispute, each one's links in the graph's order), so the
// searches touch a few small arrays instead of the whole graph.
struct CampScratch {
  explicit CampScratch(std::size_t vertices) : local(vertices, none) {}
  std::vector<std::uint32_t> local;  // vertex -> position in the current dispute, none elsewhere
  struct Arc {
    std::uint32_t to;    // position of the other claim
    std::uint32_t link;  // index into ClaimGraph::Impl::links
    std::uint32_t odd;   // 1 for a contradiction
  };
  std::vector<std::uint32_t> first;  // claim i's arcs are arcs[first[i] .. first[i+1])
  std::vector<Arc> arcs;
  // The breadth-first tree of the colouring.
  std::vector<std::int8_t> colour;  // 0 or 1, -1 unvisited
  std::vector<std::uint32_t> parent, depth, via;  // via: the link to the parent
  // The odd-walk search over the double cover (claim, parity).
  std::vector<std::uint32_t> dist;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> from;  // (previous state, link)
  std::vector<std::uint32_t> queue;
  std::vector<std::pair<std::uint64_t, std::uint32_t>> pairs;  // (claim pair, odd)
};
DisputeCamps camps_of(const ClaimGraph::Impl& impl, DisputeMembers members, std::size_t exact_cycle_limit,
                      CampScratch& scratch);

}  // namespace claimdb::graph
