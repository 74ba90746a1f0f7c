#include "net/UNetLayout.h"

#include <set>
#include <sstream>

#include "rdbm/Error.h"

namespace rdbm {

namespace {

using Shape = std::vector<int64_t>;

// Builds the key -> shape table in the reference's registration order of parts.
class LayoutWriter {
public:
    explicit LayoutWriter(const UNetConfig& c)
        : timeDim_(4 * static_cast<int64_t>(c.dim)),
          hidden_(static_cast<int64_t>(c.heads) * c.dimHead) {}

    void add(const std::string& key, Shape shape) { shapes_[key] = std::move(shape); }

    void conv(const std::string& p, int64_t out, int64_t in, int64_t k, bool bias = true) {
        add(p + ".weight", {out, in, k, k});
        if (bias) add(p + ".bias", {out});
    }

    void resnet(const std::string& p, int64_t in, int64_t out) {
        add(p + ".mlp.1.weight", {2 * out, timeDim_});
        add(p + ".mlp.1.bias", {2 * out});
        conv(p + ".block1.proj", out, in, 3);
        add(p + ".block1.norm.weight", {out});
        add(p + ".block1.norm.bias", {out});
        conv(p + ".block2.proj", out, out, 3);
        add(p + ".block2.norm.weight", {out});
        add(p + ".block2.norm.bias", {out});
        if (in != out) conv(p + ".res_conv", out, in, 1);
    }

    // Residual(PreNorm(LinearAttention)) or Residual(PreNorm(Attention)).
    void attention(const std::string& p, int64_t c, bool linear) {
        conv(p + ".fn.fn.to_qkv", 3 * hidden_, c, 1, false);
        if (linear) {
            conv(p + ".fn.fn.to_out.0", c, hidden_, 1);
            add(p + ".fn.fn.to_out.1.g", {1, c, 1, 1});
        } else {
            conv(p + ".fn.fn.to_out", c, hidden_, 1);
        }
        add(p + ".fn.norm.g", {1, c, 1, 1});
    }

