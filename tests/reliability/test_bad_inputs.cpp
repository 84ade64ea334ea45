// The hostile input corpus of fixtures/bad/: every case in cases.tsv runs the
// real `claimdb` binary against a database seeded with the Kyiv fixture (or a
// crafted or corrupted file made here), and must exit with the documented
// status, name what was wrong and where, and leave the database as it was.
// Beside it, opening an untrusted database: the connection's hardening, and
// files whose schema holds triggers and views that call functions.
#include "cli/cli_support.hpp"
#include "support.hpp"

#include "storage/store.hpp"

#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

using namespace claimdb;
using test::read_file;
using test::run_shell;
using test::shell_quote;
using test::TempDir;

namespace fs = std::filesystem;

namespace {

struct Case {
  int line = 0;         // in cases.tsv
  std::string name;
  std::string kind;     // json, jsonl, quantity, query, args, dbfile
  std::string database; // seed, missing, missing-folder, directory, seed+sql:F, empty+sql:F, seed+bytes:OP
  int status = -1;
  std::string args;
  std::string message;
};

fs::path bad_dir() { return test::fixture("bad"); }

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> fields;
  std::size_t start = 0;
  for (;;) {
    const std::size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab - start));
    if (tab == std::string::npos) return fields;
    start = tab + 1;
  }
}

std::vector<Case> load_cases() {
  std::vector<Case> cases;
  std::istringstream in(read_file((bad_dir() / "cases.tsv").string()));
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    const auto f = split_tabs(line);
    INFO("cases.tsv line ", number, ": ", line);
    REQUIRE(f.size() == 6);
    Case c{number, f[0], f[1], f[2], std::stoi(f[3]), f[4], f[5]};
    cases.push_back(std::move(c));
  }
  return cases;
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

