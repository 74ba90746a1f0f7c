// What a first-time user ran into (issue 10), on the offscreen platform: a drop of several
// files on the image view queues every photo; a failed model load leaves a clear state and
// one dialog for a batch of bad files; failed photos are marked, removable and kept out of
// Open Recent; the window fits 1024x700 with every dock open and a tab change never
// resizes it; every theme keeps text at 4.5:1; a cancel stops between tiles, and quitting
// during a run ends promptly.
#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QElapsedTimer>
#include <QFile>
#include <QMessageBox>
#include <QMimeData>
#include <QScrollArea>
#include <QScrollBar>
#include <QTabWidget>
#include <QTreeWidget>
#include <QAbstractButton>
#include <QLabel>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QtTest>

#include <cstdio>

#include "AppTestSupport.h"
#include "CompareView.h"
#include "ElidedLabel.h"
#include "Contrast.h"
#include "ImageView.h"
#include "MainWindow.h"
#include "ModelPanel.h"
#include "PiComparisonPanel.h"
#include "RestoreSession.h"
#include "SplitImageView.h"
#include "ThemePalette.h"
#include "Translations.h"

using namespace rdbm::app;

namespace {

QString writeBrokenPhoto(const QTemporaryDir& dir, const QString& name) {
    QFile f(dir.filePath(name));
    if (!f.open(QIODevice::WriteOnly)) return {};
    f.write("\x89PNG\r\n\x1a\nthis is not really a png");
    return f.fileName();
}

// Sends a drag-enter and a drop of these files to a widget, as a window manager would.
void dropOn(QWidget* target, const QStringList& paths) {
    QMimeData mime;
    QList<QUrl> urls;
    for (const QString& p : paths) urls << QUrl::fromLocalFile(p);
    mime.setUrls(urls);
    QDragEnterEvent enter(QPoint(20, 20), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    QDropEvent drop(QPointF(20, 20), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &drop);
}

QAction* actionNamed(QWidget* w, const QString& text) {
    for (QAction* a : w->findChildren<QAction*>())
        if (a->text().remove(QLatin1Char('&')) == text) return a;
    return nullptr;
}

} // namespace

class TestAppUsability : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    std::unique_ptr<AppSettings> settings_;
    std::unique_ptr<MainWindow> window_;

    RestoreSession& session() { return *window_->session(); }

    void newWindow() {
        window_.reset();
        settings_ = std::make_unique<AppSettings>(apptest::iniSettings(dir_));
        window_ = std::make_unique<MainWindow>(*settings_);
        window_->setInteractive(false);
        window_->resize(1280, 720);
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    }

private slots:
    void init() {
        QVERIFY(dir_.isValid());
        QFile::remove(dir_.filePath("settings.ini"));
        newWindow();
    }
    void cleanup() { window_.reset(); }

