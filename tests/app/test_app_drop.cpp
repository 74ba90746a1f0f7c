// DropClassifier: every kind of dropped file lands where it belongs, decided by content
// (a JPEG named .png is a photo; TorchScript and torch.save archives are told apart by
// their entries), with the extension as the fallback, and folders and remote URLs handled.
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QtTest>

#include "DropClassifier.h"

using namespace rdbm::app;

namespace {

QString writeBytes(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes) {
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly)) return {};
    f.write(bytes);
    return path;
}

QString writeQImage(const QTemporaryDir& dir, const QString& name, const char* format) {
    QImage img(16, 12, QImage::Format_RGB888);
    img.fill(QColor(200, 100, 50));
    const QString path = dir.filePath(name);
    return img.save(path, format) ? path : QString();
}

void le16(QByteArray& b, quint16 v) { b.append(char(v & 0xff)).append(char(v >> 8)); }
void le32(QByteArray& b, quint32 v) { for (int i = 0; i < 4; ++i) b.append(char((v >> (8 * i)) & 0xff)); }

// A minimal zip archive (stored entries, central directory, end record) with these names.
QByteArray zipWith(const QStringList& names) {
    QByteArray out, central;
    for (const QString& n : names) {
        const QByteArray name = n.toUtf8();
        const QByteArray data = "x";
        const quint32 offset = static_cast<quint32>(out.size());
        le32(out, 0x04034b50); le16(out, 20); le16(out, 0); le16(out, 0); le16(out, 0); le16(out, 0);
        le32(out, 0); le32(out, data.size()); le32(out, data.size());
        le16(out, static_cast<quint16>(name.size())); le16(out, 0);
        out += name + data;
        le32(central, 0x02014b50); le16(central, 20); le16(central, 20); le16(central, 0); le16(central, 0);
        le16(central, 0); le16(central, 0); le32(central, 0); le32(central, data.size()); le32(central, data.size());
        le16(central, static_cast<quint16>(name.size())); le16(central, 0); le16(central, 0); le16(central, 0);
        le16(central, 0); le32(central, 0); le32(central, offset);
        central += name;
    }
    const quint32 cdOffset = static_cast<quint32>(out.size());
    out += central;
    le32(out, 0x06054b50); le16(out, 0); le16(out, 0);
    le16(out, static_cast<quint16>(names.size())); le16(out, static_cast<quint16>(names.size()));
    le32(out, static_cast<quint32>(central.size())); le32(out, cdOffset); le16(out, 0);
    return out;
}

QByteArray safetensors() {
    const QByteArray header = R"({"w":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}})";
    QByteArray b;
    le32(b, static_cast<quint32>(header.size()));
    le32(b, 0);
    return b + header + QByteArray(4, '\0');
}

} // namespace

class TestAppDrop : public QObject {
    Q_OBJECT
private slots:
    void photosByContent() {
        QTemporaryDir dir;
        const struct { const char* name; const char* fmt; const char* expected; } cases[] = {
            {"a.png", "PNG", "png"}, {"b.jpg", "JPEG", "jpeg"}, {"c.tif", "TIFF", "tiff"},
            {"d.webp", "WEBP", "webp"}, {"e.bmp", "BMP", "bmp"},
            {"jpeg-named.png", "JPEG", "jpeg"}, // content wins over the name
        };
        for (const auto& c : cases) {
            const QString path = writeQImage(dir, QString::fromLatin1(c.name), c.fmt);
            QVERIFY2(!path.isEmpty(), c.name);
            const DropItem item = DropClassifier::classify(path);
            QCOMPARE(item.kind, DropKind::Image);
            QCOMPARE(item.format, QString::fromLatin1(c.expected));
        }
    }

