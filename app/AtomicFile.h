#pragma once
// Qt front-ends of the core's one atomic writer (rdbm::writeFileAtomic: a temporary
// beside the target, then a rename), so every file the application exports is either
// complete or absent. Both replace an existing file and throw rdbm::Error naming it.
#include <QByteArray>
#include <QImage>
#include <QString>

namespace rdbm::app {

// Encodes image in the format the suffix names (PNG, JPEG, ...), then writes it.
void writeImageFile(const QImage& image, const QString& path);
void writeBytesFile(const QByteArray& bytes, const QString& path);

} // namespace rdbm::app
