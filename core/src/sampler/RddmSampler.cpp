#include "sampler/RddmSampler.h"

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

torch::Tensor clampUnit(const torch::Tensor& t) { return t.clamp(-1.0, 1.0); }

torch::Tensor standardNormal(const torch::Tensor& like, c10::optional<at::Generator>& generator) {
    // Drawn on the CPU so that a seed gives the same numbers on every device.
    return torch::randn(like.sizes(), generator, torch::TensorOptions().dtype(torch::kFloat32))
        .to(like.device(), like.scalar_type());
}

} // namespace

RddmPrediction rddmPrediction(RddmObjective objective, const RddmSchedule& schedule, const torch::Tensor& out,
                              const torch::Tensor& x, const torch::Tensor& mu, int t) {
    const int64_t c = mu.size(1);
    const int outputs = rddmOutputCount(objective);
    if (out.dim() != 4 || out.size(1) < outputs * c || out.size(0) != x.size(0) || out.size(2) != x.size(2) ||
        out.size(3) != x.size(3))
        throw Error(ErrorKind::Runtime, "the RDDM network output has shape " + shapeString(out) + "; objective " +
                                            toString(objective) + " needs " + std::to_string(outputs) +
                                            " output(s) of " + shapeString(x));
    const torch::Tensor first = out.narrow(1, 0, c);
    const torch::Tensor second = outputs == 2 ? out.narrow(1, c, c) : torch::Tensor();
    const float ac = schedule.alphaBar(t), bc = schedule.betaBar(t);
    RddmPrediction p;
    // Each case follows the reference's model_predictions, clamps included.
    switch (objective) {
    case RddmObjective::ResNoise:
        p.residual = clampUnit(first);
        p.noise = second;
        p.x0 = clampUnit(x - ac * p.residual - bc * p.noise);
        break;
    case RddmObjective::ResAddNoise:
        p.noise = second - first; // the second output is residual + noise
        p.residual = clampUnit(first);
        p.x0 = clampUnit(x - ac * p.residual - bc * p.noise);
        break;
    case RddmObjective::X0Noise:
        p.residual = clampUnit(mu - first);
        p.noise = second;
        p.x0 = clampUnit(first);
        break;
    case RddmObjective::X0AddNoise:
        p.noise = second - first; // the second output is x0 + noise
        p.residual = clampUnit(mu - first);
        p.x0 = clampUnit(first);
        break;
    case RddmObjective::Noise:
        p.noise = first;
        p.x0 = clampUnit((x - ac * mu - bc * p.noise) / schedule.oneMinusAlphaBar(t));
        p.residual = clampUnit(mu - p.x0);
        break;
    case RddmObjective::Res:
        p.residual = clampUnit(first);
        p.noise = (x - mu - (ac - 1.0f) * p.residual) / bc;
        p.x0 = clampUnit(mu - p.residual);
        break;
    }
    return p;
}

RddmSampler::RddmSampler(const RddmSchedule& schedule, const RddmSamplerSettings& settings)
    : schedule_(schedule), settings_(settings), pairs_(samplingStepPairs(schedule.T(), settings.steps)) {
    if (!(settings.eta >= 0.0 && settings.eta <= 1.0)) {
        std::ostringstream msg;
        msg << "eta must be in [0, 1], got " << settings.eta;
        throw Error(ErrorKind::Usage, msg.str());
    }
}

torch::Tensor RddmSampler::sample(const Denoiser& net, const torch::Tensor& mu, const torch::Tensor& initialNoise,
                                  const StepTensorCallback& onStep) const {
    if (mu.dim() != 4) throw Error(ErrorKind::Usage, "sampler: mu must be NCHW, got shape " + shapeString(mu));
    if (initialNoise.defined() && initialNoise.sizes() != mu.sizes())
        throw Error(ErrorKind::Usage,
                    "the initial noise has shape " + shapeString(initialNoise) + ", the image " + shapeString(mu));
    c10::optional<at::Generator> generator = at::detail::createCPUGenerator(settings_.seed);
    const torch::Tensor n0 =
        initialNoise.defined() ? initialNoise.to(mu.device(), mu.scalar_type()) : standardNormal(mu, generator);
    // The reference multiplies by the Python float math.sqrt(sum_scale).
    torch::Tensor x = mu + std::sqrt(schedule_.sumScale()) * n0;

    const bool stochastic = settings_.eta > 0.0;
    const float eta = static_cast<float>(settings_.eta);
    const int steps = static_cast<int>(pairs_.size());
    int step = 0;
    for (const auto& [t, tNext] : pairs_) {
        ++step;
        const torch::Tensor out = net(x, mu, t);
        if (!out.defined())
            throw Error(ErrorKind::Runtime, "step " + std::to_string(step) + ": the network returned nothing");
        if (!torch::isfinite(out).all().item<bool>())
            throw Error(ErrorKind::Runtime, "step " + std::to_string(step) + " of " + std::to_string(steps) +
                                                " (t = " + std::to_string(t) +
                                                "): the network's prediction holds NaN or infinite values; stopped");
        const RddmPrediction p = rddmPrediction(settings_.objective, schedule_, out, x, mu, t);

        if (tNext < 0) {
            x = p.x0;
        } else {
            // float32 scalars, as the reference's 0-dim buffer arithmetic.
            const float alpha = schedule_.alphaBar(t) - schedule_.alphaBar(tNext);
            const float b2 = schedule_.betaBar2(t), b2n = schedule_.betaBar2(tNext);
            const float beta2 = b2 - b2n;
            const float sigma2 = (beta2 * b2n / b2) * eta;
            const float noiseCoef = schedule_.betaBar(t) - std::sqrt(b2n - sigma2);
            x = x - alpha * p.residual - noiseCoef * p.noise;
            if (stochastic) x = x + std::sqrt(sigma2) * standardNormal(x, generator);
        }
        if (!torch::isfinite(x).all().item<bool>())
            throw Error(ErrorKind::Runtime, "step " + std::to_string(step) + " of " + std::to_string(steps) +
                                                " (t = " + std::to_string(t) +
                                                "): the sampled image holds NaN or infinite values; stopped");
        if (onStep) {
            StepTensors frame;
            frame.step = step;
            frame.steps = steps;
            frame.t = t;
            frame.tNext = tNext;
            frame.xt = x;
            frame.x0 = p.x0;
            frame.piEps = p.noise;
            frame.residual = p.residual;
            if (!onStep(frame))
                throw Error(ErrorKind::Cancelled, "restoration cancelled after step " + std::to_string(step) + " of " +
                                                      std::to_string(steps));
        }
    }
    return x;
}

} // namespace rdbm
