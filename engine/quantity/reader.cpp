// QuantityReader: the shipped table, overrides, and the entry points. The
// reading itself is in phrase.cpp.
#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>

#include "claimdb/error.hpp"
#include "claimdb/quantity.hpp"
#include "embedded/embedded.hpp"
#include "model/language.hpp"
#include "quantity/phrase.hpp"
#include "quantity/table.hpp"

namespace claimdb::embedded {
extern const EmbeddedFile quantity_tables[];
extern const std::size_t quantity_tables_count;
extern const EmbeddedFile quantity_languages[];
extern const std::size_t quantity_languages_count;
}  // namespace claimdb::embedded

namespace claimdb {

namespace q = quantity;

namespace {

constexpr std::size_t kLongestPhrase = 1000;  // bytes

void check_length(std::string_view phrase) {
  if (phrase.size() > kLongestPhrase) {
    throw Error(ErrorCode::bad_input, "quantity phrase is too long (" + std::to_string(phrase.size()) +
                                          " bytes; at most " + std::to_string(kLongestPhrase) + ")");
  }
}

}  // namespace

struct QuantityReader::Languages {
  std::mutex mutex;
  std::map<std::string, std::shared_ptr<const Table>> tables;  // primary language subtag -> table
};

namespace {

const embedded::EmbeddedFile* language_file(const std::string& primary) {
  for (std::size_t i = 0; i < embedded::quantity_languages_count; ++i) {
    if (embedded::quantity_languages[i].name == primary + ".tsv") return &embedded::quantity_languages[i];
  }
  return nullptr;
}

}  // namespace

QuantityReader::QuantityReader(std::shared_ptr<const Table> table)
    : table_(std::move(table)), languages_(std::make_shared<Languages>()) {}

std::vector<std::string> QuantityReader::languages() {
  std::vector<std::string> out{"en"};
  for (std::size_t i = 0; i < embedded::quantity_languages_count; ++i) {
    std::string name(embedded::quantity_languages[i].name);
    out.push_back(name.substr(0, name.find('.')));
  }
  std::sort(out.begin(), out.end());
  return out;
}

const QuantityReader& QuantityReader::builtin() {
  static const QuantityReader reader = [] {
    auto table = std::make_shared<Table>();
    for (std::size_t i = 0; i < embedded::quantity_tables_count; ++i) {
      const auto& file = embedded::quantity_tables[i];
      q::apply_table(*table, file.contents, file.name, false);
    }
    return QuantityReader(std::move(table));
  }();
  return reader;
}

QuantityReader QuantityReader::from_table(std::string_view table_text, std::string_view name) {
  auto table = std::make_shared<Table>();
  q::apply_table(*table, table_text, name, false);
  return QuantityReader(std::move(table));
}

QuantityReader QuantityReader::with_overrides(std::string_view table_text, std::string_view name) const {
  auto table = std::make_shared<Table>(*table_);
  q::apply_table(*table, table_text, name, true);
  return QuantityReader(std::move(table));
}

QuantityReading QuantityReader::read(std::string_view phrase, std::string_view default_unit,
                                     std::string_view language) const {
  check_length(phrase);
  if (language.empty()) return q::PhraseReader(*table_, phrase).read(default_unit);
  const auto tag = canonical_language(language);
  if (!tag) {
    throw Error(ErrorCode::bad_input, "invalid language tag '" + std::string(language.substr(0, 80)) +
                                          "' (expected a BCP 47 tag such as en, fr, de-CH or uk)");
  }
  const std::string primary = primary_language(*tag);
  std::shared_ptr<const Table> table = table_;
  bool known = primary == "en";
  if (!known) {
    if (const auto* file = language_file(primary)) {
      known = true;
      std::lock_guard<std::mutex> lock(languages_->mutex);
      auto& cached = languages_->tables[primary];
      if (!cached) {
        auto built = std::make_shared<Table>(*table_);
        q::apply_table(*built, file->contents, file->name, true);
        cached = std::move(built);
      }
      table = cached;
    }
  }
  QuantityReading reading = q::PhraseReader(*table, phrase, q::LanguageRef{*tag, true}).read(default_unit);
  if (!known) {
    reading.warnings.insert(reading.warnings.begin(),
                            "no quantity rules for language '" + *tag + "': read with the English rules");
  }
  return reading;
}

std::optional<QuantityReading> QuantityReader::try_read(std::string_view phrase, std::string_view default_unit,
                                                        std::string_view language) const {
  try {
    return read(phrase, default_unit, language);
  } catch (const Error& error) {
    if (error.code() != ErrorCode::bad_input) throw;
    return std::nullopt;
  }
}

CanonicalUnit QuantityReader::canonical_unit(std::string_view unit) const {
  check_length(unit);
  return q::canonical_unit_in(*table_, unit);
}

Interval QuantityReader::convert(const Interval& interval, std::string_view from, std::string_view to) const {
  const CanonicalUnit source = canonical_unit(from);
  const CanonicalUnit target = canonical_unit(to);
  if (source.unit != target.unit) {
    throw Error(ErrorCode::bad_input, "cannot convert '" + std::string(from) + "' (" + source.kind +
                                          ") to '" + std::string(to) + "' (" + target.kind + ")");
  }
  const double ratio = source.factor / target.factor;
  Interval result = interval;
  for (std::optional<double>* bound : {&result.lo, &result.hi}) {
    if (!*bound) continue;
    const double value = **bound * ratio;
    if (!std::isfinite(value)) throw Error(ErrorCode::bad_input, "the converted value is too large");
    *bound = q::round12(value);
  }
  return result;
}

}  // namespace claimdb
