// The REPL on a terminal: libedit line editing, persistent history in
// ~/.claimdb_history ($CLAIMDB_HISTORY overrides), and tab completion of
// keywords, dot-commands, output modes and entity, source, property, report
// and claim ids.
#include "repl.hpp"
#include "write_commands.hpp"

#include <editline/readline.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <sstream>

namespace claimdb::cli {

namespace {

// Completion runs inside a C callback; it reads the shell through this.
Shell* completing_shell = nullptr;
std::vector<std::string> completion_candidates;
std::size_t completion_index = 0;

std::string history_path() {
  if (const char* path = std::getenv("CLAIMDB_HISTORY"); path && *path) return path;
  const char* home = std::getenv("HOME");
  return home && *home ? std::string(home) + "/.claimdb_history" : std::string();
}

// The word before the one being completed, lower-cased ("" at the start).
std::vector<std::string> words_before(int start) {
  std::istringstream in(std::string(rl_line_buffer, static_cast<std::size_t>(start)));
  std::vector<std::string> words;
  for (std::string word; in >> word;) {
    for (auto& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    words.push_back(word);
  }
  return words;
}

std::vector<std::string> candidates_for(const std::vector<std::string>& before, const std::string& prefix) {
  std::vector<std::string> pool;
  if (before.empty() && !prefix.empty() && prefix.front() == '.') return dot_command_names();
  if (!before.empty() && before.front().front() == '.') {
    if (before.size() == 1 && before.front().rfind(".mo", 0) == 0)
      return {"table", "box", "json", "csv", "markdown", "line"};
    if (before.size() == 1 && before.front().rfind(".ti", 0) == 0) return {"on", "off"};
    return {};
  }
  const std::string last = before.empty() ? "" : before.back();
  auto ids = [&](IdKind kind) {
    if (!completing_shell || !completing_shell->db) return std::vector<std::string>();
    try {
      return list_ids(*completing_shell->db, kind, prefix, 200);
    } catch (const Error&) {
      return std::vector<std::string>();
    }
  };
  const auto& verbs = write_verbs();
  if (!before.empty() && std::find(verbs.begin(), verbs.end(), before.front()) != verbs.end()) {
    const std::string& verb = before.front();
    if (before.size() == 1 && verb == "add") return {"source", "entity", "property", "report", "claim"};
    if (before.size() == 1 && verb == "amend") return {"source", "entity", "property", "report"};
    if (before.size() == 2 && verb == "amend") {
      const std::string& kind = before[1];
      if (kind == "source") return ids(IdKind::source);
      if (kind == "entity") return ids(IdKind::entity);
      if (kind == "property") return ids(IdKind::property);
      if (kind == "report") return ids(IdKind::report);
      return {};
    }
    if ((before.size() == 1 && verb != "add" && verb != "amend") ||
        (before.size() == 2 && verb == "link"))
      return ids(IdKind::claim);
    if (last == "--claimant" || last == "--by" || last == "--publisher") return ids(IdKind::source);
    if (last == "--entity" || last == "--place" || last == "--part-of") return ids(IdKind::entity);
    if (last == "--property") return ids(IdKind::property);
    if (last == "--report" || last == "--cites") return ids(IdKind::report);
    if (last == "--kind" && verb == "link") return analyst_link_kinds();
    if (last == "--polarity") return {"asserts", "denies"};
    return {};
  }
  if (last == "about") return ids(IdKind::entity);
  if (last == "on") return ids(IdKind::property);
  if (last == "by" && !(before.size() >= 2 && before[before.size() - 2] == "order"))
    return ids(IdKind::source);
  if (last == "between" || (last == "and" && before.size() >= 3)) return ids(IdKind::source);
  if (last == "in") return ids(IdKind::report);
  if (last == "why" || last == "history" ||
      (before.size() == 2 && before.front() == "why"))
    return ids(IdKind::claim);
  if (last == "kind") return {"contradicts", "supports", "update", "scope", "echo", "tension", "all"};
  return query_keywords();
}

char* next_candidate(const char* text, int state) {
  if (state == 0) completion_index = 0;
  const std::size_t length = std::strlen(text);
  while (completion_index < completion_candidates.size()) {
    const std::string& candidate = completion_candidates[completion_index++];
    if (candidate.compare(0, length, text) == 0) return strdup(candidate.c_str());
  }
  return nullptr;
}

char** complete(const char* text, int start, int) {
  rl_attempted_completion_over = 1;  // never fall back to file names
  completion_candidates = candidates_for(words_before(start), text);
  return rl_completion_matches(text, next_candidate);
}

class TerminalSource : public LineSource {
 public:
  explicit TerminalSource(Shell& shell) : history_(history_path()) {
    completing_shell = &shell;
    rl_readline_name = "claimdb";
    rl_attempted_completion_function = complete;
    static char breaks[] = " \t\n\"';";
    rl_completer_word_break_characters = breaks;
    stifle_history(2000);
    if (!history_.empty()) read_history(history_.c_str());
  }
  ~TerminalSource() override { completing_shell = nullptr; }

  std::optional<std::string> next(const char* prompt) override {
    char* raw = readline(prompt);
    if (!raw) return std::nullopt;
    std::string text = raw;
    std::free(raw);
    ++line;
    if (text.find_first_not_of(" \t") != std::string::npos) {
      add_history(text.c_str());
      if (!history_.empty()) write_history(history_.c_str());
    }
    return text;
  }

 private:
  std::string history_;
};

}  // namespace

std::unique_ptr<LineSource> terminal_source(Shell& shell) {
  return std::make_unique<TerminalSource>(shell);
}

}  // namespace claimdb::cli
