#include "DropClassifier.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace rdbm::app {
namespace {

const QStringList kImageExtensions{"png", "jpg", "jpeg", "jpe", "tif", "tiff", "webp", "bmp"};
const QStringList kCheckpointExtensions{"pt", "pth", "ckpt", "safetensors", "torchscript", "ts", "bin"};

quint32 le32(const QByteArray& b, qint64 at) {
    if (at < 0 || at + 4 > b.size()) return 0;
    const auto* p = reinterpret_cast<const unsigned char*>(b.constData() + at);
    return quint32(p[0]) | quint32(p[1]) << 8 | quint32(p[2]) << 16 | quint32(p[3]) << 24;
}

quint16 le16(const QByteArray& b, qint64 at) {
    if (at < 0 || at + 2 > b.size()) return 0;
    const auto* p = reinterpret_cast<const unsigned char*>(b.constData() + at);
    return quint16(p[0] | p[1] << 8);
}

QString lowerSuffix(const QString& path) { return QFileInfo(path).suffix().toLower(); }

// TorchScript archives carry compiled code; torch.save archives carry only data.pkl and data/.
QString zipCheckpointFormat(const QString& path) {
    const QStringList names = DropClassifier::zipEntryNames(path);
    const bool torchScript = std::any_of(names.begin(), names.end(), [](const QString& n) {
        return n.contains(QLatin1String("/code/")) || n.endsWith(QLatin1String("/constants.pkl")) ||
               n.startsWith(QLatin1String("code/"));
    });
    if (torchScript) return QStringLiteral("torchscript");
    const bool torchSave = std::any_of(names.begin(), names.end(),
                                       [](const QString& n) { return n.endsWith(QLatin1String("data.pkl")); });
    return torchSave ? QStringLiteral("torch-zip") : QString();
}

} // namespace

bool DropClassifier::hasImageExtension(const QString& path) { return kImageExtensions.contains(lowerSuffix(path)); }

bool DropClassifier::hasCheckpointExtension(const QString& path) {
    return kCheckpointExtensions.contains(lowerSuffix(path));
}

QString DropClassifier::imageFormatFromHeader(const QByteArray& h) {
    if (h.startsWith("\x89PNG\r\n\x1a\n")) return QStringLiteral("png");
    if (h.startsWith("\xff\xd8\xff")) return QStringLiteral("jpeg");
    if (h.startsWith(QByteArray("II*\0", 4)) || h.startsWith(QByteArray("MM\0*", 4))) return QStringLiteral("tiff");
    if (h.size() >= 12 && h.startsWith("RIFF") && h.mid(8, 4) == "WEBP") return QStringLiteral("webp");
    if (h.startsWith("BM") && h.size() >= 14) return QStringLiteral("bmp");
    return {};
}

QString DropClassifier::checkpointFormatFromHeader(const QByteArray& h, qint64 fileSize) {
    // safetensors: u64 little-endian header length, then a JSON object.
    if (h.size() >= 9 && h.at(8) == '{') {
        const quint64 len = quint64(le32(h, 0)) | quint64(le32(h, 4)) << 32;
        if (len >= 2 && len <= quint64(fileSize) - 8) return QStringLiteral("safetensors");
    }
    if (h.startsWith("PK\x03\x04")) return QStringLiteral("zip");
    // Legacy (pre-1.6) torch.save: a pickle stream (PROTO opcode, protocol 2).
    if (h.size() >= 2 && static_cast<unsigned char>(h.at(0)) == 0x80 && h.at(1) == 0x02)
        return QStringLiteral("torch-legacy");
    return {};
}

