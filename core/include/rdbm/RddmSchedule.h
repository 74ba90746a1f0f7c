#pragma once
// The RDDM schedule (docs/method.md §8.2): per-step residual weights alpha_t that
// decrease linearly and noise variances beta_t^2 that increase linearly (times
// sum_scale), their cumulative sums abar_t and bbar_t^2 clipped to [0, 1], and bbar_t.
// Computed in double and stored as float32, as the reference registers its buffers;
// a checkpoint's own buffers replace the computed values when it carries them.
#include <vector>

namespace rdbm {

// The buffers a checkpoint may carry; empty vectors are absent.
struct RddmBuffers {
    std::vector<float> alphasCumsum, betas2Cumsum, betasCumsum, oneMinusAlphasCumsum;
};

class RddmSchedule {
public:
    // Throws Error(Usage) unless 2 <= T <= 100000 and sumScale is positive and finite.
    explicit RddmSchedule(int T = 1000, double sumScale = 1.0);
    // From buffers: alphasCumsum and betas2Cumsum are required and set T; the others
    // are derived when absent. sumScale is read back from betas2Cumsum[0] (rounded to six
    // significant digits). Throws Error(Checkpoint) naming the buffer for a wrong length,
    // a value outside [0, 1] or a non-finite value.
    static RddmSchedule fromBuffers(const RddmBuffers& buffers);

    int T() const { return static_cast<int>(alphasCumsum_.size()); }
    double sumScale() const { return sumScale_; }

    const std::vector<float>& alphasCumsum() const { return alphasCumsum_; }     // abar_t
    const std::vector<float>& betas2Cumsum() const { return betas2Cumsum_; }     // bbar_t^2
    const std::vector<float>& betasCumsum() const { return betasCumsum_; }       // bbar_t
    const std::vector<float>& oneMinusAlphasCumsum() const { return oneMinus_; } // 1 - abar_t (1e-6 at T-1)
    float alphaBar(int t) const { return alphasCumsum_.at(static_cast<size_t>(t)); }
    float betaBar2(int t) const { return betas2Cumsum_.at(static_cast<size_t>(t)); }
    float betaBar(int t) const { return betasCumsum_.at(static_cast<size_t>(t)); }
    float oneMinusAlphaBar(int t) const { return oneMinus_.at(static_cast<size_t>(t)); }

    // Residual-to-noise ratio abar_t / bbar_t (the share of the residual against the
    // noise in x_t; the RDDM counterpart of docs/method.md §3).
    double residualToNoise(int t) const;

private:
    double sumScale_ = 1.0;
    std::vector<float> alphasCumsum_, betas2Cumsum_, betasCumsum_, oneMinus_;
};

} // namespace rdbm
