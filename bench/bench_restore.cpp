// bench_restore: how fast the C++ engine runs the RDBM network and a full restoration.
//
//   bench_restore [--model CKPT | --dim D] [--size WxH] [--mode whole|auto] [--threads N]
//                 [--repeat N] [--steps S] [--device cpu|cuda] [--profile TRACE.json]
//
// --profile records the timed network calls with LibTorch's profiler as a Chrome trace;
// bench/profile_summary.py turns it into self time per operator.
//
// One image size per process, so the peak resident memory (getrusage ru_maxrss, the
// high-water mark of the whole process: weights, activations, allocator caches) belongs
// to that size. "whole" runs every network call on the whole image (what PyTorch eager
// does in bench/pytorch_eager.py); "auto" lets rdbm::restore tile large images as the
// application does (the automatic tiling plan of rdbm::restore, default overlap).
// Prints a readable summary and one "RESULT {json}" line for bench/run.sh.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <ATen/Parallel.h>
#include <nlohmann/json.hpp>
#include <opencv2/core.hpp>
#include <sys/resource.h>
#include <torch/csrc/autograd/profiler_legacy.h>
#include <torch/torch.h>
#include <unistd.h>

#include "rdbm/CpuRuntime.h"
#include "checkpoint/RawTensor.h"
#include "checkpoint/Safetensors.h"
#include "model/ModelImpl.h"
#include "net/UNet.h"
#include "net/UNetBlocks.h"
#include "rdbm/Error.h"
#include "rdbm/Model.h"
#include "rdbm/Sampler.h"

namespace {

using Clock = std::chrono::steady_clock;

struct BenchOptions {
    std::string model;
    int dim = 32;
    int width = 256, height = 256;
    std::string mode = "whole";
    int threads = 2;
    int repeat = 3;
    int steps = 10;
    std::string device = "cpu";
    std::string profile; // Chrome trace of the timed calls, when set
    int tile = 0;        // a forced tile size for the restoration; 0: --mode decides
};

[[noreturn]] void usage(const std::string& problem) {
    std::fprintf(stderr,
                 "bench_restore: %s\nusage: bench_restore [--model CKPT | --dim D] [--size WxH] [--mode whole|auto]\n"
                 "                     [--threads N] [--repeat N] [--steps S] [--device cpu|cuda]\n"
                 "                     [--tile N] [--profile TRACE.json]\n",
                 problem.c_str());
    std::exit(2);
}

BenchOptions parse(int argc, char** argv) {
    BenchOptions o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) usage(a + " needs a value");
            return argv[++i];
        };
        if (a == "--model") o.model = value();
        else if (a == "--dim") o.dim = std::stoi(value());
        else if (a == "--size") {
            const std::string s = value();
            if (std::sscanf(s.c_str(), "%dx%d", &o.width, &o.height) != 2 || o.width < 8 || o.height < 8)
                usage("--size expects WxH, got " + s);
        } else if (a == "--mode") {
            o.mode = value();
            if (o.mode != "whole" && o.mode != "auto") usage("--mode is whole or auto");
        } else if (a == "--threads") o.threads = std::stoi(value());
        else if (a == "--repeat") o.repeat = std::max(1, std::stoi(value()));
        else if (a == "--steps") o.steps = std::stoi(value());
        else if (a == "--device") o.device = value();
        else if (a == "--profile") o.profile = value();
        else if (a == "--tile") o.tile = std::stoi(value());
        else if (a == "--help" || a == "-h") usage("help");
        else usage("unknown argument " + a);
    }
    return o;
}

double peakResidentMiB() {
    rusage ru{};
    ::getrusage(RUSAGE_SELF, &ru);
    return static_cast<double>(ru.ru_maxrss) / 1024.0; // Linux reports KiB
}

