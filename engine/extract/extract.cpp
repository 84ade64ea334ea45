// Drafting claims from text: sentences, speakers, figures, properties.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <istream>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include "claimdb/database.hpp"
#include "claimdb/error.hpp"
#include "claimdb/extract.hpp"
#include "claimdb/quantity.hpp"
#include "extract/input.hpp"
#include "extract/patterns.hpp"
#include "model/language.hpp"
#include "quantity/tokens.hpp"
#include "quantity/words.hpp"

namespace claimdb {

namespace {

using quantity::Token;
using extract::Patterns;

constexpr std::size_t kLongestReport = 1000000;  // bytes: the JSON format's longest string
constexpr std::size_t kLookBack = 4;              // tokens a figure may start before its anchor
constexpr std::size_t kLookAhead = 7;             // tokens a figure and its noun may run after it
constexpr std::size_t kLongestStatement = 2000;   // bytes of a statement draft's value

std::size_t count_chars(std::string_view text) {
  std::size_t n = 0;
  for (char c : text)
    if ((static_cast<unsigned char>(c) & 0xc0) != 0x80) ++n;
  return n;
}

std::string trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return "";
  const auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

// An id from text: lower-case ASCII letters and digits joined by `sep`.
std::string slug(std::string_view text, char sep = '-', std::size_t longest = 60) {
  std::string out;
  bool gap = false;
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) && u < 0x80) {
      if (gap && !out.empty()) out += sep;
      out += char(std::tolower(u));
      gap = false;
    } else if (c != '\'' && static_cast<unsigned char>(c) < 0x80) {
      gap = true;
    }
    if (out.size() >= longest) break;
  }
  while (!out.empty() && out.back() == sep) out.pop_back();
  return out;
}

bool same_interval(const Interval& a, const Interval& b) {
  return a.lo == b.lo && a.hi == b.hi && a.lo_open == b.lo_open && a.hi_open == b.hi_open;
}

bool starts_with(std::string_view word, std::string_view stem) { return word.substr(0, stem.size()) == stem; }

// Whether the word as written starts with a capital letter (any script the
// tokenizer lower-cases).
bool capitalised(std::string_view original) {
  if (original.empty()) return false;
  const auto c = static_cast<unsigned char>(original[0]);
  if (c < 0x80) return std::isupper(c) != 0;
  std::size_t length = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
  const std::string first(original.substr(0, std::min(length, original.size())));
  return quantity::lower_word(first) != first;
}

struct Named {
  std::string id;
  std::string name;
  std::string kind;  // "person" or another source kind
};

struct Speaker {
  std::string id;
  std::string written;  // as written in the text
  std::string name;     // resolved name
  double confidence = 0.5;
  std::string note;
  std::size_t verb = 0;      // token of the verb of saying
  std::size_t verb_end = 0;  // one past it
  bool found = false;
};

class Extractor {
 public:
  Extractor(const ExtractOptions& options, const Database* known, const ExtractSink& sink)
      : options_(options), sink_(sink), patterns_(extract::patterns_for(options.language)) {
    if (!options.language.empty()) {
      const auto tag = canonical_language(options.language);
      if (!tag) {
        Location where;
        where.field = "lang";
        throw Error(ErrorCode::bad_input, "invalid language tag '" + options.language + "'", where);
      }
      language_ = *tag;
    }
    if (known) {
      for (auto& s : known->list_sources()) {
        known_sources_[s.id] = s;
        named_.push_back({s.id, s.name, s.kind});
      }
      for (auto& e : known->list_entities()) known_entities_.push_back(e);
      for (auto& p : known->list_properties()) known_properties_[p.id] = p;
    }
  }

  // Decides the report and the entity from the head of the text and sends them.
  void start(const std::string& head, bool whole) {
    report_.id = options_.report_id.empty() ? default_report_id() : options_.report_id;
    report_.title = options_.title.empty() ? first_line(head) : options_.title;
    if (report_.title.empty()) report_.title = report_.id;
    report_.published_at = options_.published_at;
    report_.language = language_;
    if (whole) report_.text = head;
    else warn("the text is longer than " + std::to_string(kLongestReport) + " bytes: the report does not hold it");
    report_.publisher = publisher();
    entity_ = choose_entity(head);
    if (sink_.report) sink_.report(report_);
  }

  // Drafts the claims of one block of the text.
  void block(const std::string& text) {
    std::size_t at = 0;
    for (auto& [begin, end] : sentences(text)) {
      chars_ += count_chars(std::string_view(text).substr(at, begin - at));
      const std::string_view sentence = std::string_view(text).substr(begin, end - begin);
      process(sentence, chars_);
      chars_ += count_chars(sentence);
      at = end;
    }
    chars_ += count_chars(std::string_view(text).substr(at));
  }

 private:
  // --- The report ---------------------------------------------------------

  std::string default_report_id() const {
    std::string base = options_.name;
    const auto slash = base.find_last_of("/\\");
    if (slash != std::string::npos) base.erase(0, slash + 1);
    const auto dot = base.find('.');
    if (dot != std::string::npos && dot > 0) base.erase(dot);
    const auto id = base == "-" ? "" : slug(base);
    return id.empty() ? "extract" : id;
  }

