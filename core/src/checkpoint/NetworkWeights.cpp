#include "checkpoint/NetworkWeights.h"

#include <set>

#include "rdbm/Error.h"

namespace rdbm::checkpoint {

namespace {

template <class Map>
bool hasPrefix(const Map& m, const std::string& prefix) {
    auto it = m.lower_bound(prefix);
    return it != m.end() && it->first.compare(0, prefix.size(), prefix) == 0;
}

TensorMap under(const TensorMap& m, const std::string& prefix) {
    TensorMap out;
    for (auto it = m.lower_bound(prefix); it != m.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it)
        out.emplace(it->first.substr(prefix.size()), it->second);
    return out;
}

// The wrapper keeps the network under "model." next to its schedule buffers.
bool isWrapperAt(const TensorMap& t, const std::string& base) {
    if (!hasPrefix(t, base + "model.")) return false;
    for (const char* buffer : {"Theta", "Sigma", "Sigma2", "thetas", "thetas_cumsum_0_to_t", "alphas_cumsum",
                               "betas2_cumsum"})
        if (t.count(base + buffer)) return true;
    for (const auto& [key, value] : under(t, base))
        if (key.rfind("model.", 0) != 0) return false;
    return true; // nothing but "model.*": a wrapper saved without buffers
}

// "model.* (231 tensors), opt.* (462 tensors), step, version" for error messages.
std::string describe(const CheckpointContents& c) {
    std::map<std::string, size_t> groups;
    for (const auto& [key, t] : c.tensors) ++groups[key.substr(0, key.find('.'))];
    std::set<std::string> leaves;
    for (const auto& [key, v] : c.scalars) leaves.insert(key.substr(0, key.find('.')));
    for (const auto& [key, v] : c.strings) leaves.insert(key.substr(0, key.find('.')));
    std::string s;
    size_t n = 0;
    for (const auto& [g, count] : groups) {
        if (n++ == 12) return s + ", ...";
        s += (s.empty() ? "" : ", ") + g + (count > 1 || c.tensors.count(g) == 0 ? ".* (" + std::to_string(count) + (count == 1 ? " tensor)" : " tensors)") : "");
        leaves.erase(g);
    }
    for (const auto& g : leaves) {
        if (n++ == 12) return s + ", ...";
        s += (s.empty() ? "" : ", ") + g;
    }
    return s.empty() ? "nothing" : s;
}

std::optional<std::vector<float>> buffer(const TensorMap& t, const std::string& key) {
    auto it = t.find(key);
    if (it == t.end()) return std::nullopt;
    return it->second.toFloat32();
}

} // namespace

NetworkWeights selectNetworkWeights(const CheckpointContents& c, bool preferEma) {
    const auto fail = [&](const std::string& problem) -> Error {
        return Error(ErrorKind::Checkpoint, c.path + ": " + problem);
    };
    const TensorMap& t = c.tensors;
    if (c.format == "torchscript")
        throw fail("is a TorchScript archive: it has no state dict to pick network weights from");
    if (t.empty()) throw fail("holds no tensors (found: " + describe(c) + ")");

    NetworkWeights w;
    const bool hasEma = hasPrefix(t, "ema.ema_model."), hasOnline = hasPrefix(t, "model.");
    const bool trainer = hasEma || hasPrefix(t, "opt.") || hasPrefix(c.scalars, "opt.") ||
                         (c.scalars.count("step") && hasOnline);
    std::string base;
    if (trainer) {
        bool emaInitted = true; // ema-pytorch copies the online weights on its first update only
        if (auto it = t.find("ema.initted"); it != t.end() && it->second.numel() == 1)
            emaInitted = it->second.toFloat32()[0] != 0.0f;
        if (preferEma && hasEma && emaInitted) {
            base = "ema.ema_model.";
            w.layout = "trainer(ema)";
        } else if (hasOnline) {
            base = "model.";
            w.layout = "trainer(online)";
            if (preferEma && hasEma)
                w.note = "the EMA weights were never initialised (ema.initted is false): using the online weights";
            else if (preferEma)
                w.note = "the file has no EMA weights: using the online weights";
        } else if (hasEma) {
            throw fail("the online weights were asked for, but this trainer checkpoint holds only EMA weights "
                       "(ema.ema_model.*); found: " + describe(c));
        } else {
            throw fail("looks like a trainer checkpoint but holds neither model.* nor ema.ema_model.* weights; found: " +
                       describe(c));
        }
        if (auto it = c.scalars.find("step"); it != c.scalars.end()) w.step = static_cast<long long>(it->second);
    }

    if (isWrapperAt(t, base)) {
        w.weights = under(t, base + "model.");
        w.Theta = buffer(t, base + "Theta");
        w.Sigma = buffer(t, base + "Sigma");
        if (t.count(base + "alphas_cumsum") || t.count(base + "betas2_cumsum")) {
            RddmBuffers b;
            b.alphasCumsum = buffer(t, base + "alphas_cumsum").value_or(std::vector<float>{});
            b.betas2Cumsum = buffer(t, base + "betas2_cumsum").value_or(std::vector<float>{});
            b.betasCumsum = buffer(t, base + "betas_cumsum").value_or(std::vector<float>{});
            b.oneMinusAlphasCumsum = buffer(t, base + "one_minus_alphas_cumsum").value_or(std::vector<float>{});
            w.rddm = std::move(b);
        }
        if (!trainer) w.layout = "wrapper";
    } else {
        w.weights = under(t, base);
        if (!trainer) {
            w.layout = "state_dict";
            // nn.DataParallel saves every key under "module."
            bool allModule = true;
            for (const auto& [key, v] : w.weights) allModule = allModule && key.rfind("module.", 0) == 0;
            if (allModule) w.weights = under(t, "module.");
        }
    }
    if (w.weights.empty()) throw fail("no network weights found under '" + base + "'; found: " + describe(c));
    return w;
}

} // namespace rdbm::checkpoint
