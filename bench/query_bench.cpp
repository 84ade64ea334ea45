// claimdb-bench-query: latency of the query language at scale, and the time
// from `claimdb repl` start to its first prompt.
//
//   claimdb-bench-query [--claims 1000000] [--seed 7] [--db FILE] [--runs 1000]
//                       [--claimdb PATH]
//
// Builds (or reuses) a database of N generated claims (the corpus generator,
// then claimdb::import_files), then runs `conflicts about E` and `claims by S`
// for randomly chosen entities that have contradictions and random sources,
// and `search` for two words of random quotes (common and rare pairs apart),
// and prints p50, p99 and max latency beside a baseline measured in the same
// run: one indexed raw SQL lookup through claimdb::query_sql. The REPL is
// timed in a pseudo-terminal until "claimdb> " appears, against the same
// binary's `--version` (process start alone).
#include "corpus.hpp"

#include <claimdb/claimdb.hpp>

#include <CLI/CLI.hpp>

#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

struct Figures {
  double p50 = 0, p99 = 0, max = 0, mean_rows = 0;
};

Figures summarise(std::vector<double> ms, double rows) {
  std::sort(ms.begin(), ms.end());
  Figures f;
  if (ms.empty()) return f;
  f.p50 = ms[ms.size() / 2];
  f.p99 = ms[std::min(ms.size() - 1, ms.size() * 99 / 100)];
  f.max = ms.back();
  f.mean_rows = rows / static_cast<double>(ms.size());
  return f;
}

void print(const char* what, const Figures& f, const Figures& baseline) {
  std::printf("%-34s p50 %8.3f ms  p99 %8.3f ms  max %8.3f ms  rows %7.1f  p50/baseline %6.1fx\n",
              what, f.p50, f.p99, f.max, f.mean_rows, baseline.p50 > 0 ? f.p50 / baseline.p50 : 0);
}

std::vector<std::string> column(const claimdb::QueryResult& r) {
  std::vector<std::string> out;
  for (const auto& row : r.rows) out.push_back(claimdb::cell_text(row[0]));
  return out;
}

// Milliseconds from spawning `binary args` in a pseudo-terminal until `text`
// appears in what it writes; -1 when it never does.
double time_to_text(const std::string& binary, const std::vector<std::string>& args,
                    const std::string& text) {
  const auto start = Clock::now();
  int master = -1;
  const pid_t pid = forkpty(&master, nullptr, nullptr, nullptr);
  if (pid < 0) return -1;
  if (pid == 0) {
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(binary.c_str()));
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    setenv("HOME", "/nonexistent", 1);
    execv(binary.c_str(), argv.data());
    _exit(127);
  }
  std::string seen;
  double found = -1;
  while (ms_since(start) < 5000) {
    pollfd p{master, POLLIN, 0};
    if (poll(&p, 1, 100) <= 0) continue;
    char buffer[4096];
    const ssize_t n = read(master, buffer, sizeof buffer);
    if (n <= 0) break;
    seen.append(buffer, static_cast<std::size_t>(n));
    if (seen.find(text) != std::string::npos) {
      found = ms_since(start);
      break;
    }
  }
  kill(pid, SIGTERM);
  close(master);
  waitpid(pid, nullptr, 0);
  return found;
}

}  // namespace

