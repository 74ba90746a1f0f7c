// The safetensors reader on its own: header length, JSON header, offsets, dtypes.
#include "FuzzInput.h"
#include "checkpoint/FormatError.h"
#include "checkpoint/Safetensors.h"
#include "rdbm/Error.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const rdbm::fuzz::MemFile file(data, size);
    rdbm::checkpoint::CheckpointContents out;
    try {
        rdbm::checkpoint::readSafetensors(file.path(), {}, out);
        for (const auto& [name, t] : out.tensors) (void)t.toFloat32();
    } catch (const rdbm::checkpoint::FormatError&) {
    } catch (const rdbm::Error& e) {
        rdbm::fuzz::checkRefusal(file.path(), e.what());
    }
    return 0;
}
