#include "TrajectoryRecord.h"

#include <algorithm>


namespace rdbm::app {

size_t TrajectoryFrame::memoryBytes() const {
    return static_cast<size_t>(xt.sizeInBytes() + x0.sizeInBytes()) + piEps.total() * piEps.elemSize() +
           residual.total() * residual.elemSize();
}

void TrajectoryRecord::reset(const QString& sourcePath, int steps, const QSize& fullSize) {
    sourcePath_ = sourcePath;
    steps_ = steps;
    fullSize_ = fullSize;
    frames_.clear();
    frames_.reserve(steps + 1);
}

void TrajectoryRecord::clear() { reset({}, 0, {}); }

bool TrajectoryRecord::append(const TrajectoryFrame& frame) {
    if (frame.step != frameCount()) return false;
    frames_.push_back(frame);
    return true;
}

QVector<int> TrajectoryRecord::sampledTimes() const {
    QVector<int> ts;
    for (const TrajectoryFrame& f : frames_)
        if (f.step > 0) ts << f.t;
    return ts;
}

size_t TrajectoryRecord::memoryBytes() const {
    size_t total = 0;
    for (const TrajectoryFrame& f : frames_) total += f.memoryBytes();
    return total;
}

long long TrajectoryRecord::previewPixels(int steps, long long budgetBytes, long long capPixels) {
    const long long perPixel = 3 + 3 + 4; // x_t RGB8, x0 RGB8, pi*eps float
    const long long frames = std::max(1, steps + 1);
    return std::clamp(budgetBytes / (frames * perPixel), 64LL * 64LL, capPixels);
}

} // namespace rdbm::app
