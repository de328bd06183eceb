#include "indexer/readers/segmented_source.h"

#include "indexer/readers/gzip_members.h"

namespace gazette {
namespace {

// Anything that is not gzip: the whole stream is one segment; offsets are positions in it.
class WholeStream : public SegmentedSource {
  public:
    explicit WholeStream(std::unique_ptr<ByteSource> source) : source_(std::move(source)) {}
    bool next_segment() override {
        bool first = !started_;
        started_ = true;
        return first;
    }
    std::size_t read(char* buffer, std::size_t size) override {
        return source_->read(buffer, size);
    }
    bool checked_at_end() const override { return false; }
    std::string locate(std::uint64_t position) const override {
        return "@" + std::to_string(position);
    }

  private:
    std::unique_ptr<ByteSource> source_;
    bool started_ = false;
};

}  // namespace

std::unique_ptr<SegmentedSource> open_segmented(const std::filesystem::path& path,
                                                Compression compression) {
    if (compression == Compression::kGzip)
        return std::make_unique<GzipMembers>(path);
    return std::make_unique<WholeStream>(open_input(path, compression));
}

}  // namespace gazette
