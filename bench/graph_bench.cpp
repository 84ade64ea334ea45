// The claim graph at scale: a generated corpus of 1M claims and about 2M
// links, built in memory from generated rows, or loaded from a SQLite file.
// Prints seconds to build the graph, find disputes and compute camps, and the
// peak resident set size. Target: under 2 s and under 1 GiB together.
// Each phase prints wall-clock and CPU seconds (on a shared machine the wall
// clock also counts other people's work) and the peak RSS when it ended.
//
//   claimdb-bench-graph [--claims N] [--runs R]   generate rows, build from them
//   claimdb-bench-graph [--claims N] --sqlite FILE  write the corpus to FILE
//   claimdb-bench-graph --load FILE [--runs R]    read FILE and build (no generated rows)
// With R runs it prints each and then the medians; each run is a fresh child
// process, so its peak RSS is its own.
#include <claimdb/claimdb.hpp>

#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Seconds of CPU this process has used: on a shared machine the wall clock
// also counts other people's work, so both are printed.
double cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

double peak_rss_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

// The corpus: claims in (entity, property) groups of 2 to 14 (8 on average);
// about two links per claim inside its group (7/3 tries, some land on one claim), mostly supports, a quarter
// contradictions, some echoes; 5,000 sources on 40 sides.
struct Corpus {
  std::size_t claims = 1'000'000;
  std::uint32_t seed = 42;

  claimdb::GraphRows rows() const {
    std::mt19937 rng(seed);
    claimdb::GraphRows rows;
    rows.claims.reserve(claims);
    rows.links.reserve(claims * 2 + claims / 8);
    for (int s = 0; s < 5000; ++s)
      rows.sources.push_back({"src" + std::to_string(s), "Source " + std::to_string(s),
                              "side" + std::to_string(s % 40)});
    std::uniform_int_distribution<int> group_size(2, 14), source(0, 4999), value(1, 999);
    std::uniform_real_distribution<double> kind(0, 1);
    std::size_t group = 0, link = 0;
    while (rows.claims.size() < claims) {
      const std::size_t first = rows.claims.size();
      const std::size_t size = std::min<std::size_t>(group_size(rng), claims - first);
      for (std::size_t i = 0; i < size; ++i) {
        claimdb::GraphClaim c;
        c.id = "c" + std::to_string(first + i);
        c.claimant = "src" + std::to_string(source(rng));
        c.entity = "ent" + std::to_string(group / 4);
        c.property = "prop" + std::to_string(group % 4);
        c.phrase = "about " + std::to_string(value(rng));
        c.key = static_cast<std::int64_t>(first + i) + 1;  // as storage hands over row ids
        rows.claims.push_back(std::move(c));
      }
      std::uniform_int_distribution<std::size_t> member(first, first + size - 1);
      for (std::size_t l = 0; size > 1 && l < size * 7 / 3; ++l) {
        std::size_t a = member(rng), b = member(rng);
        if (a == b) continue;
        double k = kind(rng);
        const char* what = k < 0.25 ? "contradicts" : k < 0.9 ? "supports" : "echo";
        rows.links.push_back({"l" + std::to_string(link++), rows.claims[a].id, rows.claims[b].id, what,
                              "detector", static_cast<std::int64_t>(a) + 1, static_cast<std::int64_t>(b) + 1});
      }
      ++group;
    }
    return rows;
  }
};

void check(int rc, sqlite3* db, const char* what) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
    std::fprintf(stderr, "sqlite: %s: %s\n", what, sqlite3_errmsg(db));
    std::exit(1);
  }
}

