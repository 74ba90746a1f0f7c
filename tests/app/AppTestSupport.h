#pragma once
// Shared helpers for the application's tests: fixture paths, synthetic photos, settings
// in a temporary INI file, and waiting for a RestoreSession to become idle.
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QSettings>
#include <QString>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

#include <opencv2/core.hpp>

#include "AppSettings.h"
#include "RestoreSession.h"
#include "rdbm/ImageIO.h"

namespace apptest {

inline QString goldenFile(const char* name) { return QStringLiteral(RDBM_FIXTURE_DIR "/golden/") + QLatin1String(name); }

// The golden fixture's near-identity network (a dim-8 U-Net that adds mu): fast on a CPU.
inline QString smallModel() { return goldenFile("residual.pt"); }

// A smooth colour gradient with a few sharp edges, float RGB in [0,1].
inline cv::Mat gradient(int w, int h) {
    cv::Mat m(h, w, CV_32FC3);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const float edge = ((x / 8 + y / 8) % 2) ? 0.15f : 0.0f;
            m.at<cv::Vec3f>(y, x) = cv::Vec3f(static_cast<float>(x) / w, static_cast<float>(y) / h, 0.5f + edge);
        }
    return m;
}

// Writes a photo through the core's writer; bitDepth 16 needs PNG or TIFF.
inline QString writePhoto(const QDir& dir, const QString& name, int w, int h, int bitDepth = 8) {
    rdbm::Image img;
    img.rgb = gradient(w, h);
    img.bitDepth = bitDepth;
    const QString path = dir.filePath(name);
    rdbm::writeImage(path.toStdString(), img);
    return path;
}

inline std::unique_ptr<QSettings> iniSettings(const QTemporaryDir& dir) {
    return std::make_unique<QSettings>(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
}

// Runs the event loop until the session is idle and no photo is still decoding.
inline bool waitIdle(rdbm::app::RestoreSession& s, int timeoutMs = 120000) {
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < timeoutMs) {
        bool loading = false;
        for (int i = 0; i < s.itemCount(); ++i)
            loading = loading || s.item(i).status == rdbm::app::RestoreSession::ItemStatus::Loading;
        if (!s.isBusy() && !loading) return true;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QTest::qWait(5);
    }
    return false;
}

} // namespace apptest