int main(int argc, char** argv) {
  std::int64_t claims = 1'000'000;
  std::uint64_t seed = 7;
  std::string db_path;
  int runs = 1000;
  std::string binary = CLAIMDB_BINARY;
  CLI::App app{"claimdb-bench-query: query latency at scale and REPL start time"};
  app.add_option("--claims", claims, "claims to generate")->capture_default_str();
  app.add_option("--seed", seed, "generator seed")->capture_default_str();
  app.add_option("--db", db_path, "database file (reused when it exists; default: a temp file)");
  app.add_option("--runs", runs, "queries of each kind")->capture_default_str();
  app.add_option("--claimdb", binary, "the claimdb binary for the REPL timing")->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  namespace fs = std::filesystem;
  if (db_path.empty())
    db_path = (fs::temp_directory_path() / ("claimdb-bench-query-" + std::to_string(claims) + "-" +
                                            std::to_string(seed) + ".db")).string();
  try {
    if (!fs::exists(db_path)) {
      const std::string corpus = db_path + ".jsonl";
      std::FILE* out = std::fopen(corpus.c_str(), "wb");
      if (!out) throw std::runtime_error("cannot write " + corpus);
      claimdb::bench::CorpusOptions options;
      options.claims = claims;
      options.seed = seed;
      auto start = Clock::now();
      claimdb::bench::write_corpus(options, out);
      std::fclose(out);
      std::printf("generated %lld claims in %.1f s\n", static_cast<long long>(claims), ms_since(start) / 1000);
      start = Clock::now();
      claimdb::Database db = claimdb::Database::open(db_path);
      // A bulk load: import without detection, then one full detection run.
      claimdb::ImportOptions bulk;
      bulk.detect = false;
      const auto summary = claimdb::import_files(db, {corpus}, bulk);
      std::printf("imported %lld records in %.1f s\n", static_cast<long long>(summary.records()),
                  ms_since(start) / 1000);
      start = Clock::now();
      const auto detected = claimdb::detect_all(db);
      std::printf("detected %lld links (%lld contradictions) in %.1f s\n",
                  static_cast<long long>(detected.links), static_cast<long long>(detected.contradictions),
                  ms_since(start) / 1000);
      fs::remove(corpus);
    }
    claimdb::Options read_only;
    read_only.read_only = true;
    claimdb::Database db = claimdb::Database::open(db_path, read_only);
    const auto stats = db.stats();
    std::printf("database %s: %lld claims, %lld links, %lld sources, %lld entities\n", db_path.c_str(),
                static_cast<long long>(stats.claims), static_cast<long long>(stats.links),
                static_cast<long long>(stats.sources), static_cast<long long>(stats.entities));

    const auto entities = column(claimdb::query_sql(
        db, "SELECT DISTINCT e.slug FROM links l JOIN claims c ON c.id = l.from_claim "
            "JOIN entities e ON e.id = c.entity WHERE l.kind = 'contradicts' LIMIT 5000"));
    const auto sources = column(claimdb::query_sql(db, "SELECT slug FROM sources"));
    const auto claim_ids = column(claimdb::query_sql(db, "SELECT slug FROM claims WHERE id % 997 = 0"));
    if (entities.empty() || sources.empty() || claim_ids.empty()) throw std::runtime_error("empty corpus");

    std::mt19937_64 random(seed);
    auto pick = [&](const std::vector<std::string>& from) { return from[random() % from.size()]; };
    auto measure = [&](auto make_query, const std::vector<std::string>& from, bool raw, int times = 0) {
      std::vector<double> ms;
      double rows = 0;
      for (int i = 0; i < (times > 0 ? times : runs); ++i) {
        const std::string text = make_query(pick(from));
        const auto start = Clock::now();
        const auto result = raw ? claimdb::query_sql(db, text) : claimdb::query(db, text);
        ms.push_back(ms_since(start));
        rows += static_cast<double>(result.rows.size());
      }
      return summarise(ms, rows);
    };
    // Ids come from the database itself, so they need no escaping.
    const Figures baseline = measure(
        [](const std::string& id) { return "SELECT slug, phrase FROM claims WHERE slug = '" + id + "'"; },
        claim_ids, true);
    const Figures conflicts = measure(
        [](const std::string& id) { return "conflicts about " + id; }, entities, false);
    const Figures by_source = measure(
        [](const std::string& id) { return "claims by " + id; }, sources, false);
    const Figures by_source_limited = measure(
        [](const std::string& id) { return "claims by " + id + " limit 100"; }, sources, false);

    // Search: two words of a random claim's quote, as a fact-checker would
    // type a remembered phrase ("heating Kharkiv"), with and without a limit.
    const auto quotes = column(claimdb::query_sql(
        db, "SELECT quote FROM claims WHERE id % 1009 = 0 AND quote IS NOT NULL AND quote <> ''"));
    std::vector<std::string> phrases;
    for (const auto& quote : quotes) {
      std::vector<std::string> words;
      std::string word;
      for (char c : quote + " ") {
        if (std::isalpha(static_cast<unsigned char>(c))) {
          word += c;
        } else {
          if (word.size() >= 5) words.push_back(word);
          word.clear();
        }
      }
      if (words.size() >= 2) {
        const auto a = random() % words.size(), b = random() % words.size();
        phrases.push_back(words[a] + " " + words[a == b ? (b + 1) % words.size() : b]);
      }
    }
    if (phrases.empty()) throw std::runtime_error("no quotes to search for");
    // Common and rare pairs apart: a pair matching more than 400 rows (the
    // ranked candidates, docs/query.md) is common, the rest rare. The words
    // are letters only, so they need no escaping.
    std::vector<std::string> common, rare;
    std::vector<double> common_matches, rare_matches;
    for (const auto& phrase : phrases) {
      const auto space = phrase.find(' ');
      const auto r = claimdb::query_sql(db, "SELECT count(*) FROM claims_fts WHERE claims_fts MATCH '\"" +
                                                phrase.substr(0, space) + "\" \"" +
                                                phrase.substr(space + 1) + "\"'");
      const double n = std::stod(claimdb::cell_text(r.rows.at(0).at(0)));
      (n > 400 ? common : rare).push_back(phrase);
      (n > 400 ? common_matches : rare_matches).push_back(n);
    }
    auto median = [](std::vector<double> v) {
      std::sort(v.begin(), v.end());
      return v.empty() ? 0.0 : v[v.size() / 2];
    };
    auto search_query = [](const std::string& words) { return "search \"" + words + "\""; };
    const Figures search_common = common.empty() ? Figures{} : measure(search_query, common, false);
    const Figures search_rare = rare.empty() ? Figures{} : measure(search_query, rare, false);
    const Figures search_all = measure(search_query, phrases, false);
    const Figures search_100 = measure(
        [](const std::string& words) { return "search \"" + words + "\" limit 100"; }, phrases, false);

    std::printf("\n%d runs each:\n", runs);
    print("baseline: raw SQL lookup by id", baseline, baseline);
    print("conflicts about E", conflicts, baseline);
    print("claims by S", by_source, baseline);
    print("claims by S limit 100", by_source_limited, baseline);
    std::printf("(search: %zu common pairs, median %.0f matches; %zu rare pairs, median %.0f matches)\n",
                common.size(), median(common_matches), rare.size(), median(rare_matches));
    print("search \"two words\" (best 20)", search_all, baseline);
    print("search, common pairs (> 400 match)", search_common, baseline);
    print("search, rare pairs (<= 400 match)", search_rare, baseline);
    print("search \"two words\" limit 100", search_100, baseline);
    std::printf("RESULT conflicts about E at %lld claims, p50 / p99 (target p50 <= 5 ms) | %.2f / %.2f ms\n",
                static_cast<long long>(stats.claims), conflicts.p50, conflicts.p99);
    std::printf("RESULT claims by S, p50 / p99 | %.2f / %.2f ms (limit 100: %.2f / %.2f ms)\n",
                by_source.p50, by_source.p99, by_source_limited.p50, by_source_limited.p99);
    std::printf("RESULT search \"two words\" (best 20), p50 / p99 (target 5 / 50 ms) | %.2f / %.2f ms "
                "(common pairs %.2f / %.2f ms, rare pairs %.2f / %.2f ms)\n",
                search_all.p50, search_all.p99, search_common.p50, search_common.p99, search_rare.p50,
                search_rare.p99);

    // Storage: the file's bytes per claim, and the same without the quote
    // text itself (what the target counts) and without the quotes'
    // full-text index too.
    auto number = [&](const std::string& sql) {
      const auto r = claimdb::query_sql(db, sql);
      return r.rows.empty() ? 0.0 : std::stod(claimdb::cell_text(r.rows[0][0]));
    };
    const double file_bytes = number("SELECT page_count * page_size FROM pragma_page_count, pragma_page_size");
    const double quote_bytes = number("SELECT total(length(CAST(quote AS BLOB))) FROM claims");
    const double claim_fts_bytes = number("SELECT total(pgsize) FROM dbstat WHERE name LIKE 'claims_fts%'");
    const double n_claims = static_cast<double>(stats.claims);
    std::printf("\nstorage: %.0f bytes in the file, %.1f bytes per claim; quote text %.1f bytes per claim; "
                "quotes' full-text index %.1f bytes per claim\n",
                file_bytes, file_bytes / n_claims, quote_bytes / n_claims, claim_fts_bytes / n_claims);
    std::printf("RESULT storage bytes per claim excluding quote text (target <= 400) | %.0f "
                "(%.0f also without the quotes' full-text index; %.0f in all)\n",
                (file_bytes - quote_bytes) / n_claims,
                (file_bytes - quote_bytes - claim_fts_bytes) / n_claims, file_bytes / n_claims);

    std::vector<double> repl, version;
    for (int i = 0; i < 20; ++i) {
      version.push_back(time_to_text(binary, {"--version"}, "claimdb"));
      repl.push_back(time_to_text(binary, {"--db", db_path, "repl"}, "claimdb> "));
    }
    const Figures v = summarise(version, 0), r = summarise(repl, 0);
    std::printf("\nREPL start to first prompt (pty, 20 runs): p50 %.1f ms  max %.1f ms;"
                "  process start (--version) p50 %.1f ms\n", r.p50, r.max, v.p50);
    std::printf("RESULT start-up: claimdb --version / first REPL prompt, p50 (target prompt <= 50 ms) | "
                "%.1f / %.1f ms\n", v.p50, r.p50);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "claimdb-bench-query: %s\n", e.what());
    return 1;
  }
  return 0;
}
