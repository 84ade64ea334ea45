// The detector against the hand-labelled pairs in fixtures/pairs/: precision
// and recall for `conflict`, accuracy per label.
#include "support.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

using namespace claimdb;

namespace {

struct LabelledPair {
  std::string a, b, label, note;
};

std::vector<LabelledPair> read_labels(const std::string& path) {
  std::ifstream in(path);
  std::vector<LabelledPair> out;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::istringstream fields(line);
    LabelledPair p;
    std::getline(fields, p.a, '\t');
    std::getline(fields, p.b, '\t');
    std::getline(fields, p.label, '\t');
    std::getline(fields, p.note);
    out.push_back(p);
  }
  return out;
}

// The detector's verdict in the labels' vocabulary.
std::string predicted_label(const Relation& r) {
  if (r.kind == "contradicts") return "conflict";
  if (r.kind == "supports" || r.kind == "compatible") return "compatible";
  if (r.kind == "update" || r.kind == "scope" || r.kind == "echo" || r.kind == "tension") return r.kind;
  // Not comparable because the scopes or time windows do not meet.
  if (r.relation == "different places" || r.relation == "different times" ||
      r.relation == "wider scope")
    return "scope";
  return "not comparable (" + r.relation + ")";
}

}  // namespace

TEST_CASE("the detector agrees with the labelled pairs (precision and recall >= 0.95)") {
  const auto document = test::fixture("pairs/pairs.json");
  const auto labels_file = test::fixture("pairs/labels.tsv");
  if (!std::filesystem::exists(document) || !std::filesystem::exists(labels_file)) {
    MESSAGE("fixtures/pairs/ is missing: skipped");
    return;
  }
  Database db = Database::open(":memory:");
  import_files(db, {document.string()});
  const auto pairs = read_labels(labels_file.string());
  REQUIRE(pairs.size() >= 200);

  int true_positive = 0, false_positive = 0, false_negative = 0;
  std::map<std::string, std::pair<int, int>> per_label;  // label -> (right, total)
  for (const auto& p : pairs) {
    const Relation r = explain_pair(db, p.a, p.b);
    const std::string predicted = predicted_label(r);
    auto& [right, total] = per_label[p.label];
    ++total;
    if (predicted == p.label) ++right;
    else
      MESSAGE(p.a << " " << p.b << ": labelled " << p.label << ", detector says " << predicted
                  << " -- " << r.explanation << " -- label note: " << p.note);
    const bool said = predicted == "conflict", truth = p.label == "conflict";
    true_positive += said && truth;
    false_positive += said && !truth;
    false_negative += !said && truth;
  }
  const double precision = true_positive + false_positive > 0
                               ? double(true_positive) / (true_positive + false_positive) : 1.0;
  const double recall = true_positive + false_negative > 0
                            ? double(true_positive) / (true_positive + false_negative) : 1.0;
  MESSAGE("conflict: precision " << precision << ", recall " << recall << " over " << pairs.size()
                                 << " pairs");
  for (const auto& [label, counts] : per_label)
    MESSAGE("label " << label << ": " << counts.first << "/" << counts.second << " ("
                     << double(counts.first) / counts.second << ")");
  CHECK(precision >= 0.95);
  CHECK(recall >= 0.95);
  // Every label, near misses (tension) and rounded relays (echo) included.
  for (const auto& [label, counts] : per_label) {
    INFO("label " << label);
    CHECK(counts.first >= 0.95 * counts.second);
  }
}