// Writes the corpus into a fresh claimdb file with plain SQL (the schema
// comes from claimdb itself), to time ClaimGraph::load against it.
void write_sqlite(const std::string& path, const claimdb::GraphRows& rows) {
  std::remove(path.c_str());
  { claimdb::Database::open(path); }  // creates the schema
  sqlite3* db = nullptr;
  check(sqlite3_open(path.c_str(), &db), db, "open");
  check(sqlite3_exec(db, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; BEGIN", nullptr, nullptr, nullptr), db,
        "begin");
  auto run = [&](const char* sql, auto&& bind_rows) {
    sqlite3_stmt* q = nullptr;
    check(sqlite3_prepare_v2(db, sql, -1, &q, nullptr), db, sql);
    bind_rows(q, [&] {
      check(sqlite3_step(q), db, sql);
      sqlite3_reset(q);
    });
    sqlite3_finalize(q);
  };
  const char* now = "2025-12-27T00:00:00Z";
  auto text = [](sqlite3_stmt* q, int i, const std::string& s) { sqlite3_bind_text(q, i, s.c_str(), -1, SQLITE_STATIC); };
  run("INSERT INTO source_records(id, slug, name, affiliation, recorded_at) VALUES (?, ?, ?, ?, ?)", [&](auto* q, auto step) {
    for (std::size_t i = 0; i < rows.sources.size(); ++i) {
      sqlite3_bind_int64(q, 1, static_cast<sqlite3_int64>(i + 1));
      text(q, 2, rows.sources[i].id);
      text(q, 3, rows.sources[i].name);
      text(q, 4, rows.sources[i].affiliation);
      sqlite3_bind_text(q, 5, now, -1, SQLITE_STATIC);
      step();
    }
  });
  std::size_t entities = 0;
  for (const auto& c : rows.claims) entities = std::max<std::size_t>(entities, std::stoul(c.entity.substr(3)) + 1);
  run("INSERT INTO entity_records(id, slug, name, recorded_at) VALUES (?, ?, ?, ?)", [&](auto* q, auto step) {
    for (std::size_t i = 0; i < entities; ++i) {
      const std::string slug = "ent" + std::to_string(i);
      sqlite3_bind_int64(q, 1, static_cast<sqlite3_int64>(i + 1));
      text(q, 2, slug);
      text(q, 3, slug);
      sqlite3_bind_text(q, 4, now, -1, SQLITE_STATIC);
      step();
    }
  });
  run("INSERT INTO property_records(id, slug, value_type, recorded_at) VALUES (?, ?, 'text', ?)", [&](auto* q, auto step) {
    for (int i = 0; i < 4; ++i) {
      const std::string slug = "prop" + std::to_string(i);
      sqlite3_bind_int(q, 1, i + 1);
      text(q, 2, slug);
      sqlite3_bind_text(q, 3, now, -1, SQLITE_STATIC);
      step();
    }
  });
  run("INSERT INTO claims(id, slug, claimant, entity, property, phrase, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
      [&](auto* q, auto step) {
        for (std::size_t i = 0; i < rows.claims.size(); ++i) {
          const auto& c = rows.claims[i];
          sqlite3_bind_int64(q, 1, static_cast<sqlite3_int64>(i + 1));
          text(q, 2, c.id);
          sqlite3_bind_int64(q, 3, std::stoll(c.claimant.substr(3)) + 1);
          sqlite3_bind_int64(q, 4, std::stoll(c.entity.substr(3)) + 1);
          sqlite3_bind_int64(q, 5, std::stoll(c.property.substr(4)) + 1);
          text(q, 6, c.phrase);
          sqlite3_bind_text(q, 7, now, -1, SQLITE_STATIC);
          step();
        }
      });
  run("INSERT INTO links(slug, from_claim, to_claim, kind, origin, created_at, recorded_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)",
      [&](auto* q, auto step) {
        for (const auto& l : rows.links) {
          text(q, 1, l.id);
          sqlite3_bind_int64(q, 2, std::stoll(l.from.substr(1)) + 1);
          sqlite3_bind_int64(q, 3, std::stoll(l.to.substr(1)) + 1);
          text(q, 4, l.kind);
          text(q, 5, l.origin);
          sqlite3_bind_text(q, 6, now, -1, SQLITE_STATIC);
          sqlite3_bind_text(q, 7, now, -1, SQLITE_STATIC);
          step();
        }
      });
  check(sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr), db, "commit");
  sqlite3_close(db);
}

// Wall and CPU seconds of one phase, and the peak RSS when it ended.
struct Phase {
  double wall = 0, cpu = 0, rss = 0;
};

