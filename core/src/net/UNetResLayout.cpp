#include "net/UNetResLayout.h"

#include "rdbm/Error.h"

namespace rdbm {

namespace {

bool startsWith(const std::string& s, const std::string& prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

bool hasPrefix(const ShapeMap& m, const std::string& prefix) {
    auto it = m.lower_bound(prefix);
    return it != m.end() && startsWith(it->first, prefix);
}

// Copies the entries under `from` to `to` (prefixes end with '.').
void copyRenamed(const ShapeMap& source, const std::string& from, const std::string& to, ShapeMap& out) {
    for (auto it = source.lower_bound(from); it != source.end() && startsWith(it->first, from); ++it)
        out[to + it->first.substr(from.size())] = it->second;
}

void checkShareEncoder(int shareEncoder) {
    if (shareEncoder < -1 || shareEncoder > 1)
        throw Error(ErrorKind::Usage, "share_encoder must be 1, 0 or -1, got " + std::to_string(shareEncoder));
}

} // namespace

std::string describeShareEncoder(int shareEncoder) {
    switch (shareEncoder) {
    case 1: return "one encoder, two decoders (share_encoder 1)";
    case 0: return "two U-Nets (share_encoder 0)";
    default: return "one U-Net (share_encoder -1)";
    }
}

ShapeMap expectedUNetResShapes(const UNetConfig& config, int shareEncoder) {
    checkShareEncoder(shareEncoder);
    const ShapeMap unet = expectedShapes(config);
    ShapeMap out;
    if (shareEncoder != 1) {
        copyRenamed(unet, "", "unet0.", out);
        if (shareEncoder == 0) copyRenamed(unet, "", "unet1.", out);
        return out;
    }
    // The encoder and the noise decoder are the U-Net's, its final layers renamed "_2".
    for (const auto& [key, shape] : unet)
        if (!startsWith(key, "final_res_block.") && !startsWith(key, "final_conv.")) out[key] = shape;
    copyRenamed(unet, "final_res_block.", "final_res_block_2.", out);
    copyRenamed(unet, "final_conv.", "final_conv_2.", out);
    // The residual decoder: up level i keeps the width dims[L-i] of its input (no skips),
    // so its blocks have the shapes of the encoder's blocks at that width (the middle
    // block for i = 0), and its attention and resampling are the U-Net's up level's.
    const size_t levels = config.dimMults.size();
    for (size_t i = 0; i < levels; ++i) {
        const std::string p = "ups_no_skip." + std::to_string(i) + ".";
        const std::string sameWidth = i == 0 ? "mid_block1." : "downs." + std::to_string(levels - i) + ".0.";
        copyRenamed(unet, sameWidth, p + "0.", out);
        copyRenamed(unet, sameWidth, p + "1.", out);
        copyRenamed(unet, "ups." + std::to_string(i) + ".2.", p + "2.", out);
        copyRenamed(unet, "ups." + std::to_string(i) + ".3.", p + "3.", out);
    }
    copyRenamed(unet, "downs.0.0.", "final_res_block_1.", out); // dim -> dim
    copyRenamed(unet, "final_conv.", "final_conv_1.", out);
    return out;
}

std::optional<int> detectShareEncoder(const ShapeMap& shapes) {
    if (hasPrefix(shapes, "ups_no_skip.") || hasPrefix(shapes, "final_conv_1.") ||
        hasPrefix(shapes, "final_res_block_1."))
        return 1;
    if (hasPrefix(shapes, "unet1.")) return 0;
    if (hasPrefix(shapes, "unet0.")) return -1;
    return std::nullopt;
}

UNetConfig inferUNetResConfig(const ShapeMap& shapes, int shareEncoder, const std::string& source,
                              const UNetLayoutHints& hints) {
    checkShareEncoder(shareEncoder);
    ShapeMap unet;
    if (shareEncoder != 1) {
        copyRenamed(shapes, "unet0.", "", unet);
    } else {
        for (const auto& [key, shape] : shapes)
            if (!startsWith(key, "ups_no_skip.") && !startsWith(key, "final_res_block_") &&
                !startsWith(key, "final_conv_"))
                unet[key] = shape;
        copyRenamed(shapes, "final_res_block_2.", "final_res_block.", unet);
        copyRenamed(shapes, "final_conv_2.", "final_conv.", unet);
    }
    return inferUNetConfig(unet, source + " (RDDM UnetRes, " + describeShareEncoder(shareEncoder) + ")", hints);
}

void validateUNetResWeights(const UNetConfig& config, int shareEncoder, const ShapeMap& shapes,
                            const std::string& source) {
    validateShapes(expectedUNetResShapes(config, shareEncoder), shapes, source,
                   "RDDM's UnetRes with " + describeShareEncoder(shareEncoder) + " of dim " +
                       std::to_string(config.dim));
}

} // namespace rdbm
