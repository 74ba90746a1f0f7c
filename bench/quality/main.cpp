// bench_quality: the project's held-out quality benchmark. Every bundled (or given) model
// and every classical tool restores the same degraded held-out photos; PSNR/SSIM against
// the clean photo, per task, on centre crops and on whole photos. bench/quality/run.sh is
// the one command that installs the photos' packages, builds and runs this.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <limits>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <opencv2/imgproc.hpp>

#include "rdbm/CpuRuntime.h"
#include "QualityReport.h"
#include "QualityTasks.h"
#include "rdbm/ClassicalTools.h"
#include "rdbm/Error.h"
#include "rdbm/FileOps.h"
#include "rdbm/ImageIO.h"
#include "rdbm/Metrics.h"
#include "rdbm/Model.h"
#include "rdbm/Sampler.h"

namespace fs = std::filesystem;
using namespace rdbm;
using namespace rdbm::bench;

namespace {

struct Options {
    std::string photos = "bench/quality/photos.tsv";
    std::vector<std::string> models;
    std::string out = "out/quality";
    std::string tasks = "lowlight,lowlight-alt,haze,haze-alt,clean,jpeg30,noise15";
    std::string scales = "crop,whole";
    int steps = 10, crop = 256, wholeSide = 512, tile = 0, maxPhotos = 0;
    bool classical = true;
    bool globalContext = true;
    bool tilingStudy = false; // whole photos also untiled and tiled without global context
    bool saveImages = false;  // every output as PNG under OUT/images, for looking at
    std::string fromScores;   // re-render the tables of a (possibly unfinished) scores.jsonl
};

const char* kUsage =
    "bench_quality --model CKPT [--model CKPT ...] [--photos TSV] [--out DIR] [--tasks a,b]\n"
    "              [--scales crop,whole] [--steps 10] [--crop 256] [--whole-side 512] [--tile N]\n"
    "              [--max-photos N] [--no-classical] [--no-global-context] [--tiling-study]\n"
    "              [--save-images] [--from-scores OUT/scores.jsonl]\n";

Options parse(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) throw Error(ErrorKind::Usage, a + " needs a value");
            return argv[++i];
        };
        if (a == "--model") o.models.push_back(value());
        else if (a == "--photos") o.photos = value();
        else if (a == "--out") o.out = value();
        else if (a == "--tasks") o.tasks = value();
        else if (a == "--scales") o.scales = value();
        else if (a == "--steps") o.steps = std::stoi(value());
        else if (a == "--crop") o.crop = std::stoi(value());
        else if (a == "--whole-side") o.wholeSide = std::stoi(value());
        else if (a == "--tile") o.tile = std::stoi(value());
        else if (a == "--max-photos") o.maxPhotos = std::stoi(value());
        else if (a == "--no-classical") o.classical = false;
        else if (a == "--no-global-context") o.globalContext = false;
        else if (a == "--tiling-study") o.tilingStudy = true;
        else if (a == "--save-images") o.saveImages = true;
        else if (a == "--from-scores") o.fromScores = value();
        else if (a == "-h" || a == "--help") std::cout << kUsage, std::exit(0);
        else throw Error(ErrorKind::Usage, "unknown argument " + a + "\n" + kUsage);
    }
    return o;
}

struct Photo {
    std::string name, package, path, about;
};

std::vector<Photo> readPhotoList(const std::string& tsv) {
    std::ifstream in(tsv);
    if (!in) throw Error(ErrorKind::Usage, "cannot read the photo list " + tsv);
    std::vector<Photo> photos;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::stringstream s(line);
        Photo p;
        std::getline(s, p.package, '\t');
        std::getline(s, p.path, '\t');
        std::getline(s, p.about, '\t');
        p.name = fs::path(p.path).stem().string();
        if (p.name == "5120x2880") p.name = fs::path(p.path).parent_path().parent_path().parent_path().filename().string();
        photos.push_back(p);
    }
    return photos;
}

// The photo at a long side of at most `side` (area-averaged), or its centre crop.
cv::Mat prepare(const cv::Mat& rgb, const std::string& scale, int side, int crop) {
    cv::Mat img = rgb;
    const int longSide = std::max(rgb.cols, rgb.rows);
    if (longSide > side) {
        const double f = double(side) / longSide;
        cv::resize(rgb, img, cv::Size(), f, f, cv::INTER_AREA);
    }
    if (scale == "crop") {
        const int c = std::min({crop, img.cols, img.rows});
        img = img(cv::Rect((img.cols - c) / 2, (img.rows - c) / 2, c, c)).clone();
    }
    return img;
}

std::vector<std::string> split(const std::string& csv) {
    std::vector<std::string> out;
    std::stringstream s(csv);
    std::string x;
    while (std::getline(s, x, ',')) out.push_back(x);
    return out;
}

} // namespace

