// Issue 15 in the application: a TorchScript file runs code when it is loaded, so the
// window never reloads one as the remembered model at start-up, and loads one only
// after the user trusted it (a non-interactive window has no one to ask: never).
#include <QTemporaryDir>
#include <QtTest>

#include "AppTestSupport.h"
#include "MainWindow.h"
#include "RestoreSession.h"

using namespace rdbm::app;

class TestAppTorchScript : public QObject {
    Q_OBJECT

    static QString hostile(const char* name) { return QStringLiteral(RDBM_FIXTURE_DIR "/hostile/") + QLatin1String(name); }

private slots:
    void theRememberedTorchScriptModelIsNotReloadedAtStartUp() {
        QTemporaryDir dir;
        AppSettings settings(apptest::iniSettings(dir));
        settings.setLastModel(hostile("runs-setstate.pt"));
        MainWindow window(settings);
        window.setInteractive(false);
        window.restoreLastModel();
        QVERIFY(apptest::waitIdle(*window.session()));
        QVERIFY(!window.session()->model());
        QVERIFY(window.session()->modelPath().isEmpty());
        const QString status = window.statusText();
        QVERIFY2(status.contains("TorchScript") && status.contains("not reloaded automatically"), qPrintable(status));
        // A safe remembered model still comes back.
        settings.setLastModel(apptest::smallModel());
        window.restoreLastModel();
        QVERIFY(apptest::waitIdle(*window.session()));
        QTRY_VERIFY(window.session()->model());
    }

    void anUntrustedTorchScriptFileIsNotLoaded() {
        QTemporaryDir dir;
        AppSettings settings(apptest::iniSettings(dir));
        MainWindow window(settings);
        window.setInteractive(false);
        window.loadModel(hostile("runs-forward.pt"));
        QVERIFY(apptest::waitIdle(*window.session()));
        QVERIFY(!window.session()->model());
        const QString status = window.statusText();
        QVERIFY2(status.contains("not trusted"), qPrintable(status));
    }
};

QTEST_MAIN(TestAppTorchScript)
#include "test_app_torchscript.moc"
