#include "rdbm/CpuRuntime.h"

#include <cstdlib>
#include <cstring>

#include <dlfcn.h>
#include <unistd.h>

namespace rdbm {

std::string blasCoreName() {
    // Looked up, not linked: LibTorch brings OpenBLAS in through the system BLAS, and
    // builds against other BLAS libraries have no such function.
    using CoreName = char* (*)();
    const auto get = reinterpret_cast<CoreName>(::dlsym(RTLD_DEFAULT, "openblas_get_corename"));
    const char* name = get ? get() : nullptr;
    return name ? std::string(name) : std::string();
}

std::string matchingBlasCore() {
#if defined(__x86_64__) && defined(__GNUC__)
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512dq") &&
        __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512cd"))
        return "SkylakeX";
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return "Haswell";
#endif
    return {};
}

void restartWithCpuRuntimeSettings(char** argv) {
    if (argv == nullptr || argv[0] == nullptr) return;
    if (const char* keep = std::getenv("RDBM_KEEP_RUNTIME"); keep != nullptr && std::strcmp(keep, "0") != 0) return;
    bool changed = false;
    if (std::getenv("OMP_WAIT_POLICY") == nullptr) {
        ::setenv("OMP_WAIT_POLICY", "PASSIVE", 1);
        changed = true;
    }
    if (std::getenv("OPENBLAS_CORETYPE") == nullptr) {
        // Only OpenBLAS's generic x86-64 kernel sets; a recognised CPU keeps its own choice.
        const std::string current = blasCoreName();
        const std::string better = matchingBlasCore();
        if ((current == "Prescott" || current == "Core2" || current == "Nehalem" || current == "Penryn") &&
            !better.empty()) {
            ::setenv("OPENBLAS_CORETYPE", better.c_str(), 1);
            changed = true;
        }
    }
    if (!changed) return;
    ::execv("/proc/self/exe", argv); // returns only on failure: go on as we are
}

} // namespace rdbm
