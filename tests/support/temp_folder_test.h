// A GoogleTest fixture owning a fresh temporary folder (a TempDir), removed when the test ends,
// for tests whose every case needs one.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "tests/support/temp_dir.h"

namespace gazette {

class TempFolderTest : public ::testing::Test {
  protected:
    std::string path(const std::string& name) const { return (root_ / name).string(); }

    testing::TempDir dir_;
    const std::filesystem::path& root_ = dir_.path();
};

}  // namespace gazette
