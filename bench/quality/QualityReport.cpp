#include "QualityReport.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <sstream>

#include <nlohmann/json.hpp>

namespace rdbm::bench {

namespace {

struct Summary {
    double psnr = 0.0, ssim = 0.0, worst = std::numeric_limits<double>::infinity();
    std::string worstPhoto;
    int n = 0;
};

// PSNR is capped at 60 dB so that an untouched clean photo (+inf) averages sensibly.
double capped(double psnr) { return std::isfinite(psnr) ? std::min(psnr, 60.0) : 60.0; }

std::string fmt(const char* f, double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, f, v);
    return buf;
}

template <class T> void pushUnique(std::vector<T>& v, const T& x) {
    if (std::find(v.begin(), v.end(), x) == v.end()) v.push_back(x);
}

} // namespace

std::string QualityReport::markdown(const std::vector<std::string>& classical, const std::string& header) const {
    std::vector<std::string> scales, tasks, methods;
    for (const Score& s : scores_) {
        pushUnique(scales, s.scale);
        pushUnique(tasks, s.task);
        pushUnique(methods, s.method);
    }
    // Only photos scored by every method enter a row's means, so that a run stopped
    // half-way still compares like with like.
    std::map<std::string, int> perPhoto; // scale|task|photo -> methods scored
    for (const Score& s : scores_) ++perPhoto[s.scale + "|" + s.task + "|" + s.photo];
    std::map<std::string, Summary> sums; // scale|task|method
    for (const Score& s : scores_) {
        if (perPhoto[s.scale + "|" + s.task + "|" + s.photo] < static_cast<int>(methods.size())) continue;
        Summary& m = sums[s.scale + "|" + s.task + "|" + s.method];
        m.psnr += capped(s.psnr);
        m.ssim += s.ssim;
        ++m.n;
        if (capped(s.psnr) < m.worst) m.worst = capped(s.psnr), m.worstPhoto = s.photo;
    }
    auto isClassical = [&](const std::string& m) {
        return std::find(classical.begin(), classical.end(), m) != classical.end();
    };
    std::ostringstream md;
    md << header << "\n";
    for (const std::string& scale : scales) {
        md << "\n**" << (scale == "crop" ? "Crops" : "Whole photos")
           << "**: mean PSNR dB / SSIM over the photos every method finished (n); below it, the worst "
              "photo's PSNR. "
              "`best classical` is the best classical tool of the row by mean PSNR.\n\n";
        md << "| task (n) |";
        for (const std::string& m : methods) md << " " << m << " |";
        md << " best classical | best model − best classical |\n|---|";
        for (size_t i = 0; i < methods.size() + 2; ++i) md << "---|";
        md << "\n";
        for (const std::string& task : tasks) {
            int n = 0;
            for (const auto& [key, count] : perPhoto)
                if (key.rfind(scale + "|" + task + "|", 0) == 0 && count >= static_cast<int>(methods.size())) ++n;
            if (n == 0) continue;
            md << "| " << task << " (" << n << ") |";
            double bestClassical = -1e9, bestModel = -1e9;
            std::string bestClassicalName;
            for (const std::string& m : methods) {
                auto it = sums.find(scale + "|" + task + "|" + m);
                if (it == sums.end() || it->second.n == 0) {
                    md << " - |";
                    continue;
                }
                const Summary& s = it->second;
                const double p = s.psnr / s.n;
                md << " " << fmt("%.2f", p) << " / " << fmt("%.3f", s.ssim / s.n) << "<br>min "
                   << fmt("%.1f", s.worst) << " |";
                if (isClassical(m) && p > bestClassical) bestClassical = p, bestClassicalName = m;
                if (!isClassical(m) && m != "input") bestModel = std::max(bestModel, p);
            }
            if (bestClassicalName.empty()) {
                md << " - | - |\n"; // a run without classical tools (--no-classical)
                continue;
            }
            md << " " << bestClassicalName << " " << fmt("%.2f", bestClassical) << " | "
               << (bestModel > -1e8 ? fmt("%+.2f dB", bestModel - bestClassical) : std::string("-")) << " |\n";
        }
    }
    return md.str();
}

std::string QualityReport::json(const std::string& settings) const {
    nlohmann::json j;
    j["settings"] = nlohmann::json::parse(settings);
    j["scores"] = nlohmann::json::array();
    for (const Score& s : scores_)
        j["scores"].push_back({{"scale", s.scale}, {"task", s.task}, {"method", s.method}, {"photo", s.photo},
                               {"psnr", capped(s.psnr)}, {"ssim", s.ssim}, {"seconds", s.seconds}});
    return j.dump(1);
}

} // namespace rdbm::bench
