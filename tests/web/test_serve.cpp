// `claimdb serve` over HTTP: a server started on a free loopback port, its
// pages, JSON twins, errors and safety, against the seed story and a
// database full of hostile names.
#include "cli/cli_support.hpp"
#include "web/web_support.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>

using namespace claimdb;
using test::run_shell;
using test::shell_quote;

namespace {

std::string seeded_db(const test::TempDir& dir) {
  const std::string db = dir.file("claims.db");
  const auto files = test::seed_files();
  REQUIRE(run_shell("claimdb --db " + shell_quote(db) + " import " + shell_quote(files[0]) + " " +
                    shell_quote(files[1]))
              .status == 0);
  return db;
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  return text;
}

// No markup a hostile record could have planted: only the pages' own tags.
void check_no_planted_markup(const std::string& body, const std::string& where) {
  INFO(where);
  const std::string text = lower(body);
  CHECK(text.find("<script") == std::string::npos);
  // The planted tags, whose attributes would run script; as text they are harmless.
  CHECK(text.find("<img src=x") == std::string::npos);
  CHECK(text.find("<svg onload") == std::string::npos);
  CHECK(text.find("<b onmouseover") == std::string::npos);
  CHECK(text.find("<style>body") == std::string::npos);
  CHECK(text.find("<h1><script") == std::string::npos);
  CHECK(text.find("href=\"javascript:") == std::string::npos);
  CHECK(text.find("<iframe") == std::string::npos);
}

const char* const planted = "<script>alert(1)</script>";

// A database whose every name, quote and URL tries to inject markup.
std::string hostile_db(const test::TempDir& dir) {
  const std::string path = dir.file("hostile.db");
  Database db = Database::open(path);
  Source s;
  s.id = "evil:src";
  s.name = std::string(planted) + "\"><img src=x onerror=alert(2)>";
  s.affiliation = "<iframe src=//x>";
  s.description = "'; alert(3); '";
  db.add(s);
  Source t;
  t.id = "other";
  t.name = "Other";
  db.add(t);
  Report r;
  r.id = "rep";
  r.publisher = "evil:src";
  r.title = "<b onmouseover=alert(4)>headline</b>";
  r.url = "JaVaScRiPt:alert(5)";
  db.add(r);
  Entity e;
  e.id = "evil/entity@1";
  e.name = std::string("<h1>") + planted;
  e.aliases = {"<svg onload=alert(6)>"};
  e.description = "</main><script>alert(7)</script>";
  db.add(e);
  Property p;
  p.id = "count";
  p.unit = "drone";
  p.description = "<style>body{display:none}</style>";
  db.add(p);
  Claim a;
  a.id = "c:1@x/y";
  a.claimant = "evil:src";
  a.report = "rep";
  a.entity = e.id;
  a.property = "count";
  a.value.phrase = "about 500";
  a.quote = std::string("\"") + planted + "\"";
  db.add(a);
  Claim b = a;
  b.id = "c2";
  b.claimant = "other";
  b.value.phrase = "12";
  b.quote = "javascript:alert(8)";
  db.add(b);
  Property said;
  said.id = "said";
  said.value_type = ValueType::text;
  db.add(said);
  Claim d = a;
  d.id = "c3";
  d.property = "said";
  d.value.phrase = "<script>alert(10)</script>";
  db.add(d);
  Review v;
  v.claim = "c2";
  v.rating = "<i>false</i>";
  v.reviewer = planted;
  v.url = "javascript:alert(9)";
  db.add(v);
  detect_all(db);
  return path;
}

}  // namespace

