// Names, lookup and dispatch of the classical corrections; each lives in its own file.
#include "rdbm/ClassicalTools.h"

#include <algorithm>
#include <cctype>

#include "classical/Corrections.h"
#include "rdbm/Error.h"

namespace rdbm {

std::string toString(ClassicalTool tool) {
    switch (tool) {
    case ClassicalTool::AutoLevels: return "autolevels";
    case ClassicalTool::AutoContrast: return "autocontrast";
    case ClassicalTool::GammaToMean: return "gamma";
    case ClassicalTool::Clahe: return "clahe";
    case ClassicalTool::DarkChannelPrior: return "dcp";
    }
    return "?";
}

ClassicalTool classicalToolFromString(const std::string& name) {
    std::string s = name;
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    for (ClassicalTool t : allClassicalTools())
        if (toString(t) == s) return t;
    throw Error(ErrorKind::Usage,
                "unknown classical tool '" + name + "' (expected autolevels, autocontrast, gamma, clahe or dcp)");
}

const std::vector<ClassicalTool>& allClassicalTools() {
    static const std::vector<ClassicalTool> all = {ClassicalTool::AutoLevels, ClassicalTool::AutoContrast,
                                                   ClassicalTool::GammaToMean, ClassicalTool::Clahe,
                                                   ClassicalTool::DarkChannelPrior};
    return all;
}

std::vector<ClassicalTool> classicalToolsFor(const std::string& task) {
    if (task == "lowlight") return {ClassicalTool::AutoLevels};
    if (task == "haze") return {ClassicalTool::DarkChannelPrior};
    return {};
}

cv::Mat applyClassical(ClassicalTool tool, const cv::Mat& rgb) {
    if (rgb.empty() || rgb.type() != CV_32FC3)
        throw Error(ErrorKind::Image, "classical " + toString(tool) + ": expected a float32 RGB image, got type " +
                                          std::to_string(rgb.type()) + " of " + std::to_string(rgb.cols) + "x" +
                                          std::to_string(rgb.rows));
    switch (tool) {
    case ClassicalTool::AutoLevels: return classical::percentileStretch(rgb, true);
    case ClassicalTool::AutoContrast: return classical::percentileStretch(rgb, false);
    case ClassicalTool::GammaToMean: return classical::gammaToMean(rgb);
    case ClassicalTool::Clahe: return classical::claheLightness(rgb);
    case ClassicalTool::DarkChannelPrior: return classical::darkChannelDehaze(rgb);
    }
    return rgb.clone();
}

} // namespace rdbm
