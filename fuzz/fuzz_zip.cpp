// The zip reader: directory, local headers, stored/deflated entries, zip64, budgets.
#include "FuzzInput.h"
#include "checkpoint/FormatError.h"
#include "checkpoint/ZipArchive.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const rdbm::fuzz::MemFile file(data, size);
    try {
        rdbm::checkpoint::ZipArchive zip(file.path());
        for (const auto& e : zip.entries()) {
            try {
                zip.read(e, uint64_t(64) << 20, e.size / 2 + 1); // a prefix, then the whole entry
                zip.read(e, uint64_t(64) << 20);
            } catch (const rdbm::checkpoint::FormatError&) {
            }
        }
    } catch (const rdbm::checkpoint::FormatError&) {
    }
    return 0;
}