void write_bytes(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

std::string integrity(const std::string& path) {
  SQLite::Database raw(path, SQLite::OPEN_READONLY);
  SQLite::Statement q(raw, "PRAGMA integrity_check");
  std::string out;
  while (q.executeStep()) out += q.getColumn(0).getString() + "\n";
  return out;
}

// The database every case starts from: the seed fixture imported by the CLI,
// made once. `exported` is its export, `bytes` the file.
struct Seed {
  TempDir dir;
  std::string path = dir.file("seed.db");
  std::string exported;
  std::string bytes;

  Seed() {
    const auto files = test::seed_files();
    auto r = run_shell("claimdb --db " + shell_quote(path) + " import " + shell_quote(files[0]) +
                       " " + shell_quote(files[1]));
    REQUIRE(r.status == 0);
    // The importer's last connection checkpointed the log into the file.
    REQUIRE_FALSE(fs::exists(path + "-wal"));
    bytes = read_file(path);
    {
      Database db = Database::open(path, Options{.create_if_missing = false, .read_only = true});
      exported = test::export_string(db);
      REQUIRE(db.stats().claims == 62);
    }
    REQUIRE(read_file(path) == bytes);
  }
};

const Seed& seed() {
  static Seed s;
  return s;
}

int page_size(const std::string& bytes) {
  const int size = (static_cast<unsigned char>(bytes[16]) << 8) | static_cast<unsigned char>(bytes[17]);
  return size == 1 ? 65536 : size;
}

// Damages a copy of the seeded database in one of the ways cases.tsv names.
void corrupt(const std::string& path, const std::string& how) {
  std::string bytes = read_file(path);
  REQUIRE(bytes.size() > 8192);
  const int page = page_size(bytes);
  if (how == "truncate") {
    bytes.resize(std::size_t(3 * page));  // the header still counts every page
  } else if (how == "header") {
    bytes.replace(0, 16, "not an SQLite db");
  } else if (how == "page-size") {
    bytes[16] = 1;  // 257: not a power of two
    bytes[17] = 1;
  } else if (how == "schema-page") {
    std::fill(bytes.begin() + 100, bytes.begin() + page, '\0');  // page 1 after the header
  } else if (how == "claims-root") {
    int root = 0;
    {
      SQLite::Database raw(path, SQLite::OPEN_READONLY);
      root = raw.execAndGet("SELECT rootpage FROM sqlite_schema WHERE name = 'claims'").getInt();
    }
    // Reading left an empty log beside the file; the case starts without one.
    REQUIRE(fs::file_size(path + "-wal") == 0);
    fs::remove(path + "-wal");
    fs::remove(path + "-shm");
    REQUIRE(root > 1);
    std::fill(bytes.begin() + std::ptrdiff_t(root - 1) * page, bytes.begin() + std::ptrdiff_t(root) * page,
              '\x5a');
  } else if (how == "short") {
    bytes.resize(50);
  } else if (how == "text") {
    bytes.clear();
    for (int i = 0; i < 100; ++i) bytes += "plain text, not SQLite\n";
  } else if (how == "empty") {
    bytes.clear();
  } else {
    FAIL("unknown byte corruption '", how, "' in cases.tsv");
  }
  write_bytes(path, bytes);
}

void apply_sql(const std::string& path, const std::string& script, int flags) {
  SQLite::Database raw(path, flags);
  raw.exec(read_file((bad_dir() / script).string()));
}

// Makes the case's database at dir/claims.db (or leaves it missing).
std::string prepare(const TempDir& dir, const Case& c) {
  const std::string path = dir.file("claims.db");
  const std::string& d = c.database;
  auto starts = [&](const char* prefix) { return d.rfind(prefix, 0) == 0; };
  if (d == "missing") return path;
  if (d == "missing-folder") return dir.file("no-such-folder/claims.db");
  if (d == "directory") {
    fs::create_directory(path);
    return path;
  }
  if (starts("empty+sql:")) {
    apply_sql(path, d.substr(10), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    return path;
  }
  REQUIRE(starts("seed"));
  write_bytes(path, seed().bytes);
  if (starts("seed+sql:"))
    apply_sql(path, d.substr(9), SQLite::OPEN_READWRITE);
  else if (starts("seed+bytes:"))
    corrupt(path, d.substr(11));
  else
    REQUIRE(d == "seed");
  // Whatever SQLite did to make it, the case starts from one file.
  REQUIRE_FALSE(fs::exists(path + "-wal"));
  return path;
}

// True when text has a byte a terminal would act on: C0 controls but newline, DEL.
bool has_control_bytes(const std::string& text) {
  return std::any_of(text.begin(), text.end(), [](char ch) {
    const auto c = static_cast<unsigned char>(ch);
    return (c < 0x20 && c != '\n') || c == 0x7f;
  });
}

void run_case(const Case& c) {
  INFO("case '", c.name, "' (fixtures/bad/cases.tsv line ", c.line, "): claimdb ", c.args);
  TempDir dir;
  const std::string db = prepare(dir, c);
  const bool existed = fs::exists(db);
  const bool is_dir = fs::is_directory(db);
  const std::string before = existed && !is_dir ? read_file(db) : std::string();
  const std::string err_file = dir.file("stderr.txt");

  const auto result = run_shell("timeout 60 claimdb --db " + shell_quote(db) + " " + c.args, "", err_file);
  const std::string err = read_file(err_file);
  INFO("stderr: ", err);

  // A clear error, the documented status, nothing on standard output.
  CHECK(result.status == c.status);
  CHECK(err.find(replace_all(c.message, "{db}", db)) != std::string::npos);
  CHECK(result.out.empty());
  CHECK(err.find("internal error") == std::string::npos);
  CHECK_FALSE(has_control_bytes(err));
  if (c.status != 2) {
    // One line naming the problem; a query error adds the query and a caret.
    CHECK(err.rfind("claimdb: error: ", 0) == 0);
    CHECK(std::count(err.begin(), err.end(), '\n') == (c.kind == "query" ? 3 : 1));
  }

  // The database is exactly as it was.
  CHECK(fs::exists(db) == existed);
  CHECK(fs::is_directory(db) == is_dir);
  if (is_dir) CHECK(fs::is_empty(db));
  if (existed && !is_dir) {
    CHECK(read_file(db) == before);
    // Nothing is waiting in a write-ahead log either.
    if (fs::exists(db + "-wal")) CHECK(fs::file_size(db + "-wal") == 0);
  }
  if (c.database == "seed") {
    CHECK(integrity(db) == "ok\n");
    Database reopened = Database::open(db, Options{.create_if_missing = false, .read_only = true});
    CHECK(test::export_string(reopened) == seed().exported);
  }
}

}  // namespace

TEST_CASE("bad inputs: the corpus covers every kind of input and every fixture file") {
  const auto cases = load_cases();
  CHECK(cases.size() >= 60);
  std::map<std::string, int> per_kind;
  std::set<std::string> names;
  std::string referenced;
  for (const auto& c : cases) {
    INFO("case ", c.name);
    CHECK(names.insert(c.name).second);  // names are unique
    ++per_kind[c.kind];
    CHECK_FALSE(c.message.empty());
    CHECK(c.status >= 2);
    CHECK(c.status <= 6);
    referenced += c.args + " " + c.database + "\n";
  }
  for (const char* kind : {"json", "jsonl", "quantity", "query", "args", "dbfile"}) {
    INFO("kind ", kind);
    CHECK(per_kind[kind] >= 10);
  }
  CHECK(per_kind.size() == 6);
  // Every file in fixtures/bad/ is used by some case (no stale fixtures).
  for (const auto& entry : fs::directory_iterator(bad_dir())) {
    const std::string file = entry.path().filename().string();
    if (file == "README.md" || file == "cases.tsv") continue;
    INFO("fixture file ", file);
    CHECK(referenced.find(file) != std::string::npos);
  }
}

TEST_CASE("bad inputs: every case fails clearly and leaves the database unchanged") {
  const auto cases = load_cases();
  REQUIRE_FALSE(cases.empty());
  REQUIRE_FALSE(seed().exported.empty());
  for (const auto& c : cases) run_case(c);
}

TEST_CASE("bad inputs: claimdb's connections are hardened against untrusted files") {
  TempDir dir;
  const std::string path = dir.file("claims.db");
  write_bytes(path, seed().bytes);
  for (bool read_only : {false, true}) {
    INFO("read_only ", read_only);
    Database db = Database::open(path, Options{.create_if_missing = false, .read_only = read_only});
    sqlite3* h = db.store().connection().getHandle();
    int value = -1;
    sqlite3_db_config(h, SQLITE_DBCONFIG_DEFENSIVE, -1, &value);
    CHECK(value == 1);
    sqlite3_db_config(h, SQLITE_DBCONFIG_TRUSTED_SCHEMA, -1, &value);
    CHECK(value == 0);
    sqlite3_db_config(h, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, -1, &value);
    CHECK(value == 0);
    // No extension loading, even asked for directly.
    CHECK_THROWS_WITH(db.store().connection().exec("SELECT load_extension('/nonexistent/evil.so')"),
                      doctest::Contains("not authorized"));
    // Defensive: the schema cannot be written through SQL.
    CHECK_THROWS(db.store().connection().exec(
        "PRAGMA writable_schema = ON; UPDATE sqlite_schema SET sql = 'x' WHERE name = 'claims'"));
  }
  // A file attached to claimdb's connection is untrusted too: its view that
  // calls a function does not run.
  const std::string other = dir.file("other.db");
  {
    SQLite::Database raw(other, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    raw.exec("CREATE VIEW evil_view AS SELECT load_extension('/nonexistent/evil.so') AS loaded");
  }
  Database db = Database::open(path);
  auto& connection = db.store().connection();
  connection.exec("ATTACH DATABASE " + std::string("'") + other + "' AS other");
  CHECK_THROWS_WITH(connection.exec("SELECT * FROM other.evil_view"),
                    doctest::Contains("unsafe use of load_extension()"));
  connection.exec("DETACH DATABASE other");
  CHECK(integrity(path) == "ok\n");
}

TEST_CASE("bad inputs: a database whose schema holds foreign triggers and views is refused unopened") {
  struct Crafted {
    const char* script;
    const char* named;  // what the refusal must name
    bool has_pwned;     // the script made a table its trigger writes to
  };
  const Crafted crafted[] = {
      {"trigger-calls-function.sql", "unexpected trigger 'evil_on_source'", true},
      {"trigger-plain-sql.sql", "unexpected trigger 'evil_on_claim'", true},
      {"view-calls-function.sql", "unexpected view 'evil_view'", false},
      {"altered-trigger.sql", "altered trigger 'claims_no_update'", false},
  };
  for (const auto& k : crafted) {
    INFO("schema from fixtures/bad/", k.script);
    TempDir dir;
    const std::string path = dir.file("claims.db");
    write_bytes(path, seed().bytes);
    apply_sql(path, k.script, SQLite::OPEN_READWRITE);
    const std::string before = read_file(path);
    for (bool read_only : {false, true}) {
      INFO("read_only ", read_only);
      try {
        Database db = Database::open(path, Options{.create_if_missing = false, .read_only = read_only});
        // Had it opened, this write would fire the crafted trigger.
        db.add(Source{.id = "after-open", .name = "Written after opening"});
        FAIL("the crafted database was opened");
      } catch (const Error& e) {
        CHECK(e.code() == ErrorCode::not_a_database);
        CHECK(std::string(e.message()).find(k.named) != std::string::npos);
        CHECK(std::string(e.message()).find("the file was not changed") != std::string::npos);
      }
      CHECK(read_file(path) == before);
    }
    // The CLI refuses it the same way, for a write and for a read.
    for (const char* command : {"import fixtures/bad/good-extra.json", "claims"}) {
      const std::string err = dir.file("stderr.txt");
      auto r = run_shell("claimdb --db " + shell_quote(path) + " " + command, "", err);
      CHECK(r.status == 5);
      CHECK(read_file(err).find(k.named) != std::string::npos);
      CHECK(read_file(path) == before);
    }
    // And nothing the triggers would have written exists.
    SQLite::Database raw(path, SQLite::OPEN_READONLY);
    CHECK(raw.execAndGet("SELECT count(*) FROM sources WHERE slug IN ('after-open', 'good-extra-source')")
              .getInt() == 0);
    if (k.has_pwned) CHECK(raw.execAndGet("SELECT count(*) FROM pwned").getInt() == 0);
  }
}
