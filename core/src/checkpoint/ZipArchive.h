#pragma once
// Reader for the zip archives torch.save and torch.jit.save write (PyTorch >= 1.6):
// central directory, local headers, stored or deflated entries, zip64 when present.
// Entries are read on demand, so a trainer checkpoint's optimizer state is only read
// if someone asks for it. Throws FormatError.
#include <cstdint>
#include <fstream>
#include <map>
#include <string>
#include <vector>

namespace rdbm::checkpoint {

class ZipArchive {
public:
    struct Entry {
        std::string name;
        uint64_t compressedSize = 0, size = 0, localHeaderOffset = 0;
        uint16_t method = 0; // 0 stored, 8 deflate
        uint32_t crc = 0;
    };

    // Reads the central directory; throws FormatError if the file is not a complete zip.
    explicit ZipArchive(const std::string& path);

    // True when the file ends in an end-of-central-directory record (cheap check).
    static bool looksLikeZip(const std::string& path);

    const std::vector<Entry>& entries() const { return entries_; }
    const Entry* find(const std::string& name) const;
    // The entry decompressed: whole and CRC-checked (when the archive carries a CRC), or
    // only its first prefixBytes (nothing past them is inflated). Never more than the
    // size the archive declares, and all reads of one archive together never more than
    // its budget: 4x the file size + 16 MiB (torch.save stores entries uncompressed, so
    // a real checkpoint reads at most its own size; a deflate bomb is refused before
    // anything is allocated).
    std::vector<unsigned char> read(const Entry& e, uint64_t sizeLimit = UINT64_MAX, uint64_t prefixBytes = UINT64_MAX);
    uint64_t fileSize() const { return fileSize_; }

private:
    std::ifstream file_;
    uint64_t fileSize_ = 0;
    uint64_t budget_ = 0; // bytes read() may still produce
    std::vector<Entry> entries_;
    std::map<std::string, size_t> index_;

    void readBytes(uint64_t offset, void* dst, size_t n);
    void spend(const Entry& e, uint64_t bytes);
};

} // namespace rdbm::checkpoint
