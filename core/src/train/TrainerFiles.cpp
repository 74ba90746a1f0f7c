// What a training run writes: safetensors checkpoints of the EMA weights with the
// project metadata, the resume file (online and EMA weights, Adam state, step), the
// CSV logs; and the hardware line of the provenance.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "checkpoint/Checkpoint.h"
#include "checkpoint/NetworkWeights.h"
#include "model/MetadataSources.h"
#include "model/NetworkFactory.h"
#include "rdbm/Error.h"
#include "train/TrainerImpl.h"

namespace rdbm {

namespace {

constexpr const char* kResumeFormat = "rdbm-train-resume-1";

ckpt::RawTensor toRaw(const torch::Tensor& t) {
    const torch::Tensor c = t.detach().to(torch::kCPU, torch::kFloat32).contiguous();
    std::vector<unsigned char> bytes(static_cast<size_t>(c.numel()) * sizeof(float));
    std::memcpy(bytes.data(), c.data_ptr<float>(), bytes.size());
    return ckpt::makeContiguous(ckpt::DType::F32, c.sizes().vec(), std::move(bytes));
}

std::string parameterNames(const UNet& net) {
    std::string names;
    for (const auto& p : net.named_parameters()) names += p.key() + "\n";
    return names;
}

void writeParameters(torch::serialize::OutputArchive& archive, const UNet& net) {
    int i = 0;
    // Keys are indices: archive keys may not contain '.'; the names are checked separately.
    for (const auto& p : net.parameters()) archive.write("p" + std::to_string(i++), p.detach().to(torch::kCPU), true);
}

void readParameters(torch::serialize::InputArchive& archive, UNet& net, const std::string& path, const char* what) {
    torch::NoGradGuard noGrad;
    int i = 0;
    for (auto& p : net.parameters()) {
        torch::Tensor t;
        const std::string key = "p" + std::to_string(i++);
        if (!archive.try_read(key, t, true))
            throw Error(ErrorKind::Checkpoint, path + ": " + what + " weights lack parameter " + key);
        if (t.sizes() != p.sizes())
            throw Error(ErrorKind::Checkpoint, path + ": " + what + " parameter " + key + " has shape " +
                                                   ckpt::shapeToString(t.sizes().vec()) + ", expected " +
                                                   ckpt::shapeToString(p.sizes().vec()));
        p.copy_(t);
    }
}

std::string readString(torch::serialize::InputArchive& archive, const std::string& key, const std::string& path) {
    c10::IValue v;
    if (!archive.try_read(key, v) || !v.isString())
        throw Error(ErrorKind::Checkpoint, path + ": not an rdbm-train resume file (no '" + key + "')");
    return v.toStringRef();
}

void loadArchive(torch::serialize::InputArchive& archive, const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) throw Error(ErrorKind::Usage, "resume file '" + path + "' not found");
    try {
        archive.load_from(path);
    } catch (const c10::Error& e) {
        throw Error(ErrorKind::Checkpoint, path + ": cannot read the resume file: " + e.what_without_backtrace());
    }
}

} // namespace

void Trainer::Impl::writeCheckpoint(const std::string& path) const {
    ckpt::TensorMap tensors;
    for (const auto& p : ema->named_parameters()) tensors.emplace(p.key(), toRaw(p.value()));
    const std::map<std::string, std::string> meta{{ckpt::kSafetensorsMetadataKey, ckpt::metadataToJson(metadata(), opt.net)}};
    ckpt::writeSafetensors(path, tensors, meta, true);
}

void Trainer::Impl::writeResume(const std::string& path) const {
    try {
        torch::serialize::OutputArchive archive;
        archive.write("format", c10::IValue(std::string(kResumeFormat)));
        archive.write("metadata", c10::IValue(ckpt::metadataToJson(metadata(), opt.net)));
        archive.write("seed", c10::IValue(std::to_string(opt.seed)));
        archive.write("step", c10::IValue(static_cast<int64_t>(step)));
        archive.write("seconds", c10::IValue(priorSeconds + runSeconds));
        archive.write("names", c10::IValue(parameterNames(*online)));
        torch::serialize::OutputArchive onlineArchive, emaArchive, adamArchive;
        writeParameters(onlineArchive, *online);
        writeParameters(emaArchive, *ema);
        adam->save(adamArchive);
        archive.write("online", onlineArchive);
        archive.write("ema", emaArchive);
        archive.write("adam", adamArchive);
        const std::string tmp = path + ".tmp";
        archive.save_to(tmp);
        std::error_code ec;
        std::filesystem::rename(tmp, path, ec);
        if (ec) throw Error(ErrorKind::Runtime, "cannot write resume file '" + path + "': " + ec.message());
    } catch (const c10::Error& e) {
        throw Error(ErrorKind::Runtime, "cannot write resume file '" + path + "': " + e.what_without_backtrace());
    }
}

