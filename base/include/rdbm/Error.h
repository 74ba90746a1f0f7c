#pragma once
// One exception type for everything the core refuses or fails at. The kind maps
// to the command line's exit codes and lets the GUI phrase its message.
#include <stdexcept>
#include <string>

namespace rdbm {

enum class ErrorKind {
    Usage,      // bad option or argument
    Image,      // unreadable, corrupt or unsupported image
    Checkpoint, // unreadable, malformed or unsupported model file
    Runtime,    // anything failing while running (device, out of memory, ...)
    Cancelled,  // the caller asked to stop
};

class Error : public std::runtime_error {
public:
    Error(ErrorKind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
    ErrorKind kind() const noexcept { return kind_; }

private:
    ErrorKind kind_;
};

inline const char* toString(ErrorKind k) {
    switch (k) {
    case ErrorKind::Usage: return "usage";
    case ErrorKind::Image: return "image";
    case ErrorKind::Checkpoint: return "checkpoint";
    case ErrorKind::Runtime: return "runtime";
    case ErrorKind::Cancelled: return "cancelled";
    }
    return "unknown";
}

} // namespace rdbm
