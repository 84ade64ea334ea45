// Text made safe for HTML and SVG, and the URLs pages link to.
//
// Every piece of user text a page shows (names, quotes, ids, URLs) goes
// through escape(); nothing else writes user text into markup.
#pragma once

#include <string>
#include <string_view>

namespace claimdb::cli::web {

// Text as HTML/XML character data or a quoted attribute value: & < > " '
// become entities, control characters (except tab and newline) and bytes
// that are not UTF-8 become U+FFFD, so the result is always well-formed.
std::string escape(std::string_view text);

// A URL a page may link to: http, https or mailto, or a relative one without
// a scheme. Anything else ("javascript:", "data:", "vbscript:", with any
// case, leading blanks or control characters hiding the scheme) gives "",
// and the page shows the URL as text instead of a link.
std::string safe_href(std::string_view url);

// Percent-encoding of one URL path segment or query value: everything but
// A-Z a-z 0-9 - . _ ~ becomes %XX.
std::string url_encode(std::string_view text);
// The inverse ('+' reads as a space in a query); malformed escapes stay as they are.
std::string url_decode(std::string_view text, bool plus_is_space = false);

// A file name for an id in a published directory: only A-Z a-z 0-9 - _ stay,
// every other byte becomes ~XX, so no id can climb out of the directory or
// clash with another.
std::string file_slug(std::string_view id);

}  // namespace claimdb::cli::web
