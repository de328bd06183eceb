#include "searcher/engine/result_order.h"

#include "common/slots.h"

namespace gazette {

void apply_result_order(Xapian::Enquire& enquire, SortOrder order) {
    switch (order) {
        case SortOrder::kRelevance:
        case SortOrder::kRecency:
            enquire.set_sort_by_relevance_then_value(kSlotNewestFirst, false);
            return;
        case SortOrder::kNewest:
            enquire.set_sort_by_value_then_relevance(kSlotNewestFirst, false);
            return;
        case SortOrder::kOldest:
            enquire.set_sort_by_value_then_relevance(kSlotOldestFirst, false);
            return;
    }
}

}  // namespace gazette
