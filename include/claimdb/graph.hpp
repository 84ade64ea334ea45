// claimdb/graph.hpp: the claim graph: disputes, camps, provenance, acceptability.
//
// The database is the truth; a ClaimGraph is a read-only view built from it on
// demand (the whole database, or the claims about one entity). Claims are the
// vertices and links the edges. Every analysis is a free function that takes
// the graph and returns claim, source and link ids, never graph internals.
//
// How link kinds are read (DESIGN.md, "Graph analysis"; docs/detection.md):
//   contradicts   the two claims are on opposite sides (and attack each other)
//   supports, echo, repeats
//                 agreement: the two claims are on the same side
//   anything else neither (update, scope, tension, refines, ...): the link
//                 joins the claims in one dispute but puts them in no camp
// Echo and repeats links (and relays of the same claimant's statement along a
// report's citation chain) say "the same statement again": they never add an
// independent origin.
//
// Semantics: docs/cli.md ("Graph analysis") and DESIGN.md.
#pragma once

#include <claimdb/database.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace claimdb {

// --- Plain rows a graph is built from ---------------------------------------

// A claim as the graph sees it. References are user ids ("" when absent).
struct GraphClaim {
  std::string id;            // the claim id
  std::string claimant;      // source id of the speaker
  std::string report;        // report id, or ""
  std::string entity;        // entity id
  std::string property;      // property id
  std::string phrase;        // the value as said
  std::string place;         // entity id of the claim's place (its scope), or ""
  std::string said_at;       // canonical time, or ""
  std::string published_at;  // canonical time, or ""
  std::string supersedes;    // id of the claim this one corrects, or ""
  bool retracted = false;    // a retraction names this claim
  // Optional: an integer key unique among the claims (storage hands over the
  // row id), 0 for none. Links may then name their ends by key.
  std::int64_t key = 0;
};

// A link between two claims.
struct GraphLink {
  std::string id;      // link id
  std::string from;    // claim id
  std::string to;      // claim id
  std::string kind;    // contradicts, supports, echo, update, scope, ...
  std::string origin;  // "detector" or the analyst's name
  // Optional: the ends' GraphClaim::key. When both are set (and the claims
  // carry keys) they name the ends, with no lookup of `from` and `to` (which
  // may then be empty); 0 means "look the end up by its id".
  std::int64_t from_key = 0;
  std::int64_t to_key = 0;
};

// A report, for citation chains.
struct GraphReport {
  std::string id;            // report id
  std::string publisher;     // source id, or ""
  std::string cites;         // id of the report it cites, or ""
  std::string published_at;  // canonical time, or ""
};

// A source, for sides and independence.
struct GraphSource {
  std::string id;           // source id
  std::string name;         // human-readable name
  std::string affiliation;  // the side it belongs to, or ""
};

// A fact-checker's verdict.
struct GraphReview {
  std::string claim;     // claim id
  std::string rating;    // e.g. "false", "pants-fire", "mostly-true"
  std::string reviewer;  // who reviewed
};

// Everything a graph is built from. Links, reviews and supersessions naming a
// claim that is not among `claims` are dropped (they lie outside the view).
struct GraphRows {
  std::vector<GraphClaim> claims;
  std::vector<GraphLink> links;
  std::vector<GraphReport> reports;
  std::vector<GraphSource> sources;
  std::vector<GraphReview> reviews;
};

// Which part of the database a graph covers.
struct GraphScope {
  std::string entity;  // only claims about this entity id (and links among them); "" for all
  // Only what the database knew then (a canonical time, as Database::snapshot
  // and the query language's `as of` take it): claims, retractions, reviews and
  // analyst links recorded at or before it, and the detector's current links
  // among those claims. "" for now.
  std::string as_of;
};

// --- The graph ----------------------------------------------------------------

// An immutable claim graph. Move-only; safe to read from several threads.
class ClaimGraph {
 public:
  // Builds from rows (moved in). Throws Error(bad_input) on a duplicate claim id.
  static ClaimGraph build(GraphRows rows);
  // Reads the rows for the scope from the database and builds. Throws
  // Error(not_found) when scope.entity names no entity.
  static ClaimGraph load(const Database& db, const GraphScope& scope = {});