TEST_SUITE("web") {

TEST_CASE("claimdb serve answers the seed story's pages with their content types and JSON twins") {
  test::TempDir dir;
  test::ServeProcess server(seeded_db(dir));
  auto client = server.client();

  auto get = [&](const std::string& path) {
    auto res = client.Get(path.c_str());
    REQUIRE_MESSAGE(res, path);
    return res;
  };
  auto overview = get("/");
  CHECK(overview->status == 200);
  CHECK(overview->get_header_value("Content-Type") == "text/html; charset=utf-8");
  CHECK(overview->get_header_value("Content-Security-Policy").find("default-src 'none'") != std::string::npos);
  CHECK(overview->get_header_value("X-Content-Type-Options") == "nosniff");
  CHECK(overview->body.find("Most severe contradictions") != std::string::npos);
  CHECK(overview->body.find("kyiv-strike-2025-12") != std::string::npos);

  auto overview_json = get("/api/overview");
  CHECK(overview_json->get_header_value("Content-Type") == "application/json; charset=utf-8");
  const auto o = nlohmann::json::parse(overview_json->body);
  CHECK(o["stats"]["claims"] == 62);
  CHECK(o["contradictions"].get<int>() > 0);
  REQUIRE(!o["most_severe"].empty());
  // The same members as `claimdb conflicts --format json`.
  const auto cli = nlohmann::json::parse(
      run_shell("claimdb --db " + shell_quote(dir.file("claims.db")) + " conflicts --format json").out);
  REQUIRE(!cli.empty());
  for (const auto& [member, value] : cli[0].items()) CHECK_MESSAGE(o["most_severe"][0].contains(member), member);

  auto entity = get("/entity/kyiv-strike-2025-12");
  CHECK(entity->status == 200);
  CHECK(entity->body.find("Overnight Russian assault on Kyiv") != std::string::npos);
  CHECK(entity->body.find("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"range-chart\"") != std::string::npos);
  CHECK(entity->body.find("“474”") != std::string::npos);
  auto entity_json = get("/api/entity/kyiv-strike-2025-12");
  const auto e = nlohmann::json::parse(entity_json->body);
  CHECK(e["entity"]["id"] == "kyiv-strike-2025-12");
  const auto claims_cli = nlohmann::json::parse(
      run_shell("claimdb --db " + shell_quote(dir.file("claims.db")) + " claims --about kyiv-strike-2025-12 --format json").out);
  CHECK(e["claims"] == claims_cli);  // exactly the CLI's rows
  CHECK(!e["conflicts"].empty());
  CHECK(!e["camps"].empty());
  CHECK(!e["truth"].empty());
  CHECK(std::find(e["charts"].begin(), e["charts"].end(), "drones_launched") != e["charts"].end());

  auto source = get("/source/zelensky");
  CHECK(source->status == 200);
  const auto s = nlohmann::json::parse(get("/api/source/zelensky")->body);
  CHECK(s["source"]["id"] == "zelensky");
  CHECK(!s["claims"].empty());
  CHECK(s["trust"]["source"] == "zelensky");

  const std::string claim_id = e["claims"][0]["id"];
  auto claim = get("/claim/" + claim_id);
  CHECK(claim->status == 200);
  const auto c = nlohmann::json::parse(get("/api/claim/" + claim_id)->body);
  CHECK(c["claim"]["id"] == claim_id);
  CHECK(!c["history"].empty());

  auto search = get("/search?q=drones");
  CHECK(search->status == 200);
  const auto q = nlohmann::json::parse(get("/api/search?q=drones")->body);
  CHECK(q["query"] == "drones");
  CHECK(!q["results"].empty());

  auto chart = get("/chart.svg?entity=kyiv-strike-2025-12&property=drones_launched");
  CHECK(chart->status == 200);
  CHECK(chart->get_header_value("Content-Type") == "image/svg+xml");
  CHECK(chart->body.find("more than 600") != std::string::npos);
  auto css = get("/style.css");
  CHECK(css->get_header_value("Content-Type") == "text/css; charset=utf-8");

  CHECK(server.stop() == 0);  // SIGTERM: a clean stop
}

TEST_CASE("claimdb serve answers 404 and 400 for unknown ids, paths and over-long or hostile queries") {
  test::TempDir dir;
  test::ServeProcess server(seeded_db(dir));
  auto client = server.client();
  for (const char* path : {"/entity/no-such-entity", "/source/nobody", "/claim/nothing", "/nowhere", "/api/nowhere"}) {
    auto res = client.Get(path);
    REQUIRE(res);
    CHECK_MESSAGE(res->status == 404, path);
  }
  auto json = client.Get("/api/entity/no-such-entity");
  REQUIRE(json);
  CHECK(json->get_header_value("Content-Type") == "application/json; charset=utf-8");
  CHECK(nlohmann::json::parse(json->body)["status"] == 404);

  auto too_long = client.Get(("/api/search?q=" + std::string(500, 'a')).c_str());
  REQUIRE(too_long);
  CHECK(too_long->status == 400);
  // Hostile queries: the query language's own quoting, markup, NULs, bad escapes.
  for (const char* q : {"%22%29%3B%20drop%20table%20claims%3B--", "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
                        "a%5C%22%20or%201", "%00%01%02", "%ZZ%", "%22%22%22", "claims%20about%20x%20limit%201"}) {
    auto res = client.Get((std::string("/search?q=") + q).c_str());
    REQUIRE_MESSAGE(res, q);
    CHECK_MESSAGE(res->status == 200, q);
    check_no_planted_markup(res->body, q);
  }
  // A write through the server is not possible: it has no such route and the database is read-only.
  auto post = client.Post("/api/entity/kyiv-strike-2025-12", "x", "text/plain");
  REQUIRE(post);
  CHECK(post->status >= 400);
  CHECK(server.stop() == 0);
}

TEST_CASE("claimdb serve escapes every hostile name, quote, id and URL on every page") {
  test::TempDir dir;
  const std::string db = hostile_db(dir);
  test::ServeProcess server(db);
  auto client = server.client();
  const std::string entity = "/entity/" + std::string("evil%2Fentity%401");
  for (const std::string& path : {std::string("/"), entity, std::string("/source/evil%3Asrc"),
                                  std::string("/source/other"), std::string("/claim/c%3A1%40x%2Fy"),
                                  std::string("/claim/c2"), std::string("/claim/c3"), std::string("/search?q=alert"),
                                  std::string("/graph/evil%2Fentity%401.svg"),
                                  std::string("/chart.svg?entity=evil%2Fentity%401&property=count"),
                                  std::string("/search?q=%3Cscript%3E")}) {
    auto res = client.Get(path.c_str());
    REQUIRE_MESSAGE(res, path);
    CHECK_MESSAGE(res->status == 200, path);
    check_no_planted_markup(res->body, path);
  }
  auto page = client.Get(entity.c_str());
  REQUIRE(page);
  CHECK(page->body.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);  // shown, as text
  auto claim = client.Get("/claim/c%3A1%40x%2Fy");
  REQUIRE(claim);
  CHECK(lower(claim->body).find("javascript:alert(5)") != std::string::npos);  // the URL as text, not a link
  CHECK(claim->body.find("href=\"JaVaScRiPt") == std::string::npos);
  // The JSON twin keeps the text as it is (JSON escaping is the reader's).
  auto json = client.Get("/api/claim/c%3A1%40x%2Fy");
  REQUIRE(json);
  CHECK(nlohmann::json::parse(json->body)["claim"]["quote"] == std::string("\"") + planted + "\"");
  CHECK(server.stop() == 0);
}

TEST_CASE("claimdb serve opens the database read-only and listens on loopback unless told otherwise") {
  test::TempDir dir;
  const std::string db = seeded_db(dir);
  const std::string before = test::read_file(db);
  {
    test::ServeProcess server(db);
    CHECK(server.line().find("http://127.0.0.1:") != std::string::npos);
    auto client = server.client();
    auto res = client.Get("/entity/kyiv-strike-2025-12");
    REQUIRE_MESSAGE(res, httplib::to_string(res.error()));
    CHECK(res->status == 200);
    CHECK(server.stop() == 0);
  }
  CHECK(test::read_file(db) == before);
  // A missing database is refused before listening.
  const auto missing = run_shell("claimdb --db " + shell_quote(dir.file("none.db")) + " serve --port 0");
  CHECK(missing.status != 0);
  CHECK(missing.out.find("serving") == std::string::npos);
}

}
