#pragma once
// Progress on stderr: a redrawn bar with the ETA when stderr is a terminal, one plain
// line per step otherwise (logs, pipes), nothing but errors with --quiet.
#include <chrono>
#include <cstdio>
#include <string>

namespace rdbm::cli {

class ProgressReporter {
public:
    enum class Style { Bar, Lines, Quiet };
    ProgressReporter(Style style, std::FILE* stream = stderr);
    static Style styleFor(bool quiet, std::FILE* stream = stderr); // isatty decides Bar vs Lines

    void beginImage(int index, int count, const std::string& name, int steps);
    void step(int step, int steps, int t, double stepSeconds);
    // Within a tiled step (bar only): "step 1/4 tile 120/384", ETA from the tiles so far.
    void tile(int step, int steps, int tileDone, int tiles);
    void endImage(); // finishes the bar's line
    void message(const std::string& text); // informational; suppressed when quiet
    void error(const std::string& text);   // always printed

    // "1.2 s", "3 min 05 s"
    static std::string formatDuration(double seconds);

private:
    void clearBar();
    Style style_;
    std::FILE* out_;
    std::string label_;
    double elapsed_ = 0.0;
    std::chrono::steady_clock::time_point imageStarted_;
    bool barShown_ = false;
};

} // namespace rdbm::cli