  static std::string first_line(const std::string& text) {
    std::size_t start = 0;
    while (start < text.size()) {
      auto end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      auto line = trim(std::string_view(text).substr(start, end - start));
      if (!line.empty()) {
        if (line.size() > 300) {
          auto cut = line.rfind(' ', 300);
          line = line.substr(0, cut == std::string::npos ? 300 : cut) + "...";
        }
        return line;
      }
      start = end + 1;
    }
    return "";
  }

  std::string publisher() {
    if (!options_.publisher.empty()) {
      if (known_sources_.count(options_.publisher)) return options_.publisher;
      std::string id = slug(options_.publisher);
      if (id.empty()) id = report_.id + "-publisher";
      if (known_sources_.count(id)) return id;
      draft_source(id, options_.publisher, "outlet", "the publisher given to claimdb extract");
      return id;
    }
    const std::string id = report_.id + "-publisher";
    if (!known_sources_.count(id))
      draft_source(id, "Publisher of '" + report_.title + "'", "outlet",
                   "the unnamed publisher of report " + report_.id + "; give its name");
    return id;
  }

  std::string choose_entity(const std::string& head) {
    if (!options_.entity.empty()) {
      entity_confidence_ = 1;
      for (auto& e : known_entities_)
        if (e.id == options_.entity) return e.id;
      std::string id = slug(options_.entity);
      if (id.empty()) id = report_.id + "-subject";
      draft_entity(id, options_.entity);
      return id;
    }
    const std::string lower = quantity::lower_word(head);
    const Entity* best = nullptr;
    std::size_t best_length = 0;
    for (auto& e : known_entities_) {
      std::vector<std::string> names{e.name};
      names.insert(names.end(), e.aliases.begin(), e.aliases.end());
      for (auto& name : names) {
        const auto needle = quantity::lower_word(name);
        if (needle.size() < 3 || lower.find(needle) == std::string::npos) continue;
        // An event is what an article is about before a place it mentions.
        const std::size_t weight = needle.size() + (e.kind == "event" ? 1000 : 0);
        if (weight > best_length) {
          best = &e;
          best_length = weight;
        }
      }
    }
    if (best) {
      entity_confidence_ = 0.6;
      entity_note_ = "entity '" + best->id + "' is the existing entity named in the text; check the claims are about it";
      return best->id;
    }
    std::string id = slug(report_.title);
    if (id.empty()) id = report_.id + "-subject";
    draft_entity(id, report_.title);
    entity_confidence_ = 0.3;
    entity_note_ = "entity '" + id + "' is a draft named after the title; name what the claims are about";
    return id;
  }

  // --- Drafts of sources, entities, properties ----------------------------

  void draft_source(const std::string& id, const std::string& name, const std::string& kind, const std::string& why) {
    Source s;
    s.id = id;
    s.name = name;
    s.kind = kind;
    s.description = "Draft from claimdb extract (report " + report_.id + "): " + why + "; confirm or amend.";
    known_sources_[id] = s;
    named_.push_back({id, name, kind});
    if (sink_.source) sink_.source(s);
  }

  void draft_entity(const std::string& id, const std::string& name) {
    Entity e;
    e.id = id;
    e.name = name;
    e.kind = "event";
    e.description = "Draft from claimdb extract (report " + report_.id + "): what the report is about; confirm or amend.";
    known_entities_.push_back(e);
    if (sink_.entity) sink_.entity(e);
  }

  const Property& property(const std::string& id, ValueType type, const std::string& unit, const std::string& why) {
    auto it = known_properties_.find(id);
    if (it != known_properties_.end()) return it->second;
    Property p;
    p.id = id;
    p.value_type = type;
    p.unit = unit;
    p.description = "Draft from claimdb extract (report " + report_.id + "): suggested from " + why + "; confirm or rename.";
    const auto& stored = known_properties_.emplace(id, p).first->second;
    if (sink_.property) sink_.property(stored);
    return stored;
  }

  void warn(const std::string& message) const {
    if (sink_.warn) sink_.warn(message);
  }

  // --- Sentences ----------------------------------------------------------

  bool is_abbreviation(std::string_view text, std::size_t dot) const {
    std::size_t start = dot;
    while (start > 0 && (std::isalpha(static_cast<unsigned char>(text[start - 1])) || text[start - 1] == '.')) --start;
    const std::string word = quantity::lower_word(text.substr(start, dot - start));
    if (word.size() == 1) return true;  // an initial: "J. Smith"
    return patterns_.has("abbreviation", word);
  }

  static bool quote_open(std::string_view text, std::size_t i, std::size_t& length) {
    if (text.substr(i, 3) == "\u201c" || text.substr(i, 2) == "\u00ab") {
      length = text.substr(i, 3) == "\u201c" ? 3 : 2;
      return true;
    }
    return false;
  }
  static bool quote_close(std::string_view text, std::size_t i, std::size_t& length) {
    if (text.substr(i, 3) == "\u201d" || text.substr(i, 2) == "\u00bb") {
      length = text.substr(i, 3) == "\u201d" ? 3 : 2;
      return true;
    }
    return false;
  }