  ClaimGraph(ClaimGraph&&) noexcept;
  ClaimGraph& operator=(ClaimGraph&&) noexcept;
  ClaimGraph(const ClaimGraph&) = delete;
  ClaimGraph& operator=(const ClaimGraph&) = delete;
  ~ClaimGraph();

  std::size_t claim_count() const noexcept;
  std::size_t link_count() const noexcept;
  bool contains(const std::string& claim) const;

  // For the engine's own algorithms; not part of the stable API.
  struct Impl;
  const Impl& impl() const noexcept { return *impl_; }

 private:
  explicit ClaimGraph(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// --- Disputes: connected components over links ---------------------------------

struct Dispute {
  std::vector<std::string> claims;      // claim ids, sorted
  std::vector<std::string> entities;    // entity ids of its claims, sorted (usually one)
  std::vector<std::string> properties;  // property ids of its claims, sorted
  std::vector<std::string> sources;     // claimants, sorted
  std::int64_t links = 0;               // links inside it
  std::int64_t contradictions = 0;      // of which contradicts
};

// The connected components of two or more claims. Without include_agreements
// only components holding at least one contradiction are returned (those are
// disputes); with it, clusters that only agree are returned too. Ordered by
// first entity, then first claim id. Linear in claims + links.
std::vector<Dispute> find_disputes(const ClaimGraph& graph, bool include_agreements = false);

// --- Camps: the signed 2-colouring of each dispute --------------------------------

struct Camp {
  std::vector<std::string> claims;   // sorted
  std::vector<std::string> sources;  // claimants of those claims, sorted
};

struct DisputeCamps {
  Dispute dispute;
  bool balanced = true;  // the links admit a split into two camps
  // Balanced: exactly two camps; the first holds the dispute's first claim
  // that has an agreement or contradiction link. Only those links place a
  // claim in a camp; where they form several groups (joined in the dispute
  // only by scope or update links), each group is turned so that its
  // claimants, then their affiliations, side as they do in the groups
  // before it (without either, its first claim joins the first camp).
  // Unbalanced: empty (no forced split).
  std::vector<Camp> camps;
  // Balanced: the claims of the dispute in neither camp (no agreement or
  // contradiction link), sorted.
  std::vector<std::string> outside;
  // Unbalanced: a shortest cycle of claims whose links hold an odd number of
  // contradictions, in cycle order (the last claim links back to the first),
  // and the ids of the links along it (link i joins claim i and claim i+1).
  // It starts at its smallest claim id and goes towards the smaller neighbour.
  std::vector<std::string> cycle;
  std::vector<std::string> cycle_links;
};

// Camps of every dispute (as find_disputes(graph, false) orders them). The
// shortest unbalanced cycle is exact (a breadth-first search of the signed
// double cover from each claim, cut off at the best length found) for
// disputes of up to `exact_cycle_limit` claims; larger ones report the cycle
// closed by the first contradicting link met in one breadth-first search.
std::vector<DisputeCamps> find_camps(const ClaimGraph& graph, std::size_t exact_cycle_limit = 2000);

// How two sources side across balanced disputes.
struct SourceAlignment {
  std::string a, b;             // source ids, a < b
  std::int64_t together = 0;    // disputes where they share a camp
  std::int64_t opposed = 0;     // disputes where they are in opposite camps
};

// Every pair of sources that meet in at least one balanced dispute, most
// disputes first, then by ids. A source in both camps of a dispute counts
// both ways.
std::vector<SourceAlignment> source_camps(const std::vector<DisputeCamps>& camps);

// --- Provenance ---------------------------------------------------------------------

// One report on a citation chain.
struct CitationStep {
  std::string report;        // report id
  std::string publisher;     // source id, or ""
  std::string published_at;  // or ""
};

// One independent origin backing a value: a side (affiliation), or a single
// source when it has none.
struct Origin {
  std::string key;                   // the affiliation, or the source id
  std::vector<std::string> sources;  // original claimants on this side, sorted
  std::vector<std::string> claims;   // backing claims, sorted
};

struct Provenance {
  std::string claim;     // the claim traced
  std::string claimant;  // its claimant
  // The claim's report, then the report it cites, and so on. Stops before a
  // report already on the chain; citation_cycle is then set and cycle_at
  // names that report.
  std::vector<CitationStep> chain;
  bool citation_cycle = false;
  std::string cycle_at;
  // The same statement seen elsewhere: claims joined to this one by echo or
  // repeats links, and the same claimant's claims on the same entity,
  // property and place in reports up the citation chain. Sorted.
  std::vector<std::string> echoes;
  // The earliest of the claim and its echoes, and its claimant. Earliest:
  // not relaying another (a claim in a report up another's citation chain
  // comes first whatever the times say), then first said or published
  // (unknown times last), then furthest up the chain, then by id.
  std::string original_claim;
  std::string original_claimant;
  // Who said the value first: the earliest (as above) among everything
  // backing it (the claim, its echoes, claims joined to them by supports and
  // the echoes of those), with its time: its own, or that of an earlier
  // claim relaying it ("" when unknown).
  std::string first_claim;
  std::string first_claimant;
  std::string first_seen;
  // The independent origins behind the value: backing claims grouped by the
  // affiliation of their claimant (a source without one is its own origin).
  // Echoes count once: they share their original's claimant.
  std::vector<Origin> origins;
  std::int64_t independent_origins = 0;  // origins.size()
  std::int64_t claimants = 0;            // distinct claimants among backing claims
};

// Traces one claim. Throws Error(not_found) when the graph lacks it.
Provenance trace_provenance(const ClaimGraph& graph, const std::string& claim);

// --- Acceptability: the grounded extension -------------------------------------------

enum class Acceptance { in, out, undecided };
const char* to_string(Acceptance acceptance) noexcept;

// Whether a review rating is a verdict of falsehood ("false", "pants-fire",
// "pants-on-fire", "fake", "fabricated", "incorrect"; case-insensitive, spaces
// and underscores read as hyphens).
bool is_false_rating(const std::string& rating);

struct ClaimStatus {
  std::string claim;       // claim id
  Acceptance status = Acceptance::undecided;
  std::string reason;      // one short sentence
  std::vector<std::string> attackers;  // claims contradicting it, sorted
};

// Dung's grounded labelling with contradictions as mutual attacks. A claim
// reviewed false, retracted or superseded is out whatever attacks it (and
// attacks nothing); otherwise a claim is in when every attacker is out, out
// when an attacker is in, and undecided when neither can be settled. As
// contradiction is mutual, a contradicted claim is in only when verdicts
// knock out everything contradicting it; two live claims contradicting each
// other both stay undecided. Every claim of the graph, ordered by id. Linear
// in claims + links.
std::vector<ClaimStatus> grounded_labels(const ClaimGraph& graph);

// --- Pictures -------------------------------------------------------------------------

struct PictureNode {
  std::string claim, claimant, entity, property, phrase;
  std::string place;  // the claim's place, or ""
  int dispute = 0;  // 1-based position in find_disputes(graph, true); 0 when not linked
  int camp = -1;    // 0 or 1 in a balanced dispute; -1 otherwise
  bool on_cycle = false;  // on the unbalanced cycle of its dispute
  Acceptance status = Acceptance::undecided;
  bool retracted = false, superseded = false;
};

struct PictureEdge {
  std::string link, from, to, kind, origin;
};

struct Picture {
  std::vector<PictureNode> nodes;  // by dispute, then claim id
  std::vector<PictureEdge> edges;  // by link id
};

// What a picture shows: the linked claims (and, with include_isolated, every
// claim), with camps, unbalanced cycles and statuses.
Picture draw(const ClaimGraph& graph, bool include_isolated = false);

// Graphviz DOT: one box per dispute, camps coloured blue and orange, claims on
// an unbalanced cycle yellow, contradictions red, supports green, echoes
// dashed grey, claims that are out struck grey. Nodes read "claimant: phrase"
// and, for a claim with a place, "in PLACE".
std::string to_dot(const Picture& picture);

}  // namespace claimdb
