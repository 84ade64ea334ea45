// Reading quantity phrases in the languages news comes in: number formats,
// scale and number words, vague words, the ambiguity warnings, counted nouns
// and relative phrases (docs/quantities.md, "Languages"). The phrases are
// made up in the style of news reports.
#include "support.hpp"

#include <doctest/doctest.h>

#include <claimdb/claimdb.hpp>
#include <claimdb/quantity.hpp>

#include <cctype>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

using namespace claimdb;

namespace {

struct Case {
  const char* language;  // "" for none given
  const char* phrase;
  const char* unit;      // the expected unit (the property's), or ""
  const char* interval;  // as format_interval prints it
  const char* canonical; // the reading's unit
  const char* warning;   // a part of the one warning expected, or "" for none
};

// The tag as the reader reports it (canonical case).
std::string canonical_case(const std::string& tag) {
  std::string out = tag;
  const auto dash = out.find('-');
  if (dash != std::string::npos)
    for (std::size_t i = dash + 1; i < out.size(); ++i) out[i] = static_cast<char>(std::toupper(out[i]));
  return out;
}

const QuantityReader& reader() { return QuantityReader::builtin(); }

void check_cases(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    const std::string language = c.language;
    const std::string phrase = c.phrase;
    CAPTURE(language);
    CAPTURE(phrase);
    const auto reading = reader().try_read(c.phrase, c.unit, c.language);
    REQUIRE_MESSAGE(reading.has_value(), "not read: " << phrase);
    CHECK(format_interval(reading->interval) == std::string(c.interval));
    CHECK(reading->unit == std::string(c.canonical));
    CHECK(reading->language == (c.language[0] ? canonical_case(c.language) : std::string()));
    if (c.warning[0] == 0) {
      CHECK(reading->warnings.empty());
    } else {
      REQUIRE(reading->warnings.size() == 1);
      CHECK(reading->warnings.front().find(c.warning) != std::string::npos);
    }
  }
}

std::string error_of(const char* phrase, const char* language, const char* unit = "") {
  try {
    reader().read(phrase, unit, language);
  } catch (const Error& e) {
    return e.message();
  }
  return "(read)";
}

}  // namespace

