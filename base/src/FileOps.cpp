// Atomic file output, same-file detection and the .npy encoder (see FileOps.h).
#include "rdbm/FileOps.h"

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <string>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rdbm/Error.h"

namespace rdbm {
namespace {

std::string errnoText(int err) { return std::strerror(err); }

[[noreturn]] void ioFailure(const std::string& path, const std::string& what, int err) {
    throw Error(ErrorKind::Runtime, path + ": " + what + ": " + errnoText(err));
}

std::string directoryOf(const std::string& path) {
    const auto slash = path.find_last_of('/');
    if (slash == std::string::npos) return ".";
    if (slash == 0) return "/";
    return path.substr(0, slash);
}

std::string baseNameOf(const std::string& path) {
    const auto slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

bool pathExists(const std::string& path) {
    struct stat st {};
    return ::lstat(path.c_str(), &st) == 0;
}

// Removes the temporary unless release() was called: every failure path cleans up.
class TempFile {
public:
    explicit TempFile(std::string path) : path_(std::move(path)) {}
    ~TempFile() {
        if (fd_ >= 0) ::close(fd_);
        if (!released_) ::unlink(path_.c_str());
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    int& fd() { return fd_; }
    const std::string& path() const { return path_; }
    void closeFd() {
        const int fd = fd_;
        fd_ = -1;
        if (::close(fd) != 0) ioFailure(path_, "cannot close temporary file", errno);
    }
    void release() { released_ = true; }

private:
    std::string path_;
    int fd_ = -1;
    bool released_ = false;
};

void writeAll(int fd, const unsigned char* data, size_t size, const std::string& path) {
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size);
        if (n < 0) {
            if (errno == EINTR) continue;
            ioFailure(path, "cannot write", errno);
        }
        data += n;
        size -= static_cast<size_t>(n);
    }
}

void syncDirectory(const std::string& dir) {
    // Best effort: makes the rename durable; some filesystems refuse fsync on directories.
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

} // namespace

void writeFileAtomic(const std::string& path, const std::vector<unsigned char>& bytes, bool overwrite) {
    if (path.empty()) throw Error(ErrorKind::Usage, "empty output path");
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) throw Error(ErrorKind::Usage, path + ": is a directory");
    // A rename would silently put a regular file where a device or named pipe was.
    if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode))
        throw Error(ErrorKind::Usage, path + ": is not a regular file (a device, named pipe or socket); refusing to "
                                             "replace it");
    if (!overwrite && pathExists(path)) throw Error(ErrorKind::Usage, path + ": already exists (not overwriting)");

    const std::string dir = directoryOf(path);
    // Hidden temporary in the target's directory so the final rename stays on one filesystem.
    std::string pattern = dir + "/." + baseNameOf(path) + ".tmp-XXXXXX";
    std::vector<char> name(pattern.begin(), pattern.end());
    name.push_back('\0');
    const int fd = ::mkstemp(name.data());
    if (fd < 0) ioFailure(path, "cannot create temporary file in " + dir, errno);
    TempFile temp(name.data());
    temp.fd() = fd;

    // mkstemp creates 0600; give the result the usual permissions for new files.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    if (::fchmod(fd, 0666 & ~mask) != 0) ioFailure(temp.path(), "cannot set permissions", errno);

    writeAll(fd, bytes.data(), bytes.size(), temp.path());
    if (::fsync(fd) != 0) ioFailure(temp.path(), "cannot flush to disk", errno);
    temp.closeFd();

    if (overwrite) {
        if (::rename(temp.path().c_str(), path.c_str()) != 0) ioFailure(path, "cannot rename temporary file", errno);
    } else {
        // link() fails with EEXIST if the target appeared meanwhile: no silent replacement.
        if (::link(temp.path().c_str(), path.c_str()) == 0) {
            ::unlink(temp.path().c_str());
        } else if (errno == EEXIST) {
            throw Error(ErrorKind::Usage, path + ": already exists (not overwriting)");
        } else {
            // Filesystems without hard links: checked above, rename is the best we can do.
            if (::rename(temp.path().c_str(), path.c_str()) != 0)
                ioFailure(path, "cannot rename temporary file", errno);
        }
    }
    temp.release();
    syncDirectory(dir);
}

bool sameFile(const std::string& a, const std::string& b) {
    struct stat sa {
    }, sb{};
    if (::stat(a.c_str(), &sa) != 0 || ::stat(b.c_str(), &sb) != 0) return false;
    return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

std::vector<unsigned char> encodeNpyFloat32(const float* data, const std::vector<long>& shape) {
    size_t count = 1;
    std::string dims;
    for (long d : shape) {
        if (d < 0) throw Error(ErrorKind::Usage, "npy: negative dimension " + std::to_string(d));
        count *= static_cast<size_t>(d);
        dims += std::to_string(d) + ", ";
    }
    if (shape.size() == 1)
        dims.pop_back(); // "(5,)"
    else if (!dims.empty())
        dims.resize(dims.size() - 2); // "(2, 3)"
    if (count > 0 && data == nullptr) throw Error(ErrorKind::Usage, "npy: null data");

    std::string header = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + dims + "), }";
    // Magic (6) + version (2) + length (2) + header, padded with spaces and ended by a
    // newline to a multiple of 64 bytes, as numpy writes it.
    const size_t unpadded = 10 + header.size() + 1;
    header.append((64 - unpadded % 64) % 64, ' ');
    header.push_back('\n');
    if (header.size() > 0xFFFF) throw Error(ErrorKind::Usage, "npy: header too long");

    const unsigned char prefix[] = {0x93,
                                    'N',
                                    'U',
                                    'M',
                                    'P',
                                    'Y',
                                    1,
                                    0,
                                    static_cast<unsigned char>(header.size() & 0xFF),
                                    static_cast<unsigned char>(header.size() >> 8)};
    const size_t start = sizeof prefix + header.size();
    std::vector<unsigned char> out(start + count * 4);
    std::memcpy(out.data(), prefix, sizeof prefix);
    std::memcpy(out.data() + sizeof prefix, header.data(), header.size());
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (count > 0) std::memcpy(out.data() + start, data, count * 4);
#else
    // Explicit little-endian bytes on other hosts.
    for (size_t i = 0; i < count; ++i) {
        std::uint32_t bits;
        std::memcpy(&bits, data + i, 4);
        for (int b = 0; b < 4; ++b) out[start + 4 * i + b] = static_cast<unsigned char>(bits >> (8 * b));
    }
#endif
    return out;
}

} // namespace rdbm