    int64_t timeDim() const { return timeDim_; }
    ShapeMap take() { return std::move(shapes_); }

private:
    int64_t timeDim_;
    int64_t hidden_;
    ShapeMap shapes_;
};

std::string levelKey(const char* part, size_t i) { return std::string(part) + "." + std::to_string(i); }

const Shape* find(const ShapeMap& shapes, const std::string& key) {
    auto it = shapes.find(key);
    return it == shapes.end() ? nullptr : &it->second;
}

const Shape& require(const ShapeMap& shapes, const std::string& key, size_t rank, const std::string& source) {
    const Shape* s = find(shapes, key);
    if (!s)
        throw Error(ErrorKind::Checkpoint, source + ": not a U-Net state dict of the reference layout: no '" + key + "'");
    if (s->size() != rank)
        throw Error(ErrorKind::Checkpoint, source + ": '" + key + "' has shape " + formatShape(*s) + ", expected rank " +
                                               std::to_string(rank));
    return *s;
}

} // namespace

std::string formatShape(const std::vector<int64_t>& shape) {
    std::ostringstream s;
    s << '[';
    for (size_t i = 0; i < shape.size(); ++i) s << (i ? ", " : "") << shape[i];
    s << ']';
    return s.str();
}

ShapeMap expectedShapes(const UNetConfig& c) {
    LayoutWriter w(c);
    const int64_t dim = c.dim;
    std::vector<int64_t> dims{dim};
    for (int m : c.dimMults) dims.push_back(dim * m);
    const size_t levels = c.dimMults.size();

    w.conv("init_conv", dim, c.inChannels, 7);
    w.add("time_mlp.1.weight", {w.timeDim(), dim});
    w.add("time_mlp.1.bias", {w.timeDim()});
    w.add("time_mlp.3.weight", {w.timeDim(), w.timeDim()});
    w.add("time_mlp.3.bias", {w.timeDim()});
    if (c.globalStats > 0) {
        w.add("stats_mlp.0.weight", {w.timeDim(), c.globalStats});
        w.add("stats_mlp.0.bias", {w.timeDim()});
        w.add("stats_mlp.2.weight", {w.timeDim(), w.timeDim()});
        w.add("stats_mlp.2.bias", {w.timeDim()});
    }

    for (size_t i = 0; i < levels; ++i) {
        const std::string p = levelKey("downs", i);
        const int64_t in = dims[i], out = dims[i + 1];
        w.resnet(p + ".0", in, in);
        w.resnet(p + ".1", in, in);
        w.attention(p + ".2", in, true);
        w.conv(p + ".3", out, in, i + 1 < levels ? 4 : 3);
    }

    const int64_t mid = dims.back();
    w.resnet("mid_block1", mid, mid);
    w.attention("mid_attn", mid, false);
    w.resnet("mid_block2", mid, mid);

    for (size_t i = 0; i < levels; ++i) {
        const std::string p = levelKey("ups", i);
        const int64_t in = dims[levels - 1 - i], out = dims[levels - i];
        w.resnet(p + ".0", out + in, out);
        w.resnet(p + ".1", out + in, out);
        w.attention(p + ".2", out, true);
        w.conv(i + 1 < levels ? p + ".3.1" : p + ".3", in, out, 3);
    }

    w.resnet("final_res_block", 2 * dim, dim);
    w.conv("final_conv", c.channels, dim, 1);
    return w.take();
}

long long parameterCount(const UNetConfig& config) {
    long long total = 0;
    for (const auto& [key, shape] : expectedShapes(config)) {
        long long n = 1;
        for (int64_t d : shape) n *= d;
        total += n;
    }
    return total;
}

void checkUNetConfig(const UNetConfig& c, const std::string& source) {
    auto fail = [&](const std::string& what) {
        throw Error(ErrorKind::Checkpoint, source + ": unusable U-Net configuration: " + what);
    };
    // The sinusoidal embedding divides by dim/2 - 1 and yields 2*(dim/2) features.
    if (c.dim < 4 || c.dim % 2) fail("dim must be even and >= 4, got " + std::to_string(c.dim));
    if (c.dimMults.empty() || c.dimMults.size() > 12) fail("dim_mults must have 1..12 entries");
    for (int m : c.dimMults)
        if (m < 1) fail("dim_mults entries must be positive");
    if (c.inChannels < 1 || c.channels < 1) fail("channel counts must be positive");
    if (c.heads < 1 || c.dimHead < 1) fail("heads and dim_head must be positive");
    if (c.groups < 1) fail("groups must be positive");
    if (c.globalStats != 0 && c.globalStats != kPhotoStatisticsWidth)
        fail("stats_mlp takes " + std::to_string(kPhotoStatisticsWidth) + " photo statistics, not " +
             std::to_string(c.globalStats));
    auto divisible = [&](int64_t channels) {
        if (channels % c.groups)
            fail(std::to_string(c.groups) + " groups do not divide a GroupNorm of " + std::to_string(channels) +
                 " channels");
    };
    divisible(c.dim);
    for (int m : c.dimMults) divisible(static_cast<int64_t>(c.dim) * m);
}

UNetConfig inferUNetConfig(const ShapeMap& shapes, const std::string& source, const UNetLayoutHints& hints) {
    UNetConfig c;
    const Shape& init = require(shapes, "init_conv.weight", 4, source);
    c.dim = static_cast<int>(init[0]);
    c.inChannels = static_cast<int>(init[1]);
    c.channels = static_cast<int>(require(shapes, "final_conv.weight", 4, source)[0]);

    // Levels: downs.0 .. downs.{L-1}; each level's output width is its last conv's.
    c.dimMults.clear();
    for (size_t i = 0;; ++i) {
        const std::string key = levelKey("downs", i) + ".3.weight";
        if (!find(shapes, key)) break;
        const Shape& s = require(shapes, key, 4, source);
        if (s[0] % c.dim)
            throw Error(ErrorKind::Checkpoint, source + ": '" + key + "' has " + std::to_string(s[0]) +
                                                   " output channels, not a multiple of dim " + std::to_string(c.dim));
        c.dimMults.push_back(static_cast<int>(s[0] / c.dim));
    }
    if (c.dimMults.empty())
        throw Error(ErrorKind::Checkpoint, source + ": not a U-Net state dict of the reference layout: no 'downs.0.3.weight'");

    const Shape& qkv = require(shapes, "downs.0.2.fn.fn.to_qkv.weight", 4, source);
    if (qkv[0] % 3)
        throw Error(ErrorKind::Checkpoint, source + ": 'downs.0.2.fn.fn.to_qkv.weight' has " + std::to_string(qkv[0]) +
                                               " output channels, not a multiple of 3");
    const int hidden = static_cast<int>(qkv[0] / 3);
    auto splitBy = [&](int part, const char* what) {
        if (part < 1 || hidden % part)
            throw Error(ErrorKind::Checkpoint, source + ": attention width " + std::to_string(hidden) +
                                                   " is not divisible by the given " + what + " " + std::to_string(part));
        return hidden / part;
    };
    if (hints.heads) {
        c.heads = *hints.heads;
        c.dimHead = splitBy(c.heads, "heads");
    } else if (hints.dimHead) {
        c.dimHead = *hints.dimHead;
        c.heads = splitBy(c.dimHead, "dim_head");
    } else if (hidden % 32 == 0) {
        c.dimHead = 32;
        c.heads = hidden / 32;
    } else if (hidden % 4 == 0) {
        c.heads = 4;
        c.dimHead = hidden / 4;
    } else {
        c.heads = 1;
        c.dimHead = hidden;
    }
    c.groups = hints.groups.value_or(8);
    if (find(shapes, "stats_mlp.0.weight"))
        c.globalStats = static_cast<int>(require(shapes, "stats_mlp.0.weight", 2, source)[1]);
    checkUNetConfig(c, source);
    return c;
}

void validateWeights(const UNetConfig& config, const ShapeMap& shapes, const std::string& source) {
    std::ostringstream what;
    what << "the U-Net (dim " << config.dim << ", dim_mults ";
    for (size_t i = 0; i < config.dimMults.size(); ++i) what << (i ? "," : "") << config.dimMults[i];
    what << ", heads " << config.heads << "x" << config.dimHead;
    if (config.globalStats > 0) what << ", photo statistics";
    what << ")";
    validateShapes(expectedShapes(config), shapes, source, what.str());
}

void validateShapes(const ShapeMap& expected, const ShapeMap& shapes, const std::string& source,
                    const std::string& network) {
    std::vector<std::string> missing, unexpected, mismatched;
    for (const auto& [key, shape] : expected) {
        auto it = shapes.find(key);
        if (it == shapes.end())
            missing.push_back(key);
        else if (it->second != shape)
            mismatched.push_back(key + " (expected " + formatShape(shape) + ", found " + formatShape(it->second) + ")");
    }
    for (const auto& entry : shapes)
        if (!expected.count(entry.first)) unexpected.push_back(entry.first + " " + formatShape(entry.second));
    if (missing.empty() && unexpected.empty() && mismatched.empty()) return;

    constexpr size_t kShown = 10;
    std::ostringstream msg;
    msg << source << ": weights do not fit " << network;
    auto list = [&](const char* title, const std::vector<std::string>& items) {
        if (items.empty()) return;
        msg << "\n  " << items.size() << ' ' << title << ':';
        for (size_t i = 0; i < items.size() && i < kShown; ++i) msg << "\n    " << items[i];
        if (items.size() > kShown) msg << "\n    ... and " << items.size() - kShown << " more";
    };
    list("missing keys", missing);
    list("unexpected keys", unexpected);
    list("shape mismatches", mismatched);
    throw Error(ErrorKind::Checkpoint, msg.str());
}

} // namespace rdbm
