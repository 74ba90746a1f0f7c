#pragma once
// The parameter layout of the reference U-Net (docs/method.md §6), without LibTorch:
// which state-dict keys a configuration has and their shapes, the configuration a
// set of shapes implies, and a checker that names every disagreement.
//
// Generalized to any number of levels L = dimMults.size() >= 1: with
// dims = [dim, dim*m0, ..., dim*m(L-1)], down level i works at dims[i] and ends in a
// 4x4 stride-2 conv to dims[i+1] (a 3x3 conv at the last level); up level i works at
// dims[L-i] and ends in nearest x2 + 3x3 conv to dims[L-1-i] (`ups.i.3.1.*`), or a
// plain 3x3 conv (`ups.i.3.*`) at the last.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "rdbm/ModelInfo.h"

namespace rdbm {

// The whole-photo statistics a `stats_mlp` network takes (net/PhotoStatistics.h): per
// colour channel, the mean and the 1 %, 50 % and 99 % quantiles.
constexpr int kPhotoStatisticsWidth = 12;

using ShapeMap = std::map<std::string, std::vector<int64_t>>;

// What the shapes cannot tell: the GroupNorm group count (default 8) and how the
// attention width heads*dim_head splits. With neither heads nor dimHead given, dim_head
// is assumed to be 32 (the reference default) when it divides the width; otherwise
// heads = 4 when that divides it, else one head. Metadata should carry them for any
// non-default network.
struct UNetLayoutHints {
    std::optional<int> groups;
    std::optional<int> heads;
    std::optional<int> dimHead;
};

// Every parameter key of the configuration with its shape.
ShapeMap expectedShapes(const UNetConfig& config);

// Number of scalar parameters of the configuration.
long long parameterCount(const UNetConfig& config);

// Reads dim, dimMults, inChannels, channels and the attention width from the shapes.
// Throws Error(Checkpoint) naming sourceName when the shapes are not this U-Net's.
UNetConfig inferUNetConfig(const ShapeMap& shapes, const std::string& sourceName,
                           const UNetLayoutHints& hints = {});

// Throws Error(Checkpoint) when the configuration cannot be built (non-positive sizes,
// channel counts the group count does not divide, ...). Context names the source.
void checkUNetConfig(const UNetConfig& config, const std::string& sourceName);

// Throws Error(Checkpoint) listing missing keys, unexpected keys and shape mismatches
// (key, expected vs found), the first ten of each with their counts.
void validateWeights(const UNetConfig& config, const ShapeMap& shapes, const std::string& sourceName);
// The same check against any expected table; `network` describes it in the message
// ("the U-Net (dim 8, ...)").
void validateShapes(const ShapeMap& expected, const ShapeMap& shapes, const std::string& sourceName,
                    const std::string& network);

// "[64, 6, 7, 7]"
std::string formatShape(const std::vector<int64_t>& shape);

} // namespace rdbm
