#pragma once
// The RDBM bridge schedule (docs/method.md §2): theta_i, their cumulative sums, and the
// marginal coefficients Theta_t and Sigma_t. The single source of truth for these
// numbers: the sampler, the trainer, the plots and the command line all read them here.
#include <string>
#include <utility>
#include <vector>

namespace rdbm {

enum class ScheduleKind { Cosine, Linear, Sigmoid };

std::string toString(ScheduleKind k);
ScheduleKind scheduleKindFromString(const std::string& s); // throws Error(Usage)

struct ScheduleParams {
    ScheduleKind kind = ScheduleKind::Cosine;
    int T = 100;
    double lambda = 10.0 / 255.0; // "stationary variance"; checkpoints carry their own
};

class RdbmSchedule {
public:
    explicit RdbmSchedule(const ScheduleParams& p = {});

    const ScheduleParams& params() const { return params_; }
    int T() const { return params_.T; }
    double lambda() const { return params_.lambda; }

    // Per-timestep values, index t = 0..T-1, float32 as the reference stores them.
    const std::vector<float>& thetas() const { return thetas_; }
    const std::vector<float>& cumsum() const { return cumsum_; } // c_t (inclusive)
    const std::vector<float>& Theta() const { return Theta_; }
    const std::vector<float>& Sigma() const { return Sigma_; }
    const std::vector<float>& Sigma2() const { return Sigma2_; }
    float Theta(int t) const { return Theta_.at(static_cast<size_t>(t)); }
    float Sigma(int t) const { return Sigma_.at(static_cast<size_t>(t)); }

    // Residual-to-noise ratio for pi = x0 - mu (docs/method.md §3): the same at every
    // pixel, sinh(r_t) / (2 lambda sinh(c_t) sinh(cT)). Zero at t = T-1.
    double rnrResidual(int t) const;
    // RNR at one pixel for pi = 1, given the squared residual (x0 - mu)^2 in [-1,1] units.
    double rnrGlobal(double residualSquared, int t) const { return residualSquared * rnrResidual(t); }

    // Replace the computed values by ones read from a checkpoint's buffers (the
    // wrapper stores Theta and Sigma); sizes must equal T. Throws Error(Checkpoint).
    void overrideFromBuffers(const std::vector<float>& Theta, const std::vector<float>& Sigma);

private:
    ScheduleParams params_;
    std::vector<float> thetas_, cumsum_, Theta_, Sigma_, Sigma2_;
};

// The reference's sampled step pairs (docs/method.md §5): linspace(-1, T-1, S+1) in float32,
// truncated toward zero, reversed, paired. Last pair ends at -1. S in 1..T.
std::vector<std::pair<int, int>> samplingStepPairs(int T, int steps);

} // namespace rdbm
