#include "RestoreTypes.h"

#include "TrajectoryRecord.h"

namespace rdbm::app {

ErrorInfo ErrorInfo::from(const std::exception& e) {
    ErrorInfo info;
    if (const auto* err = dynamic_cast<const rdbm::Error*>(&e)) {
        info.kind = err->kind();
    } else if (dynamic_cast<const std::bad_alloc*>(&e)) {
        info.kind = rdbm::ErrorKind::Runtime;
        info.message = QStringLiteral("out of memory");
        return info;
    }
    info.message = QString::fromStdString(e.what());
    return info;
}

bool sameRun(const rdbm::SamplerOptions& a, const rdbm::SamplerOptions& b) {
    const bool stochastic = a.eta > 0.0 || b.eta > 0.0;
    return a.steps == b.steps && a.eta == b.eta && a.tileSize == b.tileSize && a.tileOverlap == b.tileOverlap &&
           a.maxWholePixels == b.maxWholePixels &&
           (!stochastic || (a.seed == b.seed && a.noiseModulation == b.noiseModulation));
}

void registerMetaTypes() {
    qRegisterMetaType<ModelPtr>();
    qRegisterMetaType<ErrorInfo>();
    qRegisterMetaType<LoadedImage>();
    qRegisterMetaType<Metrics>();
    qRegisterMetaType<RestoreJob>();
    qRegisterMetaType<RestoreOutcome>();
    qRegisterMetaType<ComparisonJob>();
    qRegisterMetaType<ComparisonRow>();
    qRegisterMetaType<TrajectoryFrame>();
    qRegisterMetaType<rdbm::LoadOptions>();
}

} // namespace rdbm::app
