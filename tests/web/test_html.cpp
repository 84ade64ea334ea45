// Escaping for the web pages: the one function every piece of user text goes through.
#include "web/html.hpp"

#include <doctest/doctest.h>

using namespace claimdb::cli::web;

TEST_SUITE("web") {

TEST_CASE("escape turns markup characters into entities and keeps UTF-8 text") {
  CHECK(escape("<script>alert('x')</script>") == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
  CHECK(escape("a & b \"c\"") == "a &amp; b &quot;c&quot;");
  CHECK(escape("Київ — «близько 500»") == "Київ — «близько 500»");
  CHECK(escape("line\nnext\ttab") == "line\nnext\ttab");
}

TEST_CASE("escape replaces control characters and bytes that are not UTF-8") {
  CHECK(escape(std::string("a\0b", 3)) == "a\xEF\xBF\xBD" "b");
  CHECK(escape("\x1b[31m") == "\xEF\xBF\xBD[31m");
  CHECK(escape("\xff<") == "\xEF\xBF\xBD&lt;");
  CHECK(escape("\xc2\x85") == "\xEF\xBF\xBD\xEF\xBF\xBD");  // C1 NEL: two replaced bytes
  CHECK(escape("\xed\xa0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // a surrogate
  CHECK(escape("\xe2\x82") == "\xEF\xBF\xBD\xEF\xBF\xBD");  // cut short
}

TEST_CASE("safe_href keeps http, https, mailto and relative links and refuses the rest") {
  CHECK(safe_href("https://example.org/a?b=1&c=2") == "https://example.org/a?b=1&amp;c=2");
  CHECK(safe_href("HTTP://example.org") == "HTTP://example.org");
  CHECK(safe_href("mailto:desk@example.org") == "mailto:desk@example.org");
  CHECK(safe_href("/claim/c1") == "/claim/c1");
  CHECK(safe_href("claim-c1.html") == "claim-c1.html");
  CHECK(safe_href("a/b:c") == "a/b:c");  // the colon comes after a slash: no scheme
  CHECK(safe_href("javascript:alert(1)") == "");
  CHECK(safe_href("JaVaScRiPt:alert(1)") == "");
  CHECK(safe_href("  javascript:alert(1)") == "");
  CHECK(safe_href("java\tscript:alert(1)") == "");
  CHECK(safe_href("\x01javascript:alert(1)") == "");
  CHECK(safe_href("data:text/html,<script>") == "");
  CHECK(safe_href("vbscript:msgbox") == "");
  CHECK(safe_href("\"><script>") == "&quot;&gt;&lt;script&gt;");
  CHECK(safe_href("") == "");
}

TEST_CASE("url_encode and url_decode round-trip any bytes") {
  const std::string hostile = "a b/c?d=e&f#g%\"<'\xd0\x9a";
  CHECK(url_encode("kyiv-strike_2025.12~") == "kyiv-strike_2025.12~");
  CHECK(url_encode("a b/c") == "a%20b%2Fc");
  CHECK(url_decode(url_encode(hostile)) == hostile);
  CHECK(url_decode("a+b", true) == "a b");
  CHECK(url_decode("a+b") == "a+b");
  CHECK(url_decode("100%") == "100%");
  CHECK(url_decode("%zz%4") == "%zz%4");
}

TEST_CASE("file_slug keeps ids inside the published directory and apart from each other") {
  CHECK(file_slug("kyiv-strike-2025-12") == "kyiv-strike-2025-12");
  CHECK(file_slug("../../etc/passwd") == "~2E~2E~2F~2E~2E~2Fetc~2Fpasswd");
  CHECK(file_slug("a/b") != file_slug("a.b"));
  CHECK(file_slug("a~2Fb") != file_slug("a/b"));
  CHECK(file_slug("") == "~");
}

}
