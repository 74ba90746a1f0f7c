#pragma once
// rdbm-train's command line, parsed and checked without touching any file so the
// parser can be tested on its own.
#include <string>
#include <vector>

#include "rdbm/Trainer.h"

namespace rdbm::cli {

struct TrainCommandLine {
    TrainerOptions trainer;
    bool help = false;
    bool version = false;
    bool quiet = false; // no progress lines, only warnings and the final summary
};

// Throws Error(Usage) naming the offending option.
TrainCommandLine parseTrainOptions(const std::vector<std::string>& args);
std::string trainUsage();

// "10/255", "0.0392", "1e-4" -> value. Throws Error(Usage) naming `option`.
double parseNumberOrRatio(const std::string& text, const std::string& option);

} // namespace rdbm::cli
