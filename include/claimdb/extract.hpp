// claimdb/extract.hpp: drafting claims from an article's text, for a person
// to review.
//
// The extractor reads plain text (also Markdown, and simple HTML with its
// tags stripped) and drafts one claim per figure and per attributed
// statement: the figure phrase as written (read by the QuantityReader), the
// sentence it came from, the speaker found by attribution patterns ("X
// said", "according to X", "..., he said"), a suggested property and an
// entity. It is rule based: the patterns of each language are a table
// (engine/extract/lang/*.tsv, see docs/extract.md) embedded at build time.
//
// Every guess carries a confidence and a note saying what to check. Drafts
// are marked as such in the records themselves: a claim gets a review with
// rating "draft" (reviewer "claimdb extract") whose explanation holds the
// confidence, the offsets and the notes; a new source, entity or property
// gets a description starting "Draft".
#pragma once

#include <claimdb/model.hpp>

#include <cstddef>
#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

namespace claimdb {

class Database;

// The review rating and reviewer that mark a drafted claim.
inline constexpr const char* draft_rating = "draft";
inline constexpr const char* draft_reviewer = "claimdb extract";
// The rating recorded for a draft a person accepted in the review walk.
inline constexpr const char* accepted_draft_rating = "draft-accepted";

struct ExtractOptions {
  std::string name = "-";    // the input's name, for messages and the default report id
  std::string report_id;     // default: from the name ("article.txt" -> "article"), else "extract"
  std::string title;         // default: the first line of the text
  std::string publisher;     // source id of the publisher; default "<report id>-publisher" (a draft)
  std::string published_at;  // ISO 8601, or ""
  std::string language;      // BCP 47 tag of the text; "" reads it as English
  std::string entity;        // entity id every claim is about; default: found in the text, else a draft
};

// One drafted claim, with what the extractor knows about it.
struct DraftClaim {
  Claim claim;                  // ready to import (value read by the quantity reader)
  ValueType value_type = ValueType::quantity;
  std::size_t quote_begin = 0;  // character (code point) offsets of the quote in the report's text
  std::size_t quote_end = 0;
  std::size_t value_begin = 0;  // and of the value phrase (quantities; the statement for text)
  std::size_t value_end = 0;
  std::string claimant_name;    // the speaker as written ("Zelensky", "he" -> the resolved name)
  std::string counted;          // the counted noun after the figure as written ("Ukrainian drones"), or ""
  double confidence = 1;        // the lowest confidence of its guesses, 0..1
  std::vector<std::string> needs_review;  // one note per guess worth checking
};

// A draft document: the report, the new records it needs, and the claims.
struct Extraction {
  Report report;                     // holds the text when it is at most 1,000,000 bytes
  std::vector<Source> sources;       // new (draft) sources; existing ones are referred to by id
  std::vector<Entity> entities;      // new (draft) entities
  std::vector<Property> properties;  // new (draft) properties
  std::vector<DraftClaim> claims;
};

// Where a streaming extraction sends records, each once and in an order an
// import needs (a record before any that refers to it).
struct ExtractSink {
  std::function<void(const Source&)> source;
  std::function<void(const Entity&)> entity;
  std::function<void(const Property&)> property;
  std::function<void(const Report&)> report;
  std::function<void(const DraftClaim&)> claim;
  std::function<void(const std::string&)> warn;  // something the user should know (may be empty)
};

// Extracts from `in`, a paragraph at a time, so memory stays flat however
// long the text (the report keeps the text only when it fits a string of the
// JSON format). `known` (may be null) is the database whose sources,
// entities and properties are reused when one matches. Throws Error
// (bad_input) for text that is not UTF-8 (naming the byte offset) or is
// binary (a NUL byte), and for a language tag that is not well-formed.
void extract_stream(std::istream& in, const ExtractOptions& options, const Database* known,
                    const ExtractSink& sink);

// The same, collected.
Extraction extract_text(std::istream& in, const ExtractOptions& options, const Database* known = nullptr);

// The draft review record marking a drafted claim.
Review draft_review(const DraftClaim& draft);

// Writes an extraction as a claimdb JSON document (imports as it is), with a
// draft review for each claim.
void write_extraction_json(const Extraction& extraction, std::ostream& out);

// Writes records as JSON Lines as a sink receives them; the stream imports as
// it is. The returned sink refers to `out`.
ExtractSink jsonl_sink(std::ostream& out);

// The languages with extraction patterns ("en", ...).
std::vector<std::string> extract_languages();

// How well an extraction matches a hand-encoded document (docs/evaluation-extract.md).
struct ExtractEvaluation {
  int expected = 0;         // quantity claims in the expected document
  int found = 0;            // of which a draft has the phrase
  int claimant_right = 0;   // of the found, with the right claimant
  int property_right = 0;   // of the found, with the right property
  int drafts = 0;           // quantity drafts made
  int spurious = 0;         // quantity drafts matching no expected claim
  int statements = 0;       // statement (text) drafts made
  std::vector<std::string> lines;  // one line per expected claim and per spurious draft
};

// Compares the quantity drafts with the quantity claims of `expected` (whose
// sources, properties and claims it reads). A phrase is found when a draft's
// value and the expected value contain one another and the draft's quote
// holds the expected one's start. A claimant is right when the ids are equal
// or the names share a word that is not a stop word ("Authorities" for
// "Kyiv authorities (as reported)"); a property when the ids are equal.
ExtractEvaluation evaluate_extraction(const Extraction& extraction, const Dataset& expected);

}  // namespace claimdb