// CPU seconds of the whole process: with one thread, the work a call does, whatever else
// the machine runs (wall time on a loaded machine mostly measures the others).
double processCpuSeconds() {
    timespec ts{};
    ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

// A random-weight network of the given dim, written as safetensors and loaded through
// Model::load like any checkpoint (so the timed path is the application's).
std::string writeRandomCheckpoint(int dim) {
    torch::manual_seed(0);
    rdbm::UNetConfig config;
    config.dim = dim;
    rdbm::UNet net(config);
    rdbm::checkpoint::TensorMap tensors;
    for (const auto& p : net.named_parameters()) {
        const torch::Tensor c = p.value().detach().to(torch::kFloat32).contiguous();
        std::vector<unsigned char> bytes(static_cast<size_t>(c.numel()) * sizeof(float));
        std::memcpy(bytes.data(), c.data_ptr<float>(), bytes.size());
        tensors.emplace(p.key(), rdbm::checkpoint::makeContiguous(rdbm::checkpoint::DType::F32, c.sizes().vec(), std::move(bytes)));
    }
    const std::string path = (std::filesystem::temp_directory_path() /
                              ("bench-random-dim" + std::to_string(dim) + "-" + std::to_string(::getpid()) + ".safetensors"))
                                 .string();
    rdbm::checkpoint::writeSafetensors(path, tensors, {}, true);
    return path;
}

// This machine's rate for the two kinds of work a call does, on the benchmark's threads:
// a 1024^3 matrix product (BLAS) and a 3x3 convolution of 32 channels on 128x128 in
// channels-last layout (oneDNN), in GFLOP/s, best of a few runs.
std::pair<double, double> machineRates() {
    c10::InferenceMode guard;
    auto best = [](auto&& work, double flops) {
        work(); // warm-up
        double fastest = 1e30;
        for (int r = 0; r < 5; ++r) {
            const auto t0 = Clock::now();
            work();
            fastest = std::min(fastest, std::chrono::duration<double>(Clock::now() - t0).count());
        }
        return flops / fastest / 1e9;
    };
    const torch::Tensor a = torch::randn({1024, 1024}), b = torch::randn({1024, 1024});
    const double gemm = best([&] { (void)at::mm(a, b).sum().item<float>(); }, 2.0 * 1024 * 1024 * 1024);
    const torch::Tensor x = torch::randn({1, 32, 128, 128}).contiguous(at::MemoryFormat::ChannelsLast);
    const torch::Tensor w = torch::randn({32, 32, 3, 3}).contiguous(at::MemoryFormat::ChannelsLast);
    const double conv =
        best([&] { (void)at::conv2d(x, w, {}, {1, 1}, {1, 1}).sum().item<float>(); }, 2.0 * 32 * 32 * 9 * 128 * 128);
    return {gemm, conv};
}

} // namespace

