#include "sampler/RdbmSampler.h"

#include <cmath>
#include <sstream>

#include <ATen/CPUGeneratorImpl.h>
#include <torch/torch.h>

#include "rdbm/Error.h"

namespace rdbm {

namespace {

std::string shapeString(const torch::Tensor& t) {
    std::ostringstream s;
    s << t.sizes();
    return s.str();
}

} // namespace

RdbmSampler::RdbmSampler(const RdbmSchedule& schedule, const SamplerSettings& settings)
    : schedule_(schedule), settings_(settings), pairs_(samplingStepPairs(schedule.T(), settings.steps)) {
    if (!(settings.eta >= 0.0 && settings.eta <= 1.0)) {
        std::ostringstream msg;
        msg << "eta must be in [0, 1], got " << settings.eta;
        throw Error(ErrorKind::Usage, msg.str());
    }
}

torch::Tensor RdbmSampler::sample(const Denoiser& net, const torch::Tensor& mu,
                                  const StepTensorCallback& onStep) const {
    if (mu.dim() != 4)
        throw Error(ErrorKind::Usage, "sampler: mu must be NCHW, got shape " + shapeString(mu));

    const int lastT = schedule_.T() - 1;
    const bool predictsX0 = settings_.objective == Objective::X0;
    const bool noiseFree = settings_.modelPi == PiMode::Zero;
    const bool stochastic = settings_.eta > 0.0;
    // Own generator per call: reproducible for a seed and independent of other threads.
    c10::optional<at::Generator> generator;
    if (stochastic) generator = at::detail::createCPUGenerator(settings_.seed);
    const float keep = static_cast<float>(std::sqrt(1.0 - settings_.eta * settings_.eta));
    const float fresh = static_cast<float>(settings_.eta);

    torch::Tensor x = mu;
    const int steps = static_cast<int>(pairs_.size());
    int step = 0;
    for (const auto& [t, tNext] : pairs_) {
        ++step;
        const torch::Tensor out = net(x, mu, t);
        if (!out.defined() || out.sizes() != x.sizes())
            throw Error(ErrorKind::Runtime, "network output has shape " +
                                                (out.defined() ? shapeString(out) : std::string("(none)")) +
                                                ", expected " + shapeString(x));
        // A NaN would otherwise flow through clamp and the update into an all-black "success".
        if (!torch::isfinite(out).all().item<bool>())
            throw Error(ErrorKind::Runtime, "step " + std::to_string(step) + " of " + std::to_string(steps) +
                                                " (t = " + std::to_string(t) +
                                                "): the network's prediction holds NaN or infinite values; stopped");

        const float Th = schedule_.Theta(t), Sg = schedule_.Sigma(t);
        // Theta = Sigma = 0 at the degraded end: the reference's 0/0 cases.
        const bool degradedEnd = t == lastT;
        torch::Tensor x0h, pe, reported;
        if (predictsX0) {
            x0h = out.clamp(-1.0, 1.0);
            if (degradedEnd || Sg == 0.0f || noiseFree)
                pe = torch::zeros_like(x);
            else
                pe = (x - mu - Th * (x0h - mu)) / Sg;
        } else if (degradedEnd || Th == 0.0f) {
            // The network's pi*eps is reported as it is, but x0 cannot be recovered here
            // and no update uses it.
            x0h = mu.clamp(-1.0, 1.0);
            reported = noiseFree ? torch::zeros_like(x) : out;
            pe = torch::zeros_like(x);
        } else {
            pe = out;
            x0h = ((x - mu - Sg * pe) / Th + mu).clamp(-1.0, 1.0);
            if (noiseFree) pe = torch::zeros_like(x);
        }

        torch::Tensor next;
        if (tNext < 0) {
            next = x0h;
        } else {
            const float Tn = schedule_.Theta(tNext), Sn = schedule_.Sigma(tNext);
            if (stochastic) {
                next = mu + Tn * (x0h - mu) + (keep * Sn) * pe;
                if (settings_.noiseModulation != PiMode::Zero) {
                    const torch::Tensor z =
                        torch::randn(x.sizes(), generator, torch::TensorOptions().dtype(torch::kFloat32))
                            .to(x.device(), x.scalar_type());
                    const torch::Tensor noise = settings_.noiseModulation == PiMode::Residual ? z * (x0h - mu) : z;
                    next = next + (fresh * Sn) * noise;
                }
            } else if (noiseFree) {
                next = mu + Tn * (x0h - mu);
            } else if (predictsX0) {
                if (degradedEnd || Sg == 0.0f) {
                    next = mu + Tn * (x0h - mu);
                } else {
                    // float32 coefficients in the reference's evaluation order.
                    const float a = Sn / Sg;
                    const float b = Tn - (Th * Sn / Sg);
                    next = mu + a * (x - mu) + b * (x0h - mu);
                }
            } else {
                if (degradedEnd || Th == 0.0f) {
                    next = mu;
                } else {
                    const float a = Tn / Th;
                    const float b = a * Sg - Sn;
                    next = mu + a * (x - mu) - b * pe;
                }
            }
        }
        x = next;
        if (!torch::isfinite(x).all().item<bool>())
            throw Error(ErrorKind::Runtime, "step " + std::to_string(step) + " of " + std::to_string(steps) +
                                                " (t = " + std::to_string(t) +
                                                "): the sampled image holds NaN or infinite values (schedule or "
                                                "eta out of range?); stopped");

        if (onStep) {
            StepTensors frame;
            frame.step = step;
            frame.steps = steps;
            frame.t = t;
            frame.tNext = tNext;
            frame.xt = x;
            frame.x0 = x0h;
            frame.piEps = reported.defined() ? reported : pe;
            if (!onStep(frame))
                throw Error(ErrorKind::Cancelled,
                            "restoration cancelled after step " + std::to_string(step) + " of " + std::to_string(steps));
        }
    }
    return x;
}

} // namespace rdbm
