// The model metadata JSON (embedded in safetensors or a sidecar file).
#include <string>

#include "checkpoint/MetadataJson.h"
#include "rdbm/Error.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    rdbm::ModelMetadata meta;
    rdbm::UNetConfig config;
    try {
        rdbm::checkpoint::applyMetadataJson(std::string(reinterpret_cast<const char*>(data), size), "fuzz", meta, &config);
    } catch (const rdbm::Error&) {
    }
    return 0;
}
