// Internal: JSON <-> model records for the JSON format v1 (docs/json-format.md).
#pragma once

#include <claimdb/model.hpp>

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace claimdb::io {

using Json = nlohmann::json;
using OrderedJson = nlohmann::ordered_json;

// The record kinds, in the order an import needs them.
enum class RecordKind { source, entity, property, report, claim, link, review, retraction, amendment };
inline constexpr int last_record_kind = static_cast<int>(RecordKind::amendment);

// "source" -> RecordKind::source; nullopt for anything else.
std::optional<RecordKind> record_kind(std::string_view name);
// The document member holding records of a kind ("sources", ...).
const char* plural(RecordKind kind);
const char* singular(RecordKind kind);

// Decoding. Each throws Error(bad_input) whose location names the offending
// field as json_path "/field" (relative to the record); `skip` names a member
// to ignore (the JSON Lines tag "record").
Source decode_source(const Json& j, std::string_view skip = {});
Entity decode_entity(const Json& j, std::string_view skip = {});
Property decode_property(const Json& j, std::string_view skip = {});
Report decode_report(const Json& j, std::string_view skip = {});
Claim decode_claim(const Json& j, std::string_view skip = {});
Link decode_link(const Json& j, std::string_view skip = {});
Review decode_review(const Json& j, std::string_view skip = {});
Retraction decode_retraction(const Json& j, std::string_view skip = {});
Amendment decode_amendment(const Json& j, std::string_view skip = {});

// Encoding in the stable field order used by export. `value_type` tells how
// to write a claim's value.
OrderedJson encode(const Source& s);
OrderedJson encode(const Entity& e);
OrderedJson encode(const Property& p);
OrderedJson encode(const Report& r);
OrderedJson encode(const Claim& c, ValueType value_type);
OrderedJson encode(const Link& l);
OrderedJson encode(const Review& r);
OrderedJson encode(const Retraction& r);
OrderedJson encode(const Amendment& a);

}  // namespace claimdb::io
