#pragma once
// Two CPU runtime settings that only take effect when they are in the environment before
// the program starts (the libraries read them while they load, before main() runs), so a
// program that lacks them starts itself again, once, with them set:
//
// * OPENBLAS_CORETYPE. OpenBLAS chooses its matrix-product kernels from the CPU model; on a
//   CPU it does not recognise (virtual machines often report a generic "Intel Xeon
//   Processor") it falls back to its oldest SSE3 kernels ("Prescott") and every matrix
//   product in the U-Net runs several times slower: a 128-px network call took 177 ms of
//   CPU there against 87 ms with the AVX-512 kernels. Set to the kernels the CPU's
//   instruction set supports, only when OpenBLAS reports that fallback.
// * OMP_WAIT_POLICY=PASSIVE. OpenMP threads otherwise spin at every barrier; when the
//   machine is busy and one of them is descheduled, the others spin for its whole time
//   slice: a 256x256 call on two threads took 6.8 s under load against 1.2-2.3 s passive.
//
// The user's own values, or RDBM_KEEP_RUNTIME=1, are always respected.
#include <string>

namespace rdbm {

// The kernel set the loaded OpenBLAS uses ("SkylakeX", "Haswell", "Prescott", ...), or ""
// when this process has no OpenBLAS (another BLAS, or a LibTorch with MKL).
std::string blasCoreName();

// The OPENBLAS_CORETYPE this CPU's instruction set supports ("SkylakeX" with AVX-512,
// "Haswell" with AVX2 and FMA), or "" when there is nothing better than the fallback.
std::string matchingBlasCore();

// Call first in main(). Re-executes /proc/self/exe with the same arguments when a setting
// above is missing; returns when none is (or when the exec fails, leaving the process as
// it was).
void restartWithCpuRuntimeSettings(char** argv);

} // namespace rdbm
