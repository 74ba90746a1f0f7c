#pragma once
// The frames of one restoration, as the trajectory inspector, the plots and the exporter
// need them: frame 0 is mu (the input), frame k the state after sampling step k, so a
// finished S-step run holds S + 1 frames and the last x_t is the result. Memory stays
// bounded: 8-bit previews (shrunk to a pixel budget) plus one float map per step for the
// signed pi*eps heat map (the channel mean), never the full float intermediates.
#include <QImage>
#include <QMetaType>
#include <QString>
#include <QVector>

#include <opencv2/core/mat.hpp>

namespace rdbm::app {

struct TrajectoryFrame {
    int step = 0;   // 0 for mu, 1..steps after each sampling step
    int steps = 0;
    int t = -1;     // network time of this step (-1 for mu)
    int tNext = -1; // time reached after it (-1 at the end)
    QImage xt;      // x after this step (mu for frame 0)
    QImage x0;      // predicted x0 at t (null for frame 0)
    cv::Mat piEps;  // predicted pi*eps at t, channel mean, float32, [-1,1] units (empty for frame 0);
                    // RDDM: the predicted noise eps (standard-normal units)
    cv::Mat residual; // RDDM only: the predicted residual mu - x0, channel mean, [-1,1] units
    double stepSeconds = 0.0;

    size_t memoryBytes() const;
};

class TrajectoryRecord {
public:
    // Starts a record for `steps` sampling steps of a photo `fullSize` pixels large.
    void reset(const QString& sourcePath, int steps, const QSize& fullSize);
    void clear();
    // Frames must arrive in step order; one out of order is refused (false).
    bool append(const TrajectoryFrame& frame);

    const QString& sourcePath() const { return sourcePath_; }
    int steps() const { return steps_; }
    QSize fullSize() const { return fullSize_; }
    int frameCount() const { return static_cast<int>(frames_.size()); }
    bool isEmpty() const { return frames_.isEmpty(); }
    bool isComplete() const { return steps_ > 0 && frameCount() == steps_ + 1; }
    const TrajectoryFrame& frame(int i) const { return frames_.at(i); }
    const QVector<TrajectoryFrame>& frames() const { return frames_; }
    // Network times of the sampled steps recorded so far (one per step, in order).
    QVector<int> sampledTimes() const;
    size_t memoryBytes() const;

    // Pixel budget for each preview so that a whole record stays under budgetBytes
    // (two RGB8 previews and one float map per frame), never above capPixels.
    static long long previewPixels(int steps, long long budgetBytes = 512LL << 20,
                                   long long capPixels = 2560LL * 1440LL);

private:
    QString sourcePath_;
    int steps_ = 0;
    QSize fullSize_;
    QVector<TrajectoryFrame> frames_;
};

} // namespace rdbm::app

Q_DECLARE_METATYPE(rdbm::app::TrajectoryFrame)