TEST_SUITE("quantity languages") {
  TEST_CASE("the issue's figures read right") {
    check_cases({
        {"el", "2,4 εκατομμύρια", "", "2400000", "", ""},
        {"de", "300.000", "", "300000", "", ""},
        {"de-CH", "1'500", "", "1500", "", ""},
        {"de-CH", "1\xE2\x80\x99" "500 Franken", "", "1500", "franken", ""},
        {"", "twelve times less than the 90,000", "", "7500", "", "no language given"},
        {"en", "twelve times less than the 90,000", "", "7500", "", ""},
    });
    // A people-count property: marchers and people are comparable.
    const auto marchers = reader().read("45,000 marchers", "people", "en");
    const auto people = reader().read("about 300,000 people", "people", "en");
    CHECK(marchers.unit == "person");
    CHECK(marchers.counted == "marcher");
    CHECK(people.unit == "person");
    CHECK(disjoint(marchers.interval, people.interval));
  }

  TEST_CASE("English: number formats and the ambiguity rule") {
    check_cases({
        {"en", "1,500", "", "1500", "", ""},
        {"", "1,500", "", "1500", "", "no language given: '1,500' is read as 1500"},
        {"", "300.000", "", "300", "", "in a language where '.' separates thousands it is 300000"},
        {"en", "300.000 people", "", "300", "person", "'300.000' is read as 300: in English '.' is the decimal mark"},
        {"en", "0.500", "", "0.5", "", ""},
        {"en", "12,500,000", "", "12500000", "", ""},
        {"en-IN", "12,34,567 voters", "", "1234567", "voter", ""},
        {"en-IN", "about 2 lakh pilgrims", "", "[180000, 220000]", "pilgrim", ""},
        {"en-IN", "1.5 crore", "", "15000000", "", ""},
        {"en", "2\xC2\xA0" "500 households", "", "2500", "household", ""},
        {"en", "4\xE2\x80\xAF" "200 km", "", "4200000", "m", ""},
        {"en", "$2.3bn", "", "2300000000", "USD", ""},
        {"en", "10k runners", "", "10000", "runner", ""},
    });
  }

  TEST_CASE("French") {
    check_cases({
        {"fr", "environ 45 000 manifestants", "person", "[40500, 49500]", "person", ""},
        {"fr", "près de 3 000 personnes", "person", "[2700, 3000)", "person", ""},
        {"fr", "plus de 1,2 million de foyers", "", "(1200000, inf)", "foyer", ""},
        {"fr", "2,5 millions d'euros", "", "2500000", "EUR", ""},
        {"fr", "des dizaines de blessés", "person", "[20, 100)", "person", ""},
        {"fr", "des dizaines de milliers de manifestants", "person", "[20000, 100000)", "person", ""},
        {"fr", "quelques centaines de personnes", "person", "[200, 600)", "person", ""},
        {"fr", "une centaine de maisons", "", "[90, 110]", "maison", ""},
        {"fr", "deux cents", "", "200", "", ""},
        {"fr", "quatre-vingt-dix", "", "90", "", ""},
        {"fr", "soixante et onze", "", "71", "", ""},
        {"fr", "entre 200 et 300 drones", "", "[200, 300]", "drone", ""},
        {"fr", "au moins 12 morts", "person", "[12, inf)", "person", ""},
        {"fr", "1,500", "", "1.5", "", "'1,500' is read as 1.5: in fr ',' is the decimal mark"},
        {"fr", "12 000", "", "12000", "", ""},
        {"fr", "3 fois moins que les 90 000", "", "30000", "", ""},
    });
  }

  TEST_CASE("German") {
    check_cases({
        {"de", "etwa 300.000 Demonstranten", "person", "[270000, 330000]", "person", ""},
        {"de", "rund 2,5 Mio. Euro", "", "[2250000, 2750000]", "EUR", ""},
        {"de", "fast 1.200 Menschen", "person", "[1080, 1200)", "person", ""},
        {"de", "über 40 Drohnen", "", "(40, inf)", "drohnen", ""},
        {"de", "Dutzende Verletzte", "person", "[24, 144)", "person", ""},
        {"de", "mehrere Hundert Teilnehmer", "person", "[300, 1000)", "person", ""},
        {"de", "Zehntausende", "", "[20000, 100000)", "", ""},
        {"de", "3,2 Milliarden", "", "3200000000", "", ""},
        {"de", "zwei Millionen", "", "2000000", "", ""},
        {"de", "dreihundert", "", "300", "", ""},
        {"de", "zwischen 20 und 30 Tausend", "", "[20000, 30000]", "", ""},
        {"de-CH", "1'500 Personen", "person", "1500", "person", ""},
        {"de", "1,500", "", "1.5", "", "in de ',' is the decimal mark"},
        {"de", "bis zu 50 Raketen", "", "[0, 50]", "raketen", ""},
    });
  }

  TEST_CASE("Spanish") {
    check_cases({
        {"es", "más de 1,5 millones de personas", "person", "(1500000, inf)", "person", ""},
        {"es", "unos 200 manifestantes", "person", "[180, 220]", "person", ""},
        {"es", "casi 3.000 viviendas", "", "[2700, 3000)", "vivienda", ""},
        {"es", "decenas de heridos", "person", "[20, 100)", "person", ""},
        {"es", "cientos de personas", "person", "[200, 1000)", "person", ""},
        {"es", "miles de personas", "person", "[2000, 10000)", "person", ""},
        {"es", "treinta y dos", "", "32", "", ""},
        {"es", "doscientos", "", "200", "", ""},
        {"es", "5 mil millones", "", "5000000000", "", ""},
        {"es", "entre 10 y 20 misiles", "", "[10, 20]", "misile", ""},
    });
  }

  TEST_CASE("Italian") {
    check_cases({
        {"it", "oltre 2 mila persone", "person", "(2000, inf)", "person", ""},
        {"it", "circa 1.500 manifestanti", "person", "[1350, 1650]", "person", ""},
        {"it", "quasi 3 milioni di euro", "", "[2700000, 3000000)", "EUR", ""},
        {"it", "decine di feriti", "person", "[20, 100)", "person", ""},
        {"it", "centinaia di migliaia di persone", "person", "[200000, 1000000)", "person", ""},
        {"it", "almeno dodici morti", "person", "[12, inf)", "person", ""},
        {"it", "un centinaio di case", "", "[90, 110]", "case", ""},
    });
  }

  TEST_CASE("Portuguese") {
    check_cases({
        {"pt", "mais de 2 milhões de pessoas", "person", "(2000000, inf)", "person", ""},
        {"pt", "cerca de 300 mil manifestantes", "person", "[270000, 330000]", "person", ""},
        {"pt-BR", "1,2 milhão de casas", "", "1200000", "casa", ""},
        {"pt", "dezenas de feridos", "person", "[20, 100)", "person", ""},
        {"pt", "quase 40 drones", "", "[36, 40)", "drone", ""},
        {"pt", "duzentos", "", "200", "", ""},
    });
  }

  TEST_CASE("Ukrainian") {
    check_cases({
        {"uk", "понад 2,5 тис. людей", "person", "(2500, inf)", "person", ""},
        {"uk", "близько 300 дронів", "", "[270, 330]", "дронів", ""},
        {"uk", "майже 1,2 мільйона", "", "[1080000, 1200000)", "", ""},
        {"uk", "5 мільйонів", "", "5000000", "", ""},
        {"uk", "2 млн", "", "2000000", "", ""},
        {"uk", "десятки тисяч", "", "[20000, 100000)", "", ""},
        {"uk", "сотні", "", "[200, 1000)", "", ""},
        {"uk", "щонайменше 12 загиблих", "person", "[12, inf)", "person", ""},
        {"uk", "п'ятдесят", "", "50", "", ""},
        {"uk", "п\xE2\x80\x99ятсот", "", "500", "", ""},
        {"uk", "ПОНАД 100 ракет", "", "(100, inf)", "ракет", ""},
        {"uk", "300 000 осіб", "person", "300000", "person", ""},
    });
  }

  TEST_CASE("Russian") {
    check_cases({
        {"ru", "около 300 человек", "person", "[270, 330]", "person", ""},
        {"ru", "более 1,5 тыс. беспилотников", "", "(1500, inf)", "беспилотников", ""},
        {"ru", "почти 2 млн", "", "[1800000, 2000000)", "", ""},
        {"ru", "сотни людей", "person", "[200, 1000)", "person", ""},
        {"ru", "десятки тысяч", "", "[20000, 100000)", "", ""},
        {"ru", "свыше 40", "", "(40, inf)", "", ""},
        {"ru", "двести", "", "200", "", ""},
        {"ru", "Более 500", "", "(500, inf)", "", ""},
    });
  }

  TEST_CASE("Polish") {
    check_cases({
        {"pl", "ponad 100 tys. osób", "person", "(100000, inf)", "person", ""},
        {"pl", "około 2,5 mln", "", "[2250000, 2750000]", "", ""},
        {"pl", "kilkadziesiąt tysięcy osób", "person", "[20000, 100000)", "person", ""},
        {"pl", "kilkaset", "", "[200, 1000)", "", ""},
        {"pl", "kilkanaście", "", "[11, 20)", "", ""},
        {"pl", "prawie 3 tysiące", "", "[2700, 3000)", "", ""},
        {"pl", "co najmniej 15 rannych", "person", "[15, inf)", "person", ""},
        {"pl", "trzysta", "", "300", "", ""},
        {"pl", "300 000", "", "300000", "", ""},
    });
  }

  TEST_CASE("Greek") {
    check_cases({
        {"el", "περίπου 300 άτομα", "person", "[270, 330]", "person", ""},
        {"el", "ΠΕΡΙΠΟΥ 300", "", "[270, 330]", "", ""},
        {"el", "πάνω από 2.000 διαδηλωτές", "person", "(2000, inf)", "person", ""},
        {"el", "2,4 εκατ. ευρώ", "", "2400000", "EUR", ""},
        {"el", "σχεδόν 1 εκατομμύριο", "", "[900000, 1000000)", "", ""},
        {"el", "χιλιάδες πολίτες", "person", "[2000, 10000)", "person", ""},
        {"el", "δεκάδες χιλιάδες", "", "[20000, 100000)", "", ""},
        {"el", "τουλάχιστον 12 νεκροί", "person", "[12, inf)", "person", ""},
        {"el", "διακόσια", "", "200", "", ""},
    });
  }

  TEST_CASE("counted nouns: the property's thing, or kept apart and said so") {
    check_cases({
        {"en", "62,000 marchers", "people", "62000", "person", ""},
        {"en", "about 250,000 people", "person", "[225000, 275000]", "person", ""},
        {"en", "dozens of civilians", "person", "[24, 144)", "person", ""},
        {"en", "23 homes", "home", "23", "home", ""},
        {"en", "30 missiles", "drone", "30", "missile", "'missile' counts missile, not drone as expected: kept apart"},
        {"en", "474 drones", "drone", "474", "drone", ""},
        {"en", "12 children", "", "12", "child", ""},
        {"en", "200 Shaheds", "drone", "200", "drone", ""},
        {"en", "3 ambulances", "drone", "3", "ambulance", "'ambulance' counts ambulance, not drone as expected"},
        {"en", "12 houses", "home", "12", "home", ""},
        {"uk", "понад 400 дронів", "drone", "(400, inf)", "drone", ""},
        {"uk", "близько 40 ракет", "drone", "[36, 44]", "ракет", "'ракет' counts missile, not drone as expected"},
        {"de", "rund 50 Drohnen", "drone", "[45, 55]", "drone", ""},
    });
  }

  TEST_CASE("relative phrases") {
    check_cases({
        {"en", "twelve times less than the 90,000", "", "7500", "", ""},
        {"en", "three times more than 400 drones", "", "1200", "drone", ""},
        {"en", "3 times as many as the 400", "", "1200", "", ""},
        {"en", "twice as many as 300", "", "600", "", ""},
        {"en", "about 5 times more than 400", "", "[1800, 2200]", "", ""},
        {"en", "nearly ten times as many as 30 missiles", "", "[270, 300)", "missile", ""},
        {"en", "a quarter of the 60,000", "", "15000", "", ""},
        {"en", "40% of 300 homes", "", "120", "home", ""},
        {"en", "up 20% from 400", "", "480", "", ""},
        {"en", "down 25% from 400", "", "300", "", ""},
        {"de", "3 mal weniger als 900", "", "300", "", ""},
        {"ru", "в 3 раза меньше чем 900", "", "300", "", ""},
    });
    CHECK(error_of("up 20 from 400", "en") ==
          "cannot read quantity phrase 'up 20 from 400' in en: 'up {a} from {b}' needs a share such as 'a quarter' or "
          "'20%'");
  }

  TEST_CASE("shares in each language") {
    check_cases({
        {"fr", "la moitié des foyers", "", "50", "percent", ""},
        {"fr", "plus de la moitié des habitants", "", "(50, 100]", "percent", ""},
        {"de", "die Hälfte der Häuser", "", "50", "percent", ""},
        {"de", "fast alle", "", "[90, 100)", "percent", ""},
        {"es", "la mayoría de los hogares", "", "(50, 100]", "percent", ""},
        {"it", "quasi la metà delle scuole", "", "[45, 50)", "percent", ""},
        {"pt", "mais de metade", "", "(50, 100]", "percent", ""},
        {"uk", "половина будинків", "", "50", "percent", ""},
        {"ru", "более половины домов", "", "(50, 100]", "percent", ""},
        {"pl", "większość mieszkańców", "", "(50, 100]", "percent", ""},
        {"el", "οι μισοί κάτοικοι", "", "50", "percent", ""},
        {"de", "40 Prozent", "", "40", "percent", ""},
    });
  }

  TEST_CASE("a language without a table is read as English, with a warning") {
    const auto reading = reader().read("about 300", "", "ja");
    CHECK(format_interval(reading.interval) == "[270, 330]");
    REQUIRE(reading.warnings.size() == 1);
    CHECK(reading.warnings.front() == "no quantity rules for language 'ja': read with the English rules");
  }

  TEST_CASE("unreadable phrases name the language and the reason") {
    CHECK(error_of("2.5 Millionen", "de") ==
          "cannot read quantity phrase '2.5 Millionen' in de: '2.5' is not a number as de writes them (decimal mark "
          "',', thousands separated by '.', a space)");
    CHECK(error_of("2,4 εκατομμύρια", "") ==
          "cannot read quantity phrase '2,4 εκατομμύρια': '2,4' is not a number as English writes them (decimal mark "
          "'.', thousands separated by ','); no language was given: say which one the phrase is in");
    CHECK(error_of("beaucoup trop", "fr") == "cannot read quantity phrase 'beaucoup trop' in fr");
    CHECK(error_of("about 5", "english") ==
          "invalid language tag 'english' (expected a BCP 47 tag such as en, fr, de-CH or uk)");
  }

  TEST_CASE("lower-casing covers Latin, Greek and Cyrillic") {
    CHECK(reader().read("ÜBER 40", "", "de").rule == "über {n}");
    CHECK(reader().read("Около 300", "", "ru").rule == "около {n}");
    CHECK(reader().read("Περίπου 300", "", "el").rule == "περιπου {n}");
    CHECK(reader().read("PONAD 100", "", "pl").rule == "ponad {n}");
    CHECK(reader().read("ŁĄCZNIE 100", "", "pl").rule == "łącznie {n}");
  }
}

