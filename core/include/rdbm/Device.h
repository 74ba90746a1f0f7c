#pragma once
// Compute device selection: "auto", "cpu", "cuda" or "cuda:N".
#include <string>

namespace rdbm {

struct DeviceSpec {
    enum class Kind { Auto, Cpu, Cuda } kind = Kind::Auto;
    int index = 0;
};

DeviceSpec parseDevice(const std::string& s); // throws Error(Usage)
std::string toString(const DeviceSpec& d);
bool cudaAvailable();        // the linked LibTorch has CUDA and a device is present
int cudaDeviceCount();
// What "auto" resolves to on this machine, e.g. "cpu" or "cuda:0".
std::string resolveDevice(const DeviceSpec& d);
// Human-readable description of the device, e.g. "CPU (2 threads)" or "NVIDIA H100 (cuda:0)".
std::string describeDevice(const DeviceSpec& d);
// Versions for the About box and reports.
std::string libtorchVersion();

} // namespace rdbm
