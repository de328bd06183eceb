#include "searcher/result_order.h"

#include "common/slots.h"

namespace gazette {

ResultOrder::ResultOrder(SortOrder order)
    : order_(order), keys_(std::make_unique<Xapian::MultiValueKeyMaker>()) {
    if (order == SortOrder::kOldest) {
        // Undated articles have no date value; "\xff" sorts after every serialised date.
        keys_->add_value(kSlotDate, false, "\xff");
    } else {
        // Descending: the reversed empty value of an undated article sorts last.
        keys_->add_value(kSlotDate, true);
    }
    keys_->add_value(kSlotId);
}

ResultOrder::~ResultOrder() = default;

void ResultOrder::apply(Xapian::Enquire& enquire) const {
    switch (order_) {
        case SortOrder::kRelevance:
        case SortOrder::kRecency:
            enquire.set_sort_by_relevance_then_key(keys_.get(), false);
            return;
        case SortOrder::kNewest:
        case SortOrder::kOldest:
            enquire.set_sort_by_key_then_relevance(keys_.get(), false);
            return;
    }
}

}  // namespace gazette
