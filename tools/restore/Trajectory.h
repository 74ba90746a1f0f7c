#pragma once
// --trajectory DIR: every sampling step kept and written out at the end in the layout
// the application's export shares (rdbm/TrajectoryLayout.h):
//   xt_000.png .. xt_S.png     x_t after each step (frame 0 is the input mu)
//   x0_001.png .. x0_S.png     the predicted clean image at each step
//   pieps_001.png ..           pi*eps (channel mean) through the diverging colour map,
//                              one symmetric limit for all steps so frames compare
//   trajectory.json            step times t, the colour map limit, the files
// plus, full size and float32 RGB, xt.npy [S+1,H,W,3], x0.npy [S,H,W,3], pieps.npy [S,H,W,3].
// RDDM runs (docs/method.md §8.4): pieps_* and pieps.npy hold the predicted noise eps, and
// residual.npy [S,H,W,3] the predicted residual mu - x0 (a file the pre-run conflict check
// of trajectoryFileNames does not list; an existing one is refused when written).
#include <string>
#include <vector>

#include <opencv2/core/mat.hpp>

#include "rdbm/Sampler.h"

namespace rdbm::cli {

// Every file name write() produces for a run of `steps` steps, in writing order.
std::vector<std::string> trajectoryFileNames(int steps);

class TrajectoryRecorder {
public:
    explicit TrajectoryRecorder(const cv::Mat& mu); // float32 RGB in [0,1]
    void add(const StepFrame& frame);
    int frames() const { return static_cast<int>(xt_.size()); } // including mu

    // Writes everything into dir (created if missing), atomically per file.
    // Returns the paths written. Throws Error(Usage) if a file exists and !overwrite.
    std::vector<std::string> write(const std::string& dir, bool overwrite) const;

private:
    std::vector<cv::Mat> xt_, x0_, piEps_, residual_;
    std::vector<int> t_, tNext_;
};

} // namespace rdbm::cli
