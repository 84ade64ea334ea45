#include "io/order.hpp"

namespace claimdb::io {

std::vector<std::size_t> dependency_order(
    std::size_t n, const std::function<std::string(std::size_t)>& id_of,
    const std::function<std::vector<std::string>(std::size_t)>& refs_of,
    const std::function<std::string(std::size_t)>& path_of, const char* field) {
  std::unordered_map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < n; ++i) index.emplace(id_of(i), i);
  enum class Mark { none, active, done };
  std::vector<Mark> mark(n, Mark::none);
  std::vector<std::size_t> out;
  out.reserve(n);
  // Iterative depth-first search: (item, next reference to look at).
  for (std::size_t root = 0; root < n; ++root) {
    if (mark[root] != Mark::none) continue;
    std::vector<std::pair<std::size_t, std::vector<std::string>>> stack;
    stack.push_back({root, refs_of(root)});
    mark[root] = Mark::active;
    while (!stack.empty()) {
      auto& [item, refs] = stack.back();
      if (refs.empty()) {
        mark[item] = Mark::done;
        out.push_back(item);
        stack.pop_back();
        continue;
      }
      std::string ref = std::move(refs.back());
      refs.pop_back();
      auto it = index.find(ref);
      if (it == index.end() || it->second == item) continue;
      const std::size_t next = it->second;
      if (mark[next] == Mark::active) {
        std::string cycle = id_of(next);
        for (auto s = stack.rbegin(); s != stack.rend() && s->first != next; ++s)
          cycle = id_of(s->first) + " -> " + cycle;
        cycle = id_of(next) + " -> " + cycle;
        Location where;
        where.json_path = path_of(item) + "/" + field;
        where.field = field;
        throw Error(ErrorCode::bad_input, std::string("references form a cycle: ") + cycle, where);
      }
      if (mark[next] == Mark::done) continue;
      mark[next] = Mark::active;
      stack.push_back({next, refs_of(next)});
    }
  }
  return out;
}

std::vector<std::size_t> reference_order(RecordKind kind, const Json& records) {
  const char* field = nullptr;
  switch (kind) {
    case RecordKind::entity: field = "part_of"; break;
    case RecordKind::report: field = "cites"; break;
    case RecordKind::claim: field = "supersedes"; break;
    case RecordKind::property: field = "constraints"; break;
    default: break;
  }
  std::vector<std::size_t> identity(records.size());
  for (std::size_t i = 0; i < identity.size(); ++i) identity[i] = i;
  if (!field) return identity;
  auto string_at = [&](std::size_t i, const char* key) -> std::string {
    const Json& r = records[i];
    if (!r.is_object()) return {};
    auto it = r.find(key);
    return it != r.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  return dependency_order(
      records.size(), [&](std::size_t i) { return string_at(i, "id"); },
      [&](std::size_t i) {
        std::vector<std::string> refs;
        if (kind == RecordKind::property) {
          const Json& r = records[i];
          if (!r.is_object()) return refs;
          auto it = r.find("constraints");
          if (it == r.end() || !it->is_array()) return refs;
          for (const auto& c : *it)
            if (c.is_object() && c.contains("other") && c["other"].is_string())
              refs.push_back(c["other"].get<std::string>());
        } else {
          std::string ref = string_at(i, field);
          if (!ref.empty()) refs.push_back(ref);
        }
        return refs;
      },
      [&](std::size_t i) { return std::string("/") + plural(kind) + "/" + std::to_string(i); },
      field);
}

}  // namespace claimdb::io
