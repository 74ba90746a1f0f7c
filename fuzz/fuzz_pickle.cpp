// The restricted unpickler on arbitrary bytes (the data.pkl of a checkpoint).
#include "checkpoint/FormatError.h"
#include "checkpoint/PickleReader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    try {
        rdbm::checkpoint::PickleReader reader(data, size);
        reader.load();
    } catch (const rdbm::checkpoint::FormatError&) {
    }
    return 0;
}