QStringList DropClassifier::zipEntryNames(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    const qint64 size = f.size();
    // The end-of-central-directory record sits in the last 22 + 65535 bytes.
    const qint64 tailLen = std::min<qint64>(size, 22 + 65535);
    f.seek(size - tailLen);
    const QByteArray tail = f.read(tailLen);
    qint64 eocd = -1;
    for (qint64 i = tail.size() - 22; i >= 0; --i) {
        if (le32(tail, i) == 0x06054b50u) { eocd = i; break; }
    }
    if (eocd < 0) return {};
    const quint16 entries = le16(tail, eocd + 10);
    const quint32 cdSize = le32(tail, eocd + 12);
    const quint32 cdOffset = le32(tail, eocd + 16);
    if (cdOffset == 0xffffffffu || qint64(cdOffset) + cdSize > size || cdSize > (64u << 20)) return {};
    f.seek(cdOffset);
    const QByteArray cd = f.read(cdSize);
    QStringList names;
    qint64 at = 0;
    for (int i = 0; i < entries && at + 46 <= cd.size(); ++i) {
        if (le32(cd, at) != 0x02014b50u) break;
        const quint16 nameLen = le16(cd, at + 28);
        const quint16 extraLen = le16(cd, at + 30);
        const quint16 commentLen = le16(cd, at + 32);
        names << QString::fromUtf8(cd.mid(at + 46, nameLen));
        at += 46 + nameLen + extraLen + commentLen;
    }
    return names;
}

DropItem DropClassifier::classify(const QString& path) {
    DropItem item;
    item.path = path;
    const QFileInfo info(path);
    if (!info.exists()) {
        item.reason = DropClassifier::tr("the file does not exist");
        return item;
    }
    if (!info.isFile()) {
        item.reason = DropClassifier::tr("not a regular file");
        return item;
    }
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        item.reason = DropClassifier::tr("the file cannot be read");
        return item;
    }
    const QByteArray head = f.read(64);
    f.close();

    const QString imageFormat = imageFormatFromHeader(head);
    if (!imageFormat.isEmpty()) {
        item.kind = DropKind::Image;
        item.format = imageFormat;
        return item;
    }
    QString ckpt = checkpointFormatFromHeader(head, info.size());
    if (ckpt == QLatin1String("zip")) ckpt = zipCheckpointFormat(path);
    if (!ckpt.isEmpty()) {
        item.kind = DropKind::Checkpoint;
        item.format = ckpt;
        return item;
    }
    // The content was not recognised: an image extension on unknown bytes is a broken or
    // unsupported photo (the reader will say why); a checkpoint extension goes to the loader.
    if (hasImageExtension(path)) {
        item.kind = DropKind::Image;
        item.format = lowerSuffix(path);
        return item;
    }
    if (hasCheckpointExtension(path)) {
        item.kind = DropKind::Checkpoint;
        item.format = QStringLiteral("unknown");
        return item;
    }
    item.reason = DropClassifier::tr("neither a supported image (PNG, JPEG, TIFF, WebP, BMP) nor a checkpoint "
                     "(.pt, .pth, .safetensors, TorchScript)");
    return item;
}

DropBatch DropClassifier::classifyAll(const QStringList& paths) {
    DropBatch batch;
    const auto add = [&batch](const DropItem& item) {
        switch (item.kind) {
        case DropKind::Image: batch.images << item.path; break;
        case DropKind::Checkpoint: batch.checkpoints << item.path; break;
        case DropKind::Unsupported: batch.rejected << item; break;
        }
    };
    for (const QString& p : paths) {
        const QFileInfo info(p);
        if (info.isDir()) {
            QDir dir(p);
            const QStringList files = dir.entryList(QDir::Files | QDir::Readable, QDir::Name);
            for (const QString& name : files) {
                const DropItem item = classify(dir.filePath(name));
                if (item.kind != DropKind::Unsupported) add(item); // silently skip sidecars etc.
            }
            continue;
        }
        add(classify(p));
    }
    return batch;
}

DropBatch DropClassifier::classifyUrls(const QList<QUrl>& urls) {
    QStringList paths;
    DropBatch remote;
    for (const QUrl& url : urls) {
        if (url.isLocalFile()) {
            paths << url.toLocalFile();
        } else {
            DropItem item;
            item.path = url.toString();
            item.reason = DropClassifier::tr("only local files can be opened");
            remote.rejected << item;
        }
    }
    DropBatch batch = classifyAll(paths);
    batch.rejected << remote.rejected;
    return batch;
}

QString DropClassifier::imageFilter() {
    return tr("Images (*.png *.jpg *.jpeg *.tif *.tiff *.webp *.bmp)") + QStringLiteral(";;") + tr("All files (*)");
}

QString DropClassifier::checkpointFilter() {
    return tr("Checkpoints (*.safetensors *.pt *.pth *.ckpt *.torchscript)") + QStringLiteral(";;") +
           tr("All files (*)");
}

} // namespace rdbm::app
