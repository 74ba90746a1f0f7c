#include "RnrData.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "rdbm/Error.h"

namespace rdbm::app {

QVector<double> RnrData::residualSquaredPercentiles(const cv::Mat& x0, const cv::Mat& mu,
                                                    const QVector<double>& percentiles, long long maxSamples) {
    if (x0.empty() || mu.empty()) return {};
    if (x0.size() != mu.size() || x0.type() != CV_32FC3 || mu.type() != CV_32FC3)
        throw Error(ErrorKind::Usage, "RNR percentiles need two float RGB images of one size (got " +
                                          std::to_string(x0.cols) + "x" + std::to_string(x0.rows) + " and " +
                                          std::to_string(mu.cols) + "x" + std::to_string(mu.rows) + ")");
    const long long pixels = static_cast<long long>(x0.rows) * x0.cols;
    const int stride = std::max(1, static_cast<int>(std::ceil(std::sqrt(static_cast<double>(pixels) / maxSamples))));
    std::vector<double> values;
    values.reserve(static_cast<size_t>(pixels / (static_cast<long long>(stride) * stride) + x0.rows + x0.cols + 1));
    for (int y = 0; y < x0.rows; y += stride) {
        const float* a = x0.ptr<float>(y);
        const float* b = mu.ptr<float>(y);
        for (int x = 0; x < x0.cols; x += stride) {
            double sum = 0.0;
            for (int c = 0; c < 3; ++c) {
                const double d = 2.0 * (static_cast<double>(a[3 * x + c]) - b[3 * x + c]); // [-1,1] units
                sum += d * d;
            }
            values.push_back(sum / 3.0);
        }
    }
    QVector<double> out;
    for (double p : percentiles) {
        const double q = std::clamp(p, 0.0, 1.0) * static_cast<double>(values.size() - 1);
        const auto k = static_cast<size_t>(std::llround(q));
        std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(k), values.end());
        out << values[k];
    }
    return out;
}

RnrSeries RnrData::compute(const rdbm::RdbmSchedule& schedule, int steps, const cv::Mat& x0, const cv::Mat& mu,
                           double lowerPercentile, double upperPercentile) {
    RnrSeries s;
    s.lowerPercentile = lowerPercentile;
    s.upperPercentile = upperPercentile;
    const int T = schedule.T();
    QVector<double> pct;
    if (!x0.empty() && !mu.empty())
        pct = residualSquaredPercentiles(x0, mu, {lowerPercentile, 0.5, upperPercentile});
    for (int t = 0; t < T; ++t) {
        s.t << t;
        s.residualRnr << schedule.rnrResidual(t);
        s.Theta << schedule.Theta(t);
        s.Sigma << schedule.Sigma(t);
        if (pct.size() == 3) {
            s.lower << schedule.rnrGlobal(pct[0], t);
            s.median << schedule.rnrGlobal(pct[1], t);
            s.upper << schedule.rnrGlobal(pct[2], t);
        }
    }
    if (steps >= 1 && steps <= T)
        for (const auto& [t, tNext] : rdbm::samplingStepPairs(T, steps)) s.sampled << t;
    return s;
}

RnrSeries RnrData::computeRddm(const rdbm::RddmSchedule& schedule, int steps) {
    RnrSeries s;
    const int T = schedule.T();
    for (int t = 0; t < T; ++t) {
        s.t << t;
        s.residualRnr << schedule.residualToNoise(t);
        s.Theta << schedule.alphaBar(t);
        s.Sigma << schedule.betaBar(t);
    }
    // RDDM's sampler visits the same step pairs as RDBM's (docs/method.md §8.4).
    if (steps >= 1 && steps <= T)
        for (const auto& [t, tNext] : rdbm::samplingStepPairs(T, steps)) s.sampled << t;
    return s;
}

} // namespace rdbm::app
