// plot, serve, publish: the range chart, the read-only web server and the
// static copy of its pages.
#include "../commands.hpp"
#include "chart.hpp"
#include "html.hpp"
#include "programs.hpp"
#include "site.hpp"

#include <CLI/CLI.hpp>
#include <httplib.h>

#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <mutex>
#include <thread>

namespace claimdb::cli {

namespace {

using namespace web;

void write_file(const std::filesystem::path& path, const std::string& content) {
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file << content;
  file.close();
  if (!file) throw Error(ErrorCode::io, "cannot write '" + path.string() + "'");
}

// --- plot ----------------------------------------------------------------------------

struct PlotArgs {
  std::string about, property, output, format;
  bool no_truth = false;
};

void plot(const Context& context, const PlotArgs& args) {
  std::string format = args.format;
  if (format.empty()) {
    const std::string ext = std::filesystem::path(args.output).extension().string();
    format = ext == ".png" ? "png" : "svg";
  }
  Database db = open_for_reading(context);
  const Chart chart = load_chart(db, args.about, args.property, ChartOptions{!args.no_truth});
  const std::string svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + chart_svg(chart) + "\n";
  if (format == "svg") {
    if (args.output.empty()) std::cout << svg;
    else write_file(args.output, svg);
    return;
  }
  const std::string program = find_program("rsvg-convert", "CLAIMDB_RSVG_CONVERT");
  if (program.empty())
    throw Error(ErrorCode::io, "--format png needs rsvg-convert (Debian's librsvg2-bin), which is not installed; "
                               "install it, or write SVG (-o FILE.svg)");
  const std::string png = run_program(program, {"-f", "png", "-b", "white", "-o", "{out}", "{in}"}, svg, "the chart");
  if (args.output.empty()) std::cout << png;
  else write_file(args.output, png);
}

// --- serve ---------------------------------------------------------------------------

// One read-only connection per worker thread at a time: a Database is not
// shared between threads.
class Pool {
 public:
  explicit Pool(const Context& context) : context_(context) {}
  struct Lease {
    Pool* pool;
    std::unique_ptr<Database> db;
    ~Lease() {
      if (db) pool->give_back(std::move(db));
    }
  };
  Lease take() {
    {
      std::lock_guard lock(mutex_);
      if (!free_.empty()) {
        auto db = std::move(free_.back());
        free_.pop_back();
        return Lease{this, std::move(db)};
      }
    }
    return Lease{this, std::make_unique<Database>(open_for_reading(context_))};
  }

 private:
  void give_back(std::unique_ptr<Database> db) {
    std::lock_guard lock(mutex_);
    free_.push_back(std::move(db));
  }
  const Context& context_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Database>> free_;
};

// What is slow to compute (truth over the whole database, the overview's
// scan of every contradiction), kept until the database file changes.
class Cache {
 public:
  Cache(std::string path, Limits limits) : path_(std::move(path)), limits_(limits) {}

  std::shared_ptr<const TruthCache> truth(const Database& db) {
    std::lock_guard lock(mutex_);
    refresh();
    if (!truth_) truth_ = std::make_shared<const TruthCache>(weigh_truth(db, limits_));
    return truth_;
  }
  std::shared_ptr<const Page> overview(const Database& db, const Links& links) {
    auto truth_now = truth(db);
    std::lock_guard lock(mutex_);
    refresh();
    if (!overview_) overview_ = std::make_shared<const Page>(overview_page(db, links, limits_, *truth_now));
    return overview_;
  }

