// What the query language reads. Every statement here is built from fixed
// fragments only; ids arrive resolved to row ids and every piece of user
// text (times, search words, kinds) is a bound parameter.
#include "storage/store.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <limits>
#include <memory>

namespace claimdb::detail {

namespace {

// "As of now": later than any recorded time.
const std::string& as_of_or_now(const std::string& as_of) {
  static const std::string far_future = "9999-12-31T23:59:59Z";
  return as_of.empty() ? far_future : as_of;
}

Cell cell_at(SQLite::Statement& q, int index) {
  const SQLite::Column column = q.getColumn(index);
  switch (column.getType()) {
    case SQLITE_INTEGER: return Cell(static_cast<std::int64_t>(column.getInt64()));
    case SQLITE_FLOAT: return Cell(column.getDouble());
    case SQLITE_NULL: return Cell();
    default: return Cell(column.getString());
  }
}

QueryResult collect(SQLite::Statement& q, std::vector<std::string> columns) {
  QueryResult out;
  out.columns = std::move(columns);
  const int n = static_cast<int>(out.columns.size());
  while (q.executeStep()) {
    std::vector<Cell> row;
    row.reserve(n);
    for (int i = 0; i < n; ++i) row.push_back(cell_at(q, i));
    out.rows.push_back(std::move(row));
  }
  return out;
}

std::string limit_clause(std::int64_t limit) { return limit > 0 ? " LIMIT :limit" : ""; }

void bind_limit(SQLite::Statement& q, std::int64_t limit) {
  if (limit > 0) q.bind(":limit", static_cast<std::int64_t>(limit));
}

// A claim's status as of :t, as SQL over the claim aliased `c`.
std::string status_sql(const char* c) {
  const std::string alias = c;
  return "CASE WHEN EXISTS (SELECT 1 FROM retractions x WHERE x.claim = " + alias +
         ".id AND x.recorded_at <= :t) THEN 'retracted' "
         "WHEN EXISTS (SELECT 1 FROM claims n WHERE n.supersedes = " + alias +
         ".id AND n.recorded_at <= :t) THEN 'superseded' ELSE 'current' END";
}

// The claim's time: when said, else when published (by the claim, else by its
// report); NULL when the sources give no time.
const char* const claim_time_sql = "COALESCE(c.said_at, c.published_at, r.published_at)";

// A descriptive column of a source or entity (recorded row aliased `alias`)
// as the database knew it at :t: its latest amendment recorded by then, else
// the recorded value ("" clears). The views of the amendments migration
// give the same for now.
std::string known_at_t(const std::string& kind, const std::string& alias, const std::string& column) {
  return "nullif(coalesce((SELECT a." + column + " FROM " + kind + "_amendments a WHERE a." + kind + " = " +
         alias + ".id AND a." + column + " IS NOT NULL AND a.recorded_at <= :t ORDER BY a.id DESC LIMIT 1), " +
         alias + "." + column + "), '')";
}

// The news-time bounds on the claim aliased `c` (its report's time through
// `published`), as " AND ..." conditions with parameters named by prefix.
std::string news_sql(const NewsTime& n, const std::string& c, const std::string& published,
                     const std::string& prefix) {
  std::string sql;
  if (!n.published_before.empty()) sql += " AND " + published + " < :" + prefix + "pb";
  if (!n.published_after.empty()) sql += " AND " + published + " > :" + prefix + "pa";
  if (!n.said_before.empty()) sql += " AND " + c + ".said_at < :" + prefix + "sb";
  if (!n.said_after.empty()) sql += " AND " + c + ".said_at > :" + prefix + "sa";
  return sql;
}

void bind_news(SQLite::Statement& q, const NewsTime& n, const std::string& prefix) {
  if (!n.published_before.empty()) q.bind(":" + prefix + "pb", n.published_before);
  if (!n.published_after.empty()) q.bind(":" + prefix + "pa", n.published_after);
  if (!n.said_before.empty()) q.bind(":" + prefix + "sb", n.said_before);
  if (!n.said_after.empty()) q.bind(":" + prefix + "sa", n.said_after);
}

}  // namespace

QueryResult Store::query_claims(const ClaimQuery& f) {
  std::string sql =
      std::string("SELECT c.slug, s.slug, e.slug, p.slug, c.phrase, c.unit, pl.slug, "
                  "CASE WHEN c.polarity = 1 THEN 'asserts' ELSE 'denies' END, ") +
      claim_time_sql + ", r.slug, " + status_sql("c") +
      ", c.quote FROM claims c JOIN sources s ON s.id = c.claimant "
      "JOIN entities e ON e.id = c.entity JOIN properties p ON p.id = c.property "
      "LEFT JOIN reports r ON r.id = c.report LEFT JOIN entities pl ON pl.id = c.place "
      "WHERE c.recorded_at <= :t";
  if (f.entity) sql += " AND c.entity = :entity";
  if (f.property) sql += " AND c.property = :property";
  if (f.claimant) sql += " AND c.claimant = :claimant";
  if (f.report) sql += " AND c.report = :report";
  if (!f.since.empty()) sql += std::string(" AND ") + claim_time_sql + " >= :since";
  if (!f.until.empty()) sql += std::string(" AND ") + claim_time_sql + " <= :until";
  sql += news_sql(f.news, "c", "COALESCE(c.published_at, r.published_at)", "n");
  sql += " ORDER BY c.id" + limit_clause(f.limit);
  SQLite::Statement q(db_, sql);
  q.bind(":t", as_of_or_now(f.as_of));
  if (f.entity) q.bind(":entity", static_cast<std::int64_t>(f.entity));
  if (f.property) q.bind(":property", static_cast<std::int64_t>(f.property));
  if (f.claimant) q.bind(":claimant", static_cast<std::int64_t>(f.claimant));
  if (f.report) q.bind(":report", static_cast<std::int64_t>(f.report));
  if (!f.since.empty()) q.bind(":since", f.since);
  if (!f.until.empty()) q.bind(":until", f.until);
  bind_news(q, f.news, "n");
  bind_limit(q, f.limit);
  return collect(q, {"id", "claimant", "entity", "property", "value", "unit", "place", "polarity", "time",
                     "report", "status", "quote"});
}

QueryResult Store::query_conflicts(const ConflictQuery& f) {
  // Two arms, one per table: the analyst's links (`links`) and the
  // detector's (`detector_links`), each narrowed through its own indexes,
  // merged by one ORDER BY. A detector link's explanation is left NULL here:
  // it is derived from the two claims by the caller.
  std::string narrow;
  if (f.entity) narrow = "c2.entity = :entity";
  else if (f.source) narrow = "c2.claimant = :source";
  else if (f.between_a) narrow = "c2.claimant = :between_a";
  const int kind_code = link_kind_code(f.kind);
  auto arm = [&](bool detector) {
    const std::string table = detector ? "detector_links" : "links";
    std::string sql =
        std::string("SELECT a.slug, b.slug, ") + (detector ? "k.name" : "l.kind") +
        ", l.severity, e.slug, "
        "CASE WHEN pa.id = pb.id THEN pa.slug ELSE pa.slug || ' / ' || pb.slug END, "
        "sa.slug, a.phrase, sb.slug, b.phrase, " +
        (detector ? "'detector', NULL, " : "l.origin, 'analyst ' || l.origin || ': ' || COALESCE(l.rationale, ''), ") +
        "a.entity AS sort_entity, a.property AS sort_property, l.from_claim AS sort_from, "
        "l.to_claim AS sort_to, " + (detector ? "0" : "l.id") + " AS sort_id FROM " +
        // The detector's links are narrowed by driving the join from the
        // pairs the narrowing finds.
        (detector && !narrow.empty() ? detector_links_of_claims(narrow) + " " : table + " l ") +
        (detector ? "JOIN link_kinds k ON k.code = l.kind " : "") +
        "JOIN claims a ON a.id = l.from_claim JOIN claims b ON b.id = l.to_claim "
        "JOIN sources sa ON sa.id = a.claimant JOIN sources sb ON sb.id = b.claimant "
        "JOIN entities e ON e.id = a.entity "
        "JOIN properties pa ON pa.id = a.property JOIN properties pb ON pb.id = b.property "
        "WHERE a.recorded_at <= :t AND b.recorded_at <= :t " +
        (detector ? "" : "AND l.recorded_at <= :t ") +
        "AND " + status_sql("a") + " = 'current' AND " + status_sql("b") + " = 'current'";
    // Narrow the links through an index first: by the claims of the entity,
    // else of the source, else of one side of `between`.
    if (!narrow.empty() && !detector)
      sql += " AND l.id IN (SELECT l2.id FROM claims c2 JOIN links l2 ON l2.from_claim = c2.id WHERE " +
             narrow + " UNION ALL SELECT l2.id FROM claims c2 JOIN links l2 ON l2.to_claim = c2.id WHERE " +
             narrow + ")";
    if (f.entity) sql += " AND (a.entity = :entity OR b.entity = :entity)";
    if (f.property) sql += " AND (a.property = :property OR b.property = :property)";
    if (f.source) sql += " AND (a.claimant = :source OR b.claimant = :source)";
    if (f.between_a)
      sql += " AND ((a.claimant = :between_a AND b.claimant = :between_b) OR "
             "(a.claimant = :between_b AND b.claimant = :between_a))";
    // News time: both claims had been published (or said) within the bounds.
    for (const char* side : {"a", "b"})
      sql += news_sql(f.news, side,
                      std::string("COALESCE(") + side + ".published_at, (SELECT rp.published_at FROM reports rp "
                      "WHERE rp.id = " + side + ".report))",
                      "n");
    if (detector) {
      if (f.kind.empty()) sql += " AND l.kind = 1";
      else if (f.kind != "all") sql += " AND l.kind = :kind_code";
    } else {
      // The unary + keeps SQLite from driving the query by the links_kind
      // index (every link of a kind) instead of the narrowing above.
      const char* kind_column = narrow.empty() ? " AND l.kind" : " AND +l.kind";
      if (f.kind.empty()) sql += std::string(kind_column) + " = 'contradicts'";
      else if (f.kind != "all") sql += std::string(kind_column) + " = :kind";
    }
    if (!f.severity_op.empty()) {
      static const std::array<const char*, 5> ops = {">", ">=", "<", "<=", "="};
      const char* op = nullptr;
      for (const char* candidate : ops)
        if (f.severity_op == candidate) op = candidate;
      if (!op) throw Error(ErrorCode::internal, "unknown comparison '" + f.severity_op + "'");
      sql += std::string(" AND l.severity IS NOT NULL AND l.severity ") + op + " :severity";
    }
    return sql;
  };
  const std::string sql = arm(false) + " UNION ALL " + arm(true) +
                          " ORDER BY sort_entity, sort_property, sort_from, sort_to, sort_id" +
                          limit_clause(f.limit);
  SQLite::Statement q(db_, sql);
  q.bind(":t", as_of_or_now(f.as_of));
  if (f.entity) q.bind(":entity", static_cast<std::int64_t>(f.entity));
  if (f.property) q.bind(":property", static_cast<std::int64_t>(f.property));
  if (f.source) q.bind(":source", static_cast<std::int64_t>(f.source));
  if (f.between_a) {
    q.bind(":between_a", static_cast<std::int64_t>(f.between_a));
    q.bind(":between_b", static_cast<std::int64_t>(f.between_b));
  }
  if (!f.kind.empty() && f.kind != "all") {
    q.bind(":kind", f.kind);
    q.bind(":kind_code", kind_code);
  }
  if (!f.severity_op.empty()) q.bind(":severity", f.severity);
  bind_news(q, f.news, "n");
  bind_limit(q, f.limit);
  return collect(q, {"a", "b", "kind", "severity", "entity", "property", "claimant_a", "value_a",
                     "claimant_b", "value_b", "origin", "explanation"});
}

QueryResult Store::query_sources(const SourceQuery& f) {
  const bool filtered = f.entity || f.property;
  // Names and sides as amended by :t (as of a time before an amendment, the earlier version).
  std::string sql = "SELECT s.slug, " + known_at_t("source", "s", "name") + ", " +
                    known_at_t("source", "s", "kind") + ", " + known_at_t("source", "s", "affiliation") +
                    ", COUNT(c.id) FROM source_records s "
                    "LEFT JOIN claims c ON c.claimant = s.id AND c.recorded_at <= :t";
  if (f.entity) sql += " AND c.entity = :entity";
  if (f.property) sql += " AND c.property = :property";
  sql += " WHERE s.recorded_at <= :t GROUP BY s.id";
  if (filtered) sql += " HAVING COUNT(c.id) > 0";
  sql += " ORDER BY s.slug" + limit_clause(f.limit);
  SQLite::Statement q(db_, sql);
  q.bind(":t", as_of_or_now(f.as_of));
  if (f.entity) q.bind(":entity", static_cast<std::int64_t>(f.entity));
  if (f.property) q.bind(":property", static_cast<std::int64_t>(f.property));
  bind_limit(q, f.limit);
  return collect(q, {"id", "name", "kind", "affiliation", "claims"});
}

QueryResult Store::query_entities(const std::string& as_of, std::int64_t limit) {
  SQLite::Statement q(db_, "SELECT e.slug, " + known_at_t("entity", "e", "name") + ", " +
                               known_at_t("entity", "e", "kind") +
                               ", p.slug FROM entity_records e "
                               "LEFT JOIN entity_records p ON p.id = e.part_of WHERE e.recorded_at <= :t "
                               "ORDER BY e.slug" + limit_clause(limit));
  q.bind(":t", as_of_or_now(as_of));
  bind_limit(q, limit);
  return collect(q, {"id", "name", "kind", "part_of"});
}

QueryResult Store::query_properties(const std::string& as_of, std::int64_t limit) {
  SQLite::Statement q(db_,
                      "SELECT slug, value_type, unit, multi_valued, cumulative FROM properties "
                      "WHERE recorded_at <= :t ORDER BY slug" + limit_clause(limit));
  q.bind(":t", as_of_or_now(as_of));
  bind_limit(q, limit);
  return collect(q, {"id", "value_type", "unit", "multi_valued", "cumulative"});
}

namespace {

// How many of the newest matches a search ranks when more match than that.
constexpr std::int64_t search_candidates = 400;
// Matches are counted exactly up to this many; beyond, the count says "more
// than" (counting 40,000 matches of two common words costs more than the
// whole rest of a search).
constexpr std::int64_t search_count_limit = 10000;
// Words in a snippet.
constexpr std::size_t snippet_words = 16;

// The words of a search expression as fts_expression writes it: each a
// double-quoted string (quotes inside doubled), '*' after it for a prefix.
struct SearchTerm {
  std::string text;
  bool prefix = false;
};

// One UTF-8 code point from text at i (advancing i); a malformed byte is
// returned as itself.
char32_t next_code_point(std::string_view text, std::size_t& i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char c = byte(i);
  const std::size_t extra = c < 0x80 ? 0 : (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : (c & 0xF8) == 0xF0 ? 3 : 9;
  if (extra == 0 || i + extra >= text.size()) {
    ++i;
    return c;
  }
  char32_t cp = c & (0x3F >> extra);
  for (std::size_t k = 1; k <= extra; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) {
      ++i;
      return c;
    }
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  i += extra + 1;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Whether a code point separates words: ASCII other than letters and digits,
// Latin-1 punctuation and symbols, general punctuation (dashes, quotes,
// ellipsis, spaces), currency signs and CJK punctuation.
bool separates(char32_t cp) {
  if (cp < 0x80) return !std::isalnum(static_cast<int>(cp));
  return (cp >= 0x80 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp <= 0x206F) ||
         (cp >= 0x20A0 && cp <= 0x20CF) || (cp >= 0x3000 && cp <= 0x303F);
}

// Lower case for Latin (ASCII and Latin-1), Greek and Cyrillic capitals.
char32_t lower(char32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return cp + 32;
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 32;
  if (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2) return cp + 32;
  if (cp >= 0x410 && cp <= 0x42F) return cp + 32;
  if (cp >= 0x400 && cp <= 0x40F) return cp + 80;
  return cp;
}

// A word of a text: where it is (bytes) and which search term it is (-1:
// none).
struct Word {
  std::uint32_t begin = 0, end = 0;
  int term = -1;
};


std::string fold(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) append_utf8(out, lower(next_code_point(text, i)));
  return out;
}

std::vector<SearchTerm> search_terms(const std::string& match) {
  std::vector<SearchTerm> terms;
  for (std::size_t i = 0; i < match.size();) {
    if (match[i] != '"') {
      ++i;
      continue;
    }
    std::string word;
    for (++i; i < match.size(); ++i) {
      if (match[i] == '"') {
        if (i + 1 < match.size() && match[i + 1] == '"') {
          word += '"';
          ++i;
          continue;
        }
        ++i;
        break;
      }
      word += match[i];
    }
    SearchTerm term{fold(word), i < match.size() && match[i] == '*'};
    if (term.prefix) ++i;
    if (!term.text.empty()) terms.push_back(std::move(term));
  }
  return terms;
}

// Which search term a lower-cased word is (-1: none).
int term_of(std::string_view folded, const std::vector<SearchTerm>& terms) {
  for (std::size_t t = 0; t < terms.size(); ++t) {
    const auto& term = terms[t];
    if (term.prefix ? folded.substr(0, term.text.size()) == term.text : folded == term.text)
      return static_cast<int>(t);
  }
  return -1;
}

// Words as FTS5's default tokenizer sees them, near enough to rank and
// highlight: runs of letters and digits, lower-cased, each marked with the
// search term it is. Which rows match is FTS5's decision; this only weighs
// and marks them.
std::vector<Word> words_of(std::string_view text, const std::vector<SearchTerm>& terms) {
  std::vector<Word> words;
  std::string folded;
  Word word;
  bool in_word = false;
  auto finish = [&] {
    word.term = term_of(folded, terms);
    words.push_back(word);
    folded.clear();
    in_word = false;
  };
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t at = i;
    const char32_t cp = next_code_point(text, i);
    if (separates(cp)) {
      if (in_word) finish();
      continue;
    }
    if (!in_word) word.begin = static_cast<std::uint32_t>(at);
    in_word = true;
    append_utf8(folded, lower(cp));
    word.end = static_cast<std::uint32_t>(i);
  }
  if (in_word) finish();
  return words;
}

// The text around the search words, each in [brackets]: the whole text when
// it has at most 16 words, else the 16-word window holding the most distinct
// search words (then the most occurrences); among equal windows one that
// starts a sentence, then the earliest. "…" marks text left out.
std::string snippet(std::string_view text, const std::vector<Word>& words,
                    const std::vector<SearchTerm>& terms) {
  std::vector<int> term(words.size());
  for (std::size_t i = 0; i < words.size(); ++i) term[i] = words[i].term;
  std::size_t first = 0, count = words.size();
  if (words.size() > snippet_words) {
    count = snippet_words;
    auto starts_sentence = [&](std::size_t w) {
      if (w == 0) return true;
      for (std::size_t k = words[w].begin; k > words[w - 1].end; --k) {
        const char c = text[k - 1];
        if (c == '.' || c == '!' || c == '?' || c == ':' || c == '\n') return true;
      }
      return false;
    };
    long best = -1;
    for (std::size_t start = 0; start + snippet_words <= words.size(); ++start) {
      std::vector<bool> seen(terms.size());
      long distinct = 0, hits = 0;
      for (std::size_t w = start; w < start + snippet_words; ++w) {
        if (term[w] < 0) continue;
        ++hits;
        if (!seen[static_cast<std::size_t>(term[w])]) ++distinct;
        seen[static_cast<std::size_t>(term[w])] = true;
      }
      const long score = distinct * 1000000 + hits * 2 + (starts_sentence(start) ? 1 : 0);
      if (score > best) {
        best = score;
        first = start;
      }
    }
  }
  std::string out;
  const std::size_t last = first + count;  // one past the window
  std::size_t from = first == 0 ? 0 : words[first].begin;
  if (first > 0) out += "…";
  for (std::size_t w = first; w < last; ++w) {
    out.append(text.substr(from, words[w].begin - from));
    if (term[w] >= 0) out += '[';
    out.append(text.substr(words[w].begin, words[w].end - words[w].begin));
    if (term[w] >= 0) out += ']';
    from = words[w].end;
  }
  if (last >= words.size()) out.append(text.substr(from));
  else out += "…";
  return out;
}

struct SearchHit {
  bool report = false;
  RowId row = 0;
  std::string id, source;
  std::string title, text;  // a claim's quote is its text
  std::vector<Word> title_words, words;
  double score = 0;
};

// Okapi BM25 with every search word weighted alike (k1 1.2, b 0.75): every
// hit contains every word, so what tells hits apart is how often the words
// occur and how short the text is. Lengths are relative to the hits' mean.
void score_hits(std::vector<SearchHit>& hits, const std::vector<SearchTerm>& terms) {
  double total_length = 0;
  for (auto& hit : hits) {
    hit.title_words = words_of(hit.title, terms);
    hit.words = words_of(hit.text, terms);
    total_length += static_cast<double>(hit.title_words.size() + hit.words.size());
  }
  const double mean =
      hits.empty() || total_length == 0 ? 1 : total_length / static_cast<double>(hits.size());
  constexpr double k1 = 1.2, b = 0.75;
  for (auto& hit : hits) {
    const double length = static_cast<double>(hit.title_words.size() + hit.words.size());
    std::vector<double> tf(terms.size());
    for (const auto* list : {&hit.title_words, &hit.words})
      for (const auto& w : *list)
        if (w.term >= 0) ++tf[static_cast<std::size_t>(w.term)];
    double score = 0;
    for (double f : tf) score += f * (k1 + 1) / (f + k1 * (1 - b + b * length / mean));
    hit.score = score;
  }
}

}  // namespace

// Search in two phases. FTS5 finds the matching rows cheaply in row order,
// but its bm25() needs each term's whole posting list and each row's size:
// about 6 µs a match, 100 ms and more for a pair of common words at 1M claims.
// So: count the matches (a posting-list merge, no row look-ups, stopped at
// search_count_limit); take the newest `search_candidates` of them (or all,
// when fewer match or when the caller wants every row); rank those by BM25
// here; and make snippets of the rows returned from the text already read.
QueryResult Store::query_search(const std::string& match, const std::string& as_of,
                                std::int64_t limit) {
  const bool timed = !as_of.empty();
  const std::string t = as_of_or_now(as_of);
  const std::int64_t cap = limit <= 0 ? 0 : std::max(search_candidates, limit);

  // 1. How many match (as of t), up to the count limit; every match when
  // all are wanted anyway.
  const std::int64_t count_limit = cap == 0 ? std::numeric_limits<std::int64_t>::max() : search_count_limit + 1;
  std::int64_t total = 0;
  auto count = [&](const char* sql) {
    if (cap == 0) return;  // every match is gathered below, and counted there
    SQLite::Statement q(db_, sql);
    q.bind(":match", match);
    q.bind(":cap", count_limit - total);
    if (timed) q.bind(":t", t);
    if (q.executeStep()) total += q.getColumn(0).getInt64();
  };
  if (timed) {
    count("SELECT count(*) FROM (SELECT 1 FROM claims_fts JOIN claims c ON c.id = claims_fts.rowid "
          "WHERE claims_fts MATCH :match AND c.recorded_at <= :t LIMIT :cap)");
    if (total < count_limit)
      count("SELECT count(*) FROM (SELECT 1 FROM reports_fts JOIN reports r ON r.id = reports_fts.rowid "
            "WHERE reports_fts MATCH :match AND r.recorded_at <= :t LIMIT :cap)");
  } else {
    count("SELECT count(*) FROM (SELECT 1 FROM claims_fts WHERE claims_fts MATCH :match LIMIT :cap)");
    if (total < count_limit)
      count("SELECT count(*) FROM (SELECT 1 FROM reports_fts WHERE reports_fts MATCH :match LIMIT :cap)");
  }
  const bool more_than = total >= count_limit;
  if (more_than) total = search_count_limit;

  // 2. The newest matches of each table, newest first, up to cap (0: all).
  const std::vector<SearchTerm> terms = search_terms(match);
  std::vector<SearchHit> hits;
  auto gather = [&](bool report, const char* rows_sql, const char* row_sql) {
    SQLite::Statement rows(db_, rows_sql);
    SQLite::Statement row(db_, row_sql);
    std::int64_t taken = 0;
    std::int64_t below = std::numeric_limits<std::int64_t>::max();
    for (bool more = true; more && (cap == 0 || taken < cap);) {
      rows.reset();
      rows.bind(":match", match);
      rows.bind(":below", below);
      rows.bind(":page", cap == 0 ? std::int64_t{4096} : cap);
      more = false;
      while (rows.executeStep() && (cap == 0 || taken < cap)) {
        more = true;
        below = rows.getColumn(0).getInt64();
        row.reset();
        row.bind(":id", below);
        if (!row.executeStep()) continue;
        if (timed && row.getColumn(4).getString() > t) continue;
        auto text = [&](int c) { return row.getColumn(c).isNull() ? std::string() : row.getColumn(c).getString(); };
        hits.push_back({report, below, text(0), text(1), text(2), text(3), {}, {}, 0});
        ++taken;
      }
    }
  };
  gather(false,
         "SELECT rowid FROM claims_fts WHERE claims_fts MATCH :match AND rowid < :below "
         "ORDER BY rowid DESC LIMIT :page",
         "SELECT c.slug, s.slug, NULL, c.quote, c.recorded_at FROM claims c "
         "JOIN sources s ON s.id = c.claimant WHERE c.id = :id");
  gather(true,
         "SELECT rowid FROM reports_fts WHERE reports_fts MATCH :match AND rowid < :below "
         "ORDER BY rowid DESC LIMIT :page",
         "SELECT r.slug, p.slug, r.title, r.text, r.recorded_at FROM reports r "
         "LEFT JOIN sources p ON p.id = r.publisher WHERE r.id = :id");
  if (cap == 0) total = static_cast<std::int64_t>(hits.size());

  // 3. Ranked: best first; on a tie the newer first, claims before reports.
  score_hits(hits, terms);
  std::vector<const SearchHit*> ranked;
  ranked.reserve(hits.size());
  for (const auto& hit : hits) ranked.push_back(&hit);
  std::sort(ranked.begin(), ranked.end(), [](const SearchHit* x, const SearchHit* y) {
    if (x->score != y->score) return x->score > y->score;
    if (x->report != y->report) return !x->report;
    return x->row > y->row;
  });
  if (limit > 0 && ranked.size() > static_cast<std::size_t>(limit))
    ranked.resize(static_cast<std::size_t>(limit));

  // 4. Snippets of the rows returned: of the text, or of a report's title
  // when the title holds more of the words.
  QueryResult out;
  out.columns = {"type", "id", "source", "text"};
  out.total = total;
  out.total_is_lower_bound = more_than && cap != 0;
  auto distinct_terms = [&](const std::vector<Word>& words) {
    std::vector<bool> seen(terms.size());
    for (const auto& w : words)
      if (w.term >= 0) seen[static_cast<std::size_t>(w.term)] = true;
    return std::count(seen.begin(), seen.end(), true);
  };
  for (const SearchHit* found : ranked) {
    const SearchHit& hit = *found;
    const bool use_title = !hit.title_words.empty() && distinct_terms(hit.title_words) > distinct_terms(hit.words);
    Cell source;
    if (!hit.source.empty()) source = hit.source;
    out.rows.push_back({std::string(hit.report ? "report" : "claim"), hit.id, source,
                        use_title ? snippet(hit.title, hit.title_words, terms)
                                  : snippet(hit.text, hit.words, terms)});
  }
  return out;
}

QueryResult Store::query_history(RowId claim, const std::string& as_of) {
  SQLite::Statement q(
      db_,
      "SELECT recorded, event, id, by, detail FROM ("
      "SELECT c.recorded_at AS recorded, 0 AS seq, 'recorded' AS event, c.slug AS id, "
      "s.slug AS by, c.phrase AS detail FROM claims c JOIN sources s ON s.id = c.claimant "
      "WHERE c.id = :c "
      "UNION ALL SELECT c.recorded_at, 1, 'supersedes', o.slug, NULL, c.correction_reason "
      "FROM claims c JOIN claims o ON o.id = c.supersedes WHERE c.id = :c "
      "UNION ALL SELECT n.recorded_at, 2, 'superseded by', n.slug, s.slug, "
      "n.phrase || COALESCE(' (' || n.correction_reason || ')', '') "
      "FROM claims n JOIN sources s ON s.id = n.claimant "
      "WHERE n.supersedes = :c AND n.recorded_at <= :t "
      "UNION ALL SELECT x.recorded_at, 3, 'retracted', NULL, s.slug, x.reason "
      "FROM retractions x LEFT JOIN sources s ON s.id = x.retracted_by "
      "WHERE x.claim = :c AND x.recorded_at <= :t "
      "UNION ALL SELECT v.recorded_at, 4, 'reviewed', v.slug, v.reviewer, "
      "v.rating || COALESCE(': ' || v.explanation, '') FROM reviews v "
      "WHERE v.claim = :c AND v.recorded_at <= :t "
      "UNION ALL SELECT l.recorded_at, 5, l.kind, o.slug, l.origin, l.rationale "
      "FROM links l JOIN claims o ON o.id = l.to_claim "
      "WHERE l.from_claim = :c AND l.origin <> 'detector' AND l.recorded_at <= :t "
      "UNION ALL SELECT l.recorded_at, 5, l.kind || ' (from)', o.slug, l.origin, l.rationale "
      "FROM links l JOIN claims o ON o.id = l.from_claim "
      "WHERE l.to_claim = :c AND l.origin <> 'detector' AND l.recorded_at <= :t"
      ") ORDER BY recorded, seq, id");
  q.bind(":c", static_cast<std::int64_t>(claim));
  q.bind(":t", as_of_or_now(as_of));
  return collect(q, {"recorded", "event", "id", "by", "detail"});
}

std::optional<std::string> Store::claim_recorded_at(const std::string& slug) {
  auto& q = statement("claim_recorded_at", "SELECT recorded_at FROM claims WHERE slug = ?");
  q.bind(1, slug);
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getString();
}

std::vector<std::string> Store::query_ids(IdKind kind, const std::string& prefix,
                                          std::size_t limit) {
  const char* sql = nullptr;
  switch (kind) {
    case IdKind::entity:
      sql = "SELECT slug FROM entities WHERE slug >= ?1 AND slug < ?1 || char(1114111) "
            "ORDER BY slug LIMIT ?2";
      break;
    case IdKind::source:
      sql = "SELECT slug FROM sources WHERE slug >= ?1 AND slug < ?1 || char(1114111) "
            "ORDER BY slug LIMIT ?2";
      break;
    case IdKind::property:
      sql = "SELECT slug FROM properties WHERE slug >= ?1 AND slug < ?1 || char(1114111) "
            "ORDER BY slug LIMIT ?2";
      break;
    case IdKind::report:
      sql = "SELECT slug FROM reports WHERE slug >= ?1 AND slug < ?1 || char(1114111) "
            "ORDER BY slug LIMIT ?2";
      break;
    case IdKind::claim:
      sql = "SELECT slug FROM claims WHERE slug >= ?1 AND slug < ?1 || char(1114111) "
            "ORDER BY slug LIMIT ?2";
      break;
  }
  SQLite::Statement q(db_, sql);
  q.bind(1, prefix);
  q.bind(2, static_cast<std::int64_t>(limit));
  std::vector<std::string> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getString());
  return out;
}

