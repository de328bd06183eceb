#include "indexer/bulk/writer_pool.h"

namespace gazette {

std::size_t WriterPool::add(const std::string& path, WriterRole role) {
    owned_.push_back(std::make_unique<DatabaseWriter>(path, role, reserve_bytes_, segment_bytes_));
    owned_.back()->start();
    raw_.push_back(owned_.back().get());
    paths_.push_back(path);
    return raw_.size() - 1;
}

void WriterPool::join_all() {
    // Join every thread before rethrowing, so none is left running on a database.
    std::exception_ptr first;
    for (auto& writer : owned_) {
        try {
            writer->join();
        } catch (...) {
            if (!first)
                first = std::current_exception();
        }
    }
    if (first)
        std::rethrow_exception(first);
}

WriterStats WriterPool::totals() const {
    WriterStats sum;
    for (const auto& writer : owned_) {
        sum.added += writer->stats().added;
        sum.replaced += writer->stats().replaced;
        sum.moved_out += writer->stats().moved_out;
        sum.older_versions += writer->stats().older_versions;
        sum.commits += writer->stats().commits;
        sum.segments += writer->stats().segments;
    }
    return sum;
}

void WriterPool::close() {
    owned_.clear();
    raw_.clear();
}

}  // namespace gazette
