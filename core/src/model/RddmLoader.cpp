#include "model/RddmLoader.h"

#include "net/UNetResLayout.h"
#include "rdbm/Error.h"

namespace rdbm {

namespace {

ShapeMap shapesOf(const checkpoint::TensorMap& weights) {
    ShapeMap shapes;
    for (const auto& [key, raw] : weights) shapes.emplace(key, raw.shape);
    return shapes;
}

bool isPlainUNet(const ShapeMap& shapes) {
    return shapes.count("init_conv.weight") && shapes.count("final_conv.weight");
}

// "init_conv.weight, time_mlp.1.bias, ... (231 keys)" for messages.
std::string someKeys(const ShapeMap& shapes) {
    std::string s;
    size_t n = 0;
    for (const auto& entry : shapes) {
        if (n++ == 6) {
            s += ", ...";
            break;
        }
        s += (s.empty() ? "" : ", ") + entry.first;
    }
    return s + " (" + std::to_string(shapes.size()) + " keys)";
}

} // namespace

Method detectMethod(const checkpoint::NetworkWeights& weights, const ResolvedMetadata& md, const std::string& path) {
    const ShapeMap shapes = shapesOf(weights.weights);
    const std::optional<int> share = detectShareEncoder(shapes);
    if (md.methodNamed) {
        if (md.meta.method == Method::Rdbm && (share || weights.rddm))
            throw Error(ErrorKind::Checkpoint,
                        path + ": the method was given as rdbm, but the file holds RDDM's " +
                            (share ? "UnetRes weights (" + describeShareEncoder(*share) + ")"
                                   : std::string("ResidualDiffusion buffers (alphas_cumsum, betas2_cumsum)")) +
                            "; use --method rddm or auto");
        return md.meta.method;
    }
    if (share || weights.rddm) return Method::Rddm;
    // A plain U-Net is RDBM's, unless the metadata names an objective only RDDM has.
    const bool rddmOnlyObjective = md.rddmObjectiveNamed && md.meta.rddm.objective != RddmObjective::Noise;
    if (isPlainUNet(shapes)) return rddmOnlyObjective ? Method::Rddm : Method::Rdbm;
    throw Error(ErrorKind::Checkpoint,
                path +
                    ": fits neither method: RDBM's U-Net has init_conv.*, downs.*, ups.* and final_conv.*; RDDM's "
                    "UnetRes has unet0.* (and unet1.*) or a shared encoder with ups_no_skip.* and final_conv_1/_2.*; "
                    "found " +
                    someKeys(shapes));
}

LoadedNetwork loadRddmNetwork(Model::Impl& impl, checkpoint::NetworkWeights& weights, ResolvedMetadata& md,
                              const std::string& path, const torch::Device& device, torch::ScalarType dtype) {
    ModelInfo& info = impl.info;
    RddmParams& rddm = md.meta.rddm;
    ShapeMap shapes = shapesOf(weights.weights);
    int share = -1;
    if (const auto detected = detectShareEncoder(shapes)) {
        share = *detected;
    } else if (isPlainUNet(shapes)) {
        // One U-Net saved without UnetRes's "unet0." prefix: the share_encoder -1 layout.
        checkpoint::TensorMap renamed;
        for (auto& [key, raw] : weights.weights) renamed.emplace("unet0." + key, std::move(raw));
        weights.weights = std::move(renamed);
        shapes = shapesOf(weights.weights);
    } else {
        throw Error(ErrorKind::Checkpoint, path +
                                               ": holds no RDDM UnetRes weights (unet0.*, unet1.* or a shared "
                                               "encoder with ups_no_skip.*); found " +
                                               someKeys(shapes));
    }
    if (md.shareEncoderNamed && rddm.shareEncoder != share)
        throw Error(ErrorKind::Checkpoint, path + ": the metadata says share_encoder " +
                                               std::to_string(rddm.shareEncoder) + " but the weights are " +
                                               describeShareEncoder(share));
    rddm.shareEncoder = share;

    info.config = inferUNetResConfig(shapes, share, path, md.hints);
    validateUNetResWeights(info.config, share, shapes, path);

    const int outputs = share == -1 ? 1 : 2;
    if (!md.rddmObjectiveNamed) {
        rddm.objective = outputs == 2 ? RddmObjective::ResNoise : RddmObjective::Res;
        if (outputs == 1)
            md.meta.provenance["loader note"] = "the file does not name its objective: pred_res assumed for a "
                                                "one-output UnetRes (pred_noise is the other choice)";
    }
    if (rddmOutputCount(rddm.objective) > outputs)
        throw Error(ErrorKind::Checkpoint, path + ": the objective " + toString(rddm.objective) +
                                               " needs a residual and a noise output, but the weights are " +
                                               describeShareEncoder(share) + " with one output");

    LoadedNetwork network = makeUNetResNetwork(info.config, share, weights.weights, path, md.meta, device, dtype);
    weights.weights.clear();

    if (weights.rddm && !md.rddmScheduleFromOptions) {
        impl.rddmSchedule = RddmSchedule::fromBuffers(*weights.rddm);
        info.scheduleFromCheckpoint = true;
        rddm.T = impl.rddmSchedule.T();
        rddm.sumScale = impl.rddmSchedule.sumScale();
    } else {
        impl.rddmSchedule = RddmSchedule(rddm.T, rddm.sumScale);
    }
    return network;
}

} // namespace rdbm
