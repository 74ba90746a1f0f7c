#pragma once
// Prepares training batches on a separate thread into a bounded queue, so the
// training thread never decodes, crops or degrades. Batch k is a pure function of
// k (see SeedMix.h), so the loader may run ahead and a resumed run can start at any k.
#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>

#include <torch/types.h>

#include "train/TrainingSamples.h"

namespace rdbm::train {

struct Batch {
    long long index = 0;
    torch::Tensor x0, mu; // [B, 3, crop, crop] float32 on the CPU, in [-1, 1]
};

class BatchLoader {
public:
    // makeSample(batchIndex, slot) builds one sample; the loader starts at firstBatch.
    using SampleFn = std::function<Sample(long long batchIndex, int slot)>;
    BatchLoader(SampleFn makeSample, int batchSize, int crop, long long firstBatch, int capacity);
    ~BatchLoader(); // stops the thread and waits for it
    BatchLoader(const BatchLoader&) = delete;
    BatchLoader& operator=(const BatchLoader&) = delete;

    // The next batch in order; blocks until ready. Rethrows what the loader thread threw.
    Batch next();

    // Builds batch k on the calling thread (evaluation batches, tests).
    static Batch build(const SampleFn& makeSample, int batchSize, int crop, long long index);

private:
    void work(long long first);

    SampleFn makeSample_;
    int batchSize_, crop_, capacity_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<Batch> queue_;
    std::exception_ptr failure_;
    bool stopping_ = false;
    std::thread thread_;
};

} // namespace rdbm::train
