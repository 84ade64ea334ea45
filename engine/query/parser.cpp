#include "query/parser.hpp"

#include "model/time.hpp"
#include "query/suggest.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstdlib>

namespace claimdb::ql {

namespace {

struct VerbInfo {
  Verb verb;
  const char* name;
  std::vector<std::string> clauses;  // filter words this verb takes
};

const std::vector<VerbInfo>& verbs() {
  static const std::vector<VerbInfo> table = {
      {Verb::claims, "claims", {"about", "on", "by", "in", "since", "until", "published", "said"}},
      {Verb::conflicts, "conflicts", {"about", "on", "by", "kind", "severity", "between", "published", "said"}},
      {Verb::sources, "sources", {"about", "on"}},
      {Verb::entities, "entities", {}},
      {Verb::properties, "properties", {}},
      {Verb::why, "why", {}},
      {Verb::search, "search", {}},
      {Verb::history, "history", {}},
      {Verb::disputes, "disputes", {"about"}},
      {Verb::camps, "camps", {"about"}},
      {Verb::provenance, "provenance", {}},
      {Verb::status, "status", {"about"}},
      {Verb::truth, "truth", {"about", "on"}},
      {Verb::trust, "trust", {"about", "on"}},
  };
  return table;
}

const std::vector<std::string>& modifier_words() {
  static const std::vector<std::string> words = {"order", "limit", "as"};
  return words;
}

std::vector<std::string> verb_names() {
  std::vector<std::string> out;
  for (const auto& v : verbs()) out.push_back(v.name);
  return out;
}

std::string lower(std::string text) {
  for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += i + 1 == words.size() ? " and " : ", ";
    out += words[i];
  }
  return out;
}

// A date "YYYY-MM-DD" read as an upper bound stands for its whole day.
std::string end_of_day(const std::string& time) {
  return time.size() == 10 ? time + "T23:59:59Z" : time;
}

class Parser {
 public:
  explicit Parser(std::string_view text) : tokens_(tokenize(text)) {}

  ParsedQuery query() {
    ParsedQuery q;
    command(q);
    while (!at_end()) clause(q);
    return q;
  }

 private:
  const Token& peek() const { return tokens_[position_]; }
  bool at_end() const {
    return peek().kind == TokenKind::end ||
           (peek().kind == TokenKind::symbol && peek().text == ";" &&
            tokens_[position_ + 1].kind == TokenKind::end);
  }
  Token next() {
    Token t = tokens_[position_];
    if (t.kind != TokenKind::end) ++position_;
    return t;
  }
  bool is_word(const Token& t, const char* word) const {
    return t.kind == TokenKind::word && lower(t.text) == word;
  }
  [[noreturn]] void missing(const Token& at, const std::string& what) {
    if (at.kind == TokenKind::end)
      throw IncompleteQuery(ErrorCode::bad_input, what + " expected at the end of the query",
                            Location{.line = at.line, .column = at.column});
    fail_at(at, what + " expected, found " + describe(at));
  }

  // command = verb [arguments]
  void command(ParsedQuery& q) {
    const Token t = next();
    if (t.kind == TokenKind::end)
      throw IncompleteQuery(ErrorCode::bad_input, "empty query",
                            Location{.line = t.line, .column = t.column});
    if (t.kind != TokenKind::word) fail_at(t, "a query starts with a command, found " + describe(t));
    for (const auto& v : verbs())
      if (lower(t.text) == v.name) {
        q.verb = v.verb;
        q.verb_token = t;
        arguments(q);
        return;
      }
    fail_at(t, "unknown command " + describe(t) + did_you_mean(t.text, verb_names()) +
                   (nearest(t.text, verb_names()) ? "" : " (commands: " + join(verb_names()) + ")"));
  }

  // why ID ID | search STRING | history ID | provenance ID
  void arguments(ParsedQuery& q) {
    switch (q.verb) {
      case Verb::why:
        q.args.push_back(id("a claim id"));
        q.args.push_back(id("a second claim id"));
        break;
      case Verb::history:
      case Verb::provenance: q.args.push_back(id("a claim id")); break;
      case Verb::search: {
        const Token t = next();
        if (t.kind != TokenKind::string) {
          if (t.kind == TokenKind::end) missing(t, "quoted search text");
          fail_at(t, "search text must be quoted, e.g. search \"" + t.text + "\"");
        }
        if (t.text.find_first_not_of(" \t\r\n") == std::string::npos)
          fail_at(t, "search text is empty");
        q.search_text = IdRef{t.text, t};
        break;
      }
      default: break;
    }
  }

  // An id: a word or a quoted string.
  IdRef id(const std::string& what) {
    const Token t = next();
    if (t.kind == TokenKind::word || t.kind == TokenKind::string) return IdRef{t.text, t};
    missing(t, what);
  }

  std::string time(const std::string& after) {
    const Token t = next();
    if (t.kind != TokenKind::word && t.kind != TokenKind::string)
      missing(t, "a time after '" + after + "'");
    auto canonical = canonical_time(t.text);
    if (!canonical)
      fail_at(t, "not a time: " + describe(t) +
                     " (use YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS][Z|+HH:MM])");
    return *canonical;
  }

  void once(bool given, const Token& t) {
    if (given) fail_at(t, describe(t) + " is given twice");
  }

  const VerbInfo& info(Verb verb) const {
    return *std::find_if(verbs().begin(), verbs().end(),
                         [&](const VerbInfo& v) { return v.verb == verb; });
  }

