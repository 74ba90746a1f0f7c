// The queue in the application (issue 11 §2): File › Add Folder…, the batch's progress
// and ETA, pausing and reordering the queue, and the queue kept across restarts.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

#include "AppTestSupport.h"
#include "InputList.h"
#include "MainWindow.h"
#include "RestoreSession.h"

using namespace rdbm::app;

class TestAppQueue : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString tree_; // b.png, A.png, notes.txt, sub/c.png, sub/model.safetensors, sub/deeper/d.png

    static QStringList names(const QStringList& paths, const QString& root) {
        QStringList out;
        for (const QString& p : paths) out << QDir(root).relativeFilePath(p);
        return out;
    }

    // Three small photos <prefix>0..2.png in dir_/<folder> and the small model, opened in
    // the window and loaded.
    bool openThreePhotosAndTheModel(MainWindow& window, const QString& folder, const QString& prefix) {
        const QDir photos(dir_.filePath(folder));
        if (!QDir().mkpath(photos.path())) return false;
        QStringList paths;
        for (int i = 0; i < 3; ++i)
            paths << apptest::writePhoto(photos, QStringLiteral("%1%2.png").arg(prefix).arg(i), 40, 32);
        window.openFiles(paths + QStringList{apptest::smallModel()});
        return apptest::waitIdle(*window.session()) && window.session()->model() != nullptr;
    }

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        tree_ = dir_.filePath(QStringLiteral("tree"));
        QDir root(tree_);
        QVERIFY(root.mkpath(QStringLiteral("sub/deeper")));
        apptest::writePhoto(root, QStringLiteral("b.png"), 24, 16);
        apptest::writePhoto(root, QStringLiteral("A.png"), 24, 16);
        apptest::writePhoto(QDir(root.filePath(QStringLiteral("sub"))), QStringLiteral("c.png"), 24, 16);
        apptest::writePhoto(QDir(root.filePath(QStringLiteral("sub/deeper"))), QStringLiteral("d.png"), 24, 16);
        QFile notes(root.filePath(QStringLiteral("notes.txt")));
        QVERIFY(notes.open(QIODevice::WriteOnly));
        notes.write("not a photo\n");
        // A checkpoint is no photo either.
        QFile model(root.filePath(QStringLiteral("sub/model.safetensors")));
        QVERIFY(model.open(QIODevice::WriteOnly));
        model.write("not really a checkpoint");
    }

    void scanFolderSortsAndSkipsOtherFiles() {
        const InputList::FolderScan flat = InputList::scanFolder(tree_, false);
        QCOMPARE(names(flat.images, tree_), (QStringList{"A.png", "b.png"}));
        QCOMPARE(flat.skipped, 1);
        const InputList::FolderScan deep = InputList::scanFolder(tree_, true);
        QCOMPARE(names(deep.images, tree_), (QStringList{"A.png", "b.png", "sub/c.png", "sub/deeper/d.png"}));
        QCOMPARE(deep.skipped, 2);
    }

    void addFolderAddsEachPhotoOnce() {
        QTemporaryDir settingsDir;
        AppSettings settings(apptest::iniSettings(settingsDir));
        settings.setIncludeSubfolders(true);
        MainWindow window(settings);
        window.setInteractive(false);
        QVERIFY(window.includeSubfoldersAction()->isChecked());
        RestoreSession& s = *window.session();
        QSignalSpy spy(&s, &RestoreSession::folderAdded);
        s.addInputs({QDir(tree_).filePath(QStringLiteral("b.png"))}); // already open before the folder
        window.addFolder(tree_);
        QVERIFY(spy.wait(10000));
        QCOMPARE(spy.at(0).at(1).toInt(), 3); // added
        QCOMPARE(spy.at(0).at(2).toInt(), 2); // skipped: notes.txt, sub/model.safetensors
        QCOMPARE(spy.at(0).at(3).toInt(), 1); // b.png was open
        QStringList paths;
        for (int i = 0; i < s.itemCount(); ++i) paths << s.item(i).path;
        QCOMPARE(names(paths, tree_), (QStringList{"b.png", "A.png", "sub/c.png", "sub/deeper/d.png"}));
        QVERIFY2(window.statusText().contains(QStringLiteral("2 other file")), qPrintable(window.statusText()));
        // Twice adds nothing.
        window.addFolder(tree_);
        QVERIFY(spy.wait(10000));
        QCOMPARE(spy.at(1).at(1).toInt(), 0);
        QCOMPARE(s.itemCount(), 4);
        QVERIFY(apptest::waitIdle(s));
        // The choice is remembered.
        window.includeSubfoldersAction()->setChecked(false);
        QVERIFY(!settings.includeSubfolders());
        // Save All Results… remembers its folder across restarts.
        const QString out = dir_.filePath(QStringLiteral("out"));
        QVERIFY(QDir().mkpath(out));
        window.saveAllTo(out);
        settings.sync();
        QCOMPARE(AppSettings(apptest::iniSettings(settingsDir)).outputDirectory(), out);
    }

    void etaArithmetic() {
        // 10 tile-steps took 5 s: 30 left take 15 s.
        QCOMPARE(RestoreSession::etaSeconds(5.0, 10, 30), 15.0);
        QCOMPARE(RestoreSession::etaSeconds(5.0, 10, 0), 0.0);
        QVERIFY(RestoreSession::etaSeconds(5.0, 0, 30) < 0.0); // nothing measured yet
        // A batch: the running photo (10 steps x 4 tiles) is at step 3, tile 2 after 11 s:
        // 2*4+2 = 10 done, 30 left in it, and two queued photos, one the same size (4 tiles)
        // and one of twice the pixels (8 tiles), 10 steps each: 30 + 40 + 80 = 150 left.
        const int same = RestoreSession::estimatedTiles(200, 100, 200, 100, 4);
        const int twice = RestoreSession::estimatedTiles(400, 100, 200, 100, 4);
        QCOMPARE(same, 4);
        QCOMPARE(twice, 8);
        QCOMPARE(RestoreSession::etaSeconds(11.0, 10, 30 + 10LL * same + 10LL * twice), 165.0);
        // One tile stays one tile; a small photo is at least one.
        QCOMPARE(RestoreSession::estimatedTiles(4000, 3000, 200, 100, 1), 1);
        QCOMPARE(RestoreSession::estimatedTiles(10, 10, 2000, 1000, 40), 1);
    }

    void restoreAllSaysWhichPhotoAndTheBatchEta() {
        QTemporaryDir settingsDir;
        AppSettings settings(apptest::iniSettings(settingsDir));
        settings.setSteps(3);
        MainWindow window(settings);
        window.setInteractive(false);
        RestoreSession& s = *window.session();
        QVERIFY(openThreePhotosAndTheModel(window, QStringLiteral("batch"), QStringLiteral("p")));
        QStringList starts;
        connect(&s, &RestoreSession::restoreStarted, this, [&] { starts << window.progressText(); });
        QList<double> lastTileEta; // per photo, the ETA at its last tile of its last step
        connect(&s, &RestoreSession::tileProgress, this,
                [&](int, int step, int steps, int tile, int tiles, double eta) {
                    if (step == steps && tile == tiles) lastTileEta << eta;
                });
        QVERIFY(window.restoreAll());
        QCOMPARE(s.batchPosition(), 1);
        QCOMPARE(s.batchSize(), 3);
        QVERIFY(apptest::waitIdle(s));
        QCOMPARE(starts.size(), 3);
        for (int i = 0; i < 3; ++i)
            QVERIFY2(starts[i].startsWith(QStringLiteral("photo %1 of 3").arg(i + 1)), qPrintable(starts[i]));
        // The ETA covers the photos behind the running one: still time left at the end of
        // the first, none at the end of the last.
        QCOMPARE(lastTileEta.size(), 3);
        QVERIFY2(lastTileEta[0] > 0.0, qPrintable(QString::number(lastTileEta[0])));
        QCOMPARE(lastTileEta[2], 0.0);
        QCOMPARE(s.batchSize(), 0);
    }

    void pauseResumeMoveAndRemove() {
        QTemporaryDir settingsDir;
        AppSettings settings(apptest::iniSettings(settingsDir));
        settings.setSteps(3);
        MainWindow window(settings);
        window.setInteractive(false);
        RestoreSession& s = *window.session();
        QVERIFY(openThreePhotosAndTheModel(window, QStringLiteral("pause"), QStringLiteral("q")));
        QStringList started;
        connect(&s, &RestoreSession::restoreStarted, this,
                [&](int index) { started << QFileInfo(s.item(index).path).fileName(); });
        QSignalSpy paused(&s, &RestoreSession::queuePaused);
        QSignalSpy finished(&s, &RestoreSession::queueFinished);

        QVERIFY(window.restoreAll());
        QVERIFY(window.pauseQueueAction()->isEnabled());
        window.togglePause(); // the running photo finishes, the next does not start
        QVERIFY(s.isPaused());
        QVERIFY(paused.wait(60000));
        QVERIFY(!s.isBusy());
        QCOMPARE(finished.count(), 0);
        QCOMPARE(started, QStringList{"q0.png"});
        QVERIFY(s.item(0).hasResult);
        QVERIFY(s.item(1).status == RestoreSession::ItemStatus::Queued);
        QVERIFY(s.item(2).status == RestoreSession::ItemStatus::Queued);
        QCOMPARE(s.queuedCount(), 2);
        QVERIFY(window.statusText().contains(QStringLiteral("paused")));
        QCOMPARE(window.pauseQueueAction()->text(), QStringLiteral("Resu&me Queue"));
        QTest::qWait(300); // still nothing starts
        QCOMPARE(started.size(), 1);

        // q2 moves above q1: the queue follows the list.
        s.setCurrentIndex(2);
        QVERIFY(window.moveUpAction()->isEnabled());
        window.moveUpAction()->trigger();
        QCOMPARE(QFileInfo(s.item(1).path).fileName(), QStringLiteral("q2.png"));
        QCOMPARE(s.currentIndex(), 1);  // the moved photo stays selected
        QVERIFY(!s.canMoveInput(2, 1)); // the last one has no place below

        // Resume; while q2 runs it cannot be moved or removed, and the queued q1 is removed.
        bool checkedRunning = false;
        connect(&s, &RestoreSession::restoreStarted, this, [&](int index) {
            if (checkedRunning) return;
            checkedRunning = true;
            QVERIFY(!s.canRemoveInput(index));
            QVERIFY(!s.canMoveInput(index, -1));
            QVERIFY(!s.removeInput(index));
            QVERIFY(s.removeInput(2)); // q1, queued
        });
        window.togglePause();
        QVERIFY(!s.isPaused());
        QVERIFY(finished.wait(60000));
        QVERIFY(checkedRunning);
        QCOMPARE(started, (QStringList{"q0.png", "q2.png"}));
        QCOMPARE(s.itemCount(), 2);
        QVERIFY(s.item(1).hasResult);
        QCOMPARE(QFileInfo(s.item(1).path).fileName(), QStringLiteral("q2.png"));
        QCOMPARE(s.queuedCount(), 0);
    }

    void queuePersistsAcrossRestarts() {
        QTemporaryDir settingsDir;
        const QDir photos(dir_.filePath(QStringLiteral("persist")));
        QVERIFY(QDir().mkpath(photos.path()));
        QStringList paths;
        for (int i = 0; i < 5; ++i) paths << apptest::writePhoto(photos, QStringLiteral("r%1.png").arg(i), 40, 32);
        const QString broken = photos.filePath(QStringLiteral("broken.png"));
        {
            QFile f(broken);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("not a PNG at all");
        }
        const QString saved = photos.filePath(QStringLiteral("r0-restored.png"));
        {
            AppSettings settings(apptest::iniSettings(settingsDir));
            settings.setSteps(3);
            MainWindow window(settings);
            window.setInteractive(false);
            window.restoreQueue(); // nothing saved yet; from now on the queue persists
            RestoreSession& s = *window.session();
            window.openFiles({paths[0], paths[1], paths[2], paths[3], broken, paths[4], apptest::smallModel()});
            QVERIFY(apptest::waitIdle(s));
            QVERIFY(s.model());
            QCOMPARE(s.itemCount(), 6);
            QVERIFY(s.item(4).status == RestoreSession::ItemStatus::Failed);
            // r0: restored and saved; r1: restored, never saved.
            for (int i : {0, 1}) {
                s.setCurrentIndex(i);
                QVERIFY(window.restoreCurrent());
                QVERIFY(apptest::waitIdle(s));
            }
            QSignalSpy savedSpy(&s, &RestoreSession::saved);
            QVERIFY(s.saveResult(0, saved, false));
            QVERIFY(savedSpy.wait(10000));
            QCOMPARE(s.item(0).savedPath, saved);
            // r2 and r3 queued; pausing lets r2 finish and keeps r3 (and r5) queued.
            QSignalSpy paused(&s, &RestoreSession::queuePaused);
            QVERIFY(window.restoreAll());
            window.togglePause();
            QVERIFY(paused.wait(60000));
            QVERIFY(s.item(2).hasResult);
            QCOMPARE(s.queuedCount(), 2); // r3, r4 (broken.png failed to open: not queued)
            s.setCurrentIndex(1);
            // Saved on the change, without a quit.
            QTRY_COMPARE_WITH_TIMEOUT(settings.queue().size(), 6, 5000);
            QTRY_COMPARE_WITH_TIMEOUT(settings.queueCurrent(), 1, 5000);
            const QList<QueueEntry> e = settings.queue();
            QStringList states;
            for (const QueueEntry& x : e) states << x.state;
            QCOMPARE(states, (QStringList{"done", "ready", "ready", "queued", "failed", "queued"}));
            QCOMPARE(e[0].resultPath, saved);
            QVERIFY(!e[4].message.isEmpty());
            settings.sync();
        }
        QVERIFY(QFile::remove(paths[1])); // gone before the restart
        {
            AppSettings settings(apptest::iniSettings(settingsDir));
            MainWindow window(settings);
            window.setInteractive(false);
            RestoreSession& s = *window.session();
            window.loadModel(apptest::smallModel());
            QSignalSpy changed(&s, &RestoreSession::itemChanged);
            window.restoreQueue();
            QCOMPARE(s.itemCount(), 5); // r1 is missing
            QVERIFY2(window.statusText().contains(QStringLiteral("1 no longer there")),
                     qPrintable(window.statusText()));
            QCOMPARE(QFileInfo(s.item(0).path).fileName(), QStringLiteral("r0.png"));
            QCOMPARE(s.currentIndex(), 0); // the saved current photo (r1) is gone: the first
            QVERIFY(s.isPaused());
            QCOMPARE(s.queuedCount(), 2);
            QTRY_VERIFY_WITH_TIMEOUT(s.item(0).hasResult, 10000); // the saved result, reopened
            QCOMPARE(s.item(0).savedPath, saved);
            QVERIFY(s.item(0).status == RestoreSession::ItemStatus::Done);
            QCOMPARE(s.item(0).result.image.cols, 40);
            QVERIFY(!s.item(1).hasResult); // r2's result was never saved
            QVERIFY(s.item(2).status == RestoreSession::ItemStatus::Queued);
            QVERIFY(s.item(3).status == RestoreSession::ItemStatus::Failed);
            QVERIFY(apptest::waitIdle(s));
            QVERIFY(s.model());
            // Resume runs the restored queue: r3 and r4 (broken.png was never queued).
            QSignalSpy finished(&s, &RestoreSession::queueFinished);
            window.togglePause();
            QVERIFY(finished.wait(60000));
            QVERIFY(s.item(2).hasResult);
            QVERIFY(s.item(4).hasResult);
        }
    }
};

QTEST_MAIN(TestAppQueue)
#include "test_app_queue.moc"
