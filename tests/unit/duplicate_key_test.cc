// The near-duplicate key: edits that copies make must keep it, different stories must not
// share it (indexer/duplicate_key.h, docs/duplicates.md).
#include <gtest/gtest.h>

#include <string>

#include "common/schema.h"
#include "common/slots.h"
#include "indexer/document_builder.h"
#include "indexer/duplicate_key.h"

namespace gazette {
namespace {

// A real-looking story (BBC business, paraphrased), longer than the lead the key reads.
const std::string kStory =
    "Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn for the three months "
    "to December, from $639m a year earlier.\n"
    "The firm, which is now one of the biggest investors in Google, benefited from sales of "
    "high-speed internet connections and higher advert sales. TimeWarner said fourth quarter "
    "sales rose 2% to $11.1bn from $10.9bn.\n"
    "Time Warner said on Friday that it now owns 8% of search-engine Google. But its own "
    "internet business, AOL, had mixed fortunes. It lost 464,000 subscribers in the fourth "
    "quarter.\n"
    "However, the company said AOL's underlying profit before exceptional items rose 8% on the "
    "back of stronger internet advertising revenues. It hopes to increase subscribers by "
    "offering the online service free to TimeWarner internet customers and will try to sign up "
    "AOL's existing customers for high-speed broadband.\n"
    "TimeWarner also has to restate 2000 and 2003 results following a probe by the US "
    "Securities Exchange Commission, which is close to concluding.\n"
    "Time Warner's fourth quarter profits were slightly better than analysts' expectations. "
    "But its film division saw profits slump 27% to $284m.";

// Another story on the same event, written independently.
const std::string kOtherStory =
    "TimeWarner, the owner of AOL and Warner Bros, reported a 76% rise in profit on Friday, "
    "helped by one-off gains and by its stake in Google.\n"
    "Analysts had expected less. Shares rose in early trading in New York as investors "
    "welcomed the figures, although the film studio disappointed after a run of flops.\n"
    "The company also said it would restate results for 2000 and 2003 after a probe by the "
    "Securities and Exchange Commission.";

std::string replace(std::string s, const std::string& from, const std::string& to) {
    auto pos = s.find(from);
    EXPECT_NE(pos, std::string::npos) << from;
    if (pos != std::string::npos)
        s.replace(pos, from.size(), to);
    return s;
}

TEST(DuplicateKey, IsSixteenHexDigitsAndDeterministic) {
    std::string key = duplicate_key_of_body(kStory);
    ASSERT_EQ(key.size(), 16u);
    EXPECT_EQ(key.find_first_not_of("0123456789abcdef"), std::string::npos);
    EXPECT_EQ(duplicate_key_of_body(kStory), key);
}

TEST(DuplicateKey, EditsOfCopiesKeepTheKey) {
    const std::string key = duplicate_key_of_body(kStory);
    struct Case {
        const char* what;
        std::string body;
    };
    const Case cases[] = {
        {"agency credit in front", "(Reuters) - " + kStory},
        {"credited dateline", "NEW YORK, Feb 4 (Reuters) -- " + kStory},
        {"em-dash credit", "(AP) \xE2\x80\x94 " + kStory},
        {"last paragraph trimmed", kStory.substr(0, kStory.rfind('\n'))},
        {"blank lines between paragraphs", replace(replace(kStory, "\n", "\n\n"), "\n", "\n\n")},
        {"double spaces and trailing blanks",
         replace(kStory, ". TimeWarner", ".  TimeWarner") + "  "},
        {"case and punctuation", replace(kStory, "Quarterly profits", "QUARTERLY PROFITS,")},
        {"a word touched up late in the story", replace(kStory, "slightly better", "a bit better")},
    };
    for (const auto& c : cases)
        EXPECT_EQ(duplicate_key_of_body(c.body), key) << c.what;
}

TEST(DuplicateKey, HeadlineDoesNotCount) {
    Article a;
    a.title = "Ad sales boost Time Warner profit";
    a.body = kStory;
    Article b = a;
    b.title = "TimeWarner profits jump 76%";
    EXPECT_EQ(duplicate_key(a), duplicate_key(b));
}

// Reuters' headline-only items: 1,604 of them have the body "Blah blah blah.", which says
// nothing of the story; keyed by it alone they were one story, each hiding the others.
TEST(DuplicateKey, ABodyTooShortToTellStoriesApartIsKeyedWithItsHeadline) {
    Article a;
    a.title = "USDA ESTIMATES 1986/87 USSR GRAIN IMPORTS 28.0 MLN TONNES";
    a.body = "******Blah blah blah.";
    Article b = a;
    b.title = "IWC UPS SOVIET GRAIN IMPORT ESTIMATE TO 29 MLN";
    EXPECT_NE(duplicate_key(a), duplicate_key(b));
    // Headlines that end like a credited dateline ("(...) - official") are not cut there.
    Article c = a, d = a;
    c.title =
        "German February trade surplus 10.4 billion marks (Jan surplus 7.2 billion) - official";
    d.title = "SWISS FEB TRADE DEFICIT 629.7 MLN FRANCS (JAN DEFICIT 233.4 MLN) - OFFICIAL";
    EXPECT_NE(duplicate_key(c), duplicate_key(d));
    Article copy = a;
    copy.body = "Blah blah blah.";
    EXPECT_EQ(duplicate_key(a), duplicate_key(copy));  // the same item sent again
    EXPECT_EQ(duplicate_key(a).size(), 16u);
    Article empty = a;
    empty.body = "";
    EXPECT_EQ(duplicate_key(empty), "");  // no body words: never collapsed, as before
}

TEST(DuplicateKey, DifferentStoriesDoNotShareIt) {
    EXPECT_NE(duplicate_key_of_body(kStory), duplicate_key_of_body(kOtherStory));
    // Short, templated items (Reuters earnings lines) are keyed by all their words.
    EXPECT_NE(duplicate_key_of_body("Shr 22 cts vs 18 cts Net 1.2 mln vs 900,000"),
              duplicate_key_of_body("Shr 23 cts vs 18 cts Net 1.3 mln vs 900,000"));
    EXPECT_EQ(duplicate_key_of_body("Shr 22 cts vs 18 cts  Net 1.2 mln vs 900,000"),
              duplicate_key_of_body("shr 22 cts vs 18 cts net 1.2 mln vs 900,000"));
}

// Two tender offers on one template (written here, modelled on Reuters' financial briefs):
// the boilerplate alone supplies both minima of the sketch, so without the lead's figures in
// the key the two different offers were one story (the same key before kLeadNumbers).
std::string tender_offer(const std::string& buyer, const std::string& target,
                         const std::string& price) {
    return buyer + " said it has started a tender offer for all shares of " + target + " at " +
           price +
           " dlrs each. The offer and withdrawal rights expire at midnight unless extended, the "
           "company said in a newspaper advertisement. The board of directors has approved the "
           "offer, which is to be followed by a merger at the same price, and recommends that "
           "shareholders tender their shares. The offer is conditioned on the receipt of enough "
           "shares to give the buyer a majority of the outstanding common stock on a fully "
           "diluted basis, and on financing. Dealer manager for the offer is a leading "
           "investment bank, and the depositary is a large commercial bank in New York.";
}

TEST(DuplicateKey, TemplatedStoriesWithOtherFiguresDoNotShareIt) {
    std::string first = tender_offer("Northfield Holdings", "Ashby Tools", "37");
    EXPECT_NE(duplicate_key_of_body(first),
              duplicate_key_of_body(tender_offer("Carrow Partners", "Linden Mills", "24.60")));
    // A copy of one keeps its key: same figures, its credit and a late word changed.
    EXPECT_EQ(duplicate_key_of_body(first),
              duplicate_key_of_body("(Reuters) - " +
                                    replace(first, "large commercial", "big commercial")));
}

TEST(DuplicateKey, CreditOnlyNearTheStartAndNoWordsNoKey) {
    EXPECT_EQ(duplicate_key_words("(Reuters) - Oil rose"),
              (std::vector<std::string>{"oil", "rose"}));
    // A parenthesis and dash later in the text are the story's own.
    std::string late(200, 'x');
    late += " (see above) - more";
    EXPECT_EQ(duplicate_key_words(late).size(), 4u);
    EXPECT_EQ(duplicate_key_of_body(""), "");
    EXPECT_EQ(duplicate_key_of_body(" -- !!! "), "");
}

bool has_term(const Xapian::Document& doc, const std::string& term) {
    auto it = doc.termlist_begin();
    it.skip_to(term);
    return it != doc.termlist_end() && *it == term;
}

TEST(DuplicateKey, DocumentBuilderStoresItInItsSlotAndAsTerms) {
    Article a;
    a.id = "t:1";
    a.title = "Headline";
    a.body = kStory;
    DocumentBuilder builder;
    Xapian::Document doc = builder.build(a);
    EXPECT_EQ(doc.get_value(kSlotDuplicateKey), duplicate_key_of_body(kStory));
    EXPECT_TRUE(has_term(doc, std::string(kDuplicateKeyPrefix) + duplicate_key_of_body(kStory)));
    EXPECT_TRUE(has_term(doc, std::string(kDuplicateKeyPrefix)));  // counts keyed articles
    a.body.clear();
    a.title.clear();
    doc = builder.build(a);
    EXPECT_EQ(doc.get_value(kSlotDuplicateKey), "");
    EXPECT_FALSE(has_term(doc, std::string(kDuplicateKeyPrefix)));
}

}  // namespace
}  // namespace gazette
