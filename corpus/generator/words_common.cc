// The head of the vocabulary: common English words, most frequent first (an approximate
// news-text order, written from general knowledge rather than counted from any corpus; a
// word listed twice keeps its first rank), plus the small closed lists of English words the
// text writer needs.
#include <array>

#include "corpus/generator/word_lists.h"

namespace gazette::generator {
namespace {

// A word list reads better packed than one word a line.
// clang-format off
constexpr std::string_view kCommonWords[] = {
    "the", "of", "and", "to", "a", "in", "that", "for", "is", "on", "said", "was", "with", "it",
    "as", "he", "at", "by", "be", "from", "his", "has", "have", "are", "an", "not", "but", "they",
    "this", "will", "were", "who", "had", "their", "been", "would", "she", "more", "its", "which",
    "after", "also", "year", "her", "one", "new", "about", "than", "we", "or", "up", "there",
    "people", "over", "out", "all", "can", "when", "two", "last", "into", "government", "first",
    "could", "some", "other", "time", "years", "what", "no", "percent", "him", "them", "so", "if",
    "our", "just", "because", "while", "only", "most", "state", "now", "against", "before", "many",
    "president", "under", "police", "since", "country", "three", "world", "during", "like", "even",
    "where", "told", "those", "market", "any", "week", "how", "may", "still", "through", "public",
    "back", "well", "made", "should", "do", "did", "being", "says", "minister", "national",
    "between", "officials", "city", "former", "told", "make", "officials", "both", "million",
    "around", "then", "down", "including", "already", "these", "next", "next", "very", "such",
    "own", "part", "group", "four", "much", "day", "take", "high", "billion", "left", "early",
    "security", "according", "support", "work", "months", "end", "per", "off", "help", "power",
    "see", "second", "military", "get", "without", "report", "away", "plan", "long", "health",
    "court", "company", "five", "need", "law", "local", "among", "children", "political", "home",
    "going", "late", "recent", "economic", "called", "team", "whether", "major", "say", "found",
    "another", "expected", "months", "use", "until", "good", "water", "same", "think", "war",
    "party", "election", "business", "system", "best", "prime", "small", "told", "house", "added",
    "great", "past", "month", "area", "general", "say", "number", "service", "right", "here",
    "again", "open", "members", "statement", "set", "top", "case", "across", "less", "hit", "trade",
    "days", "women", "killed", "foreign", "program", "want", "leader", "money", "food", "came",
    "groups", "south", "north", "financial", "big", "million", "economy", "workers", "held",
    "least", "went", "rate", "say", "information", "policy", "become", "several", "international",
    "control", "each", "half", "show", "talks", "keep", "six", "went", "way", "likely", "prices",
    "side", "council", "start", "several", "hours", "deal", "continue", "taken", "growth",
    "meeting", "told", "school", "president", "director", "life", "department", "move", "times",
    "led", "agency", "leaders", "near", "budget", "campaign", "forces", "spokesman", "region",
    "village", "move", "increase", "given", "lost", "cut", "across", "every", "plans", "return",
    "decision", "following", "sales", "rights", "level", "care", "result", "less", "central",
    "possible", "current", "capital", "price", "family", "others", "investment", "higher", "pay",
    "among", "known", "chief", "rose", "fell", "costs", "issue", "question", "project", "office",
    "demand", "future", "interest", "energy", "problem", "announced", "released", "reported",
    "agreed", "earlier", "despite", "however", "although", "within", "full", "close", "total",
    "private", "town", "measures", "official", "risk", "industry", "large", "strong", "growing",
    "order", "fund", "process", "weeks", "staff", "east", "west", "production", "community",
    "private", "calls", "held", "allowed", "remain", "received", "services", "across", "students",
    "patients", "hospital", "vote", "parliament", "opposition", "ministry", "border", "peace",
    "crisis", "attack", "troops", "aid", "supply", "board", "research", "study", "data", "evidence",
    "technology", "network", "online", "users", "players", "season", "match", "game", "final",
    "coach", "win", "won", "record", "history", "music", "film", "book", "festival", "museum",
    "artist", "stage", "audience", "weather", "storm", "flood", "fire", "emergency", "river",
    "coast", "island", "bridge", "road", "rail", "port", "airport", "ship", "cargo", "fuel", "oil",
    "gas", "electricity", "climate", "emissions", "land", "farmers", "harvest", "grain", "exports",
    "imports", "tariffs", "tax", "taxes", "debt", "bank", "banks", "loans", "inflation", "jobs",
    "wages", "unemployment", "housing", "rent", "shares", "stock", "investors", "profit", "revenue",
    "quarter", "forecast", "analysts", "value", "contract", "agreement", "proposal", "bill",
    "reform", "ruling", "judge", "trial", "charges", "investigation", "inquiry", "prison", "crime",
    "victims", "protest", "protesters", "strike", "union", "rally", "voters", "candidate",
    "coalition", "majority", "minority", "committee", "senate", "mayor", "governor", "ambassador",
    "envoy", "summit", "negotiations", "ceasefire", "sanctions", "talks", "treaty", "alliance",
    "defence", "weapons", "missile", "soldiers", "civilians", "refugees", "camp", "shelter",
    "doctors", "vaccine", "disease", "virus", "treatment", "drug", "cancer", "medical",
    "scientists", "space", "mission", "satellite", "planet", "species", "ocean", "forest",
    "software", "chips", "phone", "internet", "platform", "privacy", "cyber", "hackers",
    "artificial", "intelligence", "robot", "battery", "electric", "cars", "vehicles", "factory",
    "plant", "steel", "copper", "gold", "coffee", "cocoa", "sugar", "wheat", "rice", "fishing",
    "tourism", "hotel", "visitors", "league", "cup", "championship", "tournament", "medal",
    "olympic", "goal", "points", "victory", "defeat", "injury", "transfer", "stadium", "fans",
    "concert", "novel", "gallery", "theatre", "television", "radio", "newspaper", "journalists",
    "media", "editor", "website", "survey", "poll", "figures", "rise", "fall", "drop", "surge",
    "boost", "slow", "fast", "quickly", "slowly", "sharply", "nearly", "almost", "about", "roughly",
    "today", "yesterday", "tomorrow", "morning", "evening", "night", "weekend", "summer", "winter",
    "spring", "autumn", "decade", "century", "age", "young", "old", "older", "younger", "men",
    "man", "woman", "child", "parents", "friends", "residents", "citizens", "workers", "employees",
    "owners", "buyers", "sellers", "consumers", "customers", "passengers", "drivers", "pilots",
    "teachers", "nurses", "engineers", "lawyers", "experts", "critics", "supporters", "rivals",
    "partners", "neighbours", "important", "clear", "difficult", "hard", "easy", "serious",
    "significant", "key", "main", "senior", "junior", "independent", "federal", "regional", "rural",
    "urban", "global", "domestic", "western", "eastern", "northern", "southern", "military",
    "civil", "legal", "social", "cultural", "environmental", "scientific", "digital", "nuclear",
    "renewable", "affordable", "expensive", "cheap", "safe", "dangerous", "free", "fair", "warned",
    "urged", "denied", "confirmed", "insisted", "suggested", "promised", "rejected", "approved",
    "launched", "signed", "ended", "began", "opened", "closed", "raised", "lowered", "cut",
    "increased", "reduced", "doubled", "expanded", "delayed", "cancelled", "postponed", "blocked",
    "banned", "arrested", "charged", "accused", "sentenced", "elected", "appointed", "resigned",
    "fired", "hired", "visited", "met", "discussed", "debated", "voted", "passed", "announced",
    "published", "revealed", "estimated", "calculated", "measured", "tested", "built", "designed",
    "developed", "produced", "sold", "bought", "paid", "owed", "borrowed", "invested", "spent",
    "saved", "lost", "gained", "earned", "struggled", "recovered", "improved", "worsened",
    "collapsed",
};
// clang-format on

constexpr std::string_view kHeadlineVerbs[] = {
    "says",    "warns", "plans",   "rejects", "backs",   "seeks",    "faces",   "wins",
    "loses",   "cuts",  "raises",  "urges",   "defends", "delays",   "unveils", "approves",
    "blocks",  "vows",  "pushes",  "weighs",  "eyes",    "signals",  "denies",  "confirms",
    "targets", "calls", "expands", "halts",   "revives", "launches", "ends",    "opens",
};

constexpr std::string_view kWeekdays[] = {
    "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
};

}  // namespace

WordList common_words() {
    return kCommonWords;
}
WordList headline_verbs() {
    return kHeadlineVerbs;
}
WordList weekdays() {
    return kWeekdays;
}

}  // namespace gazette::generator
