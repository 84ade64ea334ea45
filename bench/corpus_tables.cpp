#include "corpus_tables.hpp"

namespace claimdb::bench {
namespace {

constexpr PlaceRow places[] = {
    // Countries.
    {"ukraine", "Ukraine", nullptr, "Україна"},
    {"russia", "Russia", nullptr, "Russian Federation"},
    {"poland", "Poland", nullptr, "Polska"},
    {"romania", "Romania", nullptr, "România"},
    {"belarus", "Belarus", nullptr, nullptr},
    {"moldova", "Moldova", nullptr, nullptr},
    // Regions.
    {"kyiv-oblast", "Kyiv Oblast", "ukraine", nullptr},
    {"kharkiv-oblast", "Kharkiv Oblast", "ukraine", nullptr},
    {"odesa-oblast", "Odesa Oblast", "ukraine", nullptr},
    {"dnipropetrovsk-oblast", "Dnipropetrovsk Oblast", "ukraine", nullptr},
    {"zaporizhzhia-oblast", "Zaporizhzhia Oblast", "ukraine", nullptr},
    {"lviv-oblast", "Lviv Oblast", "ukraine", nullptr},
    {"mykolaiv-oblast", "Mykolaiv Oblast", "ukraine", nullptr},
    {"kherson-oblast", "Kherson Oblast", "ukraine", nullptr},
    {"sumy-oblast", "Sumy Oblast", "ukraine", nullptr},
    {"chernihiv-oblast", "Chernihiv Oblast", "ukraine", nullptr},
    {"poltava-oblast", "Poltava Oblast", "ukraine", nullptr},
    {"donetsk-oblast", "Donetsk Oblast", "ukraine", nullptr},
    {"vinnytsia-oblast", "Vinnytsia Oblast", "ukraine", nullptr},
    {"khmelnytskyi-oblast", "Khmelnytskyi Oblast", "ukraine", nullptr},
    {"zhytomyr-oblast", "Zhytomyr Oblast", "ukraine", nullptr},
    {"rivne-oblast", "Rivne Oblast", "ukraine", nullptr},
    {"volyn-oblast", "Volyn Oblast", "ukraine", nullptr},
    {"ivano-frankivsk-oblast", "Ivano-Frankivsk Oblast", "ukraine", nullptr},
    {"ternopil-oblast", "Ternopil Oblast", "ukraine", nullptr},
    {"cherkasy-oblast", "Cherkasy Oblast", "ukraine", nullptr},
    {"kirovohrad-oblast", "Kirovohrad Oblast", "ukraine", nullptr},
    {"belgorod-oblast", "Belgorod Oblast", "russia", nullptr},
    {"kursk-oblast", "Kursk Oblast", "russia", nullptr},
    {"bryansk-oblast", "Bryansk Oblast", "russia", nullptr},
    {"moscow-oblast", "Moscow Oblast", "russia", nullptr},
    {"krasnodar-krai", "Krasnodar Krai", "russia", nullptr},
    {"rostov-oblast", "Rostov Oblast", "russia", nullptr},
    {"lublin-voivodeship", "Lublin Voivodeship", "poland", "województwo lubelskie"},
    {"subcarpathian-voivodeship", "Subcarpathian Voivodeship", "poland", "Podkarpacie"},
    {"tulcea-county", "Tulcea County", "romania", nullptr},
    {"gomel-region", "Gomel Region", "belarus", nullptr},
    // Cities. Kyiv has special status and sits directly in the country.
    {"kyiv", "Kyiv", "ukraine", "Київ"},
    {"bila-tserkva", "Bila Tserkva", "kyiv-oblast", nullptr},
    {"brovary", "Brovary", "kyiv-oblast", nullptr},
    {"bucha", "Bucha", "kyiv-oblast", nullptr},
    {"irpin", "Irpin", "kyiv-oblast", nullptr},
    {"fastiv", "Fastiv", "kyiv-oblast", nullptr},
    {"kharkiv", "Kharkiv", "kharkiv-oblast", "Харків"},
    {"izium", "Izium", "kharkiv-oblast", nullptr},
    {"kupiansk", "Kupiansk", "kharkiv-oblast", nullptr},
    {"chuhuiv", "Chuhuiv", "kharkiv-oblast", nullptr},
    {"lozova", "Lozova", "kharkiv-oblast", nullptr},
    {"odesa", "Odesa", "odesa-oblast", "Odessa"},
    {"izmail", "Izmail", "odesa-oblast", nullptr},
    {"chornomorsk", "Chornomorsk", "odesa-oblast", nullptr},
    {"bilhorod-dnistrovskyi", "Bilhorod-Dnistrovskyi", "odesa-oblast", nullptr},
    {"dnipro", "Dnipro", "dnipropetrovsk-oblast", "Dnipropetrovsk"},
    {"kryvyi-rih", "Kryvyi Rih", "dnipropetrovsk-oblast", nullptr},
    {"nikopol", "Nikopol", "dnipropetrovsk-oblast", nullptr},
    {"pavlohrad", "Pavlohrad", "dnipropetrovsk-oblast", nullptr},
    {"kamianske", "Kamianske", "dnipropetrovsk-oblast", nullptr},
    {"zaporizhzhia", "Zaporizhzhia", "zaporizhzhia-oblast", "Запоріжжя"},
    {"orikhiv", "Orikhiv", "zaporizhzhia-oblast", nullptr},
    {"huliaipole", "Huliaipole", "zaporizhzhia-oblast", nullptr},
    {"lviv", "Lviv", "lviv-oblast", "Львів"},
    {"drohobych", "Drohobych", "lviv-oblast", nullptr},
    {"stryi", "Stryi", "lviv-oblast", nullptr},
    {"mykolaiv", "Mykolaiv", "mykolaiv-oblast", nullptr},
    {"voznesensk", "Voznesensk", "mykolaiv-oblast", nullptr},
    {"ochakiv", "Ochakiv", "mykolaiv-oblast", nullptr},
    {"kherson", "Kherson", "kherson-oblast", "Херсон"},
    {"beryslav", "Beryslav", "kherson-oblast", nullptr},
    {"sumy", "Sumy", "sumy-oblast", nullptr},
    {"konotop", "Konotop", "sumy-oblast", nullptr},
    {"shostka", "Shostka", "sumy-oblast", nullptr},
    {"okhtyrka", "Okhtyrka", "sumy-oblast", nullptr},
    {"chernihiv", "Chernihiv", "chernihiv-oblast", nullptr},
    {"nizhyn", "Nizhyn", "chernihiv-oblast", nullptr},
    {"pryluky", "Pryluky", "chernihiv-oblast", nullptr},
    {"poltava", "Poltava", "poltava-oblast", nullptr},
    {"kremenchuk", "Kremenchuk", "poltava-oblast", nullptr},
    {"myrhorod", "Myrhorod", "poltava-oblast", nullptr},
    {"kramatorsk", "Kramatorsk", "donetsk-oblast", nullptr},
    {"sloviansk", "Sloviansk", "donetsk-oblast", nullptr},
    {"pokrovsk", "Pokrovsk", "donetsk-oblast", nullptr},
    {"kostiantynivka", "Kostiantynivka", "donetsk-oblast", nullptr},
    {"vinnytsia", "Vinnytsia", "vinnytsia-oblast", nullptr},
    {"khmelnytskyi", "Khmelnytskyi", "khmelnytskyi-oblast", nullptr},
    {"starokostiantyniv", "Starokostiantyniv", "khmelnytskyi-oblast", nullptr},
    {"zhytomyr", "Zhytomyr", "zhytomyr-oblast", nullptr},
    {"korosten", "Korosten", "zhytomyr-oblast", nullptr},
    {"rivne", "Rivne", "rivne-oblast", nullptr},
    {"lutsk", "Lutsk", "volyn-oblast", nullptr},
    {"kovel", "Kovel", "volyn-oblast", nullptr},
    {"ivano-frankivsk", "Ivano-Frankivsk", "ivano-frankivsk-oblast", nullptr},
    {"burshtyn", "Burshtyn", "ivano-frankivsk-oblast", nullptr},
    {"ternopil", "Ternopil", "ternopil-oblast", nullptr},
    {"cherkasy", "Cherkasy", "cherkasy-oblast", nullptr},
    {"uman", "Uman", "cherkasy-oblast", nullptr},
    {"kropyvnytskyi", "Kropyvnytskyi", "kirovohrad-oblast", "Kirovohrad"},
    {"belgorod", "Belgorod", "belgorod-oblast", "Белгород"},
    {"shebekino", "Shebekino", "belgorod-oblast", nullptr},
    {"kursk", "Kursk", "kursk-oblast", nullptr},
    {"sudzha", "Sudzha", "kursk-oblast", nullptr},
    {"bryansk", "Bryansk", "bryansk-oblast", nullptr},
    {"moscow", "Moscow", "russia", "Москва"},
    {"podolsk", "Podolsk", "moscow-oblast", nullptr},
    {"novorossiysk", "Novorossiysk", "krasnodar-krai", nullptr},
    {"tuapse", "Tuapse", "krasnodar-krai", nullptr},
    {"rostov-on-don", "Rostov-on-Don", "rostov-oblast", nullptr},
    {"taganrog", "Taganrog", "rostov-oblast", nullptr},
    {"lublin", "Lublin", "lublin-voivodeship", nullptr},
    {"hrubieszow", "Hrubieszów", "lublin-voivodeship", "Hrubieszow"},
    {"przewodow", "Przewodów", "lublin-voivodeship", "Przewodow"},
    {"rzeszow", "Rzeszów", "subcarpathian-voivodeship", "Rzeszow"},
    {"tulcea", "Tulcea", "tulcea-county", nullptr},
    {"plauru", "Plauru", "tulcea-county", nullptr},
    {"gomel", "Gomel", "gomel-region", "Homiel"},
};

constexpr CountryRow countries[] = {
    {"ukraine", "Ukrainian", "ukraine-gov", "russia", "ua-air-force", "ua-general-staff",
     "ua-emergency-service", "ua-energy-ministry", "ua-president-office", 0.84},
    {"russia", "Russian", "russia-gov", "ukraine", "russia-mod", "russia-mod",
     "russia-emergencies-ministry", "russia-energy-ministry", "kremlin-press-office", 0.11},
    {"poland", "Polish", "poland-gov", "russia", "poland-operational-command",
     "poland-operational-command", "poland-fire-service", "poland-climate-ministry",
     "poland-prime-minister-office", 0.03},
    {"romania", "Romanian", "romania-gov", "russia", "romania-mod", "romania-mod",
     "romania-emergency-inspectorate", "romania-energy-ministry", "romania-presidency", 0.02},
};

constexpr SourceRow sources[] = {
    {"ua-president-office", "Office of the President of Ukraine", "government", "ukraine-gov", nullptr},
    {"ua-air-force", "Ukrainian Air Force", "government", "ukraine-gov",
     "Publishes overnight counts of drones and missiles launched and shot down"},
    {"ua-general-staff", "General Staff of the Armed Forces of Ukraine", "government", "ukraine-gov", nullptr},
    {"ua-emergency-service", "State Emergency Service of Ukraine", "government", "ukraine-gov", nullptr},
    {"ua-energy-ministry", "Ministry of Energy of Ukraine", "government", "ukraine-gov", nullptr},
    {"ua-foreign-ministry", "Ministry of Foreign Affairs of Ukraine", "government", "ukraine-gov", nullptr},
    {"ukrenergo", "Ukrenergo", "organisation", "ukraine-gov", "National power grid operator"},
    {"kyiv-city-admin", "Kyiv City Military Administration", "government", "ukraine-gov", nullptr},
    {"russia-mod", "Ministry of Defence of the Russian Federation", "government", "russia-gov", nullptr},
    {"russia-emergencies-ministry", "Russian Emergencies Ministry", "government", "russia-gov", nullptr},
    {"russia-energy-ministry", "Russian Ministry of Energy", "government", "russia-gov", nullptr},
    {"russia-foreign-ministry", "Russian Foreign Ministry", "government", "russia-gov", nullptr},
    {"kremlin-press-office", "Kremlin press office", "government", "russia-gov", nullptr},
    {"poland-operational-command", "Operational Command of the Polish Armed Forces", "government",
     "poland-gov", nullptr},
    {"poland-fire-service", "Polish State Fire Service", "government", "poland-gov", nullptr},
    {"poland-climate-ministry", "Polish Ministry of Climate and Environment", "government",
     "poland-gov", nullptr},
    {"poland-prime-minister-office", "Chancellery of the Prime Minister of Poland", "government",
     "poland-gov", nullptr},
    {"romania-mod", "Romanian Ministry of National Defence", "government", "romania-gov", nullptr},
    {"romania-emergency-inspectorate", "Romanian General Inspectorate for Emergency Situations",
     "government", "romania-gov", nullptr},
    {"romania-energy-ministry", "Romanian Ministry of Energy", "government", "romania-gov", nullptr},
    {"romania-presidency", "Presidential Administration of Romania", "government", "romania-gov", nullptr},
    {"un-monitoring-mission", "UN human rights monitoring mission", "organisation", "international",
     "Verifies civilian casualties; its counts lag official ones and are conservative"},
    {"iaea", "International Atomic Energy Agency", "organisation", "international", nullptr},
    {"civilian-harm-monitor", "Civilian Harm Monitor", "organisation", "ngo",
     "Open-source casualty and damage tracking"},
    {"open-source-analysts", "Open Source Analysts Collective", "organisation", "ngo", nullptr},
    {"energy-watch", "Energy Security Watch", "organisation", "ngo",
     "Tracks damage to power plants, substations and heating networks"},
};

constexpr const char* q_drones_launched[] = {
    "Overnight the enemy attacked with %v attack drones, most of them Shahed-type.",
    "Russia launched %v drones at %p and other regions overnight.",
    "A total of %v drones were launched, mainly at energy facilities.",
    "The attack involved %v strike drones and decoys.",
};
constexpr const char* q_drones_intercepted[] = {
    "Air defence shot down %v drones over %p and neighbouring regions.",
    "%v drones were shot down or suppressed by electronic warfare.",
    "Air defence forces destroyed %v drones overnight.",
};
constexpr const char* q_missiles_launched[] = {
    "The enemy fired %v missiles, including ballistic ones, at %p.",
    "%v cruise and ballistic missiles were launched overnight.",
};
constexpr const char* q_missiles_intercepted[] = {
    "Air defence destroyed %v missiles over %p.",
    "%v missiles were intercepted by air defence.",
};
constexpr const char* q_deaths[] = {
    "%v people were killed in %p; rescuers are still working at the site.",
    "The death toll in %p has risen to %v.",
    "%v civilians died as a result of the strike.",
};
constexpr const char* q_injured[] = {
    "%v people were injured in %p, including children.",
    "The number of injured has risen to %v.",
    "%v people sought medical help after the attack.",
};
constexpr const char* q_buildings[] = {
    "%v residential buildings were damaged in %p.",
    "Windows were blown out in %v apartment blocks.",
};
constexpr const char* q_evacuated[] = {
    "%v residents were evacuated from the frontline areas near %p.",
    "Rescuers evacuated %v people from the damaged buildings.",
};
constexpr const char* q_heat_share[] = {
    "%v of homes in %p are without heating after the strike on energy infrastructure.",
    "Heating has been cut off for %v of households as temperatures drop below zero.",
};
constexpr const char* q_power[] = {
    "%v people in %p remain without electricity.",
    "Power outages affect %v consumers; energy workers are restoring supply.",
};
constexpr const char* q_advance[] = {
    "Our forces advanced %v near %p.",
    "The front line has moved %v in the direction of %p.",
};
constexpr const char* q_area[] = {
    "%v of territory around %p were taken.",
    "Troops gained control of %v near %p.",
};
constexpr const char* q_settlements[] = {
    "%v settlements were captured in the %p direction.",
    "Units took control of %v villages near %p.",
};
constexpr const char* q_target[] = {
    "The strike on %p targeted %v.",
    "The enemy hit %v in %p.",
    "According to officials, %v was the main target.",
};
constexpr const char* q_weapons[] = {
    "The enemy used %v in the attack on %p.",
    "Debris showed that %v were used.",
};
constexpr const char* q_airspace[] = {
    "Drones entered our airspace over %p; fighter jets were scrambled.",
    "Our airspace was violated during the attack on neighbouring regions.",
};
constexpr const char* q_civilian[] = {
    "Civilian infrastructure was hit in %p: homes, a school and the heating plant.",
    "The strike damaged civilian energy infrastructure in %p.",
};
constexpr const char* q_statement[] = {"%v"};

constexpr PropertyRow properties[] = {
    {"drones_launched", "quantity", "drone", false, false, nullptr,
     "Drones launched in the attack, decoys included", QuantityStyle::count,
     Speaker::military, false, q_drones_launched},
    {"drones_intercepted", "quantity", "drone", false, false, "drones_launched",
     "Drones shot down or suppressed", QuantityStyle::count, Speaker::military, false,
     q_drones_intercepted},
    {"missiles_launched", "quantity", "missile", false, false, nullptr,
     "Cruise and ballistic missiles launched", QuantityStyle::count, Speaker::military, false,
     q_missiles_launched},
    {"missiles_intercepted", "quantity", "missile", false, false, "missiles_launched",
     "Missiles destroyed in flight", QuantityStyle::count, Speaker::military, false,
     q_missiles_intercepted},
    {"deaths", "quantity", "person", false, true, nullptr, "People killed; a running total",
     QuantityStyle::count, Speaker::emergency, true, q_deaths},
    {"injured", "quantity", "person", false, true, nullptr, "People injured; a running total",
     QuantityStyle::count, Speaker::emergency, true, q_injured},
    {"buildings_damaged", "quantity", "building", false, false, nullptr,
     "Residential buildings damaged", QuantityStyle::count, Speaker::regional, true, q_buildings},
    {"evacuated", "quantity", "person", false, false, nullptr, "People evacuated",
     QuantityStyle::count, Speaker::regional, false, q_evacuated},
    {"homes_without_heat_share", "quantity", "percent", false, false, nullptr,
     "Share of homes left without heating", QuantityStyle::share, Speaker::energy, false,
     q_heat_share},
    {"people_without_power", "quantity", "person", false, false, nullptr,
     "People left without electricity", QuantityStyle::large, Speaker::energy, true, q_power},
    {"front_line_advance", "quantity", "km", false, false, nullptr,
     "Distance the front line moved", QuantityStyle::length, Speaker::general_staff, false,
     q_advance},
    {"area_captured", "quantity", "km2", false, false, nullptr, "Territory taken",
     QuantityStyle::area, Speaker::general_staff, false, q_area},
    {"settlements_captured", "quantity", "settlement", false, false, nullptr,
     "Villages and towns taken", QuantityStyle::count, Speaker::general_staff, false,
     q_settlements},
    {"strike_target", "category", nullptr, false, false, nullptr, "What the strike was aimed at",
     QuantityStyle::count, Speaker::regional, false, q_target},
    {"weapons_used", "category", nullptr, true, false, nullptr, "Weapons used; several may apply",
     QuantityStyle::count, Speaker::military, false, q_weapons},
    {"airspace_violated", "boolean", nullptr, false, false, nullptr,
     "Whether drones or missiles crossed into the country's airspace", QuantityStyle::count,
     Speaker::military, false, q_airspace},
    {"civilian_infrastructure_hit", "boolean", nullptr, false, false, nullptr,
     "Whether civilian infrastructure was hit", QuantityStyle::count, Speaker::regional, false,
     q_civilian},
    {"statement", "text", nullptr, true, false, nullptr, "What an official said about the event",
     QuantityStyle::count, Speaker::leadership, false, q_statement},
};

constexpr const char* attack_properties[] = {
    "drones_launched", "drones_intercepted", "missiles_launched", "missiles_intercepted",
    "deaths", "injured", "buildings_damaged", "homes_without_heat_share",
    "people_without_power", "strike_target", "weapons_used", "civilian_infrastructure_hit",
    "statement"};
constexpr const char* drone_properties[] = {
    "drones_launched", "drones_intercepted", "deaths", "injured", "buildings_damaged",
    "people_without_power", "strike_target", "weapons_used", "civilian_infrastructure_hit",
    "statement"};
constexpr const char* shelling_properties[] = {
    "deaths", "injured", "buildings_damaged", "evacuated", "strike_target",
    "civilian_infrastructure_hit", "statement"};
constexpr const char* incursion_properties[] = {
    "airspace_violated", "drones_launched", "drones_intercepted", "weapons_used", "statement",
    "injured"};
constexpr const char* offensive_properties[] = {
    "front_line_advance", "area_captured", "settlements_captured", "evacuated", "deaths",
    "statement"};

constexpr EventKindRow event_kinds[] = {
    {"drone-attack", "Drone attack on", 0.40, drone_properties},
    {"combined-strike", "Missile and drone strike on", 0.30, attack_properties},
    {"shelling", "Shelling of", 0.14, shelling_properties},
    {"offensive", "Ground offensive near", 0.10, offensive_properties},
    {"airspace-incident", "Airspace incident over", 0.06, incursion_properties},
};

constexpr const char* targets[] = {
    "energy infrastructure", "a thermal power plant", "an electrical substation",
    "residential buildings", "a military airfield", "defence industry enterprises",
    "port infrastructure", "railway infrastructure", "a fuel depot",
    "an air defence position", "a gas production facility", "a heating plant",
};
constexpr const char* weapons[] = {
    "Shahed-type drones", "Gerbera decoy drones", "Kh-101 cruise missiles",
    "Iskander-M ballistic missiles", "Kinzhal missiles", "Kalibr cruise missiles",
    "guided aerial bombs", "S-300 missiles", "long-range attack drones",
};
constexpr const char* statement_texts[] = {
    "We need more air defence systems to protect our energy grid before winter.",
    "Every strike on power plants is a strike on civilians' heating.",
    "The attack was a response to strikes on our territory.",
    "Our partners must speed up deliveries of interceptors.",
    "Energy workers are restoring heating and electricity around the clock.",
    "Strikes hit only military targets and the energy facilities that serve them.",
    "Residents should stay in shelters until the air raid alert is over.",
    "We call on the international community to respond to this terror.",
    "The drones were launched from the south and the east in several waves.",
    "Blackout schedules will apply in the region until repairs are finished.",
    "Our airspace remains under control; there is no threat to residents.",
    "Investigators are documenting the damage as a war crime.",
};
constexpr const char* prefixes[] = {
    "Eastern", "Northern", "Southern", "Western", "Central", "Free", "Daily", "Evening",
    "Morning", "Independent", "Frontline", "Borderland", "Carpathian", "Black Sea", "Dnipro",
    "Steppe", "Capital", "Coastal", "Open", "Public", "National", "Regional", "Civic", "Baltic",
};
constexpr const char* nouns[] = {
    "Herald", "Post", "Wire", "Monitor", "Observer", "Dispatch", "Bulletin", "Chronicle",
    "Review", "Times", "Report", "Journal", "Courier", "Gazette", "Telegraph", "Tribune",
    "Record", "Digest", "Sentinel", "Signal",
};
constexpr const char* given_names[] = {
    "Olena", "Andriy", "Iryna", "Taras", "Oksana", "Mykola", "Natalia", "Dmytro", "Yulia",
    "Serhiy", "Anna", "Pavlo", "Marta", "Ivan", "Katarzyna", "Piotr", "Maria", "Alexei",
    "Elena", "James", "Sarah", "Tom", "Ioana", "Radu",
};
constexpr const char* family_names[] = {
    "Kovalenko", "Shevchenko", "Bondarenko", "Tkachenko", "Kravchenko", "Melnyk", "Boyko",
    "Lysenko", "Moroz", "Savchenko", "Nowak", "Kowalski", "Wisniewska", "Ivanov", "Petrova",
    "Smith", "Walker", "Popescu", "Ionescu", "Hrytsenko", "Marchenko", "Rudenko",
};
constexpr const char* village_starts[] = {
    "Novo", "Staro", "Velyka ", "Mala ", "Verkhnia ", "Nyzhnia ", "Zelena ", "Krasno", "Bilo",
    "Chervono",
};
constexpr const char* village_ends[] = {
    "selivka", "pillia", "dolyna", "hirka", "mykhailivka", "oleksandrivka", "ivanivka",
    "petrivka", "kamianka", "lypivka", "berezivka", "vodiane",
};
constexpr const char* headline_texts[] = {
    "%k %p: what we know",
    "Overnight attack on %p leaves residents without heating",
    "%p: air defence repels massive drone attack",
    "Officials give differing figures after strike on %p",
    "Energy facilities hit in %p as winter sets in",
    "Death toll rises after %k %p",
    "Live updates: %k %p",
    "Rescue work continues in %p after overnight strike",
};
constexpr const char* body_texts[] = {
    "Energy workers are restoring heating and power after the attack on %p. Air raid "
    "alerts lasted several hours and residents spent the night in shelters.",
    "Local officials said the %k %p damaged apartment blocks and a substation. Figures "
    "for drones and missiles launched differ between the two sides.",
    "Rescuers are searching the rubble in %p. The military said most drones were shot "
    "down, while the other side claimed all targets were hit.",
    "Residents of %p face blackouts and interruptions to heating and water supply after "
    "the latest strike on energy infrastructure.",
};
constexpr const char* checkers[] = {
    "StopFake desk", "Wire Verification Unit", "Open Facts Team", "Claim Check Europe",
    "Frontline Fact Check",
};
constexpr const char* analyst_names[] = {
    "o.kovalenko", "m.nowak", "j.walker", "i.popescu", "analyst",
};

}  // namespace

const std::span<const PlaceRow> place_rows = places;
const std::span<const CountryRow> country_rows = countries;
const std::span<const SourceRow> core_sources = sources;
const std::span<const PropertyRow> property_rows = properties;
const std::span<const EventKindRow> event_kind_rows = event_kinds;
const std::span<const char* const> strike_targets = targets;
const std::span<const char* const> weapon_kinds = weapons;
const std::span<const char* const> statements = statement_texts;
const std::span<const char* const> outlet_prefixes = prefixes;
const std::span<const char* const> outlet_nouns = nouns;
const std::span<const char* const> first_names = given_names;
const std::span<const char* const> last_names = family_names;
const std::span<const char* const> village_prefixes = village_starts;
const std::span<const char* const> village_stems = village_ends;
const std::span<const char* const> headlines = headline_texts;
const std::span<const char* const> report_bodies = body_texts;
const std::span<const char* const> fact_checkers = checkers;
const std::span<const char* const> analysts = analyst_names;

}  // namespace claimdb::bench
