#include "AtomicFile.h"

#include <QBuffer>
#include <QFileInfo>

#include <vector>

#include "rdbm/Error.h"
#include "rdbm/FileOps.h"

namespace rdbm::app {

void writeBytesFile(const QByteArray& bytes, const QString& path) {
    const std::vector<unsigned char> data(bytes.begin(), bytes.end());
    rdbm::writeFileAtomic(path.toStdString(), data, true);
}

void writeImageFile(const QImage& image, const QString& path) {
    const QByteArray format = QFileInfo(path).suffix().toLower().toLatin1();
    QByteArray encoded;
    QBuffer buffer(&encoded);
    buffer.open(QIODevice::WriteOnly);
    if (image.isNull() || !image.save(&buffer, format.constData()))
        throw Error(ErrorKind::Runtime, "cannot encode " + path.toStdString() + " as " +
                                            (format.isEmpty() ? std::string("(no suffix)") : format.toStdString()) +
                                            (image.isNull() ? " (empty image)" : ""));
    writeBytesFile(encoded, path);
}

} // namespace rdbm::app
