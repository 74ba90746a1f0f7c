#pragma once
// OpenBLAS chooses its matrix-product kernels once, while it loads, from the CPU model.
// On a CPU it does not recognise (virtual machines often report a generic "Intel Xeon
// Processor") it falls back to its oldest SSE3 kernels ("Prescott"), and every matrix
// product in the U-Net runs several times slower: a 128-px network call took 177 ms of CPU
// there against 87 ms with the AVX-512 kernels. The only switch is the OPENBLAS_CORETYPE
// variable, read at load time, before main() runs; so a program that finds the fallback
// on a CPU with AVX2 or AVX-512 starts itself again, once, with the variable set.
#include <string>

namespace rdbm {

// The kernel set the loaded OpenBLAS uses ("SkylakeX", "Haswell", "Prescott", ...), or ""
// when this process has no OpenBLAS (another BLAS, or a LibTorch with MKL).
std::string blasCoreName();

// The OPENBLAS_CORETYPE this CPU's instruction set supports ("SkylakeX" with AVX-512,
// "Haswell" with AVX2 and FMA), or "" when there is nothing better than the fallback.
std::string matchingBlasCore();

// Call first in main(). When OpenBLAS runs its generic fallback, OPENBLAS_CORETYPE is unset
// and the CPU has a better kernel set, re-executes /proc/self/exe with the same arguments
// and the variable set; returns when no restart is needed or the exec fails. The user's
// own OPENBLAS_CORETYPE, or RDBM_KEEP_BLAS=1, is always respected.
void restartWithMatchingBlasKernels(char** argv);

} // namespace rdbm