int main(int argc, char** argv) {
    rdbm::restartWithCpuRuntimeSettings(argv); // rdbm/CpuRuntime.h: why
    const BenchOptions o = parse(argc, argv);
    at::set_num_threads(o.threads);
    at::set_num_interop_threads(1);
    try {
        std::string path = o.model;
        const bool random = path.empty();
        if (random) path = writeRandomCheckpoint(o.dim);
        rdbm::LoadOptions lo;
        lo.device = rdbm::parseDevice(o.device);
        const auto loadStart = Clock::now();
        const std::shared_ptr<rdbm::Model> model = rdbm::Model::load(path, lo);
        const double loadSeconds = std::chrono::duration<double>(Clock::now() - loadStart).count();
        if (random) std::filesystem::remove(path);
        const rdbm::ModelInfo& info = model->info();
        const rdbm::Model::Impl& impl = model->impl();

        nlohmann::json result;
        result["engine"] = "libtorch-cpp";
        result["libtorch"] = rdbm::libtorchVersion();
        result["model"] = random ? "random dim " + std::to_string(o.dim) : o.model;
        result["dim"] = info.config.dim;
        result["parameters"] = info.parameterCount;
        result["size"] = std::to_string(o.width) + "x" + std::to_string(o.height);
        result["mode"] = o.mode;
        result["threads"] = at::get_num_threads();
        result["blas_core"] = rdbm::blasCoreName(); // rdbm/CpuRuntime.h
        result["device"] = model->device();
        result["load_s"] = loadSeconds;
        double load1 = 0.0;
        if (::getloadavg(&load1, 1) == 1) result["loadavg"] = load1; // other work on the machine skews timings

        // Network calls on the whole image, as the sampler makes them (padding included).
        // Skipped in auto mode for large images: a whole-image call is exactly what tiling avoids.
        const bool tiledRun = o.mode == "auto" && static_cast<long long>(o.width) * o.height > 512LL * 512LL;
        if (!tiledRun) {
            c10::InferenceMode guard;
            torch::manual_seed(1);
            const auto opts = torch::TensorOptions().dtype(torch::kFloat32).device(impl.device);
            const torch::Tensor x = torch::rand({1, 3, o.height, o.width}, opts) * 2 - 1;
            const torch::Tensor mu = torch::rand({1, 3, o.height, o.width}, opts) * 2 - 1;
            rdbm::unet::threadFlopCount() = {};
            impl.network(x, mu, 50); // warm-up: first-call allocations and kernel selection
            const rdbm::unet::FlopCount work = rdbm::unet::threadFlopCount();
            result["call_gflop_convolution"] = work.convolution / 1e9;
            result["call_gflop_attention"] = work.attention / 1e9;
            std::vector<double> ms, cpuMs;
            std::optional<torch::autograd::profiler::RecordProfile> profiler;
            if (!o.profile.empty()) profiler.emplace(o.profile);
            for (int r = 0; r < o.repeat; ++r) {
                const auto t0 = Clock::now();
                const double cpu0 = processCpuSeconds();
                const torch::Tensor out = impl.network(x, mu, 89 - 10 * r);
                (void)out.sum().item<float>(); // synchronize (matters on CUDA)
                ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
                cpuMs.push_back(1000.0 * (processCpuSeconds() - cpu0));
            }
            profiler.reset(); // writes the trace
            result["call_ms_median"] = median(ms);
            result["call_ms_min"] = *std::min_element(ms.begin(), ms.end());
            result["call_ms"] = ms;
            result["call_cpu_ms_median"] = median(cpuMs);
            if (impl.device.is_cpu() && work.convolution + work.attention > 0) {
                const auto [gemm, conv] = machineRates();
                // The time the counted work takes at this machine's measured rates.
                const double limitMs = 1e3 * (work.convolution / (conv * 1e9) + work.attention / (gemm * 1e9));
                result["machine_gemm_gflops"] = gemm;
                result["machine_conv3x3_gflops"] = conv;
                result["call_limit_ms"] = limitMs;
                result["call_fraction_of_limit"] = limitMs / median(ms);
            }
        }

        // A full restoration of a random photo.
        cv::Mat photo(o.height, o.width, CV_32FC3);
        cv::randu(photo, 0.0, 1.0);
        rdbm::SamplerOptions so;
        so.steps = o.steps;
        so.emitFrames = false;
        // An explicit tile at least as large as the image means one whole-image call per step
        // (the automatic plan would tile it to bound the middle attention).
        // (Larger than the photo with the reflected border rdbm-train's models get, 16 px.)
        if (o.mode == "whole") so.tileSize = std::max(o.width, o.height) + 2 * 16;
        if (o.tile > 0) so.tileSize = o.tile;
        const double restoreCpu0 = processCpuSeconds();
        const rdbm::RestoreResult rr = rdbm::restore(*model, photo, so);
        result["restore_cpu_s"] = processCpuSeconds() - restoreCpu0;
        result["steps"] = o.steps;
        result["restore_s"] = rr.seconds;
        result["network_calls"] = rr.networkCalls;
        result["tiles_per_call"] = rr.tiles;
        result["tile_size"] = rr.tileSize;
        result["processed_area_ratio"] = rr.processedAreaRatio;
        result["peak_rss_mib"] = peakResidentMiB();

        std::printf("%s  %s  dim %d (%.2fM params)  %s  %d threads  OpenBLAS %s\n", result["model"].get<std::string>().c_str(),
                    result["size"].get<std::string>().c_str(), info.config.dim, info.parameterCount / 1e6,
                    o.mode.c_str(), at::get_num_threads(), result["blas_core"].get<std::string>().c_str());
        if (result.contains("call_ms_median"))
            std::printf("  network call (whole image): %.1f ms median of %d (%.1f ms CPU)\n",
                        result["call_ms_median"].get<double>(), o.repeat, result["call_cpu_ms_median"].get<double>());
        if (result.contains("call_limit_ms"))
            std::printf("  counted work: %.2f GFLOP per call (%.2f convolutions, %.2f attention); this machine:"
                        " GEMM %.0f GFLOP/s, 3x3 conv %.0f GFLOP/s -> limit %.1f ms, reached %.0f%%\n",
                        result["call_gflop_convolution"].get<double>() + result["call_gflop_attention"].get<double>(),
                        result["call_gflop_convolution"].get<double>(), result["call_gflop_attention"].get<double>(),
                        result["machine_gemm_gflops"].get<double>(), result["machine_conv3x3_gflops"].get<double>(),
                        result["call_limit_ms"].get<double>(), 100.0 * result["call_fraction_of_limit"].get<double>());
        std::printf("  %d-step restoration: %.2f s, %.2f s CPU (%s)\n", o.steps, rr.seconds,
                    result["restore_cpu_s"].get<double>(),
                    rr.tileSize ? (std::to_string(rr.tiles) + " tiles of " + std::to_string(rr.tileSize) +
                                   " per call, processed area " + std::to_string(rr.processedAreaRatio).substr(0, 4) +
                                   "x the photo")
                                      .c_str()
                                : "whole image");
        std::printf("  peak resident memory: %.0f MiB\n", result["peak_rss_mib"].get<double>());
        std::printf("RESULT %s\n", result.dump().c_str());
        return 0;
    } catch (const rdbm::Error& e) {
        std::fprintf(stderr, "bench_restore: %s\n", e.what());
        return 1;
    }
}
