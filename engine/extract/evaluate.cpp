// Comparing drafts with a hand-encoded document (docs/evaluation-extract.md).
#include <algorithm>
#include <map>
#include <set>

#include "claimdb/extract.hpp"
#include "quantity/tokens.hpp"

namespace claimdb {

namespace {

std::string lower(std::string_view text) { return quantity::lower_word(text); }

// The words of a name or an id that say who it is ("kyiv", "authorities").
std::set<std::string> name_words(const std::string& text) {
  static const std::set<std::string> stop{"as", "reported", "of", "the", "and", "gov", "government", "officials",
                                          "official", "president", "news", "article", "seed", "outlet", "publisher"};
  std::set<std::string> out;
  std::string word;
  for (char c : lower(text) + " ") {
    if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) {
      word += c;
    } else {
      if (!word.empty() && !stop.count(word)) out.insert(word);
      word.clear();
    }
  }
  return out;
}

bool contains(const std::string& a, const std::string& b) { return !b.empty() && a.find(b) != std::string::npos; }

}  // namespace

ExtractEvaluation evaluate_extraction(const Extraction& x, const Dataset& expected) {
  ExtractEvaluation ev;
  std::map<std::string, const Property*> properties;
  for (auto& p : expected.properties) properties[p.id] = &p;
  std::map<std::string, std::string> names;  // source id -> name
  std::map<std::string, std::string> drafted;  // the extraction's own names first
  for (auto& s : expected.sources) names[s.id] = s.name;
  for (auto& s : x.sources) drafted[s.id] = s.name;
  std::vector<const DraftClaim*> drafts;
  for (auto& d : x.claims) {
    if (d.value_type == ValueType::quantity) drafts.push_back(&d);
    else ++ev.statements;
  }
  ev.drafts = static_cast<int>(drafts.size());
  std::set<const DraftClaim*> used;
  for (auto& c : expected.claims) {
    const auto p = properties.find(c.property);
    if (p == properties.end() || p->second->value_type != ValueType::quantity) continue;
    ++ev.expected;
    const std::string phrase = lower(c.value.phrase);
    const std::string quote_start = lower(c.quote.substr(0, std::min<std::size_t>(c.quote.size(), 24)));
    const DraftClaim* match = nullptr;
    for (auto* d : drafts) {
      if (used.count(d)) continue;
      const std::string value = lower(d->claim.value.phrase);
      if (!(contains(value, phrase) || contains(phrase, value))) continue;
      if (!contains(lower(d->claim.quote), quote_start) && !contains(quote_start, lower(d->claim.quote).substr(0, 24))) continue;
      match = d;
      break;
    }
    std::string line = c.id + " '" + c.value.phrase + "' (" + c.property + ", " + c.claimant + "): ";
    if (!match) {
      ev.lines.push_back(line + "missed");
      continue;
    }
    used.insert(match);
    ++ev.found;
    bool claimant = match->claim.claimant == c.claimant;
    if (!claimant) {
      const auto want = name_words(names[c.claimant] + " " + c.claimant);
      const auto d = drafted.find(match->claim.claimant);
      const std::string name = d != drafted.end() ? d->second : names[match->claim.claimant];
      for (auto& w : name_words(name + " " + match->claimant_name))
        claimant = claimant || want.count(w) > 0;
    }
    const bool property = match->claim.property == c.property;
    ev.claimant_right += claimant ? 1 : 0;
    ev.property_right += property ? 1 : 0;
    ev.lines.push_back(line + "found '" + match->claim.value.phrase + "'; claimant " + match->claim.claimant +
                       (claimant ? " (right)" : " (wrong)") + "; property " + match->claim.property +
                       (property ? " (right)" : " (wrong)"));
  }
  for (auto* d : drafts)
    if (!used.count(d)) {
      ++ev.spurious;
      ev.lines.push_back("spurious: '" + d->claim.value.phrase + "' (" + d->claim.property + ") in \"" +
                         d->claim.quote.substr(0, 80) + "\"");
    }
  return ev;
}

}  // namespace claimdb
