#include "train/BatchLoader.h"

#include <torch/torch.h>

namespace rdbm::train {

namespace {

// HxWx3 float [0,1] -> channel planes of v = 2u - 1 (the model's units), plain loops:
// the loader thread stays out of LibTorch's thread pool.
void writePlanes(const cv::Mat& rgb, float* dst) {
    const int h = rgb.rows, w = rgb.cols;
    const size_t plane = static_cast<size_t>(h) * static_cast<size_t>(w);
    for (int y = 0; y < h; ++y) {
        const auto* row = rgb.ptr<cv::Vec3f>(y);
        for (int x = 0; x < w; ++x) {
            const size_t i = static_cast<size_t>(y) * static_cast<size_t>(w) + static_cast<size_t>(x);
            for (int c = 0; c < 3; ++c) dst[static_cast<size_t>(c) * plane + i] = 2.0f * row[x][c] - 1.0f;
        }
    }
}

} // namespace

Batch BatchLoader::build(const SampleFn& makeSample, int batchSize, int crop, long long index) {
    Batch b;
    b.index = index;
    b.x0 = torch::empty({batchSize, 3, crop, crop}, torch::kFloat32);
    b.mu = torch::empty({batchSize, 3, crop, crop}, torch::kFloat32);
    const size_t per = 3u * static_cast<size_t>(crop) * static_cast<size_t>(crop);
    for (int i = 0; i < batchSize; ++i) {
        const Sample s = makeSample(index, i);
        writePlanes(s.clean, b.x0.data_ptr<float>() + per * static_cast<size_t>(i));
        writePlanes(s.degraded, b.mu.data_ptr<float>() + per * static_cast<size_t>(i));
    }
    return b;
}

BatchLoader::BatchLoader(SampleFn makeSample, int batchSize, int crop, long long firstBatch, int capacity)
    : makeSample_(std::move(makeSample)), batchSize_(batchSize), crop_(crop), capacity_(std::max(1, capacity)) {
    thread_ = std::thread([this, firstBatch] { work(firstBatch); });
}

BatchLoader::~BatchLoader() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void BatchLoader::work(long long first) {
    try {
        for (long long k = first;; ++k) {
            {
                std::unique_lock<std::mutex> lock(mutex_);
                changed_.wait(lock, [this] { return stopping_ || static_cast<int>(queue_.size()) < capacity_; });
                if (stopping_) return;
            }
            Batch b = build(makeSample_, batchSize_, crop_, k);
            {
                std::lock_guard<std::mutex> lock(mutex_);
                queue_.push_back(std::move(b));
            }
            changed_.notify_all();
        }
    } catch (...) {
        std::lock_guard<std::mutex> lock(mutex_);
        failure_ = std::current_exception();
        changed_.notify_all();
    }
}

Batch BatchLoader::next() {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [this] { return !queue_.empty() || failure_; });
    if (queue_.empty()) std::rethrow_exception(failure_);
    Batch b = std::move(queue_.front());
    queue_.pop_front();
    lock.unlock();
    changed_.notify_all();
    return b;
}

} // namespace rdbm::train
