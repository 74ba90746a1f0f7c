#pragma once
// Sorts dropped or opened files into photos and checkpoints. The file's first bytes
// decide where they are recognisable (a JPEG named .png is still a photo; a TorchScript
// archive and a torch.save archive are both zip files, told apart by their entries);
// the extension decides only when the content says nothing.
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace rdbm::app {

enum class DropKind { Image, Checkpoint, Unsupported };

struct DropItem {
    QString path;
    DropKind kind = DropKind::Unsupported;
    // Image: "png", "jpeg", "tiff", "webp", "bmp". Checkpoint: "safetensors", "torch-zip",
    // "torchscript", "torch-legacy", or "unknown" when only the extension spoke.
    QString format;
    QString reason; // why an Unsupported item was refused (translated)
};

struct DropBatch {
    QStringList images;
    QStringList checkpoints;
    QList<DropItem> rejected;
    bool isEmpty() const { return images.isEmpty() && checkpoints.isEmpty() && rejected.isEmpty(); }
};

class DropClassifier {
    Q_DECLARE_TR_FUNCTIONS(DropClassifier)

public:
    static DropItem classify(const QString& path);
    // Folders contribute the files directly inside them (not recursively), sorted by name.
    static DropBatch classifyAll(const QStringList& paths);
    static DropBatch classifyUrls(const QList<QUrl>& urls);

    // Content sniffing on a file's first bytes (exposed for tests).
    static QString imageFormatFromHeader(const QByteArray& head);
    static QString checkpointFormatFromHeader(const QByteArray& head, qint64 fileSize);
    // Names of the entries of a zip archive, from its central directory.
    static QStringList zipEntryNames(const QString& path);

    static bool hasImageExtension(const QString& path);
    static bool hasCheckpointExtension(const QString& path);
    // File dialog filters ("Images (*.png *.jpg ...)").
    static QString imageFilter();
    static QString checkpointFilter();
};

} // namespace rdbm::app
