#pragma once
// What the format readers throw internally: the problem only, without the file name.
// readCheckpoint catches it and throws rdbm::Error(Checkpoint) "<path>: <problem>", so
// every message names the file exactly once.
#include <stdexcept>
#include <string>

namespace rdbm::checkpoint {

struct FormatError : std::runtime_error {
    explicit FormatError(const std::string& problem) : std::runtime_error(problem) {}
};

} // namespace rdbm::checkpoint
