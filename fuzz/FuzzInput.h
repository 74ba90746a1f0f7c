#pragma once
// Shared by the fuzz targets: the readers under test take file paths, so each input is
// written to an anonymous in-memory file (memfd) and handed over as /proc/self/fd/N.
// Expected refusals (rdbm::Error, FormatError) are fine; an "out of memory" or an
// unexpected exception type means a bug, and aborts so the fuzzer reports it.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include <sys/mman.h>
#include <unistd.h>

namespace rdbm::fuzz {

class MemFile {
public:
    MemFile(const uint8_t* data, size_t size) : fd_(::memfd_create("rdbm-fuzz", MFD_CLOEXEC)) {
        if (fd_ < 0) std::abort();
        for (size_t done = 0; done < size;) {
            const ssize_t n = ::write(fd_, data + done, size - done);
            if (n <= 0) std::abort();
            done += static_cast<size_t>(n);
        }
        path_ = "/proc/self/fd/" + std::to_string(fd_);
    }
    ~MemFile() { ::close(fd_); }
    MemFile(const MemFile&) = delete;
    MemFile& operator=(const MemFile&) = delete;
    const std::string& path() const { return path_; }

private:
    int fd_;
    std::string path_;
};

// A refusal whose text shows the reader lost control ("<path>: out of memory ..." or
// "<path>: unreadable (<unexpected exception>)"): report it as a finding.
inline void checkRefusal(const std::string& path, const std::string& message) {
    for (const char* bad : {": out of memory", ": unreadable ("})
        if (message.rfind(path + bad, 0) == 0) {
            std::fprintf(stderr, "fuzz finding: %s\n", message.c_str());
            std::abort();
        }
}

} // namespace rdbm::fuzz