TEST_CASE("an import reads each claim in its report's language and warns about ambiguous figures") {
  Database db = Database::open(":memory:");
  std::vector<std::string> warnings;
  ImportOptions options;
  options.warn = [&](const std::string& w) { warnings.push_back(w); };
  const ImportSummary summary = import_text(db, R"json({
    "sources": [{"id": "unions", "name": "Unions (synthetic)", "affiliation": "unions", "language": "fr"},
                {"id": "police", "name": "Police (synthetic)", "affiliation": "authorities"},
                {"id": "outlet-el", "name": "Outlet (synthetic)", "language": "el"},
                {"id": "outlet-de", "name": "Outlet (synthetic)", "language": "de-CH"}],
    "entities": [{"id": "march", "name": "A march", "kind": "event"}],
    "properties": [{"id": "marchers", "value_type": "quantity", "unit": "person"}],
    "reports": [{"id": "r-fr", "title": "T", "publisher": "unions"},
                {"id": "r-en", "title": "T", "publisher": "police"},
                {"id": "r-el", "title": "T", "publisher": "outlet-el"},
                {"id": "r-de", "title": "T", "publisher": "outlet-de", "language": "de"}],
    "claims": [{"id": "c-fr", "claimant": "unions", "report": "r-fr", "entity": "march", "property": "marchers",
                "value": "environ 300 000 manifestants"},
               {"id": "c-en", "claimant": "police", "report": "r-en", "entity": "march", "property": "marchers",
                "value": "45,000 marchers"},
               {"id": "c-el", "claimant": "unions", "report": "r-el", "entity": "march", "property": "marchers",
                "value": "περίπου 300.000 διαδηλωτές"},
               {"id": "c-de", "claimant": "police", "report": "r-de", "entity": "march", "property": "marchers",
                "value": "45'000 Demonstranten"}]})json",
                                            "story.json", false, options);
  CHECK(summary.claims == 4);
  CHECK(summary.warnings == 1);
  REQUIRE(warnings.size() == 1);
  CHECK(warnings.front() ==
        "story.json: /claims/1/value: claim 'c-en': no language given: '45,000' is read as 45000 (English: ',' "
        "separates thousands); in a language where ',' is the decimal mark it is 45");
  const auto claims = db.list_claims({.entity = "march"});
  REQUIRE(claims.size() == 4);
  for (const auto& c : claims) {
    CAPTURE(c.id);
    CHECK(c.value.unit == "person");
  }
  // The unions' figure and the police's are comparable, and contradict.
  CHECK(summary.conflicts >= 1);
  const auto conflicts = list_conflicts(db);
  bool fr_vs_en = false;
  for (const auto& conflict : conflicts)
    fr_vs_en = fr_vs_en || ((conflict.a == "c-fr" && conflict.b == "c-en") || (conflict.a == "c-en" && conflict.b == "c-fr"));
  CHECK(fr_vs_en);
}