    void severalFilesDroppedOnTheImageViewAreAllQueued() {
        const QString a = apptest::writePhoto(QDir(dir_.path()), "a.png", 40, 30);
        const QString b = apptest::writePhoto(QDir(dir_.path()), "b.jpg", 40, 30);
        const QString c = apptest::writePhoto(QDir(dir_.path()), "c.png", 40, 30);
        rdbm::widgets::SplitImageView* view = window_->compareView()->splitView();

        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(a)});
        QDragEnterEvent enter(QPoint(20, 20), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(view, &enter);
        QVERIFY(enter.isAccepted());
        QVERIFY(view->isDropHighlighted()); // the target lights up while the drag is over it
        QDragLeaveEvent leave;
        QApplication::sendEvent(view, &leave);
        QVERIFY(!view->isDropHighlighted());

        dropOn(view, {a, b, c, apptest::smallModel()});
        QVERIFY(!view->isDropHighlighted());
        QVERIFY(apptest::waitIdle(session()));
        QCOMPARE(session().itemCount(), 3); // not only the first
        QVERIFY(session().model());
        for (int i = 0; i < 3; ++i) QVERIFY(session().item(i).status == RestoreSession::ItemStatus::Ready);
    }

    void failedModelLoadLeavesAClearState() {
        ModelPanel* panel = window_->modelPanel();
        QAction* restore = actionNamed(window_.get(), QStringLiteral("Restore"));
        QVERIFY(restore);
        window_->openFiles({apptest::writePhoto(QDir(dir_.path()), "p.png", 40, 30)});
        window_->loadModel(apptest::goldenFile("bad_shape.pt"));
        QVERIFY(panel->isLoading());
        QVERIFY(apptest::waitIdle(session()));
        // Not "Loading ..." forever: no model, a Load button, Restore disabled.
        QVERIFY(!panel->isLoading());
        QVERIFY2(panel->placeholderText().startsWith(QStringLiteral("No model loaded")), qPrintable(panel->placeholderText()));
        QVERIFY(!restore->isEnabled());
        QVERIFY(window_->lastError().contains(QStringLiteral("bad_shape.pt")));

        // With a model in use, a failed load goes back to it.
        window_->loadModel(apptest::smallModel());
        QVERIFY(apptest::waitIdle(session()));
        QVERIFY(restore->isEnabled());
        window_->loadModel(apptest::goldenFile("bad_truncated.pt"));
        QVERIFY(apptest::waitIdle(session()));
        QVERIFY(!panel->isLoading());
        QVERIFY(panel->model() == session().model());
        QVERIFY(panel->summaryLines().join('\n').contains(QStringLiteral("residual.pt")));
        QVERIFY(restore->isEnabled());
    }

    void severalBadFilesGiveOneDialogListingEach() {
        window_->setInteractive(true);
        const QString broken = writeBrokenPhoto(dir_, "broken.png");
        QFile notes(dir_.filePath("notes.txt"));
        QVERIFY(notes.open(QIODevice::WriteOnly));
        notes.write("not a photo");
        notes.close();
        // A good model first, a broken second checkpoint, a photo that does not decode and a
        // file of neither kind: every problem reaches the user, in one dialog.
        window_->openFiles({apptest::smallModel(), apptest::goldenFile("bad_shape.pt"), broken, notes.fileName()});
        QVERIFY(apptest::waitIdle(session()));
        QTRY_COMPARE(window_->pendingErrors().size(), 3);
        const QList<QMessageBox*> boxes = window_->findChildren<QMessageBox*>();
        QCOMPARE(boxes.size(), 1);
        const QString text = boxes.first()->text();
        for (const char* name : {"bad_shape.pt", "broken.png", "notes.txt"})
            QVERIFY2(text.contains(QLatin1String(name)), qPrintable(text));
        QVERIFY(session().model()); // the good one is in use
        boxes.first()->close();
        QTRY_VERIFY(window_->findChildren<QMessageBox*>().isEmpty());
        QVERIFY(window_->pendingErrors().isEmpty());
    }

    void failedPhotosAreMarkedRemovableAndNotRecent() {
        const QString broken = writeBrokenPhoto(dir_, "broken2.png");
        const QString good = apptest::writePhoto(QDir(dir_.path()), "good.png", 40, 30);
        window_->openFiles({broken, good});
        QVERIFY(apptest::waitIdle(session()));
        QCOMPARE(session().itemCount(), 2);
        QVERIFY(session().item(0).status == RestoreSession::ItemStatus::Failed);
        QVERIFY(!session().item(0).message.isEmpty());
        const QStringList recent = settings_->recentFiles();
        QVERIFY(recent.contains(QDir::cleanPath(good)));
        QVERIFY(!recent.contains(QDir::cleanPath(broken)));
        QVERIFY(session().removeInput(0));
        QCOMPARE(session().itemCount(), 1);
        QCOMPARE(QFileInfo(session().item(0).path).fileName(), QStringLiteral("good.png"));
    }

    void windowFits1024x700WithEveryDock() {
        for (QDockWidget* d : window_->findChildren<QDockWidget*>()) d->show();
        for (int tab = 0; tab < 4; ++tab) {
            window_->setCurrentTab(static_cast<MainWindow::Tab>(tab));
            QApplication::processEvents();
            const QSize min = window_->minimumSizeHint().expandedTo(window_->minimumSize());
            QVERIFY2(min.width() <= 1024 && min.height() <= 700,
                     qPrintable(QStringLiteral("tab %1 needs %2x%3").arg(tab).arg(min.width()).arg(min.height())));
        }
        window_->resize(1024, 700);
        QTRY_COMPARE(window_->size(), QSize(1024, 700));
    }

    void tabChangeNeverResizesTheWindow() {
        for (const QSize size : {QSize(1024, 700), QSize(1280, 720)}) {
            window_->resize(size);
            QTRY_COMPARE(window_->size(), size);
            for (int tab : {3, 1, 2, 0, 3}) {
                window_->setCurrentTab(static_cast<MainWindow::Tab>(tab));
                QTest::qWait(20);
                QCOMPARE(window_->size(), size);
            }
        }
    }

    // The trajectory, schedule and comparison pages in the room a 1024x700 window leaves
    // them with every dock open, with a restoration and a comparison shown: in English, in
    // German (the longest labels) and in Chinese, nothing needs a scroll bar, no step line,
    // file name or status is elided, and no button, check box or one-line label is
    // narrower than its text.
    void pagesFit1024x700WithoutScrolling_data() {
        QTest::addColumn<QString>("language");
        for (const char* lang : {"en", "de", "zh_CN"}) QTest::newRow(lang) << QString::fromLatin1(lang);
    }
    void pagesFit1024x700WithoutScrolling() {
        QFETCH(QString, language);
        QVERIFY(Translations::install(language));
        newWindow(); // built in that language
        for (QDockWidget* d : window_->findChildren<QDockWidget*>()) d->show();
        window_->resize(1024, 700);
        QTRY_COMPARE(window_->size(), QSize(1024, 700));
        window_->loadModel(apptest::smallModel());
        window_->openFiles({apptest::writePhoto(QDir(dir_.path()), QStringLiteral("fit-%1.png").arg(language), 96, 64)});
        QVERIFY(apptest::waitIdle(session()));
        rdbm::SamplerOptions o = session().samplerOptions();
        o.steps = 3;
        session().setSamplerOptions(o);
        QVERIFY(window_->restoreCurrent());
        QVERIFY(apptest::waitIdle(session()));
        window_->setCurrentTab(MainWindow::Tab::Comparison); // loads the bundled models
        QVERIFY(apptest::waitIdle(session()));
        QVERIFY(window_->comparisonPanel()->run());
        QVERIFY(apptest::waitIdle(session()));
        QVERIFY(window_->comparisonPanel()->finishedRows() > 0);

        auto* tabs = window_->findChild<QTabWidget*>();
        QVERIFY(tabs);
        for (MainWindow::Tab tab : {MainWindow::Tab::Trajectory, MainWindow::Tab::Schedule, MainWindow::Tab::Comparison}) {
            window_->setCurrentTab(tab);
            auto* area = qobject_cast<QScrollArea*>(tabs->currentWidget());
            QVERIFY(area && area->widget());
            const QString where = QStringLiteral("%1, tab %2").arg(language).arg(static_cast<int>(tab));
            // The layouts settle within a few event-loop rounds (rows of controls wrap).
            QTRY_VERIFY2_WITH_TIMEOUT(!area->horizontalScrollBar()->isVisible() && !area->verticalScrollBar()->isVisible(),
                                      qPrintable(where), 1000);
            const QSize room = area->viewport()->size();
            const QSize need = area->widget()->minimumSizeHint();
            QVERIFY2(need.width() <= room.width() && need.height() <= room.height(),
                     qPrintable(QStringLiteral("%1: the page needs %2x%3, has %4x%5")
                                    .arg(where).arg(need.width()).arg(need.height()).arg(room.width()).arg(room.height())));
            for (QWidget* w : area->widget()->findChildren<QWidget*>()) {
                if (!w->isVisibleTo(area->widget())) continue;
                // Step lines, file names and the status are whole at this size too.
                if (const auto* elided = qobject_cast<rdbm::widgets::ElidedLabel*>(w))
                    QVERIFY2(!elided->isElided(), qPrintable(QStringLiteral("%1: \"%2\" elided to \"%3\"").arg(where, elided->fullText(), elided->text())));
                const auto* label = qobject_cast<QLabel*>(w);
                const bool oneLine = label && !label->wordWrap() && !qobject_cast<rdbm::widgets::ElidedLabel*>(w);
                if (!oneLine && !qobject_cast<QAbstractButton*>(w)) continue;
                const QString text = label ? label->text() : qobject_cast<QAbstractButton*>(w)->text();
                QVERIFY2(w->width() >= w->minimumSizeHint().width(),
                         qPrintable(QStringLiteral("%1: \"%2\" is %3 px wide, needs %4")
                                        .arg(where, text).arg(w->width()).arg(w->minimumSizeHint().width())));
            }
        }
        // The docks beside them show all they hold: every property of the model, every
        // restoration control.
        auto* tree = window_->findChild<ModelPanel*>()->findChild<QTreeWidget*>();
        QVERIFY(tree && tree->isVisible());
        QTRY_VERIFY2_WITH_TIMEOUT(!tree->verticalScrollBar()->isVisible(), qPrintable(language), 1000);
        auto* controls = qobject_cast<QScrollArea*>(window_->findChild<QDockWidget*>(QStringLiteral("restorationDock"))->widget());
        QVERIFY(controls);
        QVERIFY2(!controls->verticalScrollBar()->isVisible() && !controls->horizontalScrollBar()->isVisible(), qPrintable(language));
        window_.reset();
        QVERIFY(Translations::install(QStringLiteral("en")));
    }

    void everyThemeKeepsTextReadable() {
        ThemePalette::captureSystemDefaults();
        for (ThemeChoice theme : {ThemeChoice::System, ThemeChoice::Light, ThemeChoice::Dark}) {
            ThemePalette::apply(theme);
            const QPalette pal = QApplication::palette();
            const double lowest = ThemePalette::lowestTextContrast(pal);
            QVERIFY2(lowest >= rdbm::widgets::kMinTextContrast,
                     qPrintable(QStringLiteral("theme %1: %2:1").arg(static_cast<int>(theme)).arg(lowest)));
            // The image views' hints ("Drop photos...", "No map") on their dark background.
            rdbm::widgets::ImageView view;
            view.setPlaceholderText(QStringLiteral("No map"));
            const double hint = rdbm::widgets::contrastRatio(view.placeholderColor(), view.palette().color(view.backgroundRole()));
            QVERIFY2(hint >= rdbm::widgets::kMinTextContrast, qPrintable(QStringLiteral("theme %1 hint: %2:1").arg(static_cast<int>(theme)).arg(hint)));
        }
        // The palettes themselves, before any correction, already meet it for placeholders.
        QVERIFY(rdbm::widgets::contrastRatio(ThemePalette::light().color(QPalette::PlaceholderText), ThemePalette::light().color(QPalette::Window)) >= 4.5);
        QVERIFY(rdbm::widgets::contrastRatio(ThemePalette::dark().color(QPalette::PlaceholderText), ThemePalette::dark().color(QPalette::Window)) >= 4.5);
        ThemePalette::apply(ThemeChoice::System);
    }

    void cancelStopsBetweenTiles() {
        window_->loadModel(apptest::smallModel());
        window_->openFiles({apptest::writePhoto(QDir(dir_.path()), "large.png", 640, 480)});
        QVERIFY(apptest::waitIdle(session()));
        rdbm::SamplerOptions o;
        o.steps = 4;
        o.tileSize = 64; // many tiles per step, one per network call
        o.tileOverlap = 16;
        o.maxWholePixels = 64 * 64;
        session().setSamplerOptions(o);
        QSignalSpy cancelled(&session(), &RestoreSession::restoreCancelled);
        QSignalSpy tiles(&session(), &RestoreSession::tileProgress);
        QElapsedTimer sinceCancel;
        int tilesAtCancel = 0;
        QString progressText;
        auto* bar = window_->statusBar()->findChild<QLabel*>(QStringLiteral("progressText"));
        QVERIFY(bar);
        connect(&session(), &RestoreSession::tileProgress, this, [&](int, int step, int, int tile, int total) {
            if (step == 1 && tile >= 3 && !sinceCancel.isValid()) {
                progressText = bar->text();
                tilesAtCancel = tile;
                QVERIFY(tile < total);
                sinceCancel.start();
                session().cancel();
            }
        });
        QVERIFY(session().restoreCurrent());
        QVERIFY(cancelled.wait(60000));
        const qint64 latencyMs = sinceCancel.elapsed();
        std::printf("cancel latency (640x480, 64-px tiles): %lld ms after tile %d\n", static_cast<long long>(latencyMs), tilesAtCancel);
        QCOMPARE(cancelled.at(0).at(1).toInt(), 0); // stopped inside step 1, not after it
        QVERIFY2(progressText.startsWith(QStringLiteral("step 1 of 4, tile ")), qPrintable(progressText));
        QVERIFY2(progressText.contains(QStringLiteral(" of 130 \u00b7 ")), qPrintable(progressText)); // then the ETA
        QVERIFY(apptest::waitIdle(session()));
        QVERIFY(session().item(0).status == RestoreSession::ItemStatus::Cancelled);
        disconnect(&session(), &RestoreSession::tileProgress, this, nullptr);
    }

    void quitDuringARunEndsPromptly() {
        window_->loadModel(apptest::smallModel());
        window_->openFiles({apptest::writePhoto(QDir(dir_.path()), "large2.png", 640, 480)});
        QVERIFY(apptest::waitIdle(session()));
        rdbm::SamplerOptions o;
        o.steps = 10;
        o.tileSize = 64;
        o.tileOverlap = 16;
        o.maxWholePixels = 64 * 64;
        session().setSamplerOptions(o);
        QSignalSpy tiles(&session(), &RestoreSession::tileProgress);
        QVERIFY(session().restoreCurrent());
        QVERIFY(tiles.wait(60000));
        QElapsedTimer clock;
        clock.start();
        QVERIFY(window_->close()); // a non-interactive window stops without asking
        window_.reset();           // the session's destructor waits for the worker
        const qint64 ms = clock.elapsed();
        std::printf("quit during a run (640x480, 10 steps of 130 tiles): window gone after %lld ms\n", static_cast<long long>(ms));
        QVERIFY2(ms < 5000, qPrintable(QString::number(ms)));
    }

    // The figures of issue 10 on a real photo with the bundled model (opt-in: slow):
    //   RDBM_MEASURE_PHOTO=/tmp/big.png test_app_usability measureCancelAndQuitOnALargePhoto
    void measureCancelAndQuitOnALargePhoto() {
        const QString photo = qEnvironmentVariable("RDBM_MEASURE_PHOTO");
        if (photo.isEmpty()) QSKIP("set RDBM_MEASURE_PHOTO to a large photo to measure");
        QElapsedTimer total;
        total.start();
        window_->loadModel(QStringLiteral(RDBM_SOURCE_DIR "/models/rdbm-residual.safetensors"));
        window_->openFiles({photo});
        QVERIFY(apptest::waitIdle(session()));
        std::printf("MEASURE model and photo loaded after %lld ms\n", static_cast<long long>(total.elapsed()));
        rdbm::SamplerOptions o = session().samplerOptions();
        o.steps = 4;
        session().setSamplerOptions(o);
        QAction* cancel = nullptr; // the window's Cancel, the one on Esc
        for (QAction* act : window_->findChildren<QAction*>())
            if (act->shortcut() == QKeySequence(Qt::Key_Escape)) cancel = act;
        QVERIFY(cancel);
        QSignalSpy cancelled(&session(), &RestoreSession::restoreCancelled);
        int tilesSeen = 0, tileCount = 0;
        connect(&session(), &RestoreSession::tileProgress, this, [&](int, int, int, int tile, int tiles) {
            tilesSeen = tile;
            tileCount = tiles;
        });
        QVERIFY(session().restoreCurrent());
        QTRY_VERIFY_WITH_TIMEOUT(tilesSeen >= 3, 300000); // well inside step 1
        std::printf("MEASURE tile %d of %d reached after %lld ms\n", tilesSeen, tileCount, static_cast<long long>(total.elapsed()));
        QElapsedTimer clock;
        clock.start();
        QVERIFY(cancel->isEnabled());
        cancel->trigger(); // what Esc does
        QVERIFY(cancelled.wait(600000));
        const qint64 cancelMs = clock.elapsed();
        std::printf("MEASURE cancel latency: %lld ms (at tile %d of %d, step 1 of 4)\n",
                    static_cast<long long>(cancelMs), tilesSeen, tileCount);
        std::fflush(stdout);
        QVERIFY(apptest::waitIdle(session()));

        tilesSeen = 0;
        QVERIFY(session().restoreCurrent());
        QTRY_VERIFY_WITH_TIMEOUT(tilesSeen >= 3, 300000);
        clock.restart();
        QVERIFY(window_->close());
        window_.reset();
        std::printf("MEASURE quit to window and threads gone: %lld ms\n", static_cast<long long>(clock.elapsed()));
    }
};

QTEST_MAIN(TestAppUsability)
#include "test_app_usability.moc"
