#pragma once
// The one on-disk layout of a restoration's trajectory, written both by
// `rdbm-restore --trajectory DIR` and by the application's trajectory export. In one
// folder:
//   xt_000.png .. xt_S.png        x after each step; frame 0 is the input mu
//   x0_001.png .. x0_S.png        the predicted clean image at each step
//   pieps_001.png .. pieps_S.png  pi*eps (channel mean) through the diverging colour
//                                 map (rdbm/Colormap.h), one symmetric limit for all
//                                 steps (kPiEpsLimitPercentile of |pi*eps| over every
//                                 step) so that colours compare across frames
//   trajectory.json               steps, t, t_next, the colour-map limit, the files
// The command line adds float32 stacks of the full-size frames (xt.npy, x0.npy,
// pieps.npy); the application, which keeps previews only, adds contact_sheet.png.
#include <string>
#include <vector>

namespace rdbm::trajectory {

enum class Frame { Xt, X0, PiEps };

// "xt_003.png", "x0_001.png", "pieps_010.png". x_t frames count from 0 (mu), the
// others from 1 (the first step).
std::string fileName(Frame kind, int index);
// Every image file of an S-step run in writing order: all x_t, then x0, then pi*eps.
std::vector<std::string> imageFileNames(int steps);

constexpr const char* kManifestName = "trajectory.json";
constexpr double kPiEpsLimitPercentile = 0.99;

struct Manifest {
    std::string writer;             // "rdbm-restore" or "rdbm-studio"
    int width = 0, height = 0;      // of the frames written (previews may be smaller than the photo)
    std::vector<int> t, tNext;      // per step: the network's time and the time reached
    float piEpsLimit = 0.0f;        // the colour map's symmetric limit, [-1,1] units
    std::vector<std::string> files; // everything written besides the manifest, file names only
};

// The manifest as JSON text (ends with a newline).
std::string manifestJson(const Manifest& manifest);

} // namespace rdbm::trajectory
