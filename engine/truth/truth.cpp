// Truth discovery over comparable groups: the claims are loaded once into
// flat arrays (groups of distinct values, each with the sources claiming it)
// and every method iterates over them in memory.
#include <claimdb/graph.hpp>
#include <claimdb/quantity.hpp>
#include <claimdb/truth.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>
#include <numeric>
#include <set>
#include <tuple>
#include <unordered_map>

namespace claimdb {

namespace {

constexpr const char* kDefault = "accucopy";

// Reliability every source starts from when no prior names it.
constexpr double kSeed = 0.8;
// Weight of a dependent source's vote beside the first of its cluster.
constexpr double kCopyWeight = 0.2;

std::string lower_trim(const std::string& text) {
  std::string out;
  bool space = false;
  for (unsigned char ch : text) {
    if (std::isspace(ch)) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(std::tolower(ch));
  }
  return out;
}

std::string bound(const std::optional<double>& b) {
  if (!b) return "*";
  char text[64];
  std::snprintf(text, sizeof text, "%.17g", *b);
  return text;
}

bool is_true_rating(const std::string& rating) {
  const std::string r = lower_trim(rating);
  return r == "true" || r == "mostly-true" || r == "mostly true" || r == "correct" || r == "accurate";
}

// Whether two intervals share a point.
bool overlap(const Interval& a, const Interval& b) { return !disjoint(a, b); }

std::optional<Interval> intersect(const Interval& a, const Interval& b) {
  Interval out = a;
  if (b.lo && (!out.lo || *b.lo > *out.lo || (*b.lo == *out.lo && b.lo_open))) {
    out.lo = b.lo;
    out.lo_open = b.lo_open;
  }
  if (b.hi && (!out.hi || *b.hi < *out.hi || (*b.hi == *out.hi && b.hi_open))) {
    out.hi = b.hi;
    out.hi_open = b.hi_open;
  }
  if (out.lo && out.hi && (*out.lo > *out.hi || (*out.lo == *out.hi && (out.lo_open || out.hi_open))))
    return std::nullopt;
  return out;
}

std::optional<double> midpoint(const Value& v) {
  if (!v.interval || !v.interval->lo || !v.interval->hi) return std::nullopt;
  return (*v.interval->lo + *v.interval->hi) / 2;
}

struct Union {
  std::vector<std::size_t> parent;
  explicit Union(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  std::size_t find(std::size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void join(std::size_t a, std::size_t b) { parent[find(a)] = find(b); }
};

// One distinct value of a group and who claims it.
struct Candidate {
  std::string key;
  Value value;            // of its first claim
  std::vector<std::size_t> claims;   // indexes into Model::claims
  std::vector<std::size_t> sources;  // distinct source indexes (echoes count once)
  std::vector<double> weight;        // per source: 1, or kCopyWeight for a dependent one
  bool excluded = false;  // reviewed false
  bool fixed = false;     // reviewed true
  std::optional<double> mid;
};

struct Group {
  std::string entity, property, place, from, to;
  ValueType type = ValueType::quantity;
  std::vector<Candidate> values;
};

struct Model {
  std::vector<Claim> claims;
  std::vector<std::string> source_ids;
  std::unordered_map<std::string, std::size_t> source_index;
  std::vector<std::string> affiliation;
  std::vector<Group> groups;
  // Known dependence: (copier, original) pairs from echo/repeats links and
  // report citations; and the clusters of sources counted as one origin.
  std::set<std::pair<std::size_t, std::size_t>> copies;
  std::vector<std::size_t> cluster;
  std::vector<std::int64_t> claim_count;
};

std::string value_key(const Claim& c, ValueType type) {
  if (type == ValueType::quantity && c.value.interval) {
    const Interval& i = *c.value.interval;
    return bound(i.lo) + (i.lo_open ? "(" : "[") + bound(i.hi) + (i.hi_open ? ")" : "]") + lower_trim(c.value.unit);
  }
  return lower_trim(c.value.phrase);
}

Model load(const Database& db, const TruthOptions& options) {
  Model m;
  Dataset data = db.snapshot();
  std::map<std::string, ValueType> types;
  std::set<std::string> multi;
  for (const auto& p : data.properties) {
    types[p.id] = p.value_type;
    if (p.multi_valued) multi.insert(p.id);
  }
  std::map<std::string, std::string> affiliation;
  for (const auto& s : data.sources) affiliation[s.id] = s.affiliation;
  for (const auto& a : data.amendments)
    if (a.record == "source" && a.affiliation) affiliation[a.id] = *a.affiliation;
  for (const auto& s : data.sources) {
    m.source_index.emplace(s.id, m.source_ids.size());
    m.source_ids.push_back(s.id);
    m.affiliation.push_back(affiliation[s.id]);
  }
  for (const auto& [id, prior] : options.priors) {
    if (!m.source_index.count(id)) throw Error(ErrorCode::not_found, "a prior names unknown source '" + id + "'");
    if (!(prior > 0 && prior < 1))
      throw Error(ErrorCode::bad_input, "the prior for source '" + id + "' must lie strictly between 0 and 1");
  }
  std::set<std::string> gone;
  for (const auto& r : data.retractions) gone.insert(r.claim);
  for (const auto& c : data.claims)
    if (!c.supersedes.empty()) gone.insert(c.supersedes);
  std::map<std::string, int> verdict;  // claim -> -1 false, +1 true
  for (const auto& r : data.reviews) {
    if (is_false_rating(r.rating)) verdict[r.claim] = -1;
    else if (is_true_rating(r.rating) && verdict[r.claim] != -1) verdict[r.claim] = 1;
  }
  std::map<std::string, std::string> report_publisher, report_cites;
  for (const auto& r : data.reports) {
    report_publisher[r.id] = r.publisher;
    report_cites[r.id] = r.cites;
  }

  // Groups, in a stable order.
  using Key = std::tuple<std::string, std::string, std::string, std::string, std::string>;
  std::map<Key, std::vector<std::size_t>> grouped;
  for (auto& c : data.claims) {
    if (gone.count(c.id) || c.polarity == Polarity::denies) continue;
    if (!m.source_index.count(c.claimant) || multi.count(c.property)) continue;
    grouped[{c.entity, c.property, c.place, c.valid_from, c.valid_to}].push_back(m.claims.size());
    m.claims.push_back(std::move(c));
  }
  std::unordered_map<std::string, std::size_t> claim_index;
  for (std::size_t i = 0; i < m.claims.size(); ++i) claim_index.emplace(m.claims[i].id, i);

  // Known dependence between sources.
  const std::size_t n = m.source_ids.size();
  Union u(n);
  std::map<std::string, std::size_t> first_of_side;
  for (std::size_t s = 0; s < n; ++s) {
    if (m.affiliation[s].empty()) continue;
    auto [it, added] = first_of_side.emplace(m.affiliation[s], s);
    if (!added) u.join(s, it->second);
  }
  auto source_of = [&](const std::string& claim) -> std::optional<std::size_t> {
    auto it = claim_index.find(claim);
    if (it == claim_index.end()) return std::nullopt;
    return m.source_index.at(m.claims[it->second].claimant);
  };
  for (const auto& l : db.list_links()) {
    if (l.kind != "echo" && l.kind != "repeats") continue;
    auto a = source_of(l.from), b = source_of(l.to);
    if (!a || !b || *a == *b) continue;
    // The link's from is the later statement relaying the earlier.
    m.copies.emplace(*a, *b);
    u.join(*a, *b);
  }
  for (const auto& c : m.claims) {
    if (c.report.empty()) continue;
    const std::string& cited = report_cites[c.report];
    if (cited.empty()) continue;
    const std::string& publisher = report_publisher[cited];
    auto it = m.source_index.find(publisher);
    const std::size_t s = m.source_index.at(c.claimant);
    if (it == m.source_index.end() || it->second == s) continue;
    m.copies.emplace(s, it->second);
    u.join(s, it->second);
  }
  m.cluster.resize(n);
  for (std::size_t s = 0; s < n; ++s) m.cluster[s] = u.find(s);
  m.claim_count.assign(n, 0);

  for (auto& [key, members] : grouped) {
    Group g;
    std::tie(g.entity, g.property, g.place, g.from, g.to) = key;
    auto t = types.find(g.property);
    if (t != types.end()) g.type = t->second;
    std::unordered_map<std::string, std::size_t> by_key;
    for (std::size_t ci : members) {
      const Claim& c = m.claims[ci];
      const std::string k = value_key(c, g.type);
      auto [it, added] = by_key.emplace(k, g.values.size());
      if (added) {
        Candidate cand;
        cand.key = k;
        cand.value = c.value;
        cand.mid = midpoint(c.value);
        g.values.push_back(std::move(cand));
      }
      Candidate& cand = g.values[it->second];
      cand.claims.push_back(ci);
      const std::size_t s = m.source_index.at(c.claimant);
      if (std::find(cand.sources.begin(), cand.sources.end(), s) == cand.sources.end()) {
        cand.sources.push_back(s);
        ++m.claim_count[s];
      }
      auto v = verdict.find(c.id);
      if (v != verdict.end()) (v->second < 0 ? cand.excluded : cand.fixed) = true;
    }
    // Within one value, sources of the same dependence cluster after the
    // first count as copies.
    for (auto& cand : g.values) {
      std::set<std::size_t> seen;
      for (std::size_t s : cand.sources) cand.weight.push_back(seen.insert(m.cluster[s]).second ? 1.0 : kCopyWeight);
    }
    m.groups.push_back(std::move(g));
  }
  return m;
}

// Per group, per candidate, a score; and per source a reliability.
struct State {
  std::vector<std::vector<double>> score;  // confidence per candidate, in [0, 1]
  std::vector<double> trust;
  std::vector<std::size_t> chosen;  // per group
  std::set<std::pair<std::size_t, std::size_t>> detected;  // (copier, original) from shared false values
  int iterations = 0;
};

std::vector<double> seed(const Model& m, const TruthOptions& o, double base) {
  std::vector<double> t(m.source_ids.size(), base);
  for (const auto& [id, p] : o.priors) t[m.source_index.at(id)] = p;
  return t;
}

void choose(const Model& m, State& st) {
  st.chosen.assign(m.groups.size(), 0);
  for (std::size_t g = 0; g < m.groups.size(); ++g) {
    const auto& vals = m.groups[g].values;
    std::size_t best = 0;
    double best_score = -1;
    bool fixed = false;
    for (std::size_t v = 0; v < vals.size(); ++v) {
      if (vals[v].fixed && !vals[v].excluded) {
        if (!fixed) best = v;
        fixed = true;
        continue;
      }
      if (fixed) continue;
      const double s = vals[v].excluded ? -0.5 : st.score[g][v];
      // Ties go to the value with more sources, then the first said.
      if (s > best_score + 1e-12 ||
          (std::abs(s - best_score) <= 1e-12 && vals[v].sources.size() > vals[best].sources.size())) {
        best = v;
        best_score = s;
      }
    }
    st.chosen[g] = best;
  }
}

// Reviews: a value reviewed true takes confidence 1, one reviewed false 0.
void apply_reviews(const Model& m, State& st) {
  for (std::size_t g = 0; g < m.groups.size(); ++g) {
    const auto& vals = m.groups[g].values;
    bool any_fixed = std::any_of(vals.begin(), vals.end(), [](const Candidate& c) { return c.fixed && !c.excluded; });
    for (std::size_t v = 0; v < vals.size(); ++v) {
      if (vals[v].excluded) st.score[g][v] = 0;
      else if (any_fixed) st.score[g][v] = vals[v].fixed ? 1.0 : 0.0;
    }
  }
}

void run_vote(const Model& m, State& st) {
  st.score.resize(m.groups.size());
  for (std::size_t g = 0; g < m.groups.size(); ++g) {
    double total = 0;
    for (const auto& c : m.groups[g].values) total += static_cast<double>(c.sources.size());
    for (const auto& c : m.groups[g].values) st.score[g].push_back(total > 0 ? c.sources.size() / total : 0);
  }
  st.trust.assign(m.source_ids.size(), 0);
  st.iterations = 1;
}

// Sums (Hubs and Authorities): belief = sum of trust; trust = sum of belief;
// each normalised by its maximum.
void run_sums(const Model& m, const TruthOptions& o, State& st) {
  st.trust = seed(m, o, kSeed);
  std::vector<std::vector<double>> belief(m.groups.size());
  for (std::size_t g = 0; g < m.groups.size(); ++g) belief[g].assign(m.groups[g].values.size(), 0);
  for (int it = 0; it < o.max_iterations; ++it) {
    double bmax = 0;
    for (std::size_t g = 0; g < m.groups.size(); ++g)
      for (std::size_t v = 0; v < belief[g].size(); ++v) {
        const auto& c = m.groups[g].values[v];
        double b = 0;
        if (!c.excluded)
          for (std::size_t s : c.sources) b += st.trust[s];
        belief[g][v] = b;
        bmax = std::max(bmax, b);
      }
    std::vector<double> t(st.trust.size(), 0);
    for (std::size_t g = 0; g < m.groups.size(); ++g)
      for (std::size_t v = 0; v < belief[g].size(); ++v) {
        belief[g][v] /= bmax > 0 ? bmax : 1;
        for (std::size_t s : m.groups[g].values[v].sources) t[s] += belief[g][v];
      }
    const double tmax = *std::max_element(t.begin(), t.end());
    for (auto& x : t) x /= tmax > 0 ? tmax : 1;
    st.trust = std::move(t);
    st.iterations = it + 1;
  }
  st.score.resize(m.groups.size());
  for (std::size_t g = 0; g < m.groups.size(); ++g) {
    const double total = std::accumulate(belief[g].begin(), belief[g].end(), 0.0);
    for (double b : belief[g]) st.score[g].push_back(total > 0 ? b / total : 0);
  }
}

// Similarity of two quantities for TruthFinder's implication: 1 for the same
// midpoint, falling with the relative gap; 0 for categories.
double similarity(const Candidate& a, const Candidate& b) {
  if (!a.mid || !b.mid) return 0;
  const double scale = std::max(std::abs(*a.mid), std::abs(*b.mid));
  if (scale == 0) return 1;
  return std::exp(-std::abs(*a.mid - *b.mid) / (0.01 * scale));
}

// TruthFinder (Yin, Han, Yu 2007): tau(s) = -ln(1 - t(s)); a value's score
// sums its sources' tau plus rho times the implication of similar values;
// confidence 1 / (1 + e^(-gamma score)); t(s) = the mean confidence of its values.
void run_truthfinder(const Model& m, const TruthOptions& o, State& st) {
  constexpr double gamma = 0.3, rho = 0.5, base_sim = 0.5;
  st.trust = seed(m, o, 0.9);
  st.score.resize(m.groups.size());
  for (int it = 0; it < o.max_iterations; ++it) {
    std::vector<double> tau(st.trust.size());
    for (std::size_t s = 0; s < tau.size(); ++s) tau[s] = -std::log(std::max(1e-9, 1 - std::min(st.trust[s], 0.999999)));
    std::vector<double> sum(st.trust.size(), 0);
    std::vector<double> count(st.trust.size(), 0);
    for (std::size_t g = 0; g < m.groups.size(); ++g) {
      const auto& vals = m.groups[g].values;
      std::vector<double> sigma(vals.size(), 0);
      for (std::size_t v = 0; v < vals.size(); ++v)
        for (std::size_t s : vals[v].sources) sigma[v] += tau[s];
      st.score[g].assign(vals.size(), 0);
      for (std::size_t v = 0; v < vals.size(); ++v) {
        double adj = sigma[v];
        if (vals.size() > 1 && vals[v].mid)
          for (std::size_t w = 0; w < vals.size(); ++w)
            if (w != v) adj += rho * sigma[w] * (similarity(vals[w], vals[v]) - base_sim);
        st.score[g][v] = vals[v].excluded ? 0 : 1 / (1 + std::exp(-gamma * adj));
        for (std::size_t s : vals[v].sources) {
          sum[s] += st.score[g][v];
          count[s] += 1;
        }
      }
    }
    for (std::size_t s = 0; s < st.trust.size(); ++s)
      if (count[s] > 0) st.trust[s] = sum[s] / count[s];
    for (const auto& [id, p] : o.priors) {
      auto& t = st.trust[m.source_index.at(id)];
      t = (t + p) / 2;
    }
    st.iterations = it + 1;
  }
  // Reported confidence: a value's share of its group's confidences (the
  // logistic damping keeps even a unanimous value below 1).
  for (auto& scores : st.score) {
    const double total = std::accumulate(scores.begin(), scores.end(), 0.0);
    if (total > 0)
      for (auto& x : scores) x /= total;
  }
}

// Accu with dependence (after Dong, Berti-Equille, Srivastava 2009): a
// source's vote for a value is ln(n A / (1 - A)) for accuracy A and n false
// values; a dependent source's vote (known: echoes, repeats, citations, a
// common affiliation; detected: two sources sharing false values) is cut to
// kCopyWeight; P(value) = e^C(v) / (1 + sum e^C(w)), the 1 standing for a
// value nobody claimed; A(s) = the mean P of its values.
void run_accu(const Model& m, const TruthOptions& o, State& st, bool copy_detection) {
  st.trust = seed(m, o, kSeed);
  st.score.resize(m.groups.size());
  for (std::size_t g = 0; g < m.groups.size(); ++g) st.score[g].assign(m.groups[g].values.size(), 0);
  std::map<std::pair<std::size_t, std::size_t>, int> shared_false, shared;
  for (int it = 0; it < o.max_iterations; ++it) {
    std::vector<double> sum(st.trust.size(), 0), count(st.trust.size(), 0);
    for (std::size_t g = 0; g < m.groups.size(); ++g) {
      const auto& vals = m.groups[g].values;
      const double nfalse = std::max<double>(1.0, static_cast<double>(vals.size()) - 1 + 1);
      std::vector<double> c(vals.size(), 0);
      double z = 1;
      for (std::size_t v = 0; v < vals.size(); ++v) {
        if (vals[v].excluded) continue;
        std::set<std::size_t> clusters;
        for (std::size_t k = 0; k < vals[v].sources.size(); ++k) {
          const std::size_t s = vals[v].sources[k];
          const double a = std::clamp(st.trust[s], 0.01, 0.99);
          double w = vals[v].weight[k];
          if (copy_detection && w == 1.0)
            for (std::size_t j = 0; j < k; ++j)
              if (st.detected.count({s, vals[v].sources[j]})) w = kCopyWeight;
          c[v] += w * std::log(nfalse * a / (1 - a));
        }
        c[v] = std::min(c[v], 50.0);
        z += std::exp(c[v]);
      }
      for (std::size_t v = 0; v < vals.size(); ++v) {
        st.score[g][v] = vals[v].excluded ? 0 : std::exp(c[v]) / z;
        for (std::size_t s : vals[v].sources) {
          sum[s] += st.score[g][v];
          count[s] += 1;
        }
      }
    }
    for (std::size_t s = 0; s < st.trust.size(); ++s)
      if (count[s] > 0) st.trust[s] = (sum[s] + kSeed) / (count[s] + 1);  // one pseudo-claim at the seed
    for (const auto& [id, p] : o.priors) {
      auto& t = st.trust[m.source_index.at(id)];
      t = (t + p) / 2;
    }
    st.iterations = it + 1;
    if (!copy_detection || it != 2) continue;
    // After a few rounds: pairs of sources sharing at least two values now
    // believed false, and mostly agreeing, are dependent; the one with fewer
    // claims is taken to copy the other.
    for (std::size_t g = 0; g < m.groups.size(); ++g) {
      const auto& vals = m.groups[g].values;
      for (std::size_t v = 0; v < vals.size(); ++v) {
        if (vals[v].sources.size() < 2 || vals[v].sources.size() > 50) continue;
        const bool is_false = st.score[g][v] < 0.5;
        for (std::size_t i = 0; i < vals[v].sources.size(); ++i)
          for (std::size_t j = i + 1; j < vals[v].sources.size(); ++j) {
            auto key = std::minmax(vals[v].sources[i], vals[v].sources[j]);
            ++shared[key];
            if (is_false) ++shared_false[key];
          }
      }
    }
    for (const auto& [pair, f] : shared_false) {
      if (f < 2 || 2 * f < shared[pair]) continue;
      auto [a, b] = pair;
      if (m.claim_count[a] > m.claim_count[b]) std::swap(a, b);
      st.detected.emplace(a, b);
    }
  }
}

// The interval method: accucopy's reliabilities, then per group the value
// whose compatible (overlapping) claims carry the most trust; the answer is
// the intersection of the trusted compatible claims.
void run_interval(const Model& m, const TruthOptions& o, State& st) {
  run_accu(m, o, st, true);
  for (std::size_t g = 0; g < m.groups.size(); ++g) {
    const auto& vals = m.groups[g].values;
    if (m.groups[g].type != ValueType::quantity) continue;
    std::vector<double> c(vals.size(), 0);
    double z = 1;
    for (std::size_t v = 0; v < vals.size(); ++v) {
      if (vals[v].excluded) continue;
      for (std::size_t w = 0; w < vals.size(); ++w) {
        if (vals[w].excluded) continue;
        const bool compatible = w == v || (vals[v].value.interval && vals[w].value.interval &&
                                           overlap(*vals[v].value.interval, *vals[w].value.interval));
        if (!compatible) continue;
        for (std::size_t k = 0; k < vals[w].sources.size(); ++k) {
          const double a = std::clamp(st.trust[vals[w].sources[k]], 0.01, 0.99);
          c[v] += vals[w].weight[k] * std::log(std::max<double>(1, vals.size()) * a / (1 - a));
        }
      }
      c[v] = std::min(c[v], 50.0);
      z += std::exp(c[v]);
    }
    for (std::size_t v = 0; v < vals.size(); ++v) st.score[g][v] = vals[v].excluded ? 0 : std::exp(c[v]) / z;
  }
}

std::string join_ids(const std::vector<std::string>& ids, std::size_t most = 3) {
  std::string out;
  for (std::size_t i = 0; i < ids.size() && i < most; ++i) out += (i ? ", " : "") + ids[i];
  if (ids.size() > most) out += " and " + std::to_string(ids.size() - most) + " more";
  return out;
}

std::string number_text(double x) {
  char text[64];
  std::snprintf(text, sizeof text, "%.6g", x);
  return text;
}

}  // namespace

const std::vector<std::string>& truth_methods() {
  static const std::vector<std::string> methods{"vote", "sums", "truthfinder", "accucopy", "interval"};
  return methods;
}

const char* default_truth_method() noexcept { return kDefault; }

TruthResult discover_truth(const Database& db, const TruthOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  TruthResult result;
  result.method = options.method.empty() ? kDefault : options.method;
  const auto& methods = truth_methods();
  if (std::find(methods.begin(), methods.end(), result.method) == methods.end())
    throw Error(ErrorCode::bad_input, "unknown truth method '" + result.method +
                                          "' (known: vote, sums, truthfinder, accucopy, interval)");
  if (options.max_iterations < 1) throw Error(ErrorCode::bad_input, "max_iterations must be at least 1");
  const Model m = load(db, options);
  State st;
  if (result.method == "vote") run_vote(m, st);
  else if (result.method == "sums") run_sums(m, options, st);
  else if (result.method == "truthfinder") run_truthfinder(m, options, st);
  else if (result.method == "accucopy") run_accu(m, options, st, true);
  else run_interval(m, options, st);
  apply_reviews(m, st);
  choose(m, st);
  result.iterations = st.iterations;

  std::vector<std::int64_t> agreed(m.source_ids.size(), 0);
  std::vector<bool> shown(m.source_ids.size(), false);
  for (std::size_t g = 0; g < m.groups.size(); ++g)
    for (std::size_t s : m.groups[g].values[st.chosen[g]].sources) ++agreed[s];
  for (std::size_t g = 0; g < m.groups.size(); ++g) {
    const Group& group = m.groups[g];
    // Reliabilities come from every claim; only the asked groups are answered.
    if (!options.entity.empty() && group.entity != options.entity) continue;
    if (!options.property.empty() && group.property != options.property) continue;
    for (const auto& c : group.values)
      for (std::size_t s : c.sources) shown[s] = true;
    const Candidate& best = group.values[st.chosen[g]];
    TruthAnswer a;
    a.entity = group.entity;
    a.property = group.property;
    a.place = group.place;
    a.valid_from = group.from;
    a.valid_to = group.to;
    a.value_type = group.type;
    a.value = best.value;
    a.method = result.method;
    a.alternatives = static_cast<std::int64_t>(group.values.size()) - 1;
    a.reviewed = std::any_of(group.values.begin(), group.values.end(),
                             [](const Candidate& c) { return c.fixed || c.excluded; });
    a.confidence = std::clamp(st.score[g][st.chosen[g]], 0.0, 1.0);
    double second = 0;
    for (std::size_t v = 0; v < group.values.size(); ++v)
      if (v != st.chosen[g]) second = std::max(second, std::clamp(st.score[g][v], 0.0, 1.0));
    a.margin = a.confidence - second;
    std::set<std::string> claims, sources, dissent, dissent_sources;
    std::set<std::size_t> origins;
    std::optional<Interval> meet = best.value.interval;
    for (std::size_t v = 0; v < group.values.size(); ++v) {
      const Candidate& c = group.values[v];
      bool supports = v == st.chosen[g];
      // The interval method: compatible claims support, trusted ones narrow it.
      if (!supports && result.method == "interval" && group.type == ValueType::quantity && !c.excluded &&
          best.value.interval && c.value.interval && overlap(*best.value.interval, *c.value.interval)) {
        supports = true;
        bool trusted = false;
        for (std::size_t s : c.sources) trusted = trusted || st.trust[s] >= 0.5;
        if (trusted && meet) {
          auto narrowed = intersect(*meet, *c.value.interval);
          if (narrowed) meet = narrowed;
        }
      }
      for (std::size_t ci : c.claims) (supports ? claims : dissent).insert(m.claims[ci].id);
      for (std::size_t s : c.sources) {
        (supports ? sources : dissent_sources).insert(m.source_ids[s]);
        if (supports) {
          origins.insert(m.cluster[s]);
        }
      }
    }
    if (result.method == "interval" && meet && best.value.interval &&
        (meet->lo != best.value.interval->lo || meet->hi != best.value.interval->hi ||
         meet->lo_open != best.value.interval->lo_open || meet->hi_open != best.value.interval->hi_open)) {
      a.value.interval = meet;
      // A claim saying exactly the intersection lends its words; else the bounds.
      std::string said;
      for (const auto& c : group.values)
        if (c.value.interval && c.value.interval->lo == meet->lo && c.value.interval->hi == meet->hi &&
            c.value.interval->lo_open == meet->lo_open && c.value.interval->hi_open == meet->hi_open) {
          said = c.value.phrase;
          a.value.unit = c.value.unit;
          break;
        }
      if (!said.empty()) a.value.phrase = said;
      else if (meet->lo && meet->hi && *meet->lo == *meet->hi) a.value.phrase = number_text(*meet->lo);
      else
        a.value.phrase = (meet->lo ? number_text(*meet->lo) : std::string("-inf")) + " to " +
                         (meet->hi ? number_text(*meet->hi) : std::string("inf"));
    }
    a.claims.assign(claims.begin(), claims.end());
    a.sources.assign(sources.begin(), sources.end());
    a.dissent.assign(dissent.begin(), dissent.end());
    a.dissent_sources.assign(dissent_sources.begin(), dissent_sources.end());
    a.independent_origins = static_cast<std::int64_t>(origins.size());
    char conf[16];
    std::snprintf(conf, sizeof conf, "%.2f", a.confidence);
    std::string e;
    if (a.reviewed && best.fixed) {
      e = "A fact-checker's review settles " + a.entity + "'s " + a.property + " as \"" + a.value.phrase + "\"";
    } else {
      e = "\"" + a.value.phrase + "\" is the most likely " + a.property + " of " + a.entity + " (confidence " +
          conf + ", " + result.method + "), backed by " + join_ids(a.sources) + " (" +
          std::to_string(a.independent_origins) + (a.independent_origins == 1 ? " independent origin)" : " independent origins)");
      if (a.dissent_sources.empty()) e += ", with no source saying otherwise";
      else e += " against " + join_ids(a.dissent_sources);
      if (a.reviewed) e += "; a value reviewed false was ruled out";
    }
    a.explanation = e + ".";
    result.answers.push_back(std::move(a));
  }

  for (std::size_t s = 0; s < m.source_ids.size(); ++s) {
    if (m.claim_count[s] == 0 || !shown[s]) continue;
    SourceTrust t;
    t.source = m.source_ids[s];
    t.claims = m.claim_count[s];
    t.agreed = agreed[s];
    t.reliability = result.method == "vote" ? static_cast<double>(agreed[s]) / m.claim_count[s]
                                            : std::clamp(st.trust[s], 0.0, 1.0);
    std::set<std::string> copies;
    for (const auto& [a, b] : m.copies)
      if (a == s) copies.insert(m.source_ids[b]);
    for (const auto& [a, b] : st.detected)
      if (a == s) copies.insert(m.source_ids[b]);
    t.copies.assign(copies.begin(), copies.end());
    result.sources.push_back(std::move(t));
  }
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

}  // namespace claimdb
