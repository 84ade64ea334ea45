// Internal: the graph queries (disputes, camps, provenance, status).
#pragma once

#include <claimdb/database.hpp>
#include <claimdb/query.hpp>

#include "query/parser.hpp"

namespace claimdb::ql {

// Runs a graph query (the verb must be one). Throws Error.
QueryResult run_graph_query(const Database& db, const ParsedQuery& q);

}  // namespace claimdb::ql