  // Whether the quotation marks of a block pair up; when not, they are ignored.
  static bool balanced(std::string_view text) {
    int depth = 0, straight = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
      std::size_t length = 0;
      if (quote_open(text, i, length)) ++depth;
      else if (quote_close(text, i, length)) --depth;
      else if (text[i] == '"') ++straight;
      if (depth < 0) return false;
    }
    return depth == 0 && straight % 2 == 0;
  }

  // Sentences as byte ranges. A sentence ends at . ! ? (not after an
  // abbreviation, not inside quotation marks) before a capital, a digit or a
  // quotation mark; a short line without final punctuation (a headline) ends
  // at its line break.
  std::vector<std::pair<std::size_t, std::size_t>> sentences(std::string_view text) const {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    const bool quotes = balanced(text);
    int depth = 0;
    bool in_straight = false;
    std::size_t start = 0, line_start = 0;
    auto push = [&](std::size_t end) {
      const auto first = text.find_first_not_of(" \t\r\n", start);
      if (first != std::string_view::npos && first < end) {
        auto last = end;
        while (last > first && std::isspace(static_cast<unsigned char>(text[last - 1]))) --last;
        out.emplace_back(first, last);
      }
      start = end;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
      std::size_t length = 0;
      const char c = text[i];
      if (quotes && quote_open(text, i, length)) { ++depth; i += length - 1; continue; }
      if (quotes && quote_close(text, i, length)) {
        --depth;
        i += length - 1;
        // "... statements." He said: a quote ending a sentence.
        if (depth == 0 && i + 1 - length > 0) {
          const char before = text[i + 1 - length - 1];
          if ((before == '.' || before == '!' || before == '?') && ends_here(text, i + 1)) push(i + 1);
        }
        continue;
      }
      if (quotes && c == '"') {
        in_straight = !in_straight;
        if (!in_straight && i > 0 && (text[i - 1] == '.' || text[i - 1] == '!' || text[i - 1] == '?') && ends_here(text, i + 1))
          push(i + 1);
        continue;
      }
      if (c == '\n') {
        const auto line = trim(text.substr(line_start, i - line_start));
        const bool last_line = text.find_first_not_of(" \t\r\n", i) == std::string_view::npos;
        const bool blank_next = i + 1 < text.size() && text[i + 1] == '\n';
        if (!line.empty() && (line.size() < 150 || blank_next || last_line) &&
            std::string(".!?:;,\"\u201d").find(line.back()) == std::string::npos)
          push(i);
        line_start = i + 1;
        continue;
      }
      if (depth > 0 || in_straight) continue;
      if (c == '.' || c == '!' || c == '?') {
        std::size_t end = i + 1;
        while (end < text.size() && (text[end] == '.' || text[end] == '!' || text[end] == '?')) ++end;
        if (!ends_here(text, end)) continue;
        if (c == '.' && is_abbreviation(text, i)) continue;
        push(end);
        i = end - 1;
      }
    }
    push(text.size());
    return out;
  }

  static bool ends_here(std::string_view text, std::size_t end) {
    if (end >= text.size()) return true;
    if (!std::isspace(static_cast<unsigned char>(text[end]))) return false;
    const auto next = text.find_first_not_of(" \t\r\n", end);
    if (next == std::string_view::npos) return true;
    const auto c = static_cast<unsigned char>(text[next]);
    if (c >= 0x80) return capitalised(text.substr(next)) || text.substr(next, 3) == "\u201c" || text.substr(next, 2) == "\u00ab";
    return std::isupper(c) || std::isdigit(c) || c == '"' || c == '\'' || c == '(';
  }

  // --- Tokens -------------------------------------------------------------

  struct Sentence {
    std::string_view text;
    std::vector<Token> tokens;
    std::string original(std::size_t i) const {
      return std::string(text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin));
    }
    std::string span(std::size_t begin, std::size_t end) const {  // tokens [begin, end)
      return std::string(text.substr(tokens[begin].begin, tokens[end - 1].end - tokens[begin].begin));
    }
    bool word(std::size_t i) const { return i < tokens.size() && tokens[i].kind == Token::Kind::word; }
  };

  // The length of a multi-word list entry matching at token i, or 0.
  std::size_t match_list(const Sentence& s, std::size_t i, const std::string& kind) const {
    std::size_t best = 0;
    for (auto& entry : patterns_.list(kind)) {
      if (i + entry.size() > s.tokens.size()) continue;
      bool ok = true;
      for (std::size_t k = 0; k < entry.size() && ok; ++k) ok = s.tokens[i + k].text == entry[k];
      if (ok) best = std::max(best, entry.size());
    }
    return best;
  }

  // --- Speakers -----------------------------------------------------------

  bool name_word(const Sentence& s, std::size_t i) const {
    if (!s.word(i) && s.tokens[i].text != "'" && s.tokens[i].text != "-") return false;
    const auto& w = s.tokens[i].text;
    if (patterns_.has("boundary", w)) return false;
    return capitalised(s.original(i)) || patterns_.has("subject", w) || patterns_.has("connector", w);
  }

  // The speaker's tokens [begin, end) trimmed of connectors at both ends; empty when no name is left.
  std::pair<std::size_t, std::size_t> trim_name(const Sentence& s, std::size_t begin, std::size_t end) const {
    auto weak = [&](std::size_t i) {
      const auto& w = s.tokens[i].text;
      return patterns_.has("connector", w) || w == "its" || w == "his" || w == "her" || w == "their" || w == "a";
    };
    while (begin < end && weak(begin)) ++begin;
    while (end > begin && weak(end - 1)) --end;
    return {begin, end};
  }

  std::optional<Speaker> speaker_at(const Sentence& s, std::size_t verb, std::size_t verb_end, bool after_only) {
    Speaker sp;
    sp.verb = verb;
    sp.verb_end = verb_end;
    std::size_t j = verb;
    if (!after_only) {
      while (j > 0 && (patterns_.has("skip", s.tokens[j - 1].text))) --j;
      if (j > 0 && s.word(j - 1) &&
          (patterns_.has("pronoun-person", s.tokens[j - 1].text) || patterns_.has("pronoun-group", s.tokens[j - 1].text))) {
        if (resolve_pronoun(s.tokens[j - 1].text, s.original(j - 1), sp)) return sp;
        return std::nullopt;
      }
      std::size_t begin = j;
      while (begin > 0 && j - begin < 8 && name_word(s, begin - 1)) --begin;
      auto [b, e] = trim_name(s, begin, j);
      if (b < e && (capitalised(s.original(e - 1)) || patterns_.has("subject", s.tokens[e - 1].text))) {
        name_speaker(s, b, e, sp);
        return sp;
      }
    }
    // "..., said Zelensky": the name after the verb.
    std::size_t k = verb_end;
    while (k < s.tokens.size() && s.tokens[k].text == "the") ++k;
    std::size_t end = k;
    while (end < s.tokens.size() && end - k < 8 && name_word(s, end)) ++end;
    auto [b, e] = trim_name(s, k, end);
    if (b < e && (capitalised(s.original(b)) || (after_only && patterns_.has("subject", s.tokens[e - 1].text)))) {
      name_speaker(s, b, e, sp);
      return sp;
    }
    return std::nullopt;
  }

  bool resolve_pronoun(const std::string& pronoun, const std::string& written, Speaker& sp) {
    const bool person = patterns_.has("pronoun-person", pronoun);
    const std::optional<std::size_t>& last = person ? last_person_ : last_group_;
    if (!last) return false;
    const auto& n = named_[*last];
    sp.id = n.id;
    sp.name = n.name;
    sp.written = written;
    sp.confidence = 0.7;
    sp.note = "claimant: '" + written + "' taken to be " + n.name + ", the last " +
              (person ? "person" : "organisation") + " named as a speaker";
    sp.found = true;
    return true;
  }

  void name_speaker(const Sentence& s, std::size_t b, std::size_t e, Speaker& sp) {
    sp.written = s.span(b, e);
    // Drop a title ("Ukrainian President Volodymyr Zelensky" -> "Volodymyr Zelensky").
    std::size_t name_begin = b;
    bool titled = false;
    for (std::size_t i = b; i < e; ++i) {
      const auto len = match_list(s, i, "title");
      if (len > 0 && i + len <= e) {
        bool rest_capital = false;
        for (std::size_t k = i + len; k < e; ++k) rest_capital = rest_capital || capitalised(s.original(k));
        if (rest_capital) {
          name_begin = i + len;
          titled = true;
        }
      }
    }
    const std::string name = s.span(name_begin, e);
    int capitals = 0;
    bool organisation = false;
    for (std::size_t i = name_begin; i < e; ++i) {
      if (capitalised(s.original(i)) && s.word(i)) ++capitals;
      if (patterns_.has("organisation", s.tokens[i].text) || patterns_.has("subject", s.tokens[i].text)) organisation = true;
    }
    const bool person = !organisation && (titled || capitals >= 1);
    sp.found = true;
    sp.confidence = 0.9;
    sp.name = name;
    // The same speaker as one named before: by name, or a person by surname.
    const std::string lower = quantity::lower_word(name);
    for (std::size_t i = 0; i < named_.size(); ++i) {
      const auto& n = named_[i];
      const std::string known = quantity::lower_word(n.name);
      const auto space = known.rfind(' ');
      const bool surname = n.kind == "person" && space != std::string::npos && known.substr(space + 1) == lower;
      if (known == lower || surname) {
        sp.id = n.id;
        sp.name = n.name;
        if (surname) sp.note = "claimant: '" + name + "' taken to be " + n.name + ", named before";
        if (n.kind == "person") last_person_ = i;
        else last_group_ = i;
        return;
      }
    }
    std::string id = slug(name);
    if (id.empty()) id = report_.id + "-speaker-" + std::to_string(named_.size() + 1);
    while (known_sources_.count(id)) id += "-draft";
    draft_source(id, name, person ? "person" : "organisation", "a speaker as the text names it");
    sp.note = "claimant: new draft source '" + id + "' (\"" + name + "\")";
    if (person) last_person_ = named_.size() - 1;
    else last_group_ = named_.size() - 1;
    sp.id = id;
  }

  Speaker find_speaker(const Sentence& s) {
    for (std::size_t i = 0; i < s.tokens.size(); ++i) {
      if (auto len = match_list(s, i, "according")) {
        if (auto sp = speaker_at(s, i, i + len, true)) return *sp;
      }
      if (auto len = match_list(s, i, "said")) {
        if (auto sp = speaker_at(s, i, i + len, false)) return *sp;
      }
    }
    Speaker sp;
    sp.id = report_.publisher;
    sp.name = known_sources_.count(sp.id) ? known_sources_[sp.id].name : sp.id;
    sp.confidence = 0.6;
    sp.note = "claimant: no speaker named in the sentence, so the publisher";
    return sp;
  }

  // --- Figures ------------------------------------------------------------

  std::optional<QuantityReading> read(const std::string& phrase, const std::string& unit = "") const {
    return QuantityReader::builtin().try_read(phrase, unit, language_);
  }

  bool readable(const std::string& text) {
    auto it = readable_.find(text);
    if (it != readable_.end()) return it->second;
    if (readable_.size() > 100000) readable_.clear();  // bounded: the vocabulary of a long text
    const bool ok = read(text).has_value();
    readable_.emplace(text, ok);
    return ok;
  }

  bool is_number(const Sentence& s, std::size_t i) const {
    return i < s.tokens.size() && s.tokens[i].kind == Token::Kind::number;
  }

  // Why the figure anchored at token k is not a figure, or "".
  std::string not_a_figure(const Sentence& s, std::size_t k) const {
    const auto& t = s.tokens;
    const auto& w = t[k].text;
    if (is_number(s, k)) {
      // Glued to a word: a name ("F-16", "G7", "COVID-19").
      if (k > 0 && !t[k].spaced) {
        if (s.word(k - 1)) return "name";
        if (t[k - 1].text == "-" && k > 1 && !t[k - 1].spaced && s.word(k - 2)) return "name";
      }
      if (k + 1 < t.size() && !t[k + 1].spaced && patterns_.has("ordinal-suffix", t[k + 1].text)) return "ordinal";
      if (k + 2 < t.size() && (t[k + 1].text == ":" || t[k + 1].text == ".") && !t[k + 1].spaced && is_number(s, k + 2) &&
          !t[k + 2].spaced && t[k + 2].text.size() == 2 && t[k].text.size() <= 2)
        return "time";
      if (k + 1 < t.size() && patterns_.has("time", t[k + 1].text) && (k + 1 >= t.size() || t[k + 1].text != "local"))
        if (t[k].text.size() <= 2 && w.find_first_not_of("0123456789") == std::string::npos && std::stoi(w) <= 24 &&
            (k == 0 || t[k - 1].text == "at" || t[k - 1].text == "by" || t[k - 1].text == "until" || t[k - 1].text == "from" || t[k + 1].text != "h"))
          return "time";
      if (k + 1 < t.size() && patterns_.has("month", t[k + 1].text)) return "date";
      if (k > 0 && patterns_.has("month", t[k - 1].text) && capitalised(s.original(k - 1))) return "date";
      if (w.size() == 4 && w.find_first_not_of("0123456789") == std::string::npos) {
        const int year = std::stoi(w);
        if (year >= 1000 && year <= 2199) return "year";
      }
      if (k > 0 && patterns_.has("label", t[k - 1].text) && capitalised(s.original(k - 1))) return "label";
      if (phone_at(s, k)) return "phone";
      return "";
    }
    if (patterns_.has("ordinal", w)) {
      const bool counted = k > 0 && (t[k - 1].text == "a" || t[k - 1].text == "an" || t[k - 1].text == "one" ||
                                     t[k - 1].text == "two" || t[k - 1].text == "three" || is_number(s, k - 1));
      if (!counted) return "ordinal";
    }
    return "";
  }

  // A phone number: a "+" before digits, a phone word before, or three or
  // more groups of digits holding seven or more digits.
  bool phone_at(const Sentence& s, std::size_t k) const {
    const auto& t = s.tokens;
    std::size_t begin = k;
    while (begin > 0 && (is_number(s, begin - 1) || t[begin - 1].text == "-" || t[begin - 1].text == "(" ||
                         t[begin - 1].text == ")" || t[begin - 1].text == "+"))
      --begin;
    std::size_t end = k + 1;
    while (end < t.size() && (is_number(s, end) || ((t[end].text == "-" || t[end].text == ")" || t[end].text == "(") &&
                                                    end + 1 < t.size() && is_number(s, end + 1))))
      ++end;
    if (t[begin].text == "+" && begin + 1 < t.size() && is_number(s, begin + 1)) return true;
    if (begin > 0 && patterns_.has("phone", t[begin - 1].text)) return true;
    if (begin > 1 && patterns_.has("phone", t[begin - 2].text) && t[begin - 1].text == ":") return true;
    int groups = 0;
    std::size_t digits = 0;
    for (std::size_t i = begin; i < end; ++i)
      if (is_number(s, i)) {
        ++groups;
        for (char c : t[i].text) digits += std::isdigit(static_cast<unsigned char>(c)) ? 1 : 0;
      }
    return groups >= 3 && digits >= 7;
  }

  struct Figure {
    std::size_t begin = 0, end = 0;  // the value's tokens
    std::size_t noun_end = 0;        // one past the counted noun
    QuantityReading value;           // the value phrase read alone
    QuantityReading full;            // read with the words after it (the counted noun)
    std::vector<std::string> counted;  // the counted noun's words as written, lower-cased
    bool compound = false;             // written as one word with it ("20-point")
  };

  static bool same_reading(const QuantityReading& a, const QuantityReading& b) {
    if (!same_interval(a.interval, b.interval)) return false;
    return a.unit == b.unit || (a.kind == "count" && b.kind == "count");
  }

  std::optional<Figure> figure_at(const Sentence& s, std::size_t k, std::size_t floor) {
    const auto& t = s.tokens;
    std::size_t limit = std::min(t.size(), k + kLookAhead);
    // A figure never runs over a clause's punctuation.
    for (std::size_t i = k + 1; i < limit; ++i)
      if (t[i].text == ";" || t[i].text == "(" || t[i].text == "\u201c" || t[i].text == "\"") {
        limit = i;
        break;
      }
    const std::size_t lowest = k >= kLookBack ? std::max(floor, k - kLookBack) : floor;
    std::optional<QuantityReading> full;
    std::size_t start = k;
    for (std::size_t b = lowest; b <= k; ++b) {
      if (b < k && t[b].kind == Token::Kind::symbol && t[b].text != "$" && t[b].text != "~" && t[b].text != "+" &&
          t[b].text != "\u20ac" && t[b].text != "\u00a3")
        continue;
      // The longest span that reads: a second figure after the first ("hundreds
      // of drones and dozens of missiles") makes the whole unreadable.
      for (std::size_t e = limit; e > k && !full; --e) {
        auto r = read(s.span(b, e));
        if (r) {
          full = r;
          start = b;
          limit = e;
        }
      }
      if (full) break;
    }
    if (!full || !full->informative) return std::nullopt;
    if (auto len = match_list(s, start, "not-figure"); len > 0 && !is_number(s, start + len)) return std::nullopt;
    Figure f;
    f.begin = start;
    f.full = *full;
    f.end = limit;
    for (std::size_t e = std::max(start + 1, k + 1); e <= limit; ++e) {
      auto r = read(s.span(start, e));
      if (r && same_reading(*r, *full)) {
        f.end = e;
        f.value = *r;
        break;
      }
    }
    if (f.value.phrase.empty()) f.value = *full;
    // The counted noun as written: the words after "of" up to a function word.
    std::size_t i = f.end;
    // "20-point peace proposal": the figure qualifies the one word after it.
    const bool compound = i + 1 < t.size() && t[i].text == "-" && !t[i].spaced && s.word(i + 1);
    if (compound) {
      f.counted.push_back(t[i + 1].text);
      f.noun_end = i + 2;
      f.compound = true;
      return f;
    }
    while (i < t.size() && (t[i].text == "of" || t[i].text == "-" || t[i].text == "the")) ++i;
    while (i < t.size() && f.counted.size() < 4 && s.word(i) && !quantity::is_function_word(t[i].text) &&
           !(f.counted.size() > 0 && quantity::is_predicate(t[i].text)) && !patterns_.has("said", t[i].text)) {
      if (f.counted.empty() && quantity::is_predicate(t[i].text)) break;
      f.counted.push_back(t[i].text);
      ++i;
    }
    f.noun_end = i;
    return f;
  }

  // --- Properties ---------------------------------------------------------

  struct Suggestion {
    std::string id;
    std::string unit;
    double confidence = 0.3;
    std::string why;
  };

  // The nearest occurrence of one of the verbs: tokens after the figure count
  // as their distance, tokens before it one and a half times theirs.
  std::optional<double> verb_distance(const Sentence& s, const Figure& f, const std::vector<std::vector<std::string>>& verbs,
                                      std::string& matched) const {
    std::optional<double> best;
    for (std::size_t i = 0; i < s.tokens.size(); ++i) {
      if (i >= f.begin && i < f.end) continue;
      for (auto& verb : verbs) {
        if (i + verb.size() > s.tokens.size()) continue;
        bool ok = true;
        for (std::size_t k = 0; k < verb.size() && ok; ++k)
          ok = k + 1 == verb.size() ? starts_with(s.tokens[i + k].text, verb[k]) : s.tokens[i + k].text == verb[k];
        if (!ok) continue;
        const double d = i >= f.end ? double(i - f.end + 1) : 1.5 * double(f.begin - i);
        if (!best || d < *best) {
          best = d;
          matched = s.span(i, i + verb.size());
        }
      }
    }
    return best;
  }

  // What a property's unit measures, as the quantity reader names it.
  static std::string kind_of_unit(const std::string& unit) {
    if (unit == "percent") return "share";
    try {
      return QuantityReader::builtin().canonical_unit(unit).kind;
    } catch (const Error&) {
      return "count";
    }
  }

  Suggestion suggest(const Sentence& s, const Figure& f) const {
    std::optional<Suggestion> best;
    double best_score = -1e9;
    for (auto& rule : patterns_.properties) {
      const std::string kind = rule.kind.empty() ? kind_of_unit(rule.unit) : rule.kind;
      if (kind != f.full.kind) continue;
      bool noun = false;
      if (!rule.nouns.empty()) {
        for (auto& stem : rule.nouns) {
          noun = noun || starts_with(f.full.unit, stem);
          for (auto& word : f.counted) noun = noun || starts_with(word, stem);
        }
        if (!noun) continue;
      } else if (!rule.unit.empty() && !f.full.unit.empty() && f.full.unit != rule.unit &&
                 !(rule.unit == "person" && patterns_.has("person", f.full.unit))) {
        continue;  // "several apartment buildings": not people
      }
      std::string verb;
      const auto distance = verb_distance(s, f, rule.verbs, verb);
      if (!distance || *distance > 14) continue;
      const double score = (noun ? 100 : 0) - *distance;
      if (score > best_score) {
        best_score = score;
        best = Suggestion{rule.id, rule.unit, noun ? 0.8 : 0.7,
                          (noun ? "'" + join(f.counted) + "' and '" : "'") + verb + "'"};
      }
    }
    if (best) return *best;
    return fallback(s, f);
  }

  static std::string join(const std::vector<std::string>& words, const std::string& sep = " ") {
    std::string out;
    for (auto& w : words) out += (out.empty() ? "" : sep) + w;
    return out;
  }

  // A property named after the words: "apartment buildings were hit" ->
  // apartment_buildings_hit; else what is counted or measured.
  Suggestion fallback(const Sentence& s, const Figure& f) const {
    const std::string noun = slug(join(f.counted), '_', 50);
    const std::string unit = f.full.kind == "count" ? f.full.unit : f.full.unit;
    if (!noun.empty() && f.compound) return {noun + "_count", noun, 0.3, "'" + join(f.counted) + "'"};
    if (!noun.empty()) {
      std::size_t i = f.noun_end;
      while (i < s.tokens.size() && i < f.noun_end + 3 && patterns_.has("auxiliary", s.tokens[i].text)) ++i;
      if (i < s.tokens.size() && s.word(i) && i < f.noun_end + 3 &&
          (patterns_.has("participle", s.tokens[i].text) ||
           (s.tokens[i].text.size() > 4 && s.tokens[i].text.substr(s.tokens[i].text.size() - 2) == "ed"))) {
        const std::string verb = slug(s.tokens[i].text, '_', 30);
        if (!verb.empty()) return {noun + "_" + verb, unit, 0.4, "'" + join(f.counted) + " ... " + s.tokens[i].text + "'"};
      }
      if (f.full.kind == "share") return {noun + "_share", "percent", 0.3, "'" + join(f.counted) + "', a share"};
      const std::string counted = slug(f.full.unit.empty() ? noun : f.full.unit, '_', 50);
      if (!counted.empty()) return {counted + "_count", unit, 0.3, "the counted noun '" + join(f.counted) + "'"};
    }
    if (f.full.kind != "count" && !f.full.kind.empty()) return {slug(f.full.kind, '_'), unit, 0.3, "what the figure measures"};
    return {"figure", unit, 0.2, "nothing: no counted noun or verb was recognised"};
  }

  // --- Claims -------------------------------------------------------------

  void emit(DraftClaim& d, double part_confidence, const std::string& note) {
    d.confidence = std::min(d.confidence, part_confidence);
    if (!note.empty()) d.needs_review.push_back(note);
  }

  DraftClaim base_claim(const Sentence& s, std::size_t sentence_chars, const Speaker& sp) {
    DraftClaim d;
    d.claim.id = report_.id + "-" + std::to_string(++claims_);
    d.claim.claimant = sp.id;
    d.claim.report = report_.id;
    d.claim.entity = entity_;
    d.claim.quote = std::string(s.text);
    d.claim.published_at = report_.published_at;
    d.quote_begin = sentence_chars;
    d.quote_end = sentence_chars + count_chars(s.text);
    d.claimant_name = sp.written.empty() ? sp.name : sp.written;
    emit(d, sp.confidence, sp.note);
    emit(d, entity_confidence_, entity_note_);
    return d;
  }

  void process(std::string_view text, std::size_t sentence_chars) {
    Sentence s{text, quantity::tokenize(text)};
    if (s.tokens.empty()) return;
    const Speaker sp = find_speaker(s);
    int drafted = 0;
    std::size_t floor = 0;
    for (std::size_t k = 0; k < s.tokens.size(); ++k) {
      if (k < floor) continue;
      const auto& tok = s.tokens[k];
      if (tok.kind == Token::Kind::symbol) continue;
      if (sp.found && k >= sp.verb && k < sp.verb_end) continue;
      const bool anchor = is_number(s, k) || readable(tok.text) ||
                          (k + 1 < s.tokens.size() && s.word(k + 1) && readable(tok.text + " " + s.tokens[k + 1].text));
      if (!anchor) continue;
      if (!not_a_figure(s, k).empty()) {
        // What is glued to it goes too ("6:30", "0800-555").
        if (is_number(s, k)) {
          floor = k + 1;
          while (floor < s.tokens.size() && !s.tokens[floor].spaced) ++floor;
        }
        continue;
      }
      auto f = figure_at(s, k, floor);
      if (!f) continue;
      floor = std::max(f->end, k + 1);
      draft_figure(s, sentence_chars, sp, *f);
      ++drafted;
    }
    if (drafted == 0 && sp.found) draft_statement(s, sentence_chars, sp);
  }

  void draft_figure(const Sentence& s, std::size_t sentence_chars, const Speaker& sp, const Figure& f) {
    DraftClaim d = base_claim(s, sentence_chars, sp);
    const auto suggestion = suggest(s, f);
    std::string unit = suggestion.unit.empty() ? f.full.unit : suggestion.unit;
    const std::string phrase = s.span(f.begin, f.end);
    const Property* p = &property(suggestion.id, ValueType::quantity, unit, suggestion.why);
    auto reading = p->value_type == ValueType::quantity ? read(phrase, p->unit) : std::nullopt;
    if (!reading) {
      // The existing property measures something else: a draft of its own.
      const std::string id = suggestion.id + "_" + slug(f.full.unit.empty() ? "figure" : f.full.unit, '_');
      p = &property(id, ValueType::quantity, f.full.unit, suggestion.why);
      reading = read(phrase, p->unit);
      emit(d, 0.3, "property: '" + suggestion.id + "' exists but does not measure this figure; drafted '" + id + "'");
    }
    if (!reading) return;  // cannot happen: the phrase was read above
    d.claim.property = p->id;
    d.claim.value.phrase = phrase;
    d.value_type = ValueType::quantity;
    d.counted = join(f.counted);
    d.value_begin = sentence_chars + count_chars(s.text.substr(0, s.tokens[f.begin].begin));
    d.value_end = d.value_begin + count_chars(phrase);
    d.confidence = std::min(d.confidence, 0.9);
    const bool existing = p->description.rfind("Draft from claimdb extract", 0) != 0;
    if (suggestion.confidence < 0.9)
      emit(d, suggestion.confidence,
           "property: '" + p->id + "' " + (existing ? "(existing)" : "(new draft)") + " suggested from " + suggestion.why);
    d.needs_review.push_back("value: '" + phrase + "' read as " + format_interval(reading->interval) +
                             (reading->unit.empty() ? "" : " " + reading->unit));
    for (auto& w : reading->warnings) d.needs_review.push_back("value: " + w);
    if (sink_.claim) sink_.claim(d);
  }

  void draft_statement(const Sentence& s, std::size_t sentence_chars, const Speaker& sp) {
    // The words said: the quotation before the verb, else what follows the verb.
    std::size_t begin = sp.verb_end, end = s.tokens.size();
    bool quoted = false;
    if (sp.verb > 0) {
      for (std::size_t i = 0; i < sp.verb; ++i)
        if (s.tokens[i].text == "\u201c" || s.tokens[i].text == "\"") {
          for (std::size_t k = sp.verb; k > i + 1; --k)
            if (s.tokens[k - 1].text == "\u201d" || s.tokens[k - 1].text == "\"") {
              begin = i + 1;
              end = k - 1;
              quoted = true;
              break;
            }
          break;
        }
    }
    if (!quoted) {
      while (begin < end && (patterns_.has("complementiser", s.tokens[begin].text) || s.tokens[begin].text == "," ||
                             s.tokens[begin].text == ":"))
        ++begin;
      // A name after the verb ("said Zelensky") is the speaker, not the statement.
      if (begin < end && !sp.written.empty() && s.span(begin, std::min(end, begin + 1)) == sp.written.substr(0, s.tokens[begin].end - s.tokens[begin].begin))
        return;
    }
    while (end > begin && (s.tokens[end - 1].text == "." || s.tokens[end - 1].text == "," || s.tokens[end - 1].text == "!" ||
                           s.tokens[end - 1].text == "?"))
      --end;
    if (end <= begin + 2) return;  // too short to be a statement worth checking
    std::string value = s.span(begin, end);
    if (value.size() > kLongestStatement) return;
    DraftClaim d = base_claim(s, sentence_chars, sp);
    const Property* p = &property("statement", ValueType::text, "", "an attributed statement");
    if (p->value_type != ValueType::text) p = &property("statement_text", ValueType::text, "", "an attributed statement");
    d.claim.property = p->id;
    d.claim.value.phrase = value;
    d.value_type = ValueType::text;
    d.value_begin = sentence_chars + count_chars(s.text.substr(0, s.tokens[begin].begin));
    d.value_end = d.value_begin + count_chars(value);
    emit(d, 0.4, "statement: check it is worth a claim; choose a property and an entity that say what it is about");
    if (sink_.claim) sink_.claim(d);
  }

  const ExtractOptions& options_;
  const ExtractSink& sink_;
  const Patterns& patterns_;
  std::string language_;
  Report report_;
  std::string entity_;
  double entity_confidence_ = 1;
  std::string entity_note_;
  std::map<std::string, Source> known_sources_;
  std::vector<Entity> known_entities_;
  std::map<std::string, Property> known_properties_;
  std::vector<Named> named_;
  std::optional<std::size_t> last_person_, last_group_;
  std::unordered_map<std::string, bool> readable_;
  std::size_t chars_ = 0;
  std::size_t claims_ = 0;
};

}  // namespace