    void checkpointsByContent() {
        QTemporaryDir dir;
        const QString st = writeBytes(dir, "net.safetensors", safetensors());
        QCOMPARE(DropClassifier::classify(st).kind, DropKind::Checkpoint);
        QCOMPARE(DropClassifier::classify(st).format, QStringLiteral("safetensors"));
        // A safetensors file without the extension is still recognised.
        QCOMPARE(DropClassifier::classify(writeBytes(dir, "weights", safetensors())).format, QStringLiteral("safetensors"));

        const QString saved = writeBytes(dir, "model.pt", zipWith({"archive/data.pkl", "archive/data/0", "archive/version"}));
        QCOMPARE(DropClassifier::classify(saved).format, QStringLiteral("torch-zip"));
        const QString scripted = writeBytes(dir, "scripted.pt",
                                            zipWith({"m/data.pkl", "m/code/__torch__.py", "m/constants.pkl", "m/version"}));
        QCOMPARE(DropClassifier::classify(scripted).kind, DropKind::Checkpoint);
        QCOMPARE(DropClassifier::classify(scripted).format, QStringLiteral("torchscript"));
        QCOMPARE(DropClassifier::zipEntryNames(scripted).size(), 4);

        const QString legacy = writeBytes(dir, "old.pth", QByteArray("\x80\x02\x8a\x0alegacy", 10));
        QCOMPARE(DropClassifier::classify(legacy).format, QStringLiteral("torch-legacy"));
        // Unknown bytes with a checkpoint extension go to the loader, which explains.
        const QString odd = writeBytes(dir, "odd.pth", "not a checkpoint at all");
        QCOMPARE(DropClassifier::classify(odd).kind, DropKind::Checkpoint);
        QCOMPARE(DropClassifier::classify(odd).format, QStringLiteral("unknown"));
        // A zip that is neither kind (e.g. a zipped photo album) is not a checkpoint.
        const QString album = writeBytes(dir, "album.zip", zipWith({"photo1.jpg"}));
        QCOMPARE(DropClassifier::classify(album).kind, DropKind::Unsupported);
    }

    void realCheckpointsFromPyTorch() {
        // Files written by torch.save and torch.jit.trace (the golden fixture).
        const QString dir = QStringLiteral(RDBM_FIXTURE_DIR "/golden/");
        QCOMPARE(DropClassifier::classify(dir + "state_dict.pt").format, QStringLiteral("torch-zip"));
        QCOMPARE(DropClassifier::classify(dir + "trainer.pt").format, QStringLiteral("torch-zip"));
        QCOMPARE(DropClassifier::classify(dir + "traced.pt").format, QStringLiteral("torchscript"));
        // The sidecar metadata is not something to open on its own.
        QCOMPARE(DropClassifier::classify(dir + "residual.pt.json").kind, DropKind::Unsupported);
    }

    void refusalsCarryReasons() {
        QTemporaryDir dir;
        const DropItem text = DropClassifier::classify(writeBytes(dir, "notes.txt", "hello"));
        QCOMPARE(text.kind, DropKind::Unsupported);
        QVERIFY(!text.reason.isEmpty());
        const DropItem missing = DropClassifier::classify(dir.filePath("nope.png"));
        QCOMPARE(missing.kind, DropKind::Unsupported);
        QVERIFY(missing.reason.contains("exist"));
        // A broken photo is still routed as a photo, so the reader can say what is wrong.
        QCOMPARE(DropClassifier::classify(writeBytes(dir, "broken.png", "garbage")).kind, DropKind::Image);
    }

    void batchesFoldersAndUrls() {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkdir("folder"));
        QTemporaryDir* d = &dir;
        writeQImage(*d, "folder/x.png", "PNG");
        writeQImage(*d, "folder/y.jpg", "JPEG");
        writeBytes(*d, "folder/readme.txt", "skip me");
        const QString model = writeBytes(dir, "m.safetensors", safetensors());
        const QString text = writeBytes(dir, "t.txt", "no");
        const DropBatch batch =
            DropClassifier::classifyAll({dir.filePath("folder"), model, text});
        QCOMPARE(batch.images.size(), 2); // the folder's photos, its text file silently skipped
        QVERIFY(batch.images[0].endsWith("x.png"));
        QCOMPARE(batch.checkpoints, QStringList{model});
        QCOMPARE(batch.rejected.size(), 1);
        QCOMPARE(batch.rejected[0].path, text);

        const DropBatch urls = DropClassifier::classifyUrls(
            {QUrl::fromLocalFile(model), QUrl(QStringLiteral("https://example.invalid/photo.png"))});
        QCOMPARE(urls.checkpoints.size(), 1);
        QCOMPARE(urls.rejected.size(), 1);
        QVERIFY(urls.rejected[0].reason.contains("local"));
    }
};

QTEST_MAIN(TestAppDrop)
#include "test_app_drop.moc"
