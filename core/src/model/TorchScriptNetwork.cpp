// A TorchScript export of a restoration network as a Denoiser. The module is called as
// forward(x_t, mu, t); whether t must be float or int64 is found by a probe at load.
#include <torch/script.h>

#include "model/NetworkFactory.h"
#include "net/UNet.h"
#include "rdbm/Error.h"

namespace rdbm {

LoadedNetwork makeTorchScriptNetwork(const std::string& path, const ModelMetadata& meta, int padMultiple,
                                     const torch::Device& device, torch::ScalarType dtype) {
    auto module = std::make_shared<torch::jit::Module>();
    try {
        *module = torch::jit::load(path, device);
        module->to(dtype);
        module->eval();
    } catch (const c10::Error& e) {
        throw Error(ErrorKind::Checkpoint, path + ": cannot load the TorchScript module: " + e.what_without_backtrace());
    } catch (const std::exception& e) {
        throw Error(ErrorKind::Checkpoint, path + ": cannot load the TorchScript module: " + e.what());
    }
    if (!module->find_method("forward"))
        throw Error(ErrorKind::Checkpoint, path + ": the TorchScript module has no forward method");

    const PadMode padMode = padModeFromString(meta.padMode);
    const bool addsMu = meta.addsMu;
    const int64_t multiple = std::max(1, padMultiple);
    auto call = [module, padMode, addsMu, dtype, multiple](const torch::Tensor& x, const torch::Tensor& mu, int64_t t,
                                                             torch::ScalarType timeType) {
        const int64_t h = x.size(2), w = x.size(3);
        const torch::Tensor xp = padToMultiple(x, multiple, padMode).to(dtype);
        const torch::Tensor mp = padToMultiple(mu, multiple, padMode).to(dtype);
        const torch::Tensor time = torch::full({x.size(0)}, static_cast<double>(t),
                                               torch::TensorOptions().dtype(timeType).device(x.device()));
        torch::Tensor out = module->forward({xp, mp, time}).toTensor();
        out = out.narrow(2, 0, h).narrow(3, 0, w).to(torch::kFloat32);
        return addsMu ? out + mu : out;
    };

    // Probe once with a small input: proves the signature and picks the time dtype.
    torch::ScalarType timeType = torch::kFloat32;
    {
        c10::InferenceMode guard;
        const torch::Tensor probe = torch::zeros({1, 3, multiple * 2, multiple * 2}, torch::TensorOptions().device(device));
        std::string firstError;
        bool ok = false;
        for (torch::ScalarType candidate : {torch::kFloat32, torch::kInt64}) {
            try {
                const torch::Tensor out = call(probe, probe, 0, candidate);
                if (out.sizes() != probe.sizes())
                    throw Error(ErrorKind::Checkpoint, path + ": the TorchScript module returns shape " +
                                                           c10::str(out.sizes()) + " for input " + c10::str(probe.sizes()));
                timeType = candidate;
                ok = true;
                break;
            } catch (const Error&) {
                throw;
            } catch (const c10::Error& e) {
                if (firstError.empty()) firstError = e.what_without_backtrace();
            } catch (const std::exception& e) {
                if (firstError.empty()) firstError = e.what();
            }
        }
        if (!ok)
            throw Error(ErrorKind::Checkpoint,
                        path + ": the TorchScript module does not run as forward(x_t, mu, t): " + firstError);
    }

    LoadedNetwork loaded;
    for (const auto& p : module->parameters()) loaded.parameterCount += p.numel();
    loaded.denoiser = [call, timeType](const torch::Tensor& x, const torch::Tensor& mu, int64_t t) {
        return call(x, mu, t, timeType);
    };
    return loaded;
}

} // namespace rdbm