void extract_stream(std::istream& in, const ExtractOptions& options, const Database* known, const ExtractSink& sink) {
  extract::TextInput input(in, options.name);
  Extractor extractor(options, known, sink);
  // The head: the whole text when it fits a report, else the first blocks.
  std::vector<std::string> head;
  std::size_t bytes = 0;
  bool whole = true;
  while (auto block = input.next_block()) {
    bytes += block->size();
    head.push_back(std::move(*block));
    if (bytes > kLongestReport) {
      whole = false;
      break;
    }
  }
  std::string text;
  for (auto& b : head) text += b;
  if (trim(text).empty()) {
    Location where;
    where.file = options.name;
    throw Error(ErrorCode::bad_input, "no text to extract claims from (the input is empty)", where);
  }
  extractor.start(text, whole);
  text.clear();
  for (auto& b : head) extractor.block(b);
  head.clear();
  if (!whole)
    while (auto block = input.next_block()) extractor.block(*block);
}

Extraction extract_text(std::istream& in, const ExtractOptions& options, const Database* known) {
  Extraction out;
  ExtractSink sink;
  sink.source = [&](const Source& s) { out.sources.push_back(s); };
  sink.entity = [&](const Entity& e) { out.entities.push_back(e); };
  sink.property = [&](const Property& p) { out.properties.push_back(p); };
  sink.report = [&](const Report& r) { out.report = r; };
  sink.claim = [&](const DraftClaim& c) { out.claims.push_back(c); };
  extract_stream(in, options, known, sink);
  return out;
}

}  // namespace claimdb