class Stopwatch {
 public:
  Stopwatch() : wall_(std::chrono::steady_clock::now()), cpu_(cpu_seconds()) {}
  Phase stop() const { return Phase{seconds_since(wall_), cpu_seconds() - cpu_, peak_rss_mib()}; }

 private:
  std::chrono::steady_clock::time_point wall_;
  double cpu_;
};

void print_phase(const char* name, const Phase& p, const std::string& note = "") {
  std::printf("%-16s %6.3f s  cpu %6.3f s  peak RSS %5.0f MiB%s%s\n", name, p.wall, p.cpu, p.rss,
              note.empty() ? "" : "  ", note.c_str());
}

// One run: build (given), disputes and camps.
struct Run {
  Phase build, find, split;
  std::size_t claims = 0, links = 0, disputes = 0, unbalanced = 0;
  double rss = 0;  // the process's peak RSS at the end of the run
  double wall() const { return build.wall + find.wall + split.wall; }
  double cpu() const { return build.cpu + find.cpu + split.cpu; }
};

Run analyse(const claimdb::ClaimGraph& graph, const Phase& build) {
  Run run;
  run.build = build;
  run.claims = graph.claim_count();
  run.links = graph.link_count();
  Stopwatch watch;
  const auto disputes = claimdb::find_disputes(graph);
  run.find = watch.stop();
  run.disputes = disputes.size();

  Stopwatch camps_watch;
  const auto camps = claimdb::find_camps(graph);
  run.split = camps_watch.stop();
  for (const auto& c : camps) run.unbalanced += c.balanced ? 0 : 1;
  run.rss = peak_rss_mib();
  return run;
}

void print_run(const Run& run) {
  std::printf("graph: %zu claims, %zu links\n", run.claims, run.links);
  print_phase("build graph", run.build);
  print_phase("find disputes", run.find, std::to_string(run.disputes) + " disputes");
  print_phase("compute camps", run.split,
              std::to_string(run.disputes - run.unbalanced) + " balanced, " + std::to_string(run.unbalanced) +
                  " unbalanced");
  std::printf("together         %6.3f s  cpu %6.3f s  peak RSS %5.0f MiB\n", run.wall(), run.cpu(), run.rss);
  std::fflush(stdout);
}

// Runs `one` in a child process and returns its Run: every run starts from a
// fresh process, so no run inherits another's heap and each peak RSS is its own.
template <class One>
Run in_child(One&& one) {
  int fds[2];
  if (pipe(fds) != 0) {
    std::perror("pipe");
    std::exit(1);
  }
  std::fflush(stdout);
  const pid_t child = fork();
  if (child < 0) {
    std::perror("fork");
    std::exit(1);
  }
  if (child == 0) {
    close(fds[0]);
    const Run run = one();
    if (write(fds[1], &run, sizeof run) != static_cast<ssize_t>(sizeof run)) _exit(1);
    std::fflush(stdout);
    _exit(0);
  }
  close(fds[1]);
  Run run;
  const bool got = read(fds[0], &run, sizeof run) == static_cast<ssize_t>(sizeof run);
  close(fds[0]);
  int status = 0;
  waitpid(child, &status, 0);
  if (!got || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::fprintf(stderr, "a benchmark run failed\n");
    std::exit(1);
  }
  return run;
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

// Medians over the runs, the verdict against the target, and RESULT lines
// for bench/run's summary.
void summarise(const std::vector<Run>& runs, const char* source, const char* rss_note) {
  auto med = [&](auto&& field) {
    std::vector<double> values;
    for (const auto& r : runs) values.push_back(field(r));
    return median(values);
  };
  const double build = med([](const Run& r) { return r.build.wall; });
  const double find = med([](const Run& r) { return r.find.wall; });
  const double split = med([](const Run& r) { return r.split.wall; });
  const double wall = med([](const Run& r) { return r.wall(); });
  const double cpu = med([](const Run& r) { return r.cpu(); });
  const double rss = med([](const Run& r) { return r.rss; });
  std::printf("\nmedians of %zu runs (%s):\n", runs.size(), source);
  std::printf("build graph      %6.3f s  cpu %6.3f s\n", build, med([](const Run& r) { return r.build.cpu; }));
  std::printf("find disputes    %6.3f s  cpu %6.3f s\n", find, med([](const Run& r) { return r.find.cpu; }));
  std::printf("compute camps    %6.3f s  cpu %6.3f s\n", split, med([](const Run& r) { return r.split.cpu; }));
  std::printf("together         %6.3f s  cpu %6.3f s  (target < 2 s: %s)\n", wall, cpu, wall < 2 ? "met" : "MISSED");
  std::printf("peak RSS         %6.0f MiB (target < 1024 MiB: %s; %s)\n", rss, rss < 1024 ? "met" : "MISSED",
              rss_note);
  double load[3] = {0, 0, 0};
  if (getloadavg(load, 3) < 0) load[0] = load[1] = load[2] = -1;
  std::printf("load average     %.2f %.2f %.2f\n", load[0], load[1], load[2]);
  std::printf("RESULT graph %s: build + disputes + camps (s, target < 2) | %.2f (%.2f + %.2f + %.2f; cpu %.2f)\n",
              source, wall, build, find, split, cpu);
  std::printf("RESULT graph %s: peak RSS (MiB, target < 1024) | %.0f\n", source, rss);
}

}  // namespace