void Trainer::Impl::readResume(const std::string& path) {
    torch::serialize::InputArchive archive;
    loadArchive(archive, path);
    try {
        if (readString(archive, "names", path) != parameterNames(*online))
            throw Error(ErrorKind::Checkpoint, path + ": the stored parameter names differ from this network's");
        c10::IValue v;
        archive.read("step", v);
        step = v.toInt();
        archive.read("seconds", v);
        priorSeconds = v.toDouble();
        torch::serialize::InputArchive onlineArchive, emaArchive, adamArchive;
        archive.read("online", onlineArchive);
        archive.read("ema", emaArchive);
        archive.read("adam", adamArchive);
        readParameters(onlineArchive, *online, path, "online");
        readParameters(emaArchive, *ema, path, "EMA");
        adam->load(adamArchive);
    } catch (const c10::Error& e) {
        throw Error(ErrorKind::Checkpoint, path + ": damaged resume file: " + e.what_without_backtrace());
    }
}

namespace train {

ResumeHeader readResumeHeader(const std::string& path) {
    torch::serialize::InputArchive archive;
    loadArchive(archive, path);
    ResumeHeader h;
    try {
        if (readString(archive, "format", path) != kResumeFormat)
            throw Error(ErrorKind::Checkpoint, path + ": unsupported resume file version");
        ckpt::applyMetadataJson(readString(archive, "metadata", path), path, h.metadata, &h.config);
        h.seed = std::stoull(readString(archive, "seed", path));
        c10::IValue v;
        archive.read("step", v);
        h.step = v.toInt();
    } catch (const c10::Error& e) {
        throw Error(ErrorKind::Checkpoint, path + ": damaged resume file: " + e.what_without_backtrace());
    } catch (const std::logic_error&) { // stoull
        throw Error(ErrorKind::Checkpoint, path + ": damaged resume file: bad seed");
    }
    return h;
}

std::string describeHardware(const DeviceSpec& device) {
    if (resolveDevice(device) != "cpu") return describeDevice(device);
    std::string model;
    std::ifstream info("/proc/cpuinfo");
    for (std::string line; std::getline(info, line);)
        if (line.rfind("model name", 0) == 0) {
            model = line.substr(line.find(':') + 1);
            model.erase(0, model.find_first_not_of(' '));
            break;
        }
    std::ostringstream s;
    const int threads = at::get_num_threads();
    s << "CPU (" << threads << (threads == 1 ? " thread" : " threads") << (model.empty() ? "" : ", " + model) << ")";
    return s.str();
}

void appendCsv(const std::string& path, const std::string& header, const std::string& row) {
    std::error_code ec;
    const bool exists = std::filesystem::exists(path, ec);
    std::ofstream out(path, std::ios::app);
    if (!out) throw Error(ErrorKind::Runtime, "cannot write '" + path + "'");
    if (!exists) out << header << '\n';
    out << row << '\n';
}

} // namespace train

std::map<std::string, torch::Tensor> Trainer::Impl::readInitWeights(const std::string& path) {
    const ckpt::CheckpointContents contents = ckpt::readCheckpoint(path, [](const std::string& key) {
        return key.rfind("opt.", 0) != 0 && key.rfind("scaler.", 0) != 0; // optimizer state is not wanted
    });
    const ResolvedMetadata md = resolveMetadata(contents, path, LoadOptions{});
    const ckpt::NetworkWeights w = ckpt::selectNetworkWeights(contents, /*preferEma=*/true); // refuses TorchScript
    ShapeMap shapes;
    for (const auto& [key, raw] : w.weights) shapes.emplace(key, raw.shape);
    opt.net = inferUNetConfig(shapes, path, md.hints);
    validateWeights(opt.net, shapes, path);
    if (md.meta.addsMu != opt.addsMu)
        warnings.push_back(path + ": " + (md.meta.addsMu ? "adds" : "does not add") +
                           " mu to its output; fine-tuning keeps that (--adds-mu " +
                           (md.meta.addsMu ? "on)" : "off)"));
    opt.addsMu = md.meta.addsMu;
    initFrom = path + " (" + w.layout + ")";
    std::map<std::string, torch::Tensor> tensors;
    for (const auto& [key, raw] : w.weights) tensors.emplace(key, rawToTorch(raw));
    return tensors;
}

} // namespace rdbm
