#pragma once
// Derives independent 64-bit seeds from a run seed and indices (SplitMix64 finaliser),
// so each batch and sample is a pure function of (seed, batch, slot): the loader can
// run ahead and a resumed run sees exactly the batches it would have seen.
#include <cstdint>

namespace rdbm::train {

inline std::uint64_t splitMix64(std::uint64_t x) {
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

inline std::uint64_t mixSeed(std::uint64_t seed, std::uint64_t a, std::uint64_t b = 0) {
    return splitMix64(splitMix64(splitMix64(seed) ^ a) ^ (b * 0xD6E8FEB86659FD93ull));
}

} // namespace rdbm::train
