// The desks of the synthetic newsroom: what each writes about, whom it quotes. Organisation
// names are invented, apart from a few intergovernmental bodies that any world news desk
// names daily.
#include "corpus/generator/word_lists.h"

namespace gazette::generator {
namespace {

using SV = std::string_view;

constexpr SV kWorldTags[] = {"diplomacy", "conflict",  "refugees",     "elections",
                             "sanctions", "migration", "human rights", "humanitarian aid",
                             "borders",   "terrorism", "peace talks",  "united nations"};
constexpr SV kWorldKeywords[] = {"ceasefire",    "talks",        "troops",    "border",   "envoy",
                                 "sanctions",    "refugees",     "aid",       "summit",   "treaty",
                                 "negotiations", "delegation",   "embassy",   "shelling", "convoy",
                                 "frontline",    "humanitarian", "diplomats", "corridor", "truce"};
constexpr SV kWorldOrgs[] = {"United Nations",
                             "European Union",
                             "NATO",
                             "African Union",
                             "Red Cross",
                             "World Food Programme",
                             "Ministry of Foreign Affairs",
                             "International Court of Justice",
                             "Border Monitoring Mission",
                             "Coalition for Open Corridors"};
constexpr SV kWorldRoles[] = {"foreign minister", "special envoy",          "ambassador",
                              "spokesperson",     "senior diplomat",        "aid coordinator",
                              "military analyst", "deputy foreign minister"};

constexpr SV kBusinessTags[] = {"markets",   "trade",      "energy",   "banking",
                                "inflation", "employment", "shipping", "agriculture",
                                "retail",    "mergers",    "property", "currencies"};
constexpr SV kBusinessKeywords[] = {"shares",  "profit",  "investors", "prices",   "quarter",
                                    "revenue", "exports", "tariff",    "earnings", "supply",
                                    "demand",  "growth",  "rates",     "deal",     "merger",
                                    "stake",   "output",  "forecast",  "dividend", "margins"};
constexpr SV kBusinessOrgs[] = {
    "Norvik Energy",        "Castellan Bank",  "Bluewater Logistics",
    "Oakridge Motors",      "Tessaro Telecom", "Granary Foods",
    "Halden Steel",         "Marlow & Finch",  "Central Bank",
    "Ministry of Finance",  "World Bank",      "International Monetary Fund",
    "Pacific Rim Shipping", "Sunfield Retail"};
constexpr SV kBusinessRoles[] = {
    "chief executive", "finance director", "chief economist", "analyst",
    "chair",           "spokesperson",     "founder",         "head of trading"};

constexpr SV kPoliticsTags[] = {"elections",        "parliament", "budget",     "taxes",
                                "coalition",        "referendum", "corruption", "campaign finance",
                                "local government", "polls",      "reform",     "constitution"};
constexpr SV kPoliticsKeywords[] = {
    "vote",      "coalition",    "parliament", "opposition", "bill",      "ballot",    "campaign",
    "candidate", "reform",       "budget",     "majority",   "senate",    "lawmakers", "referendum",
    "cabinet",   "constituency", "poll",       "mandate",    "amendment", "debate"};
constexpr SV kPoliticsOrgs[] = {"Progressive Alliance",
                                "National Renewal Party",
                                "Green Future Party",
                                "Civic Union",
                                "Electoral Commission",
                                "Supreme Court",
                                "Audit Office",
                                "Transparency Watch",
                                "Federation of Municipalities",
                                "Labour and Liberty Party"};
constexpr SV kPoliticsRoles[] = {"prime minister",   "opposition leader",    "party chair",
                                 "senator",          "member of parliament", "mayor",
                                 "campaign manager", "interior minister"};

constexpr SV kSportTags[] = {"football", "tennis",       "athletics",  "cycling",
                             "cricket",  "rugby",        "basketball", "olympics",
                             "swimming", "motor racing", "sailing",    "transfers"};
constexpr SV kSportKeywords[] = {"match",   "season",       "goal",     "coach",     "league",
                                 "final",   "championship", "victory",  "defeat",    "injury",
                                 "striker", "tournament",   "medal",    "record",    "fans",
                                 "stadium", "points",       "transfer", "semifinal", "squad"};
constexpr SV kSportOrgs[] = {"Harbour City FC",
                             "Northbridge United",
                             "Real Montaña",
                             "Olympic Committee",
                             "Continental Football Federation",
                             "Grand Tour Cycling",
                             "Riverside Rovers",
                             "Athletics Union",
                             "Capital Lions",
                             "Anti-Doping Agency"};
constexpr SV kSportRoles[] = {"head coach",   "captain",           "striker",  "goalkeeper",
                              "team manager", "sporting director", "sprinter", "club president"};

constexpr SV kTechnologyTags[] = {"artificial intelligence",
                                  "cybersecurity",
                                  "smartphones",
                                  "semiconductors",
                                  "social media",
                                  "privacy",
                                  "startups",
                                  "cloud computing",
                                  "electric vehicles",
                                  "telecoms",
                                  "regulation",
                                  "space"};
constexpr SV kTechnologyKeywords[] = {
    "software", "chips",   "users",  "platform", "data",  "privacy",    "algorithm",
    "network",  "startup", "app",    "devices",  "cloud", "encryption", "hackers",
    "servers",  "battery", "launch", "update",   "model", "bandwidth"};
constexpr SV kTechnologyOrgs[] = {
    "Quillon Systems", "Brightwave",      "Corvid Semiconductors",     "Nimbus Cloud",
    "Fathom Labs",     "Vantor Mobile",   "Data Protection Authority", "Open Source Foundation",
    "Helio Space",     "Lattice Robotics"};
constexpr SV kTechnologyRoles[] = {"chief technology officer", "founder",         "engineer",
                                   "security researcher",      "product manager", "regulator",
                                   "chief executive",          "developer"};

constexpr SV kScienceTags[] = {"climate",     "space",    "biology",  "physics",
                               "archaeology", "oceans",   "genetics", "astronomy",
                               "environment", "wildlife", "geology",  "research funding"};
constexpr SV kScienceKeywords[] = {
    "researchers", "study",     "species",  "telescope",  "samples",   "emissions", "climate",
    "fossil",      "ocean",     "genome",   "experiment", "particles", "glacier",   "observatory",
    "satellite",   "specimens", "findings", "journal",    "orbit",     "ecosystem"};
constexpr SV kScienceOrgs[] = {"University of Eastbridge",   "Institute for Marine Research",
                               "National Space Agency",      "Polar Research Station",
                               "Academy of Sciences",        "Northfield Observatory",
                               "Centre for Climate Studies", "Museum of Natural History",
                               "Genome Research Institute",  "Geological Survey"};
constexpr SV kScienceRoles[] = {"lead author",   "professor",           "researcher",
                                "astronomer",    "biologist",           "climate scientist",
                                "archaeologist", "director of research"};

constexpr SV kCultureTags[] = {"film",         "music",     "books",      "theatre",
                               "art",          "festivals", "television", "museums",
                               "architecture", "fashion",   "dance",      "heritage"};
constexpr SV kCultureKeywords[] = {
    "festival",  "album",     "novel",      "exhibition", "premiere", "gallery", "audience",
    "director",  "stage",     "concert",    "painting",   "tour",     "critics", "award",
    "sculpture", "orchestra", "screenplay", "collection", "debut",    "curator"};
constexpr SV kCultureOrgs[] = {
    "National Gallery",       "Royal Opera Company", "Eastbridge Film Festival",
    "Academy of Letters",     "Heritage Trust",      "City Philharmonic",
    "Lantern Books",          "Open Stage Theatre",  "Arts Council",
    "Museum of Modern Design"};
constexpr SV kCultureRoles[] = {"director", "novelist", "curator",           "composer",
                                "actor",    "producer", "festival director", "critic"};

constexpr SV kHealthTags[] = {"public health", "hospitals",        "vaccines", "mental health",
                              "nutrition",     "pandemic",         "drugs",    "ageing",
                              "cancer",        "health insurance", "nursing",  "medical research"};
constexpr SV kHealthKeywords[] = {
    "patients", "hospital", "vaccine", "doctors",   "nurses",        "treatment", "clinic",
    "virus",    "outbreak", "trial",   "infection", "symptoms",      "diagnosis", "therapy",
    "dose",     "surgery",  "wards",   "screening", "prescriptions", "recovery"};
constexpr SV kHealthOrgs[] = {"World Health Organization",
                              "Ministry of Health",
                              "Northfield University Hospital",
                              "Medicines Agency",
                              "Nurses' Union",
                              "Public Health Institute",
                              "Heartwell Clinics",
                              "Meridian Pharmaceuticals",
                              "Cancer Research Fund",
                              "Doctors Without Walls"};
constexpr SV kHealthRoles[] = {
    "health minister", "chief medical officer", "epidemiologist", "surgeon",
    "nurse",           "hospital director",     "researcher",     "general practitioner"};

constexpr SV kOpinionTags[] = {"commentary", "analysis",  "editorial", "letters",
                               "columns",    "ideas",     "society",   "education",
                               "housing",    "democracy", "economy",   "media"};
constexpr SV kOpinionKeywords[] = {
    "argument", "readers", "debate",         "values",   "society",      "generation", "trust",
    "choice",   "freedom", "responsibility", "fairness", "institutions", "consensus",  "future",
    "promise",  "lesson",  "mistake",        "truth",    "citizens",     "voice"};
constexpr SV kOpinionOrgs[] = {"Institute for Public Policy", "Civic Forum",
                               "Open Society Circle",         "Taxpayers' Association",
                               "Teachers' Federation",        "Housing Action Network",
                               "Press Freedom Trust",         "Centre for Economic Fairness"};
constexpr SV kOpinionRoles[] = {"columnist",       "former minister", "economist", "historian",
                                "policy director", "philosopher",     "editor",    "commentator"};

constexpr Section kSections[] = {
    {"World", 20, kWorldTags, kWorldKeywords, kWorldOrgs, kWorldRoles},
    {"Business", 18, kBusinessTags, kBusinessKeywords, kBusinessOrgs, kBusinessRoles},
    {"Politics", 16, kPoliticsTags, kPoliticsKeywords, kPoliticsOrgs, kPoliticsRoles},
    {"Sport", 13, kSportTags, kSportKeywords, kSportOrgs, kSportRoles},
    {"Technology", 9, kTechnologyTags, kTechnologyKeywords, kTechnologyOrgs, kTechnologyRoles},
    {"Science", 6, kScienceTags, kScienceKeywords, kScienceOrgs, kScienceRoles},
    {"Culture", 7, kCultureTags, kCultureKeywords, kCultureOrgs, kCultureRoles},
    {"Health", 6, kHealthTags, kHealthKeywords, kHealthOrgs, kHealthRoles},
    {"Opinion", 5, kOpinionTags, kOpinionKeywords, kOpinionOrgs, kOpinionRoles},
};

}  // namespace

std::span<const Section> sections() {
    return kSections;
}

}  // namespace gazette::generator
