// Building a ClaimGraph from plain rows, and the shared helpers.
#include "graph/claim_graph.hpp"

#include <claimdb/error.hpp>

#include <boost/graph/connected_components.hpp>

#include <algorithm>
#include <string>
#include <utility>

namespace claimdb::graph {

LinkKind classify_link(const std::string& kind) {
  if (kind == "contradicts") return LinkKind::contradicts;
  if (kind == "supports") return LinkKind::supports;
  if (kind == "echo" || kind == "repeats") return LinkKind::echo;
  return LinkKind::compatible;
}

std::uint32_t TextPool::add(std::string_view text) {
  chars_.insert(chars_.end(), text.begin(), text.end());  // appends without zeroing first
  ends_.push_back(chars_.size());
  return static_cast<std::uint32_t>(ends_.size() - 1);
}

std::uint32_t Interner::intern(std::string_view text) {
  if (last_ != none && texts_[last_] == text) return last_;
  auto [index, added] = index_.insert(text, static_cast<std::uint32_t>(texts_.size()), Key{&texts_});
  if (added) texts_.emplace_back(text);
  last_ = index;
  return index;
}

std::uint32_t Interner::find(std::string_view text) const { return index_.find(text, Key{&texts_}); }

Components connected(const ClaimGraph::Impl& impl) {
  Components result;
  result.of.resize(boost::num_vertices(impl.graph));
  result.count = static_cast<std::uint32_t>(boost::connected_components(
      impl.graph, boost::make_iterator_property_map(result.of.begin(),
                                                    boost::get(boost::vertex_index, impl.graph))));
  return result;
}

void KeyIndex::build(const std::vector<std::int64_t>& keys) {
  clear();
  std::int64_t low = 0, high = 0;
  std::size_t count = 0;
  for (std::int64_t key : keys) {
    if (key == 0) continue;
    low = count == 0 ? key : std::min(low, key);
    high = count == 0 ? key : std::max(high, key);
    ++count;
  }
  if (count == 0) return;
  any_ = true;
  const auto duplicate = [](std::int64_t key) {
    return Error(ErrorCode::bad_input, "duplicate claim key " + std::to_string(key) + " in graph rows");
  };
  // Dense: at most four slots per key (4 bytes each).
  dense_ = static_cast<std::uint64_t>(high) - static_cast<std::uint64_t>(low) < 4 * count + 1024;
  if (dense_) {
    first_ = low;
    table_.assign(static_cast<std::size_t>(high - low) + 1, none);
    for (std::size_t v = 0; v < keys.size(); ++v) {
      if (keys[v] == 0) continue;
      auto& slot = table_[static_cast<std::size_t>(keys[v] - low)];
      if (slot != none) throw duplicate(keys[v]);
      slot = static_cast<std::uint32_t>(v);
    }
    return;
  }
  sorted_.reserve(count);
  for (std::size_t v = 0; v < keys.size(); ++v)
    if (keys[v] != 0) sorted_.emplace_back(keys[v], static_cast<std::uint32_t>(v));
  std::sort(sorted_.begin(), sorted_.end());
  for (std::size_t i = 1; i < sorted_.size(); ++i)
    if (sorted_[i].first == sorted_[i - 1].first) throw duplicate(sorted_[i].first);
}

std::vector<std::string> sorted_unique(std::vector<std::string> items) {
  std::sort(items.begin(), items.end());
  items.erase(std::unique(items.begin(), items.end()), items.end());
  return items;
}

namespace {

using Impl = ClaimGraph::Impl;

// How many rows ahead a lookup's slot is prefetched.
constexpr std::size_t prefetch_ahead = 12;

// Frees a vector's memory (`v = {}` would assign an empty initializer list
// and keep the capacity).
template <class T>
void release(std::vector<T>& v) {
  std::vector<T>().swap(v);
}

// Room for the texts of one field of `rows`, estimated from the first few
// thousand rows and generous: reading every row beforehand would stream all
// of them through the cache once more, and room reserved but never written
// costs no memory. The pools still grow if it falls short.
template <class Row, class Field>
std::size_t estimate_chars(const std::vector<Row>& rows, const Field& field) {
  const std::size_t sample = std::min<std::size_t>(rows.size(), 4096);
  if (sample == 0) return 0;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < sample; ++i) chars += field(rows[i]).size();
  return static_cast<std::size_t>(static_cast<double>(chars) / static_cast<double>(sample) * 1.5 *
                                  static_cast<double>(rows.size())) + 4096;
}

std::uint32_t source_of(Impl& impl, const std::string& id) {
  if (id.empty()) return none;
  auto [index, added] = impl.source_index.insert(
      id, static_cast<std::uint32_t>(impl.sources.size()), [&impl](std::uint32_t i) { return impl.source_keys.view(i); });
  if (added) {
    impl.sources.push_back(SourceInfo{id, id, ""});
    impl.source_keys.add(id);
  }
  return index;
}

void add_sources(Impl& impl, std::vector<GraphSource>& rows) {
  impl.sources.reserve(rows.size());
  impl.source_index.reserve(rows.size());
  std::size_t chars = 0;
  for (const auto& row : rows) chars += row.id.size();
  impl.source_keys.reserve(rows.size(), chars);
  for (auto& row : rows) {
    std::uint32_t index = source_of(impl, row.id);
    if (index == none) continue;
    impl.sources[index].name = row.name.empty() ? row.id : std::move(row.name);
    impl.sources[index].affiliation = std::move(row.affiliation);
  }
}

void add_reports(Impl& impl, std::vector<GraphReport>& rows) {
  impl.reports.reserve(rows.size());
  impl.report_index.reserve(rows.size());
  std::vector<std::uint32_t> index_of_row(rows.size(), none);
  for (std::size_t r = 0; r < rows.size(); ++r) {
    auto& row = rows[r];
    auto [index, added] = impl.report_index.insert(
        row.id, static_cast<std::uint32_t>(impl.reports.size()),
        [&impl](std::uint32_t i) -> std::string_view { return impl.reports[i].id; });
    if (!added) continue;
    index_of_row[r] = index;
    ReportInfo info;
    info.id = row.id;
    info.published_at = std::move(row.published_at);
    info.publisher = source_of(impl, row.publisher);
    impl.reports.push_back(std::move(info));
  }
  // Citations resolve once every report is known (a chain may loop in bad data).
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const auto& row = rows[r];
    if (row.cites.empty()) continue;
    const std::uint32_t cited = impl.find_report(row.cites);
    const std::uint32_t citing = index_of_row[r] != none ? index_of_row[r] : impl.find_report(row.id);
    if (cited != none) impl.reports[citing].cites = cited;
  }
}

