#pragma once
// The numbers behind the RNR and schedule plots, computed from the model's RdbmSchedule
// (never recomputed here): R(t) for pi = x0 - mu (one curve, the same at every pixel),
// per-pixel percentiles of R(t) for pi = 1 (R = (x0 - mu)^2 * rnrResidual(t), i.e.
// schedule.rnrGlobal), Theta_t, Sigma_t and the timesteps the sampler visits.
#include <QString>
#include <QVector>

#include <opencv2/core/mat.hpp>

#include "rdbm/RddmSchedule.h"
#include "rdbm/Schedule.h"

namespace rdbm::app {

struct RnrSeries {
    QVector<double> t;                    // 0 .. T-1
    QVector<double> residualRnr;          // pi = x0 - mu
    QVector<double> lower, median, upper; // pi = 1 percentiles (empty without an x0 estimate)
    QVector<double> Theta, Sigma;
    QVector<double> sampled;              // network times of the sampled steps
    double lowerPercentile = 0.10, upperPercentile = 0.90;
};

class RnrData {
public:
    // x0 and mu: float32 RGB in [0,1] of the same size (x0: the reference when the user
    // gave one, else the predicted x0); both empty leaves the pi = 1 band out.
    static RnrSeries compute(const rdbm::RdbmSchedule& schedule, int steps, const cv::Mat& x0 = {},
                             const cv::Mat& mu = {}, double lowerPercentile = 0.10, double upperPercentile = 0.90);

    // RDDM (docs/method.md §8.2): residualRnr holds abar_t / bbar_t, Theta abar_t and
    // Sigma bbar_t; no per-pixel band (RDDM's noise does not depend on the residual).
    static RnrSeries computeRddm(const rdbm::RddmSchedule& schedule, int steps);

    // Percentiles (each in [0,1]) of the per-pixel squared residual in the model's [-1,1]
    // units, (2 (x0 - mu))^2 averaged over the channels. Large images are subsampled on a
    // regular grid to at most maxSamples pixels.
    static QVector<double> residualSquaredPercentiles(const cv::Mat& x0, const cv::Mat& mu,
                                                      const QVector<double>& percentiles,
                                                      long long maxSamples = 1'000'000);
};

} // namespace rdbm::app
