// The JSON rows the commands print, built in one place so that the CLI's
// --format json and the web pages' /api/... twins carry the same members.
#pragma once

#include "output.hpp"

#include <claimdb/claimdb.hpp>

#include <string>
#include <vector>

namespace claimdb::cli {

// A JSON array of strings.
Row strings(const std::vector<std::string>& items);

// One claim as `claimdb claims` lists it.
Row claim_row(const Claim& c);
// One dispute's camps as `claimdb camps --format json` lists it (number is 1-based).
Row camps_row(int number, const DisputeCamps& d);
// One pair of sources as `claimdb camps --by-source` lists it.
Row alignment_row(const SourceAlignment& a);
// One answer as `claimdb truth` lists it; one source as `claimdb trust` does.
Row truth_row(const TruthAnswer& a, Format format);
Row trust_row(const SourceTrust& s, const std::string& method, Format format);
// One event as `claimdb history` lists it.
Row history_row(const HistoryEntry& h);

}  // namespace claimdb::cli