void add_claims(Impl& impl, std::vector<GraphClaim>& rows, PendingLinks& pending) {
  impl.graph = Adjacency();
  reserve_huge(impl.graph.m_vertices, rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) boost::add_vertex(impl.graph);
  impl.vertex_of.reserve(rows.size());
  const auto key = [&impl](std::uint32_t v) { return impl.ids.view(v); };
  impl.ids.reserve(rows.size(), estimate_chars(rows, [](const GraphClaim& c) -> const std::string& { return c.id; }));
  impl.phrases.reserve(rows.size(),
                       estimate_chars(rows, [](const GraphClaim& c) -> const std::string& { return c.phrase; }));
  impl.seen.reserve(rows.size(), 0);
  std::vector<std::pair<Vertex, std::string>> corrections;
  std::vector<std::int64_t> keys;
  std::uint32_t v = 0;
  for (auto& row : rows) {
    if (v + prefetch_ahead < rows.size()) impl.vertex_of.prefetch(rows[v + prefetch_ahead].id);
    ClaimVertex& vertex = impl.graph[v];
    vertex.claimant = source_of(impl, row.claimant);
    vertex.entity = impl.entities.intern(row.entity);
    vertex.property = impl.properties.intern(row.property);
    if (!row.place.empty()) vertex.place = impl.entities.intern(row.place);
    if (!row.report.empty()) vertex.report = impl.find_report(row.report);
    impl.seen.add(!row.said_at.empty()       ? std::string_view(row.said_at)
                  : !row.published_at.empty() ? std::string_view(row.published_at)
                  : vertex.report != none     ? std::string_view(impl.reports[vertex.report].published_at)
                                              : std::string_view());
    vertex.retracted = row.retracted;
    impl.phrases.add(row.phrase);
    impl.ids.add(row.id);
    if (vertex.claimant == none) vertex.claimant = source_of(impl, "(unknown)");
    if (!impl.vertex_of.insert(row.id, v, key).second)
      throw Error(ErrorCode::bad_input, "duplicate claim '" + row.id + "' in graph rows");
    if (!row.supersedes.empty()) corrections.emplace_back(v, std::move(row.supersedes));
    if (row.key != 0) {
      if (keys.empty()) keys.resize(rows.size(), 0);
      keys[v] = row.key;
    }
    ++v;
  }
  if (!keys.empty()) pending.keys.build(keys);
  for (auto& [v, old] : corrections) {
    const std::uint32_t corrected = impl.find_vertex(old);
    if (corrected != none) impl.graph[corrected].superseded_by = static_cast<std::uint32_t>(v);
  }
}

void add_reviews(Impl& impl, const std::vector<GraphReview>& rows) {
  for (const auto& row : rows) {
    if (!is_false_rating(row.rating)) continue;
    const std::uint32_t v = impl.find_vertex(row.claim);
    if (v == none) continue;
    auto& vertex = impl.graph[v];
    if (vertex.false_review == none) vertex.false_review = impl.reviewers.intern(row.reviewer);
  }
}