int main(int argc, char** argv) {
  Corpus corpus;
  std::string sqlite_path, load_path;
  std::size_t runs = 1;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--claims" && i + 1 < argc) {
      corpus.claims = std::stoul(argv[++i]);
    } else if (arg == "--runs" && i + 1 < argc) {
      runs = std::max<std::size_t>(1, std::stoul(argv[++i]));
    } else if (arg == "--sqlite" && i + 1 < argc) {
      sqlite_path = argv[++i];
    } else if (arg == "--load" && i + 1 < argc) {
      load_path = argv[++i];
    } else {
      std::fprintf(stderr, "usage: claimdb-bench-graph [--claims N] [--runs R] [--sqlite FILE | --load FILE]\n");
      return 2;
    }
  }

  std::vector<Run> results;
  if (!load_path.empty()) {
    // From the database alone: this process holds no generated rows.
    std::printf("from %s: rows read from SQLite and the graph built as one step\n", load_path.c_str());
    for (std::size_t r = 0; r < runs; ++r)
      results.push_back(in_child([&] {
        Stopwatch watch;
        claimdb::Database db = claimdb::Database::open(load_path, claimdb::Options{.read_only = true});
        const claimdb::ClaimGraph graph = claimdb::ClaimGraph::load(db);
        Run run = analyse(graph, watch.stop());
        print_run(run);
        return run;
      }));
    summarise(results, "from the database", "no generated rows in memory");
    return 0;
  }

  if (!sqlite_path.empty()) {
    auto t = std::chrono::steady_clock::now();
    const claimdb::GraphRows rows = corpus.rows();
    std::printf("corpus: %zu claims, %zu links, generated in %.2f s\n", rows.claims.size(), rows.links.size(),
                seconds_since(t));
    t = std::chrono::steady_clock::now();
    write_sqlite(sqlite_path, rows);
    std::printf("sqlite: wrote %s in %.2f s (time the load with --load %s)\n", sqlite_path.c_str(), seconds_since(t),
                sqlite_path.c_str());
    return 0;
  }
  for (std::size_t r = 0; r < runs; ++r) results.push_back(in_child([&] {
    auto t = std::chrono::steady_clock::now();
    claimdb::GraphRows rows = corpus.rows();
    std::printf("corpus: %zu claims, %zu links, generated in %.2f s (peak RSS so far %.0f MiB)\n",
                rows.claims.size(), rows.links.size(), seconds_since(t), peak_rss_mib());
    Stopwatch watch;
    const claimdb::ClaimGraph graph = claimdb::ClaimGraph::build(std::move(rows));
    Run run = analyse(graph, watch.stop());
    print_run(run);
    return run;
  }));
  summarise(results, "from generated rows", "includes the generated rows");
  return 0;
}