  // clause = filter | "order" "by" FIELD ["asc"|"desc"] | "limit" N | "as" "of" TIME
  void clause(ParsedQuery& q) {
    const Token t = next();
    if (t.kind == TokenKind::symbol && t.text == ";")
      fail_at(tokens_[position_], "one query at a time: text after ';'");
    if (t.kind != TokenKind::word) fail_at(t, "unexpected " + describe(t));
    const std::string word = lower(t.text);
    const VerbInfo& v = info(q.verb);
    if (word == "order") return order(q, t);
    if (word == "limit") return limit(q, t);
    if (word == "as") return as_of(q, t);
    if (std::find(v.clauses.begin(), v.clauses.end(), word) != v.clauses.end())
      return filter(q, t, word);
    std::vector<std::string> allowed = v.clauses;
    allowed.insert(allowed.end(), modifier_words().begin(), modifier_words().end());
    static const std::array<const char*, 11> all_filters = {"about", "on", "by", "in", "since", "until",
                                                            "kind", "severity", "between", "published", "said"};
    for (const char* f : all_filters)
      if (word == f)
        fail_at(t, "'" + word + "' does not apply to " + v.name + " (" + v.name + " take" +
                       (allowed.size() == 1 ? "s " : " ") + join(allowed) + ")");
    fail_at(t, "unexpected " + describe(t) + did_you_mean(t.text, allowed) + " (" + v.name +
                   " take " + join(allowed) + ")");
  }

  void filter(ParsedQuery& q, const Token& t, const std::string& word) {
    if (word == "about") {
      once(q.about.has_value(), t);
      q.about = id("an entity id after 'about'");
    } else if (word == "on") {
      once(q.on.has_value(), t);
      q.on = id("a property id after 'on'");
    } else if (word == "by") {
      once(q.by.has_value(), t);
      q.by = id("a source id after 'by'");
    } else if (word == "in") {
      once(q.in.has_value(), t);
      q.in = id("a report id after 'in'");
    } else if (word == "since") {
      once(!q.since.empty(), t);
      q.since = time("since");
    } else if (word == "until") {
      once(!q.until.empty(), t);
      q.until = end_of_day(time("until"));
    } else if (word == "published" || word == "said") {
      // News time: when it was published or said, apart from `as of`.
      const Token direction = next();
      const bool before = is_word(direction, "before");
      if (!before && !is_word(direction, "after")) missing(direction, "'before' or 'after' after '" + word + "'");
      std::string& bound = word == "published" ? (before ? q.published_before : q.published_after)
                                               : (before ? q.said_before : q.said_after);
      once(!bound.empty(), t);
      const std::string given = time(word + (before ? " before" : " after"));
      bound = before ? given : end_of_day(given);
    } else if (word == "kind") {
      once(q.kind.has_value(), t);
      q.kind = id("a link kind after 'kind'");
    } else if (word == "severity") {
      once(!q.severity_op.empty(), t);
      severity(q);
    } else if (word == "between") {
      once(q.between_a.has_value(), t);
      q.between_a = id("a source id after 'between'");
      const Token and_word = next();
      if (!is_word(and_word, "and")) missing(and_word, "'and'");
      q.between_b = id("a second source id after 'and'");
    }
  }

  void severity(ParsedQuery& q) {
    const Token op = next();
    if (op.kind != TokenKind::symbol || op.text == ";")
      missing(op, "a comparison (> >= < <= =) after 'severity'");
    const Token number = next();
    if (number.kind != TokenKind::word) missing(number, "a number after 'severity " + op.text + "'");
    double value = 0;
    const char* first = number.text.data();
    const char* last = first + number.text.size();
    auto [end, error] = std::from_chars(first, last, value);
    if (error != std::errc() || end != last)
      fail_at(number, "not a number: " + describe(number) + " (severity runs from 0 to 1)");
    q.severity_op = op.text;
    q.severity = value;
  }

  void order(ParsedQuery& q, const Token& t) {
    once(q.order_by.has_value(), t);
    const Token by = next();
    if (!is_word(by, "by")) missing(by, "'by' after 'order'");
    q.order_by = id("a column after 'order by'");
    if (is_word(peek(), "asc")) {
      next();
    } else if (is_word(peek(), "desc")) {
      next();
      q.descending = true;
    }
  }

  void limit(ParsedQuery& q, const Token& t) {
    once(q.limit.has_value(), t);
    const Token number = next();
    if (number.kind != TokenKind::word) missing(number, "a number after 'limit'");
    std::int64_t value = 0;
    const char* first = number.text.data();
    const char* last = first + number.text.size();
    auto [end, error] = std::from_chars(first, last, value);
    if (error != std::errc() || end != last || value < 0)
      fail_at(number, "limit takes a whole number of rows, found " + describe(number));
    q.limit = value;
  }

  void as_of(ParsedQuery& q, const Token& t) {
    once(!q.as_of.empty(), t);
    const Token of = next();
    if (!is_word(of, "of")) missing(of, "'of' after 'as'");
    q.as_of = end_of_day(time("as of"));
  }

  std::vector<Token> tokens_;
  std::size_t position_ = 0;
};

}  // namespace

ParsedQuery parse(std::string_view text) { return Parser(text).query(); }

const char* verb_name(Verb verb) {
  for (const auto& v : verbs())
    if (v.verb == verb) return v.name;
  return "?";
}

const std::vector<std::string>& keywords() {
  static const std::vector<std::string> words = [] {
    std::vector<std::string> out = verb_names();
    for (const char* w : {"about", "on", "by", "in", "since", "until", "kind", "severity",
                          "between", "and", "order", "asc", "desc", "limit", "as", "of",
                          "published", "said", "before", "after"})
      out.push_back(w);
    std::sort(out.begin(), out.end());
    return out;
  }();
  return words;
}

}  // namespace claimdb::ql
