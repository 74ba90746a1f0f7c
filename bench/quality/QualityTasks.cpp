#include "QualityTasks.h"

#include <sstream>

#include "AltDegradations.h"
#include "rdbm/Degradations.h"
#include "rdbm/Error.h"

namespace rdbm::bench {

const std::vector<QualityTask>& allQualityTasks() {
    static const std::vector<QualityTask> tasks = {
        {"lowlight", "project", "rdbm-degrade --kind lowlight (the training generator), strength 1"},
        {"lowlight-alt", "alt", "linear-light exposure cut, Poisson-Gaussian noise, 1/2.2 power curve"},
        {"haze", "project", "rdbm-degrade --kind haze (the training generator), strength 1"},
        {"haze-alt", "alt", "colour-attenuation depth, bluish airlight"},
        {"clean", "everyday", "the clean photo itself: a restorer must leave it alone"},
        {"jpeg30", "everyday", "JPEG at quality 30"},
        {"noise15", "everyday", "Gaussian noise, sigma 15/255"},
    };
    return tasks;
}

std::vector<QualityTask> parseQualityTasks(const std::string& csv) {
    std::vector<QualityTask> out;
    std::stringstream s(csv);
    std::string name;
    while (std::getline(s, name, ',')) {
        bool found = false;
        for (const QualityTask& t : allQualityTasks())
            if (t.name == name) out.push_back(t), found = true;
        if (!found) throw Error(ErrorKind::Usage, "unknown benchmark task '" + name + "'");
    }
    if (out.empty()) throw Error(ErrorKind::Usage, "no benchmark task given");
    return out;
}

cv::Mat degradeForTask(const QualityTask& task, const cv::Mat& clean, std::uint64_t seed) {
    if (task.name == "lowlight") return degrade(clean, DegradationKind::LowLight, seed, 1.0);
    if (task.name == "haze") return degrade(clean, DegradationKind::Haze, seed, 1.0);
    if (task.name == "lowlight-alt") return altLowLight(clean, seed);
    if (task.name == "haze-alt") return altHaze(clean, seed);
    if (task.name == "jpeg30") return jpegRoundTrip(clean, 30);
    if (task.name == "noise15") return gaussianNoise(clean, 15.0 / 255.0, seed);
    return quantize8(clean);
}

} // namespace rdbm::bench
