#include "rdbm/BlasKernels.h"

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

void restartWithMatchingBlasKernels(char** argv) {
    if (argv == nullptr || argv[0] == nullptr) return;
    if (std::getenv("OPENBLAS_CORETYPE") != nullptr) return; // the user's choice, or our restart
    if (const char* keep = std::getenv("RDBM_KEEP_BLAS"); keep != nullptr && std::strcmp(keep, "0") != 0) return;
    const std::string current = blasCoreName();
    // Only OpenBLAS's generic x86-64 kernel sets; a recognised CPU keeps its own choice.
    if (current != "Prescott" && current != "Core2" && current != "Nehalem" && current != "Penryn") return;
    const std::string better = matchingBlasCore();
    if (better.empty()) return;
    ::setenv("OPENBLAS_CORETYPE", better.c_str(), 1);
    ::execv("/proc/self/exe", argv);
    ::unsetenv("OPENBLAS_CORETYPE"); // exec failed: go on as we are
}

} // namespace rdbm
