// Internal: the detector's reading of a pair of stored claims, as it was when
// the pair's link was written. Detector links store only the kind and the
// severity; listings (`conflicts`, the query language) and `why` derive the
// relation label and the one-sentence explanation here, by the same rules.
#pragma once

#include "detect/rules.hpp"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace claimdb::detect {

class Explainer {
 public:
  explicit Explainer(detail::Store& store) : store_(store), lookup_(store) {}

  // A claim by row id or id (slug), read with its whole (entity, property)
  // group, its repeats marked as the detector marks them; nullptr if unknown.
  const DetectClaim* claim(RowId id);
  const DetectClaim* claim(const std::string& slug);

  // The verdict the detector gives the pair: the group's verdict for a part
  // and a whole whose parts sum to more than the whole, else the pair rules.
  Verdict explain(const DetectClaim& a, const DetectClaim& b);

  Lookup& lookup() { return lookup_; }

 private:
  struct Group {
    std::vector<DetectClaim> claims;
    std::vector<PartsVerdict> parts;  // pointers into `claims`, which never moves
  };
  Group& group(RowId entity, RowId property);
  // The claim as held in its group, reading the group once.
  const DetectClaim* with_group(const std::optional<DetectClaim>& found);

  detail::Store& store_;
  Lookup lookup_;
  std::map<std::pair<RowId, RowId>, std::unique_ptr<Group>> groups_;
  std::unordered_map<RowId, const DetectClaim*> by_id_;
  std::unordered_map<std::string, const DetectClaim*> by_slug_;
};

}  // namespace claimdb::detect
