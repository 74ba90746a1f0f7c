#pragma once
// Which images a run restores and where each result goes. A folder given as INPUT
// contributes the images in it (with --recursive, in its subfolders too, their paths
// relative to the folder kept under --out-dir); a file contributes itself.
#include <string>
#include <vector>

#include "Options.h"

namespace rdbm::cli {

struct PlannedImage {
    std::string input;
    std::string output;
    std::string name; // the output's path relative to --out-dir ("sub/a.png"); -o: its file name
};

// In a stable order (inputs as given, each folder's images sorted by path). Skips
// hidden files and folders (names starting with '.', e.g. an interrupted write's
// temporary) and, when --out-dir lies inside a scanned folder, everything under it, so
// earlier results never become inputs. Throws Error(Usage) when two outputs would
// collide or there is no image to restore.
std::vector<PlannedImage> planImages(const RestoreOptions& options);

} // namespace rdbm::cli