TEST_CASE("an unreadable phrase fails with file, path, language and reason, and changes nothing") {
  Database db = Database::open(":memory:");
  import_text(db, R"json({"sources": [{"id": "s", "name": "S"}], "entities": [{"id": "e", "name": "E"}],
                      "properties": [{"id": "p", "value_type": "quantity", "unit": "person"}]})json",
              "base.json", false);
  const std::string before = test::export_string(db);
  try {
    import_text(db, R"json({"reports": [{"id": "r", "title": "T", "language": "de"}],
                        "claims": [{"id": "c", "claimant": "s", "report": "r", "entity": "e", "property": "p",
                                    "value": "2.5 Millionen Menschen"}]})json",
                "story.json", false);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::bad_input);
    CHECK(e.location().file == "story.json");
    CHECK(e.location().json_path == "/claims/0/value");
    CHECK(std::string(e.what()) ==
          "story.json: /claims/0/value: claim 'c': cannot read quantity phrase '2.5 Millionen Menschen' in de: '2.5' "
          "is not a number as de writes them (decimal mark ',', thousands separated by '.', a space)");
  }
  CHECK(test::export_string(db) == before);
}

TEST_CASE("an uninformative word in another language is never the sole basis of a conflict") {
  Database db = Database::open(":memory:");
  const ImportSummary summary = import_text(db, R"json({
    "sources": [{"id": "a", "name": "A (synthetic)", "affiliation": "x"},
                {"id": "b", "name": "B (synthetic)", "affiliation": "y"}],
    "entities": [{"id": "e", "name": "E"}],
    "properties": [{"id": "p", "value_type": "quantity", "unit": "person"}],
    "reports": [{"id": "r", "title": "T", "language": "de"}],
    "claims": [{"id": "c1", "claimant": "a", "report": "r", "entity": "e", "property": "p", "value": "viele Menschen"},
               {"id": "c2", "claimant": "b", "entity": "e", "property": "p", "value": "1"}]})json",
                                            "many.json", false);
  CHECK(summary.conflicts == 0);
  CHECK(list_conflicts(db).empty());
}

