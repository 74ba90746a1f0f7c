#pragma once
// The parameter layout of RDDM's UnetRes (docs/method.md §8.5), without LibTorch, built
// on the U-Net layout of UNetLayout.h:
//  share_encoder  0: two U-Nets, keys "unet0.*" (residual) and "unet1.*" (noise);
//  share_encoder -1: one U-Net, keys "unet0.*";
//  share_encoder  1: one encoder (the U-Net's init_conv, time_mlp, downs, mid_*) and two
//    decoders: "ups_no_skip.*" + "final_res_block_1" + "final_conv_1" (residual, no skip
//    connections) and "ups.*" + "final_res_block_2" + "final_conv_2" (noise, as the U-Net's).
#include <optional>
#include <string>

#include "net/UNetLayout.h"

namespace rdbm {

// Every key of the layout with its shape.
ShapeMap expectedUNetResShapes(const UNetConfig& config, int shareEncoder);

// The layout the keys name: 1, 0 or -1; nothing for keys of none of them (a plain U-Net
// state dict among them).
std::optional<int> detectShareEncoder(const ShapeMap& shapes);

// The U-Net configuration inside (for share_encoder 1: the encoder with the noise decoder).
// Throws Error(Checkpoint) naming sourceName when the shapes do not fit.
UNetConfig inferUNetResConfig(const ShapeMap& shapes, int shareEncoder, const std::string& sourceName,
                              const UNetLayoutHints& hints = {});

// Throws Error(Checkpoint) listing missing, unexpected and mismatched keys.
void validateUNetResWeights(const UNetConfig& config, int shareEncoder, const ShapeMap& shapes,
                            const std::string& sourceName);

// "one encoder, two decoders (share_encoder 1)" etc., for descriptions and messages.
std::string describeShareEncoder(int shareEncoder);

} // namespace rdbm
