// A GoogleTest fixture owning a fresh folder under /tmp, removed when the test ends.
#pragma once

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <string>

namespace gazette {

class TempFolderTest : public ::testing::Test {
  protected:
    void SetUp() override {
        char dir[] = "/tmp/gazette-unit-XXXXXX";
        ASSERT_NE(mkdtemp(dir), nullptr);
        root_ = dir;
    }
    void TearDown() override { std::filesystem::remove_all(root_); }
    std::string path(const std::string& name) const { return (root_ / name).string(); }

    std::filesystem::path root_;
};

}  // namespace gazette
