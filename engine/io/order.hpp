// Internal: ordering records so that references point backwards (a parent
// entity before its parts, a cited report before the citing one, a claim
// before its correction, a property before the ones constrained by it).
#pragma once

#include "io/records.hpp"

#include <claimdb/error.hpp>

#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

namespace claimdb::io {

// Visits items 0..n-1 in the given order, each after the items it refers to
// (found by id among the n items; references to other ids are ignored).
// Throws Error(bad_input) naming the cycle when references loop.
// `path_of(i)` names item i in messages.
std::vector<std::size_t> dependency_order(
    std::size_t n, const std::function<std::string(std::size_t)>& id_of,
    const std::function<std::vector<std::string>(std::size_t)>& refs_of,
    const std::function<std::string(std::size_t)>& path_of, const char* field);

// The order in which to insert the records of one kind from a document array.
std::vector<std::size_t> reference_order(RecordKind kind, const Json& records);

}  // namespace claimdb::io
