// readCheckpoint end to end: format detection, torch.save archives (zip + pickle +
// flattening + storages) and safetensors, as Model::load calls it.
#include "FuzzInput.h"
#include "checkpoint/CheckpointReader.h"
#include "rdbm/Error.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const rdbm::fuzz::MemFile file(data, size);
    try {
        const auto c = rdbm::checkpoint::readCheckpoint(file.path());
        for (const auto& [name, t] : c.tensors) (void)t.toFloat32();
    } catch (const rdbm::Error& e) {
        rdbm::fuzz::checkRefusal(file.path(), e.what());
    }
    return 0;
}
