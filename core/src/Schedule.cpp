#include "rdbm/Schedule.h"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "rdbm/Error.h"

namespace rdbm {

std::string toString(ScheduleKind k) {
    switch (k) {
    case ScheduleKind::Cosine: return "cosine";
    case ScheduleKind::Linear: return "linear";
    case ScheduleKind::Sigmoid: return "sigmoid";
    }
    return "cosine";
}

ScheduleKind scheduleKindFromString(const std::string& s) {
    if (s == "cosine") return ScheduleKind::Cosine;
    if (s == "linear") return ScheduleKind::Linear;
    if (s == "sigmoid") return ScheduleKind::Sigmoid;
    throw Error(ErrorKind::Usage, "unknown schedule '" + s + "' (expected cosine, linear or sigmoid)");
}

namespace {

// The reference computes these in Python doubles and stores float32.
std::vector<double> cosineThetas(int T) {
    const double pi = std::acos(-1.0);
    auto abar = [pi](double s) {
        const double c = std::cos((s + 0.008) / 1.008 * pi / 2.0);
        return c * c;
    };
    std::vector<double> th(static_cast<size_t>(T));
    for (int i = 0; i < T; ++i)
        th[static_cast<size_t>(i)] = std::min(1.0 - abar(double(i + 1) / T) / abar(double(i) / T), 0.999);
    return th;
}

// DDPM-style linear betas, scaled by 1000/T so the total stays comparable across T.
std::vector<double> linearThetas(int T) {
    const double scale = 1000.0 / T;
    const double a = scale * 1e-4, b = scale * 0.02;
    std::vector<double> th(static_cast<size_t>(T));
    for (int i = 0; i < T; ++i)
        th[static_cast<size_t>(i)] = T == 1 ? a : a + (b - a) * i / (T - 1);
    return th;
}

// Sigmoid schedule (Jabri et al.): start -3, end 3, tau 1, clipped to [0, 0.999].
std::vector<double> sigmoidThetas(int T) {
    auto sig = [](double x) { return 1.0 / (1.0 + std::exp(-x)); };
    const double start = -3.0, end = 3.0, tau = 1.0;
    const double vs = sig(start / tau), ve = sig(end / tau);
    std::vector<double> ac(static_cast<size_t>(T) + 1);
    for (int i = 0; i <= T; ++i) {
        const double t = double(i) / T;
        ac[static_cast<size_t>(i)] = (-sig((t * (end - start) + start) / tau) + ve) / (ve - vs);
    }
    std::vector<double> th(static_cast<size_t>(T));
    for (int i = 0; i < T; ++i)
        th[static_cast<size_t>(i)] =
            std::clamp(1.0 - ac[static_cast<size_t>(i) + 1] / ac[static_cast<size_t>(i)], 0.0, 0.999);
    return th;
}

} // namespace

RdbmSchedule::RdbmSchedule(const ScheduleParams& p) : params_(p) {
    if (p.T < 1 || p.T > 100000)
        throw Error(ErrorKind::Usage, "schedule: T must be in 1..100000, got " + std::to_string(p.T));
    if (!(p.lambda > 0.0) || !std::isfinite(p.lambda))
        throw Error(ErrorKind::Usage, "schedule: lambda must be positive");

    std::vector<double> th;
    switch (p.kind) {
    case ScheduleKind::Cosine: th = cosineThetas(p.T); break;
    case ScheduleKind::Linear: th = linearThetas(p.T); break;
    case ScheduleKind::Sigmoid: th = sigmoidThetas(p.T); break;
    }

    const size_t n = static_cast<size_t>(p.T);
    thetas_.resize(n);
    cumsum_.resize(n);
    Theta_.resize(n);
    Sigma_.resize(n);
    Sigma2_.resize(n);
    // Mirror the reference's float32 tensor arithmetic: cumsum accumulates in double
    // (PyTorch's CPU accumulator) and stores float; sinh, division and sqrt in float.
    double acc = 0.0;
    for (size_t i = 0; i < n; ++i) {
        thetas_[i] = static_cast<float>(th[i]);
        acc += static_cast<double>(thetas_[i]);
        cumsum_[i] = static_cast<float>(acc);
    }
    const float cT = cumsum_[n - 1];
    const float sinhT = std::sinh(cT);
    const float twoLambda = static_cast<float>(2.0 * p.lambda);
    for (size_t i = 0; i < n; ++i) {
        const float r = cT - cumsum_[i];
        const float sinhC = std::sinh(cumsum_[i]);
        const float sinhR = std::sinh(r);
        Theta_[i] = sinhR / sinhT;
        Sigma2_[i] = twoLambda * sinhC * sinhR / sinhT;
        Sigma_[i] = std::sqrt(Sigma2_[i]);
    }
}

double RdbmSchedule::rnrResidual(int t) const {
    const size_t i = static_cast<size_t>(t);
    const double cT = cumsum_.back();
    const double c = cumsum_.at(i);
    const double r = cT - c;
    return std::sinh(r) / (2.0 * params_.lambda * std::sinh(c) * std::sinh(cT));
}

void RdbmSchedule::overrideFromBuffers(const std::vector<float>& Theta, const std::vector<float>& Sigma) {
    if (Theta.size() != Theta_.size() || Sigma.size() != Sigma_.size()) {
        std::ostringstream msg;
        msg << "schedule buffers have " << Theta.size() << " Theta and " << Sigma.size()
            << " Sigma values, expected T = " << Theta_.size();
        throw Error(ErrorKind::Checkpoint, msg.str());
    }
    Theta_ = Theta;
    Sigma_ = Sigma;
    for (size_t i = 0; i < Sigma_.size(); ++i) Sigma2_[i] = Sigma_[i] * Sigma_[i];
}

std::vector<std::pair<int, int>> samplingStepPairs(int T, int steps) {
    if (steps < 1 || steps > T)
        throw Error(ErrorKind::Usage,
                    "steps must be in 1.." + std::to_string(T) + ", got " + std::to_string(steps));
    // torch.linspace(-1, T-1, steps+1) in float32, reproduced to the bit. PyTorch's CPU
    // kernel fills the first half forward from start and the second half backward from
    // end; its AVX2 path computes blocks of two 8-float vectors as base + j*step from the
    // block's first value, the tail element by element. The rounding of each path decides
    // the truncated integers (e.g. T=100, S=55), so both are mirrored here.
    const int n = steps + 1;
    const float start = -1.0f, end = static_cast<float>(T - 1);
    const float step = (end - start) / static_cast<float>(n - 1);
    const int halfway = n / 2;
    auto scalarAt = [&](int i) {
        return i < halfway ? start + step * static_cast<float>(i)
                           : end - step * static_cast<float>(n - i - 1);
    };
    constexpr int kVec = 8;
    std::vector<float> values(static_cast<size_t>(n));
    int i = 0;
    for (; i <= n - 2 * kVec; i += 2 * kVec) {
        for (int v = i; v < i + 2 * kVec; v += kVec) {
            const float base = scalarAt(v);
            for (int j = 0; j < kVec; ++j) values[static_cast<size_t>(v + j)] = base + static_cast<float>(j) * step;
        }
    }
    for (; i < n; ++i) values[static_cast<size_t>(i)] = scalarAt(i);
    std::vector<int> times(static_cast<size_t>(n));
    for (size_t k = 0; k < values.size(); ++k) times[k] = static_cast<int>(values[k]); // toward zero
    std::reverse(times.begin(), times.end());
    std::vector<std::pair<int, int>> pairs;
    for (size_t k = 0; k + 1 < times.size(); ++k) pairs.emplace_back(times[k], times[k + 1]);
    return pairs;
}

} // namespace rdbm
