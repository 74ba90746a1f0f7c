#pragma once
// Collects per-photo scores and writes them as JSON and as the Markdown tables of the
// README: per (scale, task, method) the mean PSNR and SSIM and the worst photo.
#include <map>
#include <string>
#include <vector>

namespace rdbm::bench {

struct Score {
    std::string scale;  // "crop" or "whole"
    std::string task;
    std::string method; // "input", a model's file stem, or a classical tool's name
    std::string photo;
    double psnr = 0.0, ssim = 0.0, seconds = 0.0;
};

class QualityReport {
public:
    void add(const Score& s) { scores_.push_back(s); }
    const std::vector<Score>& scores() const { return scores_; }
    // Methods in the order they were first added; classical tools are those named in `classical`.
    std::string markdown(const std::vector<std::string>& classical, const std::string& header) const;
    std::string json(const std::string& settings) const;

private:
    std::vector<Score> scores_;
};

} // namespace rdbm::bench
