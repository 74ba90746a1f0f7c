#include "rdbm/Device.h"

#include <dlfcn.h>

#include <cctype>
#include <sstream>
#include <thread>
#include <mutex>
#include <cstdlib>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <ATen/Context.h>
#include <ATen/Parallel.h>
#include <torch/cuda.h>
#include <torch/version.h>

#include "rdbm/Error.h"

namespace rdbm {

namespace {

bool allDigits(const std::string& s) {
    if (s.empty() || s.size() > 3) return false;
    for (char c : s)
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    return true;
}

// The CUDA device's marketing name through the driver API, looked up at run time so
// this file compiles and links against CPU-only LibTorch. Empty when unavailable.
std::string cudaDeviceName(int index) {
    void* lib = dlopen("libcuda.so.1", RTLD_NOW | RTLD_LOCAL);
    if (!lib) return {};
    using InitFn = int (*)(unsigned);
    using GetFn = int (*)(int*, int);
    using NameFn = int (*)(char*, int, int);
    auto init = reinterpret_cast<InitFn>(dlsym(lib, "cuInit"));
    auto get = reinterpret_cast<GetFn>(dlsym(lib, "cuDeviceGet"));
    auto name = reinterpret_cast<NameFn>(dlsym(lib, "cuDeviceGetName"));
    std::string result;
    int device = 0;
    char buffer[256] = {};
    if (init && get && name && init(0) == 0 && get(&device, index) == 0 &&
        name(buffer, static_cast<int>(sizeof buffer - 1), device) == 0)
        result = buffer;
    dlclose(lib);
    return result;
}

} // namespace

DeviceSpec parseDevice(const std::string& s) {
    DeviceSpec d;
    if (s == "auto" || s.empty()) return d;
    if (s == "cpu") {
        d.kind = DeviceSpec::Kind::Cpu;
        return d;
    }
    if (s == "cuda") {
        d.kind = DeviceSpec::Kind::Cuda;
        return d;
    }
    const std::string prefix = "cuda:";
    if (s.compare(0, prefix.size(), prefix) == 0 && allDigits(s.substr(prefix.size()))) {
        d.kind = DeviceSpec::Kind::Cuda;
        d.index = std::stoi(s.substr(prefix.size()));
        return d;
    }
    throw Error(ErrorKind::Usage, "unknown device '" + s + "' (expected auto, cpu, cuda or cuda:N)");
}

std::string toString(const DeviceSpec& d) {
    switch (d.kind) {
    case DeviceSpec::Kind::Auto: return "auto";
    case DeviceSpec::Kind::Cpu: return "cpu";
    case DeviceSpec::Kind::Cuda: return "cuda:" + std::to_string(d.index);
    }
    return "auto";
}

bool cudaAvailable() { return torch::cuda::is_available(); }

int cudaDeviceCount() { return cudaAvailable() ? static_cast<int>(torch::cuda::device_count()) : 0; }

namespace {
// Debian's LibTorch (libgomp) was seen starting with one intra-op thread on a 2-core
// machine unless OMP_NUM_THREADS was set. Use every core unless the user chose a count
// (OMP_NUM_THREADS, or an explicit set_num_threads such as rdbm-train --threads, which
// comes after this).
//
// Also keeps glibc from handing every freed activation (MBs each) back to the kernel: by
// default those blocks are mmap'ed per allocation, and re-faulting their pages cost
// more than the network itself (a 10-step restore of 256x192: 17.6 s with 4.1 s in the
// kernel, 9.6 s with 0.4 s after this).
void configureCpuRuntime() {
    static std::once_flag once;
    std::call_once(once, [] {
#if defined(__GLIBC__)
        mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);  // the largest glibc accepts
        mallopt(M_TRIM_THRESHOLD, 512 * 1024 * 1024); // keep up to 512 MiB of free heap
#endif
        if (std::getenv("OMP_NUM_THREADS") != nullptr) return;
        const int cores = static_cast<int>(std::thread::hardware_concurrency());
        if (cores > 1 && at::get_num_threads() < cores) at::set_num_threads(cores);
    });
}
} // namespace

std::string resolveDevice(const DeviceSpec& d) {
    configureCpuRuntime();
    switch (d.kind) {
    case DeviceSpec::Kind::Auto: return cudaAvailable() ? "cuda:0" : "cpu";
    case DeviceSpec::Kind::Cpu: return "cpu";
    case DeviceSpec::Kind::Cuda: break;
    }
    if (!at::hasCUDA())
        throw Error(ErrorKind::Runtime, "CUDA requested but this LibTorch build has no CUDA");
    const int count = cudaDeviceCount();
    if (count == 0) throw Error(ErrorKind::Runtime, "CUDA requested but no CUDA device is present");
    if (d.index < 0 || d.index >= count)
        throw Error(ErrorKind::Runtime, "no device " + std::to_string(d.index) + " (this machine has " +
                                            std::to_string(count) + " CUDA device" +
                                            (count == 1 ? "" : "s") + ")");
    return "cuda:" + std::to_string(d.index);
}

std::string describeDevice(const DeviceSpec& d) {
    const std::string resolved = resolveDevice(d);
    if (resolved == "cpu") {
        const int threads = at::get_num_threads();
        return "CPU (" + std::to_string(threads) + (threads == 1 ? " thread)" : " threads)");
    }
    const int index = std::stoi(resolved.substr(5));
    std::string name = cudaDeviceName(index);
    if (name.empty()) name = "CUDA device " + std::to_string(index);
    return name + " (" + resolved + ")";
}

std::string libtorchVersion() {
    std::ostringstream s;
    s << TORCH_VERSION_MAJOR << '.' << TORCH_VERSION_MINOR << '.' << TORCH_VERSION_PATCH;
    s << (at::hasCUDA() ? " (CUDA)" : " (CPU)");
    return s.str();
}

} // namespace rdbm