namespace {

// Refuses, while a statement is prepared, everything that could reach past
// reading the open database: ATTACH and DETACH, and any PRAGMA given a value
// except the few that take a table or index name and only read.
int authorize_read_only(void*, int action, const char* a, const char* b, const char*,
                        const char*) {
  switch (action) {
    case SQLITE_ATTACH:
    case SQLITE_DETACH: return SQLITE_DENY;
    case SQLITE_PRAGMA: {
      if (b == nullptr) return SQLITE_OK;
      static const std::array<const char*, 6> reading = {
          "table_info", "table_xinfo", "index_info", "index_xinfo", "index_list",
          "foreign_key_list"};
      std::string name = a ? a : "";
      for (auto& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      for (const char* allowed : reading)
        if (name == allowed) return SQLITE_OK;
      return SQLITE_DENY;
    }
    default: return SQLITE_OK;
  }
}

struct CloseConnection {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
struct FinalizeStatement {
  void operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }
};

[[noreturn]] void refuse(const std::string& why) {
  throw Error(ErrorCode::read_only, ".sql refused: " + why);
}

bool only_blanks(const char* tail) {
  for (; tail && *tail; ++tail)
    if (!std::isspace(static_cast<unsigned char>(*tail)) && *tail != ';') return false;
  return true;
}

}  // namespace

namespace {

// Runs one statement on a connection that already refuses writes (query_only
// and the authorizer above are in place).
QueryResult run_read_only(sqlite3* raw, const std::string& sql) {
  sqlite3_stmt* stmt_raw = nullptr;
  const char* tail = nullptr;
  const int prepared =
      sqlite3_prepare_v2(raw, sql.c_str(), static_cast<int>(sql.size()), &stmt_raw, &tail);
  std::unique_ptr<sqlite3_stmt, FinalizeStatement> stmt(stmt_raw);
  if (prepared == SQLITE_AUTH)
    refuse("ATTACH, DETACH and PRAGMAs that set a value are not allowed");
  if (prepared != SQLITE_OK) throw Error(ErrorCode::bad_input, std::string("SQL: ") + sqlite3_errmsg(raw));
  if (!stmt) throw Error(ErrorCode::bad_input, "SQL: no statement given");
  if (!only_blanks(tail)) refuse("give one statement at a time");
  if (!sqlite3_stmt_readonly(stmt.get())) refuse("only statements that read are allowed");

  QueryResult out;
  const int n = sqlite3_column_count(stmt.get());
  for (int i = 0; i < n; ++i) {
    const char* name = sqlite3_column_name(stmt.get(), i);
    out.columns.push_back(name ? name : "");
  }
  for (;;) {
    const int step = sqlite3_step(stmt.get());
    if (step == SQLITE_DONE) break;
    if (step != SQLITE_ROW) {
      const int code = sqlite3_errcode(raw);
      const std::string message = sqlite3_errmsg(raw);
      if (code == SQLITE_READONLY) refuse(message);
      throw Error(code == SQLITE_BUSY ? ErrorCode::busy : ErrorCode::bad_input, "SQL: " + message);
    }
    std::vector<Cell> row;
    row.reserve(n);
    for (int i = 0; i < n; ++i) {
      switch (sqlite3_column_type(stmt.get(), i)) {
        case SQLITE_INTEGER: row.emplace_back(static_cast<std::int64_t>(sqlite3_column_int64(stmt.get(), i))); break;
        case SQLITE_FLOAT: row.emplace_back(sqlite3_column_double(stmt.get(), i)); break;
        case SQLITE_NULL: row.emplace_back(); break;
        default: {
          const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt.get(), i));
          row.emplace_back(std::string(text ? text : "", sqlite3_column_bytes(stmt.get(), i)));
        }
      }
    }
    out.rows.push_back(std::move(row));
  }
  return out;
}

}  // namespace