int main(int argc, char** argv) try {
    rdbm::restartWithCpuRuntimeSettings(argv); // rdbm/CpuRuntime.h: why
    const Options opt = parse(argc, argv);
    if (!opt.fromScores.empty()) {
        // Tables from the scores a run wrote so far, e.g. of a run stopped half-way.
        std::ifstream in(opt.fromScores);
        if (!in) throw Error(ErrorKind::Usage, "cannot read " + opt.fromScores);
        QualityReport report;
        std::string line;
        while (std::getline(in, line)) {
            if (line.empty()) continue;
            const auto j = nlohmann::json::parse(line);
            // JSON has no infinity: an untouched photo's PSNR (+inf) was written as null.
            const double psnr =
                j.at("psnr").is_null() ? std::numeric_limits<double>::infinity() : j.at("psnr").get<double>();
            report.add({j.at("scale"), j.at("task"), j.at("method"), j.at("photo"), psnr, j.at("ssim"),
                        j.at("seconds")});
        }
        std::vector<std::string> classicalNames;
        for (ClassicalTool t : allClassicalTools()) classicalNames.push_back(toString(t));
        std::cout << report.markdown(classicalNames, "Scores of " + opt.fromScores + "\n");
        return 0;
    }
    if (opt.models.empty() && !opt.classical) throw Error(ErrorKind::Usage, "nothing to score\n" + std::string(kUsage));
    std::vector<Photo> photos = readPhotoList(opt.photos);
    if (opt.maxPhotos > 0 && int(photos.size()) > opt.maxPhotos) photos.resize(size_t(opt.maxPhotos));
    const std::vector<QualityTask> tasks = parseQualityTasks(opt.tasks);
    const std::vector<std::string> scales = split(opt.scales);

    std::vector<std::pair<std::string, std::shared_ptr<Model>>> models;
    for (const std::string& m : opt.models) models.emplace_back(fs::path(m).stem().string(), Model::load(m));
    std::vector<std::string> classicalNames;
    if (opt.classical)
        for (ClassicalTool t : allClassicalTools()) classicalNames.push_back(toString(t));

    fs::create_directories(opt.out);
    QualityReport report;
    std::ofstream live(opt.out + "/scores.jsonl"); // each score as soon as it exists
    auto record = [&](const Score& s) {
        report.add(s);
        live << nlohmann::json{{"scale", s.scale}, {"task", s.task}, {"method", s.method}, {"photo", s.photo},
                               {"psnr", s.psnr}, {"ssim", s.ssim}, {"seconds", s.seconds}}
                    .dump()
             << "\n"
             << std::flush;
        std::fprintf(stderr, "  %-5s %-12s %-18s %-14s %6.2f dB  %.3f  %5.1f s\n", s.scale.c_str(), s.task.c_str(),
                     s.method.c_str(), s.photo.c_str(), s.psnr, s.ssim, s.seconds);
    };

    SamplerOptions sampling;
    sampling.steps = opt.steps;
    sampling.tileSize = opt.tile;
    sampling.emitFrames = false;
    sampling.globalContext = opt.globalContext;
    for (const std::string& scale : scales)
        for (size_t pi = 0; pi < photos.size(); ++pi) {
            const Photo& photo = photos[pi];
            const cv::Mat clean = prepare(readImage(photo.path).rgb, scale, opt.wholeSide, opt.crop);
            std::fprintf(stderr, "%s %s (%dx%d)\n", scale.c_str(), photo.name.c_str(), clean.cols, clean.rows);
            for (size_t ti = 0; ti < tasks.size(); ++ti) {
                const QualityTask& task = tasks[ti];
                const cv::Mat input = degradeForTask(task, clean, 1000 * (pi + 1) + ti);
                auto score = [&](const std::string& method, const cv::Mat& out, double seconds) {
                    record({scale, task.name, method, photo.name, psnr(out, clean), ssim(out, clean), seconds});
                    if (opt.saveImages) {
                        const fs::path dir = fs::path(opt.out) / "images" / scale / task.name;
                        fs::create_directories(dir);
                        Image img;
                        img.rgb = out;
                        WriteOptions w;
                        w.overwrite = true;
                        writeImage((dir / (photo.name + "." + method + ".png")).string(), img, w);
                    }
                };
                score("input", input, 0.0);
                if (opt.classical)
                    for (ClassicalTool t : allClassicalTools()) {
                        const auto t0 = std::chrono::steady_clock::now();
                        const cv::Mat out = applyClassical(t, input);
                        score(toString(t), out,
                              std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
                    }
                for (const auto& [name, model] : models) {
                    const RestoreResult r = restore(*model, input, sampling);
                    score(name, r.image, r.seconds);
                    if (opt.tilingStudy && scale == "whole") {
                        SamplerOptions variant = sampling;
                        variant.globalContext = false;
                        const RestoreResult tiles = restore(*model, input, variant);
                        score(name + " tiles", tiles.image, tiles.seconds);
                        variant.tileSize = std::max(input.cols, input.rows);
                        variant.maxWholePixels = 1LL << 40;
                        const RestoreResult whole = restore(*model, input, variant);
                        score(name + " untiled", whole.image, whole.seconds);
                    }
                }
            }
        }

    nlohmann::json settings = {{"photos", opt.photos}, {"photo_count", photos.size()}, {"steps", opt.steps},
                               {"crop", opt.crop}, {"whole_side", opt.wholeSide}, {"tile", opt.tile},
                               {"models", opt.models}, {"tasks", opt.tasks}, {"global_context", opt.globalContext}};
    std::ostringstream header;
    header << "Held-out quality benchmark (`bench/quality/run.sh`): " << photos.size()
           << " photos from Debian packages training does not read (`bench/quality/photos.tsv`), " << opt.steps
           << " sampling steps, crops " << opt.crop << "x" << opt.crop << " from the photo at long side "
           << opt.wholeSide << ", whole photos at long side " << opt.wholeSide << ", tile "
           << (opt.tile ? std::to_string(opt.tile) : std::string("automatic")) << ".\n\nTasks:\n";
    for (const QualityTask& t : tasks) header << "- `" << t.name << "` (" << t.family << "): " << t.about << "\n";
    const std::string md = report.markdown(classicalNames, header.str());
    const std::string js = report.json(settings.dump());
    writeFileAtomic(opt.out + "/quality.md", std::vector<unsigned char>(md.begin(), md.end()), true);
    writeFileAtomic(opt.out + "/quality.json", std::vector<unsigned char>(js.begin(), js.end()), true);
    std::cout << md;
    return 0;
} catch (const std::exception& e) {
    std::fprintf(stderr, "bench_quality: %s\n", e.what());
    return 2;
}