TEST_CASE("random phrases in every language read or are refused, never anything else") {
  // Pieces news phrases are made of, and some that break them.
  const std::vector<std::string> pieces = {
      "1,500", "300.000", "1'500", "1\xE2\x80\x99" "500", "2\xC2\xA0" "500", "4\xE2\x80\xAF" "200", "12,34,567",
      "2,4", "0.5", "1e5", "9999999999999999999999", "-", "–", "%", "'", ".", ",", "(", "$", "€", "k", "m", "bn",
      "lakh", "million", "millions", "Mio.", "тис.", "млн", "εκατ.", "mila", "de", "des", "d'", "of", "the", "times",
      "less", "more", "than", "up", "from", "a", "quarter", "half", "twice", "about", "nearly", "environ", "etwa",
      "über", "ÜBER", "понад", "ПОНАД", "около", "περίπου", "ΠΕΡΊΠΟΥ", "ponad", "kilkadziesiąt", "dizaines",
      "Dutzende", "сотні", "δεκάδες", "deux", "cents", "vingt", "et", "y", "und", "п'ять", "двісті", "trzysta",
      "διακόσια", "people", "marchers", "drones", "осіб", "άτομα", "personnes", "km", "Prozent", "pour", "cent",
      "\xFF", "\xCE", "300", "000", "5", "0", " "};
  std::uint64_t state = 0x9e3779b97f4a7c15ULL;
  const auto next = [&] {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  const auto languages = QuantityReader::languages();
  for (int round = 0; round < 3000; ++round) {
    std::string phrase;
    const int words = 1 + int(next() % 6);
    for (int w = 0; w < words; ++w) {
      if (w > 0 && next() % 4 != 0) phrase += ' ';
      phrase += pieces[next() % pieces.size()];
    }
    for (const auto& language : languages) {
      for (const char* unit : {"", "person", "drone"}) {
        try {
          const auto reading = reader().try_read(phrase, unit, language);
          if (!reading) continue;
          for (const auto& bound : {reading->interval.lo, reading->interval.hi}) {
            if (bound) CHECK(std::isfinite(*bound));
          }
          if (reading->interval.lo) CHECK(*reading->interval.lo >= 0);
        } catch (const Error& e) {
          FAIL_CHECK("try_read threw for '" << phrase << "' in " << language << ": " << e.what());
        }
      }
    }
  }
}