QueryResult Store::read_only_sql(const std::string& sql) {
  if (path_ == ":memory:" || path_.empty()) return read_only_sql_in_memory(sql);
  sqlite3* raw = nullptr;
  const int opened = sqlite3_open_v2(path_.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
  std::unique_ptr<sqlite3, CloseConnection> db(raw);
  if (opened != SQLITE_OK)
    throw Error(ErrorCode::io, "cannot open '" + path_ + "' read-only: " +
                                   (raw ? sqlite3_errmsg(raw) : sqlite3_errstr(opened)));
  sqlite3_busy_timeout(raw, 10000);
  sqlite3_db_config(raw, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
  sqlite3_db_config(raw, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
  sqlite3_db_config(raw, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, nullptr);
  sqlite3_limit(raw, SQLITE_LIMIT_ATTACHED, 0);
  if (sqlite3_exec(raw, "PRAGMA query_only = ON", nullptr, nullptr, nullptr) != SQLITE_OK)
    throw Error(ErrorCode::internal, std::string("cannot set query_only: ") + sqlite3_errmsg(raw));
  sqlite3_set_authorizer(raw, authorize_read_only, nullptr);
  return run_read_only(raw, sql);
}

// An in-memory database has no file a second connection could open, so the
// statement runs on the store's own connection, made read-only for its
// duration: query_only on, the same authorizer, both restored afterwards.
QueryResult Store::read_only_sql_in_memory(const std::string& sql) {
  sqlite3* raw = db_.getHandle();
  bool was_query_only = false;
  {
    SQLite::Statement q(db_, "PRAGMA query_only");
    if (q.executeStep()) was_query_only = q.getColumn(0).getInt() != 0;
  }
  struct Restore {
    sqlite3* db;
    bool query_only;
    ~Restore() {
      sqlite3_set_authorizer(db, nullptr, nullptr);
      if (!query_only) sqlite3_exec(db, "PRAGMA query_only = OFF", nullptr, nullptr, nullptr);
    }
  };
  if (sqlite3_exec(raw, "PRAGMA query_only = ON", nullptr, nullptr, nullptr) != SQLITE_OK)
    throw Error(ErrorCode::internal, std::string("cannot set query_only: ") + sqlite3_errmsg(raw));
  Restore restore{raw, was_query_only};
  sqlite3_set_authorizer(raw, authorize_read_only, nullptr);
  return run_read_only(raw, sql);
}

}  // namespace claimdb::detail
