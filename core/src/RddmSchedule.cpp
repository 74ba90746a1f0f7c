#include "rdbm/RddmSchedule.h"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <string>

#include "rdbm/Error.h"

namespace rdbm {

namespace {

// The reference's gen_coefficients: the weights 1..T (reversed for "decreased") divided
// by T(T+1)/2 in double, so they sum to one, then times sum_scale.
std::vector<double> linearWeights(int T, bool decreasing, double scale) {
    const double total = 0.5 * T * (T + 1.0);
    std::vector<double> w(static_cast<size_t>(T));
    for (int i = 0; i < T; ++i) {
        const double x = decreasing ? static_cast<double>(T - i) : static_cast<double>(i + 1);
        w[static_cast<size_t>(i)] = (x / total) * scale;
    }
    return w;
}

// Inclusive cumulative sum in double (PyTorch's CPU cumsum on float64), clipped to [0, 1].
std::vector<double> clippedCumsum(const std::vector<double>& w) {
    std::vector<double> c(w.size());
    double acc = 0.0;
    for (size_t i = 0; i < w.size(); ++i) {
        acc += w[i];
        c[i] = std::clamp(acc, 0.0, 1.0);
    }
    return c;
}

std::vector<float> toFloat(const std::vector<double>& v) {
    std::vector<float> f(v.size());
    for (size_t i = 0; i < v.size(); ++i) f[i] = static_cast<float>(v[i]);
    return f;
}

double roundSignificant(double v, int digits) {
    if (!(v > 0.0) || !std::isfinite(v)) return v;
    const double scale = std::pow(10.0, digits - 1 - static_cast<int>(std::floor(std::log10(v))));
    return std::round(v * scale) / scale;
}

} // namespace

RddmSchedule::RddmSchedule(int T, double sumScale) : sumScale_(sumScale) {
    if (T < 2 || T > 100000)
        throw Error(ErrorKind::Usage, "RDDM schedule: T must be in 2..100000, got " + std::to_string(T));
    if (!(sumScale > 0.0) || !std::isfinite(sumScale) || sumScale > 100.0) {
        std::ostringstream msg;
        msg << "RDDM schedule: sum_scale must be in (0, 100], got " << sumScale;
        throw Error(ErrorKind::Usage, msg.str());
    }
    const std::vector<double> alphaBar = clippedCumsum(linearWeights(T, true, 1.0));
    const std::vector<double> betaBar2 = clippedCumsum(linearWeights(T, false, sumScale));
    std::vector<double> betaBar(betaBar2.size()), oneMinus(alphaBar.size());
    for (size_t i = 0; i < betaBar2.size(); ++i) betaBar[i] = std::sqrt(betaBar2[i]);
    for (size_t i = 0; i < alphaBar.size(); ++i) oneMinus[i] = 1.0 - alphaBar[i];
    alphasCumsum_ = toFloat(alphaBar);
    betas2Cumsum_ = toFloat(betaBar2);
    betasCumsum_ = toFloat(betaBar);
    oneMinus_ = toFloat(oneMinus);
    oneMinus_.back() = 1e-6f; // the reference replaces the last value (0) to keep divisions finite
}

RddmSchedule RddmSchedule::fromBuffers(const RddmBuffers& b) {
    const size_t n = b.alphasCumsum.size();
    auto check = [n](const std::vector<float>& v, const char* name, bool required) {
        if (v.empty() && !required) return;
        if (v.size() != n || n < 2) {
            std::ostringstream msg;
            msg << "the RDDM schedule buffer " << name << " has " << v.size() << " values, expected T = " << n
                << " (the length of alphas_cumsum, at least 2)";
            throw Error(ErrorKind::Checkpoint, msg.str());
        }
        for (float x : v)
            if (!std::isfinite(x) || x < 0.0f || x > 1.0f)
                throw Error(ErrorKind::Checkpoint, std::string("the RDDM schedule buffer ") + name +
                                                       " holds a value outside [0, 1]: " + std::to_string(x));
    };
    check(b.alphasCumsum, "alphas_cumsum", true);
    check(b.betas2Cumsum, "betas2_cumsum", true);
    check(b.betasCumsum, "betas_cumsum", false);
    check(b.oneMinusAlphasCumsum, "one_minus_alphas_cumsum", false);
    if (b.betas2Cumsum[0] <= 0.0f)
        throw Error(ErrorKind::Checkpoint, "the RDDM schedule buffer betas2_cumsum starts at 0: no noise to remove");

    RddmSchedule s(static_cast<int>(n), 1.0);
    s.sumScale_ = roundSignificant(static_cast<double>(b.betas2Cumsum[0]) * 0.5 * double(n) * (double(n) + 1.0), 6);
    s.alphasCumsum_ = b.alphasCumsum;
    s.betas2Cumsum_ = b.betas2Cumsum;
    if (!b.betasCumsum.empty()) {
        s.betasCumsum_ = b.betasCumsum;
    } else {
        for (size_t i = 0; i < n; ++i) s.betasCumsum_[i] = static_cast<float>(std::sqrt(double(b.betas2Cumsum[i])));
    }
    if (!b.oneMinusAlphasCumsum.empty()) {
        s.oneMinus_ = b.oneMinusAlphasCumsum;
    } else {
        for (size_t i = 0; i < n; ++i) s.oneMinus_[i] = static_cast<float>(1.0 - double(b.alphasCumsum[i]));
        s.oneMinus_.back() = 1e-6f;
    }
    return s;
}

double RddmSchedule::residualToNoise(int t) const {
    const double b = betaBar(t);
    return b > 0.0 ? alphaBar(t) / b : INFINITY;
}

} // namespace rdbm
