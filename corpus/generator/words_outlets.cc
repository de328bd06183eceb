// Invented news outlets and wire agencies. Names are ASCII because they also become host
// names ("The Harbour Ledger" → harbour-ledger.example); any resemblance to a real title is
// accidental.
#include "corpus/generator/word_lists.h"

namespace gazette::generator {
namespace {

constexpr std::string_view kOutlets[] = {
    "The Harbour Ledger",
    "Northern Courier",
    "Meridian Post",
    "The Daily Lantern",
    "Civic Observer",
    "Pacific Review",
    "The Evening Beacon",
    "Riverside Chronicle",
    "Continental Times",
    "The Morning Compass",
    "Highland Herald",
    "Atlantic Dispatch",
    "The Quill",
    "Metro Bulletin",
    "Granite State Register",
    "The Weekly Almanac",
    "Lakeshore Tribune",
    "Southern Cross Journal",
    "The Tidewater Press",
    "Capital Sentinel",
    "Open Markets Daily",
    "The Ledgerline",
    "Frontier Gazette",
    "The Citizen's Voice",
    "Eastern Standard",
    "Midland Mercury",
    "The Signal",
    "Coastal Record",
    "Union Square Report",
    "The Lighthouse",
    "Valley Clarion",
    "Northwind News",
    "The Global Desk",
    "Second Avenue Post",
    "The Observer Review",
    "Prairie Examiner",
    "Harbourfront Daily",
    "The Steady Hand",
    "Old Town Crier",
    "New Century Times",
    "The Fourth Estate Weekly",
    "Bridgeport Monitor",
    "Summit Ledger",
    "The Copper Kettle",
    "Equator News Service",
    "The Kestrel",
    "Long River Journal",
    "Windward Herald",
    "The Plain Dealer Review",
    "Cedar Point Courier",
};

constexpr std::string_view kAgencies[] = {
    "Atlas Newswire",
    "Continental Press Agency",
    "Global Wire Service",
    "Allied News Agency",
    "North Sea Press",
    "Pan-Pacific Newswire",
    "Horizon Press Association",
    "Southern Wire",
};

}  // namespace

WordList outlets() {
    return kOutlets;
}
WordList agencies() {
    return kAgencies;
}

}  // namespace gazette::generator
