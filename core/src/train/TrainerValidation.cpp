// Validation: the held-out images sampled with the EMA weights through rdbm::restore
// (the one sampler the whole project uses), scored by PSNR and SSIM per task, logged
// to val_log.csv, with a strip of examples written as a PNG.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <sstream>

#include <opencv2/core.hpp>

#include "rdbm/Error.h"
#include "rdbm/ImageIO.h"
#include "rdbm/Metrics.h"
#include "rdbm/Sampler.h"
#include "train/TrainerImpl.h"

namespace rdbm {

namespace {

struct Sums {
    int n = 0;
    double psnrIn = 0, psnrOut = 0, ssimIn = 0, ssimOut = 0;
    void add(double pi, double po, double si, double so) {
        ++n;
        psnrIn += pi;
        psnrOut += po;
        ssimIn += si;
        ssimOut += so;
    }
    TaskScore mean(const std::string& task) const {
        TaskScore s;
        s.task = task;
        s.images = n;
        if (n > 0) {
            s.psnrIn = psnrIn / n;
            s.psnrOut = psnrOut / n;
            s.ssimIn = ssimIn / n;
            s.ssimOut = ssimOut / n;
        }
        return s;
    }
};

// PSNR of identical images is +inf; cap it so means stay finite.
double cappedPsnr(const cv::Mat& a, const cv::Mat& b) { return std::min(psnr(a, b), 100.0); }

} // namespace

ValidationReport Trainer::validate() {
    Impl& d = *impl_;
    const auto started = std::chrono::steady_clock::now();
    ValidationReport report;
    report.step = d.step;
    if (d.validation.empty()) return report;

    {
        torch::NoGradGuard noGrad;
        d.ema.freezeForInference(); // standardize the conv weights once for the whole pass
    }
    const auto model = emaModel();
    SamplerOptions so;
    so.steps = d.opt.samplingSteps;
    so.emitFrames = false;
    so.maxWholePixels = static_cast<long long>(d.opt.valSize) * d.opt.valSize;
    // The network as trained, on the crop alone: every model card's table is measured the
    // same way, whichever border rdbm::restore gives photos.
    so.borderPad = 0;

    std::map<std::string, Sums> perTask;
    std::vector<std::string> order;
    Sums all;
    std::vector<cv::Mat> stripRows;
    for (const auto& item : d.validation) {
        const cv::Mat out = restore(*model, item.degraded, so).image;
        cv::Mat clipped;
        cv::min(cv::max(out, 0.0), 1.0, clipped);
        const double pi = cappedPsnr(item.degraded, item.clean), po = cappedPsnr(clipped, item.clean);
        const double si = ssim(item.degraded, item.clean), sOut = ssim(clipped, item.clean);
        if (!perTask.count(item.task)) {
            order.push_back(item.task);
            cv::Mat row;
            cv::hconcat(std::vector<cv::Mat>{item.degraded, clipped, item.clean}, row);
            stripRows.push_back(row);
        }
        perTask[item.task].add(pi, po, si, sOut);
        all.add(pi, po, si, sOut);
    }
    for (const auto& task : order) report.tasks.push_back(perTask[task].mean(task));
    report.overall = all.mean("all");
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

    const std::filesystem::path out(d.opt.outDir);
    const std::string valLog = (out / "val_log.csv").string();
    auto logRow = [&](const TaskScore& s) {
        std::ostringstream row;
        row << report.step << ',' << s.task << ',' << s.images << ',' << s.psnrIn << ',' << s.psnrOut << ','
            << s.ssimIn << ',' << s.ssimOut << ',' << report.seconds;
        train::appendCsv(valLog, "step,task,images,psnr_in,psnr_out,ssim_in,ssim_out,seconds", row.str());
    };
    for (const auto& s : report.tasks) logRow(s);
    logRow(report.overall);

    // One example per task: degraded | restored | clean.
    if (!stripRows.empty()) {
        std::error_code ec;
        std::filesystem::create_directories(out / "val", ec);
        cv::Mat strip;
        cv::vconcat(stripRows, strip);
        char name[64];
        std::snprintf(name, sizeof name, "step-%07lld.png", report.step);
        Image img;
        img.rgb = strip;
        WriteOptions wo;
        wo.overwrite = true;
        try {
            writeImage((out / "val" / name).string(), img, wo);
        } catch (const Error& e) {
            d.warnings.push_back(std::string("could not write the validation strip: ") + e.what());
        }
    }
    return report;
}

} // namespace rdbm
