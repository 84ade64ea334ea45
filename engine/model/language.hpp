// Internal: BCP 47 language tags ("fr", "de-CH", "sr-Latn-RS") on reports and
// sources, which say how their quantity phrases are read.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace claimdb {

// The canonical form of a well-formed BCP 47 tag: subtags joined by "-"
// ("_" is accepted as a separator), the language lower-case, a script
// title-case, a region upper-case, everything else lower-case: "de_ch" ->
// "de-CH", "SR-latn-rs" -> "sr-Latn-RS". nullopt when the tag is not
// well-formed or its language is not a 2-3 letter code ("english", "d",
// "fr--CA", "de-CH-").
std::optional<std::string> canonical_language(std::string_view tag);

// The primary language subtag of a canonical tag: "de-CH" -> "de".
std::string primary_language(std::string_view tag);

}  // namespace claimdb