// The first of two passes: resolves both ends of every link and counts each
// claim's links. The rows are released.
void take_links(Impl& impl, std::vector<GraphLink>& rows, PendingLinks& pending) {
  if (pending.ends.empty()) {  // one batch (build), or the first: reserve for it
    reserve_huge(pending.ends, rows.size());
    reserve_huge(pending.kinds, rows.size());
    impl.links.reserve(rows.size());
    impl.link_ids.reserve(rows.size(),
                          estimate_chars(rows, [](const GraphLink& l) -> const std::string& { return l.id; }));
  }
  pending.degree.resize(boost::num_vertices(impl.graph), 0);
  // Ends named by key need no lookup of their ids.
  const bool keyed = !pending.keys.empty();
  const auto by_key = [keyed](const GraphLink& row) { return keyed && row.from_key != 0 && row.to_key != 0; };
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (i + prefetch_ahead < rows.size() && !by_key(rows[i + prefetch_ahead])) {
      impl.vertex_of.prefetch(rows[i + prefetch_ahead].from);
      impl.vertex_of.prefetch(rows[i + prefetch_ahead].to);
    }
    auto& row = rows[i];
    const bool keys = by_key(row);
    const std::uint32_t from = keys ? pending.keys.find(row.from_key) : impl.find_vertex(row.from);
    const std::uint32_t to = keys ? pending.keys.find(row.to_key) : impl.find_vertex(row.to);
    if (from == none || to == none || from == to) continue;
    // A handful of kinds, met in any order: found by a scan before hashing.
    std::uint32_t kind = none;
    for (std::uint32_t k = 0; k < impl.kinds.size() && k < 8; ++k)
      if (same_text(impl.kinds.text(k), row.kind)) {
        kind = k;
        break;
      }
    if (kind == none) kind = impl.kinds.intern(row.kind);
    if (kind == pending.kind_class.size()) pending.kind_class.push_back(classify_link(row.kind));
    pending.ends.push_back(PendingLinks::Ends{from, to});
    pending.kinds.push_back(pending.kind_class[kind]);
    ++pending.degree[from];
    ++pending.degree[to];
    impl.link_ids.add(row.id);
    impl.links.push_back(LinkInfo{kind, impl.origins.intern(row.origin)});
  }
  release(rows);
}

}  // namespace

void take_rows(Impl& impl, GraphRows& rows, PendingLinks& pending) {
  if (!rows.sources.empty()) {
    add_sources(impl, rows.sources);
    release(rows.sources);
  }
  if (!rows.reports.empty()) {
    add_reports(impl, rows.reports);
    release(rows.reports);
  }
  if (!rows.claims.empty()) {
    if (boost::num_vertices(impl.graph) != 0)
      throw Error(ErrorCode::internal, "graph rows: claims handed over in more than one batch");
    add_claims(impl, rows.claims, pending);
    release(rows.claims);  // give the memory back before the edges need theirs
  }
  if (!rows.reviews.empty()) {
    add_reviews(impl, rows.reviews);
    release(rows.reviews);
  }
  if (!rows.links.empty()) take_links(impl, rows.links, pending);
}

// The second pass: every edge, into storage reserved to the exact size (no
// vector grows edge by edge).
void add_edges(Impl& impl, PendingLinks& pending) {
  auto& g = impl.graph;
  if (g.m_edges.empty()) reserve_huge(g.m_edges, pending.ends.size());
  g.m_edges.reserve(pending.ends.size());
  for (std::size_t v = 0; v < pending.degree.size(); ++v) g.out_edge_list(v).reserve(pending.degree[v]);
  release(pending.degree);
  for (std::size_t i = 0; i < pending.ends.size(); ++i) {
    LinkEdge edge;
    edge.link = static_cast<std::uint32_t>(i);
    edge.kind = pending.kinds[i];
    boost::add_edge(pending.ends[i].from, pending.ends[i].to, edge, g);
  }
  release(pending.ends);
  release(pending.kinds);
  pending.keys.clear();
}

}  // namespace claimdb::graph

namespace claimdb {

graph::Vertex ClaimGraph::Impl::vertex(const std::string& claim) const {
  const std::uint32_t v = find_vertex(claim);
  if (v == graph::none) throw Error(ErrorCode::not_found, "unknown claim '" + claim + "'");
  return v;
}

ClaimGraph ClaimGraph::build(GraphRows rows) {
  auto impl = std::make_unique<Impl>();
  graph::PendingLinks pending;
  graph::take_rows(*impl, rows, pending);
  graph::add_edges(*impl, pending);
  return ClaimGraph(std::move(impl));
}

ClaimGraph::ClaimGraph(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ClaimGraph::ClaimGraph(ClaimGraph&&) noexcept = default;
ClaimGraph& ClaimGraph::operator=(ClaimGraph&&) noexcept = default;
ClaimGraph::~ClaimGraph() = default;

std::size_t ClaimGraph::claim_count() const noexcept { return boost::num_vertices(impl_->graph); }
std::size_t ClaimGraph::link_count() const noexcept { return boost::num_edges(impl_->graph); }
bool ClaimGraph::contains(const std::string& claim) const { return impl_->find_vertex(claim) != graph::none; }

}  // namespace claimdb
