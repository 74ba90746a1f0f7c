#include "Progress.h"

#include <cmath>

#include <unistd.h>

namespace rdbm::cli {

ProgressReporter::ProgressReporter(Style style, std::FILE* stream) : style_(style), out_(stream) {}

ProgressReporter::Style ProgressReporter::styleFor(bool quiet, std::FILE* stream) {
    if (quiet) return Style::Quiet;
    return ::isatty(::fileno(stream)) ? Style::Bar : Style::Lines;
}

std::string ProgressReporter::formatDuration(double seconds) {
    char text[48];
    if (!(seconds >= 0.0) || !std::isfinite(seconds)) return "?";
    if (seconds < 60.0) std::snprintf(text, sizeof text, "%.1f s", seconds);
    else {
        const long s = std::lround(seconds);
        std::snprintf(text, sizeof text, "%ld min %02ld s", s / 60, s % 60);
    }
    return text;
}

void ProgressReporter::beginImage(int index, int count, const std::string& name, int steps) {
    label_ = count > 1 ? "[" + std::to_string(index) + "/" + std::to_string(count) + "] " + name : name;
    elapsed_ = 0.0;
    imageStarted_ = std::chrono::steady_clock::now();
    if (style_ == Style::Lines) std::fprintf(out_, "%s: restoring (%d steps)\n", label_.c_str(), steps);
    if (style_ == Style::Bar) step(0, steps, -1, 0.0);
}

void ProgressReporter::step(int step, int steps, int t, double stepSeconds) {
    elapsed_ += stepSeconds;
    if (style_ == Style::Quiet) return;
    if (style_ == Style::Lines) {
        std::fprintf(out_, "%s: step %d/%d (t=%d) %.2f s\n", label_.c_str(), step, steps, t, stepSeconds);
        std::fflush(out_);
        return;
    }
    constexpr int kWidth = 24;
    const int filled = steps > 0 ? step * kWidth / steps : 0;
    std::string bar(static_cast<size_t>(filled), '#');
    bar.append(static_cast<size_t>(kWidth - filled), '-');
    std::string eta = "ETA ?";
    if (step > 0) eta = "ETA " + formatDuration(elapsed_ / step * (steps - step));
    // \r and clear-to-end-of-line redraw the same terminal line.
    std::fprintf(out_, "\r\033[K%s [%s] %d/%d  %s", label_.c_str(), bar.c_str(), step, steps, eta.c_str());
    std::fflush(out_);
    barShown_ = true;
}

void ProgressReporter::tile(int step, int steps, int tileDone, int tiles) {
    if (style_ != Style::Bar || steps <= 0 || tiles <= 0) return;
    const double done = (step - 1 + static_cast<double>(tileDone) / tiles) / steps;
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - imageStarted_).count();
    constexpr int kWidth = 24;
    const int filled = static_cast<int>(done * kWidth);
    std::string bar(static_cast<size_t>(filled), '#');
    bar.append(static_cast<size_t>(kWidth - filled), '-');
    const std::string eta = done > 0.0 ? "ETA " + formatDuration(elapsed / done * (1.0 - done)) : "ETA ?";
    std::fprintf(out_, "\r\033[K%s [%s] step %d/%d tile %d/%d  %s", label_.c_str(), bar.c_str(), step, steps, tileDone, tiles,
                 eta.c_str());
    std::fflush(out_);
    barShown_ = true;
}

void ProgressReporter::clearBar() {
    if (barShown_) std::fprintf(out_, "\r\033[K");
    barShown_ = false;
}

void ProgressReporter::endImage() {
    if (style_ == Style::Bar && barShown_) {
        std::fprintf(out_, "\n");
        barShown_ = false;
    }
}

void ProgressReporter::message(const std::string& text) {
    if (style_ == Style::Quiet) return;
    clearBar();
    std::fprintf(out_, "%s\n", text.c_str());
    std::fflush(out_);
}

void ProgressReporter::error(const std::string& text) {
    if (barShown_) {
        std::fprintf(out_, "\n");
        barShown_ = false;
    }
    std::fprintf(out_, "rdbm-restore: %s\n", text.c_str());
    std::fflush(out_);
}

} // namespace rdbm::cli