 private:
  // The database's state as its files show it: any write changes the size or
  // time of the file or of its write-ahead log.
  std::string state() const {
    std::string out;
    for (const std::string& p : {path_, path_ + "-wal"}) {
      std::error_code e;
      const auto size = std::filesystem::file_size(p, e);
      const auto time = std::filesystem::last_write_time(p, e);
      out += std::to_string(e ? 0 : size) + ":" + std::to_string(time.time_since_epoch().count()) + ";";
    }
    return out;
  }
  void refresh() {
    const std::string now = state();
    if (now != state_) {
      state_ = now;
      truth_.reset();
      overview_.reset();
    }
  }
  std::string path_;
  Limits limits_;
  std::mutex mutex_;
  std::string state_;
  std::shared_ptr<const TruthCache> truth_;
  std::shared_ptr<const Page> overview_;
};

struct ServeArgs {
  std::string host = "127.0.0.1";
  int port = 8080;
  int threads = 8;
  int timeout = 10;  // seconds to read a request or write an answer
  Limits limits;
};

bool is_loopback(const std::string& host) {
  return host == "127.0.0.1" || host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

void send_page(httplib::Response& res, const Page& page, bool json) {
  if (json) res.set_content(page.json.dump(2, ' ', false, Row::error_handler_t::replace) + "\n",
                            "application/json; charset=utf-8");
  else res.set_content(page.html, "text/html; charset=utf-8");
}

void serve(const Context& context, const ServeArgs& args) {
  // Fail now, with the CLI's message, when the database cannot be read.
  { Database check = open_for_reading(context); }
  Pool pool(context);
  Cache cache(context.db_path, args.limits);
  const Links links;  // server paths
  const Limits limits = args.limits;

  httplib::Server server;
  server.new_task_queue = [threads = args.threads] { return new httplib::ThreadPool(std::size_t(threads)); };
  server.set_read_timeout(args.timeout, 0);
  server.set_write_timeout(args.timeout, 0);
  server.set_idle_interval(0, 100000);
  server.set_keep_alive_max_count(100);
  server.set_keep_alive_timeout(5);
  server.set_payload_max_length(16 * 1024);
  server.set_default_headers({{"Content-Security-Policy", content_security_policy()},
                              {"X-Content-Type-Options", "nosniff"},
                              {"Referrer-Policy", "no-referrer"},
                              {"X-Frame-Options", "DENY"},
                              {"Cache-Control", "no-cache"}});

  // Runs a page builder, answering errors as pages (HTML or JSON) with their status.
  auto answer = [&](bool json, httplib::Response& res, const std::function<Page(const Database&, const TruthCache&)>& build,
                    bool needs_truth) {
    try {
      auto lease = pool.take();
      std::shared_ptr<const TruthCache> truth = needs_truth ? cache.truth(*lease.db) : std::make_shared<const TruthCache>();
      send_page(res, build(*lease.db, *truth), json);
    } catch (const Error& e) {
      const int status = e.code() == ErrorCode::not_found ? 404 : e.code() == ErrorCode::bad_input ? 400 : 500;
      res.status = status;
      send_page(res, error_page(links, status, e.message()), json);
    }
  };
  auto route = [&](const std::string& name, auto builder, bool needs_truth) {
    for (bool json : {false, true}) {
      server.Get((json ? "/api/" : "/") + name + "/(.+)", [&, json, builder, needs_truth](const httplib::Request& req,
                                                                                          httplib::Response& res) {
        const std::string id = req.matches[1];
        answer(json, res, [&](const Database& db, const TruthCache& truth) { return builder(db, truth, id); },
               needs_truth);
      });
    }
  };
  route("entity", [&](const Database& db, const TruthCache& t, const std::string& id) {
    return entity_page(db, links, limits, t, id);
  }, true);
  route("source", [&](const Database& db, const TruthCache& t, const std::string& id) {
    return source_page(db, links, limits, t, id);
  }, true);
  route("claim", [&](const Database& db, const TruthCache&, const std::string& id) {
    return claim_page(db, links, limits, id);
  }, false);
  for (bool json : {false, true}) {
    server.Get(json ? "/api/overview" : "/", [&, json](const httplib::Request&, httplib::Response& res) {
      try {
        auto lease = pool.take();
        send_page(res, *cache.overview(*lease.db, links), json);
      } catch (const Error& e) {
        res.status = 500;
        send_page(res, error_page(links, 500, e.message()), json);
      }
    });
    server.Get(json ? "/api/search" : "/search", [&, json](const httplib::Request& req, httplib::Response& res) {
      const std::string words = req.has_param("q") ? req.get_param_value("q") : "";
      answer(json, res, [&](const Database& db, const TruthCache&) { return search_page(db, links, limits, words); },
             false);
    });
  }
  server.Get("/chart.svg", [&](const httplib::Request& req, httplib::Response& res) {
    try {
      auto lease = pool.take();
      auto truth = cache.truth(*lease.db);
      res.set_content(chart_document(*lease.db, links, *truth, req.get_param_value("entity"),
                                     req.get_param_value("property")),
                      "image/svg+xml");
    } catch (const Error& e) {
      res.status = e.code() == ErrorCode::not_found ? 404 : 400;
      res.set_content(e.message() + "\n", "text/plain; charset=utf-8");
    }
  });
  server.Get(R"(/graph/(.+)\.svg)", [&](const httplib::Request& req, httplib::Response& res) {
    try {
      auto lease = pool.take();
      std::string why;
      if (auto svg = graph_svg(*lease.db, limits, req.matches[1], why)) {
        res.set_content(*svg, "image/svg+xml");
      } else {
        res.status = 404;
        res.set_content("no graph: " + why + "\n", "text/plain; charset=utf-8");
      }
    } catch (const Error& e) {
      res.status = e.code() == ErrorCode::not_found ? 404 : 500;
      res.set_content(e.message() + "\n", "text/plain; charset=utf-8");
    }
  });
  server.Get("/style.css", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(stylesheet(), "text/css; charset=utf-8");
  });
  // Anything else (an unknown path, a page answering 404 itself keeps its body).
  server.set_error_handler([&](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    const bool json = req.path.rfind("/api/", 0) == 0;
    const std::string message = res.status == 404 ? "no page at this address" : "the request was refused";
    send_page(res, error_page(links, res.status, message), json);
  });

  const int port = args.port == 0 ? server.bind_to_any_port(args.host)
                                  : (server.bind_to_port(args.host, args.port) ? args.port : -1);
  if (port < 0)
    throw Error(ErrorCode::io, "cannot listen on " + args.host + ":" + std::to_string(args.port) +
                                   " (in use, or not an address of this machine)");

  // SIGINT and SIGTERM stop the server from a thread of their own (a signal
  // handler may not), after which listen_after_bind returns and connections close.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  std::atomic<bool> by_signal = false;
  std::thread waiter([&] {
    int which = 0;
    sigwait(&signals, &which);
    by_signal = true;
    server.stop();
  });

  const std::string shown = args.host.find(':') != std::string::npos ? "[" + args.host + "]" : args.host;
  std::cout << "claimdb: serving '" << printable(context.db_path) << "' read-only at http://" << printable(shown)
            << ":" << port << "/" << std::endl;
  if (is_loopback(args.host))
    std::cerr << "claimdb: only this machine can connect (loopback); --host 0.0.0.0 shares the pages with the network\n";
  else
    std::cerr << "claimdb: listening on " << printable(args.host)
              << ": anyone who can reach this machine can read the whole database\n";
  std::cerr << "claimdb: Ctrl-C stops it" << std::endl;

  const bool ok = server.listen_after_bind();
  if (!by_signal) pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  pthread_sigmask(SIG_UNBLOCK, &signals, nullptr);
  if (!ok && !by_signal) throw Error(ErrorCode::io, "the server stopped unexpectedly");
  std::cerr << "claimdb: stopped" << std::endl;
}

// --- publish -------------------------------------------------------------------------

struct PublishArgs {
  std::string about, output;
  Limits limits;
};

void publish(const Context& context, const PublishArgs& args) {
  Database db = open_for_reading(context);
  if (!db.find_entity(args.about)) throw Error(ErrorCode::not_found, "unknown entity '" + args.about + "'");
  namespace fs = std::filesystem;
  const fs::path dir = args.output;
  std::error_code e;
  fs::create_directories(dir, e);
  if (e || !fs::is_directory(dir)) throw Error(ErrorCode::io, "cannot create the directory '" + args.output + "'");

  Links links;
  links.files = true;
  links.entities.insert(args.about);
  const std::vector<Claim> claims = db.list_claims(ClaimFilter{args.about});
  for (const auto& c : claims) {
    links.claims.insert(c.id);
    links.sources.insert(c.claimant);
  }
  const TruthCache truth = weigh_truth(db, args.limits);
  std::size_t files = 0;
  auto write_page = [&](const std::string& name, const Page& page) {
    write_file(dir / name, page.html);
    write_file(dir / links.json(name), page.json.dump(2, ' ', false, Row::error_handler_t::replace) + "\n");
    files += 2;
  };
  const Page entity = entity_page(db, links, args.limits, truth, args.about);
  write_page(links.entity(args.about), entity);
  write_page("index.html", entity);
  for (const auto& s : links.sources) write_page(links.source(s), source_page(db, links, args.limits, truth, s, args.about));
  for (const auto& c : links.claims) write_page(links.claim(c), claim_page(db, links, args.limits, c));
  for (const auto& p : entity.json["charts"]) {
    const std::string property = p.get<std::string>();
    write_file(dir / links.chart(args.about, property), chart_document(db, links, truth, args.about, property));
    ++files;
  }
  std::string why;
  if (auto svg = graph_svg(db, args.limits, args.about, why)) {
    write_file(dir / links.graph(args.about), *svg);
    ++files;
  } else {
    std::cerr << "claimdb: no graph drawn: " << why << '\n';
  }
  write_file(dir / "style.css", stylesheet());
  ++files;
  std::cerr << "claimdb: wrote " << files << " files to '" << printable(args.output) << "'; open "
            << printable((dir / "index.html").string()) << '\n';
}

}  // namespace

void register_web_commands(CLI::App& app, Context& context) {
  auto plot_args = std::make_shared<PlotArgs>();
  auto* plot_cmd = app.add_subcommand(
      "plot", "Draw every claim's figure for one entity and property on one axis (SVG, or PNG via rsvg-convert)");
  plot_cmd->add_option("--about", plot_args->about, "the entity id")->type_name("ENTITY")->required();
  plot_cmd->add_option("--property", plot_args->property, "the property id (a quantity)")->type_name("PROPERTY")->required();
  plot_cmd->add_option("-o,--output", plot_args->output, "write to FILE (.svg or .png) instead of standard output")
      ->type_name("FILE");
  plot_cmd->add_option("--format", plot_args->format, "svg or png (default: from the file name, else svg)")
      ->check(CLI::IsMember({"svg", "png"}));
  plot_cmd->add_flag("--no-truth", plot_args->no_truth, "do not weigh the claims for the most likely value band");
  plot_cmd->callback([&, plot_args] { run(context, [&] { plot(context, *plot_args); }); });

  auto serve_args = std::make_shared<ServeArgs>();
  auto* serve_cmd = app.add_subcommand(
      "serve", "Serve the database read-only as web pages (with a JSON twin of each under /api/)");
  serve_cmd->add_option("--host", serve_args->host, "the address to listen on (loopback unless told otherwise)")
      ->capture_default_str();
  serve_cmd->add_option("--port", serve_args->port, "the port (0: any free port, printed on start)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  serve_cmd->add_option("--threads", serve_args->threads, "requests served at once")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
  serve_cmd->add_option("--timeout", serve_args->timeout, "seconds to read a request or send an answer")
      ->check(CLI::Range(1, 600))
      ->capture_default_str();
  serve_cmd->add_option("--truth-limit", serve_args->limits.max_truth_claims,
                        "weigh truth only for databases of at most N claims (it reads them all)")
      ->type_name("N")
      ->capture_default_str();
  serve_cmd->callback([&, serve_args] { run(context, [&] { serve(context, *serve_args); }); });

  auto publish_args = std::make_shared<PublishArgs>();
  auto* publish_cmd = app.add_subcommand(
      "publish", "Write one entity's pages (claims, sources, charts, graph) as static files to a directory");
  publish_cmd->add_option("--about", publish_args->about, "the entity id")->type_name("ENTITY")->required();
  publish_cmd->add_option("-o,--output", publish_args->output, "the directory (created when missing)")
      ->type_name("DIR")
      ->required();
  publish_cmd->callback([&, publish_args] { run(context, [&] { publish(context, *publish_args); }); });
}

}  // namespace claimdb::cli
