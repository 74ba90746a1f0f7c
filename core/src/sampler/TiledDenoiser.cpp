#include "sampler/TiledDenoiser.h"

#include <atomic>
#include <cmath>
#include <condition_variable>
#include <exception>
#include <map>
#include <mutex>
#include <thread>
#include <utility>

#include <dlfcn.h>
#include <torch/torch.h>

#include "rdbm/Error.h"

namespace rdbm {

namespace {

// Rising edge of a profile at distance j from a tile side that faces another tile.
float ramp(int64_t j, int overlap) {
    const int64_t dead = overlap / 4;
    const int64_t rise = overlap - 2 * dead;
    if (j < dead) return 0.0f;
    if (j >= dead + rise) return 1.0f;
    const double u = (static_cast<double>(j - dead) + 0.5) / static_cast<double>(rise);
    return static_cast<float>(0.5 - 0.5 * std::cos(M_PI * u));
}

torch::Tensor toTensor(const std::vector<float>& v, const torch::Device& device) {
    return torch::from_blob(const_cast<float*>(v.data()), {static_cast<int64_t>(v.size())}, torch::kFloat32)
        .clone()
        .to(device);
}

// Gives the calling thread one intra-op thread without touching other threads. OpenMP's
// thread count is per thread, but at::set_num_threads also changes the default every
// new thread starts with, so the OpenMP runtime LibTorch loaded is called directly; a
// build without OpenMP falls back to the global setting.
void useOneIntraOpThread() {
    using SetThreads = void (*)(int);
    static const auto ompSetNumThreads = reinterpret_cast<SetThreads>(::dlsym(RTLD_DEFAULT, "omp_set_num_threads"));
    if (ompSetNumThreads) ompSetNumThreads(1);
    else at::set_num_threads(1);
}

} // namespace

void validateTiling(int tileSize, int overlap) {
    if (tileSize < 8)
        throw Error(ErrorKind::Usage, "tile size must be at least 8 pixels, got " + std::to_string(tileSize));
    if (overlap < 0)
        throw Error(ErrorKind::Usage, "tile overlap must not be negative, got " + std::to_string(overlap));
    if (2 * overlap > tileSize)
        throw Error(ErrorKind::Usage, "tile overlap " + std::to_string(overlap) +
                                          " must be at most half the tile size " + std::to_string(tileSize));
}

TileAxis makeTileAxis(int64_t imageLength, int tileSize, int overlap) {
    validateTiling(tileSize, overlap);
    TileAxis axis;
    if (imageLength <= tileSize) {
        axis.length = imageLength;
        axis.starts = {0};
        return axis;
    }
    axis.length = tileSize;
    const int64_t stride = tileSize - overlap;
    const int64_t n = (imageLength - overlap + stride - 1) / stride;
    const int64_t span = imageLength - tileSize;
    // Evenly spread, rounded: neighbours are never further apart than the stride.
    for (int64_t k = 0; k < n; ++k) axis.starts.push_back((2 * k * span + (n - 1)) / (2 * (n - 1)));
    return axis;
}

TileGrid makeTileGrid(int64_t height, int64_t width, int tileSize, int overlap) {
    return {makeTileAxis(height, tileSize, overlap), makeTileAxis(width, tileSize, overlap)};
}

std::vector<float> tileProfile(int64_t start, int64_t length, int64_t imageLength, int overlap) {
    std::vector<float> w(static_cast<size_t>(length), 1.0f);
    const bool before = start > 0;
    const bool after = start + length < imageLength;
    for (int64_t i = 0; i < length; ++i) {
        float v = 1.0f;
        if (before) v *= ramp(i, overlap);
        if (after) v *= ramp(length - 1 - i, overlap);
        w[static_cast<size_t>(i)] = v;
    }
    return w;
}

TiledDenoiser::TiledDenoiser(Denoiser inner, int tileSize, int overlap, int maxBatch, TileProgressFn onTiles,
                             int workers)
    : inner_(std::move(inner)), tileSize_(tileSize), overlap_(overlap), maxBatch_(maxBatch), workers_(workers),
      onTiles_(std::move(onTiles)) {
    validateTiling(tileSize, overlap);
    if (maxBatch < 1)
        throw Error(ErrorKind::Usage, "tile batch must be at least 1, got " + std::to_string(maxBatch));
    if (workers < 1)
        throw Error(ErrorKind::Usage, "tile workers must be at least 1, got " + std::to_string(workers));
}

torch::Tensor TiledDenoiser::operator()(const torch::Tensor& x, const torch::Tensor& mu, int64_t t) const {
    const int64_t n = x.size(0), height = x.size(2), width = x.size(3);
    const TileGrid grid = makeTileGrid(height, width, tileSize_, overlap_);
    const int64_t th = grid.rows.length, tw = grid.cols.length;
    const torch::Device device = x.device();

    // Per-tile 1-D profiles, and their sums: the weights are separable and the grid a
    // product, so the weight total is the outer product of the per-axis totals.
    std::vector<torch::Tensor> rowProfiles, colProfiles;
    std::vector<float> rowSum(static_cast<size_t>(height), 0.0f), colSum(static_cast<size_t>(width), 0.0f);
    for (int64_t y0 : grid.rows.starts) {
        const auto p = tileProfile(y0, th, height, overlap_);
        for (int64_t i = 0; i < th; ++i) rowSum[static_cast<size_t>(y0 + i)] += p[static_cast<size_t>(i)];
        rowProfiles.push_back(toTensor(p, device));
    }
    for (int64_t x0 : grid.cols.starts) {
        const auto p = tileProfile(x0, tw, width, overlap_);
        for (int64_t i = 0; i < tw; ++i) colSum[static_cast<size_t>(x0 + i)] += p[static_cast<size_t>(i)];
        colProfiles.push_back(toTensor(p, device));
    }

    struct Tile {
        size_t row, col;
    };
    std::vector<Tile> tiles;
    for (size_t r = 0; r < grid.rows.starts.size(); ++r)
        for (size_t c = 0; c < grid.cols.starts.size(); ++c) tiles.push_back({r, c});

    const size_t batch = static_cast<size_t>(maxBatch_);
    const size_t batches = (tiles.size() + batch - 1) / batch;
    auto runBatch = [&](size_t b) {
        const size_t first = b * batch, last = std::min(tiles.size(), first + batch);
        std::vector<torch::Tensor> xs, mus;
        for (size_t k = first; k < last; ++k) {
            const int64_t y0 = grid.rows.starts[tiles[k].row], x0 = grid.cols.starts[tiles[k].col];
            xs.push_back(x.narrow(2, y0, th).narrow(3, x0, tw));
            mus.push_back(mu.narrow(2, y0, th).narrow(3, x0, tw));
        }
        torch::Tensor out = inner_(torch::cat(xs, 0), torch::cat(mus, 0), t);
        if (out.dim() != 4 || out.size(0) != n * static_cast<int64_t>(last - first) || out.size(2) != th ||
            out.size(3) != tw)
            throw Error(ErrorKind::Runtime, "tiled network call returned an unexpected shape");
        return out;
    };
    torch::Tensor acc;
    // Adds batch b's predictions, weighted, then reports; a false answer cancels.
    auto addBatch = [&](size_t b, const torch::Tensor& out) {
        const size_t first = b * batch, last = std::min(tiles.size(), first + batch);
        if (!acc.defined()) acc = torch::zeros({n, out.size(1), height, width}, out.options());
        for (size_t k = first; k < last; ++k) {
            const int64_t y0 = grid.rows.starts[tiles[k].row], x0 = grid.cols.starts[tiles[k].col];
            const torch::Tensor weight =
                torch::outer(rowProfiles[tiles[k].row], colProfiles[tiles[k].col]).to(out.scalar_type());
            acc.narrow(2, y0, th).narrow(3, x0, tw).add_(out.narrow(0, n * static_cast<int64_t>(k - first), n) * weight);
        }
        const auto done = static_cast<int64_t>(last), total = static_cast<int64_t>(tiles.size());
        if (onTiles_ && !onTiles_(done, total))
            throw Error(ErrorKind::Cancelled, "restoration cancelled after tile " + std::to_string(done) + " of " +
                                                  std::to_string(total));
    };

    const size_t workers = std::min(static_cast<size_t>(workers_), batches);
    if (workers <= 1 || !device.is_cpu()) {
        for (size_t b = 0; b < batches; ++b) addBatch(b, runBatch(b));
    } else {
        // Workers take batches in order, at most 2 per worker ahead of the one the calling
        // thread adds next, so finished-but-unadded predictions stay bounded.
        std::mutex m;
        std::condition_variable changed;
        std::map<size_t, torch::Tensor> finished;
        size_t nextToRun = 0, nextToAdd = 0;
        bool stop = false;
        std::exception_ptr failure;
        const bool inferenceMode = c10::InferenceMode::is_enabled(), gradMode = torch::GradMode::is_enabled();
        auto work = [&] {
            c10::InferenceMode inference(inferenceMode);
            torch::AutoGradMode grad(gradMode);
            useOneIntraOpThread();
            for (;;) {
                size_t b = 0;
                {
                    std::unique_lock<std::mutex> lock(m);
                    changed.wait(lock, [&] { return stop || nextToRun >= batches || nextToRun < nextToAdd + 2 * workers; });
                    if (stop || nextToRun >= batches) return;
                    b = nextToRun++;
                }
                try {
                    torch::Tensor out = runBatch(b);
                    std::lock_guard<std::mutex> lock(m);
                    finished.emplace(b, std::move(out));
                } catch (...) {
                    std::lock_guard<std::mutex> lock(m);
                    if (!failure) failure = std::current_exception();
                    stop = true;
                }
                changed.notify_all();
            }
        };
        std::vector<std::thread> pool;
        auto joinAll = [&] {
            {
                std::lock_guard<std::mutex> lock(m);
                stop = true;
            }
            changed.notify_all();
            for (std::thread& thread : pool) thread.join();
            pool.clear();
        };
        try {
            for (size_t w = 0; w < workers; ++w) pool.emplace_back(work);
            for (size_t b = 0; b < batches; ++b) {
                torch::Tensor out;
                {
                    std::unique_lock<std::mutex> lock(m);
                    changed.wait(lock, [&] { return failure || finished.count(b) > 0; });
                    if (failure) std::rethrow_exception(failure);
                    out = std::move(finished.at(b));
                    finished.erase(b);
                    nextToAdd = b + 1;
                }
                changed.notify_all();
                addBatch(b, out);
            }
        } catch (...) {
            joinAll();
            throw;
        }
        joinAll();
    }
    const torch::Tensor total = torch::outer(toTensor(rowSum, device), toTensor(colSum, device)).to(acc.scalar_type());
    return acc / total;
}

} // namespace rdbm
