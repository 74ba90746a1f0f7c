#pragma once
// The models shipped with the application (models/rdbm-{residual,one,zero}.safetensors,
// one per pi setting, and models/rddm.safetensors, the RDDM model the methods comparison
// sets beside them when it is there): where to find them, installed or in a source checkout.
#include <QString>
#include <QStringList>

#include "rdbm/ModelInfo.h"

namespace rdbm::app {

class BundledModels {
public:
    // Folders searched in order: $RDBM_MODELS_DIR, <prefix>/share/rdbm-studio/models,
    // models/ beside or above the executable, then the source tree's models/.
    static QStringList searchDirectories();
    // File name of the bundled model trained with this pi, e.g. "rdbm-residual.safetensors".
    static QString fileName(rdbm::PiMode pi);
    // Full path of the first existing bundled model for pi, or empty.
    static QString find(rdbm::PiMode pi);
    // Full path of the first existing bundled RDDM model (rddm.safetensors), or empty: the
    // file is optional.
    static QString findRddm();
    static QString rddmFileName() { return QStringLiteral("rddm.safetensors"); }
    // True when path is one of the bundled models find() returns.
    static bool isBundled(const QString& path);
};

} // namespace rdbm::app
