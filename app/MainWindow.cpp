#include "MainWindow.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QToolBar>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "AboutDialog.h"
#include "BundledModels.h"
#include "CompareView.h"
#include "DropClassifier.h"
#include "ElidedLabel.h"
#include "ErrorText.h"
#include "RunRecord.h"
#include "ImageView.h"
#include "SplitImageView.h"
#include "InputQueueView.h"
#include "ModelPanel.h"
#include "ModelPicker.h"
#include "PaletteIcon.h"
#include "PiComparisonPanel.h"
#include "RestoreSession.h"
#include "SamplerControls.h"
#include "SchedulePlotPanel.h"
#include "ThemePalette.h"
#include "TrajectoryInspector.h"
#include "Translations.h"
#include "UncertaintyPanel.h"
#include "ZoomPanState.h"

namespace rdbm::app {
namespace {

// Progress bar units per step, so that tiles fill a step smoothly.
constexpr int kProgressPerStep = 1000;

QString etaText(double seconds) {
    if (!(seconds >= 0.0) || !std::isfinite(seconds)) return MainWindow::tr("estimating time left\u2026");
    const int s = static_cast<int>(std::ceil(seconds));
    if (s < 60) return MainWindow::tr("about %n s left", nullptr, s);
    return MainWindow::tr("about %1 min %2 s left").arg(s / 60).arg(s % 60);
}

// Pages and docks sit in scroll areas: their content may need more room than a small
// screen has, and a page's minimum size must never grow the window (a tab change then
// shows scroll bars instead of resizing it).
QScrollArea* scrollable(QWidget* page) {
    auto* area = new QScrollArea;
    area->setWidget(page);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    area->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    return area;
}

QString metricsText(const Metrics& before, const Metrics& after) {
    const auto psnr = [](double v) {
        return std::isinf(v) ? QStringLiteral("\u221e") : QLocale().toString(v, 'f', 2);
    };
    return MainWindow::tr("PSNR %1 dB \u2192 %2 dB, SSIM %3 \u2192 %4")
        .arg(psnr(before.psnr), psnr(after.psnr), QLocale().toString(before.ssim, 'f', 4),
             QLocale().toString(after.ssim, 'f', 4));
}

} // namespace

QIcon MainWindow::appIcon() {
    QIcon icon;
    for (int size : {16, 32, 64, 128, 256}) icon.addFile(QStringLiteral(":/icons/rdbm-studio-%1.png").arg(size), QSize(size, size));
    return icon;
}

MainWindow::MainWindow(AppSettings& settings, QWidget* parent)
    : QMainWindow(parent), settings_(settings), session_(new RestoreSession(this)) {
    setWindowIcon(appIcon());
    setAcceptDrops(true);
    setDockNestingEnabled(true);

    tabs_ = new QTabWidget(this);
    tabs_->setDocumentMode(true);

    // Before / after
    auto* comparePage = new QWidget(tabs_);
    auto* cl = new QVBoxLayout(comparePage);
    cl->setContentsMargins(4, 4, 4, 4);
    compareInfo_ = new QLabel(comparePage);
    compareInfo_->setWordWrap(true);
    compareInfo_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    cl->addWidget(compareInfo_);
    compare_ = new widgets::CompareView(comparePage);
    compare_->setLabels(tr("Before"), tr("After"));
    compare_->splitView()->setPlaceholderText(tr("Drop photos and a checkpoint here, or click to open photos"));
    // Restore N Seeds: the runs' standard deviation map beside their mean (issue 11 §5).
    uncertainty_ = new UncertaintyPanel(session_, comparePage);
    uncertainty_->syncZoomWith(compare_->zoomState());
    auto* resultRow = new QHBoxLayout;
    resultRow->addWidget(compare_, 3);
    resultRow->addWidget(uncertainty_, 2);
    cl->addLayout(resultRow, 1);
    tabs_->addTab(scrollable(comparePage), tr("Before / After"));

    inspector_ = new TrajectoryInspector(tabs_);
    tabs_->addTab(scrollable(inspector_), tr("Trajectory"));
    schedule_ = new SchedulePlotPanel(tabs_);
    tabs_->addTab(scrollable(schedule_), tr("RNR && Schedule"));
    comparison_ = new PiComparisonPanel(session_, tabs_);
    tabs_->addTab(scrollable(comparison_), tr("\u03c0 Comparison"));
    // Narrow (a small screen with every dock open), the tab titles are elided, whole in
    // their tooltips, rather than scrolled out of sight behind arrows.
    tabs_->setUsesScrollButtons(false);
    tabs_->setElideMode(Qt::ElideRight);
    for (int i = 0; i < tabs_->count(); ++i) tabs_->setTabToolTip(i, tabs_->tabText(i).replace(QStringLiteral("&&"), QStringLiteral("&")));
    setCentralWidget(tabs_);

    createActions();
    createMenus();
    createDocks();
    createStatusBar();
    connectSession();
    loadSettings();

    connect(tabs_, &QTabWidget::currentChanged, this, [this](int index) {
        if (static_cast<Tab>(index) == Tab::Comparison) loadBundledComparisonModels();
        updateActions();
        updateZoomLabel();
    });
    for (widgets::ZoomPanState* z : {compare_->zoomState(), inspector_->xtView()->zoomState(),
                                 comparison_->resultView(0)->zoomState()})
        connect(z, &widgets::ZoomPanState::changed, this, &MainWindow::updateZoomLabel);
    connect(compare_, &widgets::CompareView::filesDropped, this, [this](const QStringList& paths) { openFiles(paths); });
    connect(compare_, &widgets::CompareView::openRequested, this, &MainWindow::chooseImages);
    connect(inspector_, &TrajectoryInspector::currentFrameChanged, this,
            [this](int, int t) { schedule_->setCurrentTime(t); });
    connect(inspector_, &TrajectoryInspector::exportRequested, this, &MainWindow::exportTrajectory);
    connect(schedule_, &SchedulePlotPanel::stepClicked, this, [this](int t) {
        const int frame = inspector_->frameAtTime(t);
        if (frame >= 0) inspector_->setCurrentFrame(frame);
    });
    connect(schedule_, &SchedulePlotPanel::exported, this,
            [this](const QString& path) { showStatus(tr("Plot written to %1").arg(QDir::toNativeSeparators(path))); });
    connect(schedule_, &SchedulePlotPanel::exportFailed, this, [this](const QString& path) {
        showError(tr("Exporting the plot"), {ErrorKind::Runtime, tr("could not write %1").arg(QDir::toNativeSeparators(path))});
    });
    connect(comparison_, &PiComparisonPanel::loadModelRequested, this, &MainWindow::chooseComparisonModel);
    connect(comparison_, &PiComparisonPanel::modeChanged, this, [this](PiComparisonPanel::Mode mode) {
        if (mode == PiComparisonPanel::Mode::Methods && currentTab() == Tab::Comparison) loadBundledComparisonModels();
    });
    connect(controls_, &SamplerControls::optionsChanged, this, [this] {
        const rdbm::SamplerOptions o = controls_->options();
        session_->setSamplerOptions(o);
        comparison_->setBaseOptions(o);
        schedule_->setSteps(o.steps);
    });
    connect(controls_, &SamplerControls::deviceChanged, this, [this](const QString& device) {
        settings_.setDevice(device);
        if (!session_->modelPath().isEmpty()) loadModel(session_->modelPath());
    });

    refreshIcons();
    updateActions();
    updateTitle();
    showCurrentItem();
}

MainWindow::~MainWindow() = default;

void MainWindow::refreshIcons() {
    restore_->setIcon(widgets::paletteIcon(style(), QStyle::SP_MediaPlay, palette()));
    restoreAll_->setIcon(widgets::paletteIcon(style(), QStyle::SP_MediaSkipForward, palette()));
}

void MainWindow::changeEvent(QEvent* event) {
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange) refreshIcons();
}

// ---------------------------------------------------------------- construction

void MainWindow::createActions() {
    QStyle* st = style();
    open_ = new QAction(st->standardIcon(QStyle::SP_DialogOpenButton), tr("&Open Photos\u2026"), this);
    open_->setShortcut(QKeySequence::Open);
    open_->setToolTip(tr("Open one or more photos (PNG, JPEG, TIFF, WebP); several become a queue"));
    addFolder_ = new QAction(tr("Add &Folder\u2026"), this);
    addFolder_->setToolTip(tr("Add every photo in a folder to the queue (see Include Subfolders)"));
    includeSubfolders_ = new QAction(tr("Include &Subfolders"), this);
    includeSubfolders_->setCheckable(true);
    includeSubfolders_->setToolTip(tr("Add Folder\u2026 takes the photos of its subfolders too"));
    openReference_ = new QAction(tr("Open &Reference\u2026"), this);
    openReference_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    openReference_->setToolTip(tr("Open the clean version of the photo to measure PSNR and SSIM "
                                  "(or Shift+drop it onto the window)"));
    clearReference_ = new QAction(tr("Clear Reference"), this);
    removeInput_ = new QAction(tr("Remove"), this);
    removeInput_->setToolTip(tr("Remove the selected photo from the queue"));
    moveUp_ = new QAction(tr("Move &Up"), this);
    moveUp_->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Up));
    moveUp_->setToolTip(tr("Move the selected photo up: Restore All works through the list in order"));
    moveDown_ = new QAction(tr("Move &Down"), this);
    moveDown_->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Down));
    moveDown_->setToolTip(tr("Move the selected photo down: Restore All works through the list in order"));
    pauseQueue_ = new QAction(tr("&Pause Queue"), this);
    pauseQueue_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    pauseQueue_->setToolTip(tr("Let the running photo finish and start no other; press again to resume"));
    loadModel_ = new QAction(st->standardIcon(QStyle::SP_DirOpenIcon), tr("Load &Model\u2026"), this);
    loadModel_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    loadModel_->setToolTip(tr("Load a checkpoint (.safetensors, .pt, .pth, TorchScript)"));
    save_ = new QAction(st->standardIcon(QStyle::SP_DialogSaveButton), tr("&Save Result\u2026"), this);
    save_->setShortcut(QKeySequence::Save);
    save_->setToolTip(tr("Save the restored photo in the input's format and bit depth"));
    saveAll_ = new QAction(tr("Save &All Results\u2026"), this);
    saveAll_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    quit_ = new QAction(tr("&Quit"), this);
    quit_->setShortcut(QKeySequence::Quit);
    quit_->setMenuRole(QAction::QuitRole);

    restore_ = new QAction(tr("&Restore"), this);
    restore_->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_R), QKeySequence(Qt::Key_F5)});
    restore_->setToolTip(tr("Restore the selected photo (Ctrl+R)"));
    restoreAll_ = new QAction(tr("Restore A&ll"), this);
    restoreAll_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    restoreAll_->setToolTip(tr("Restore every photo in the queue that has no result yet"));
    restoreAgain_ = new QAction(tr("Restore Again with &These Settings"), this);
    restoreAgain_->setToolTip(tr("Set the model, steps, \u03b7, noise, seed and tile size this photo was made with, "
                                 "to restore its original the same way"));
    cancel_ = new QAction(st->standardIcon(QStyle::SP_BrowserStop), tr("&Cancel"), this);
    cancel_->setShortcut(QKeySequence(Qt::Key_Escape));
    cancel_->setToolTip(tr("Stop the restoration (Esc)"));

    auto* modes = new QActionGroup(this);
    modeSplit_ = new QAction(tr("&Split View"), modes);
    modeSplit_->setShortcut(QKeySequence(Qt::Key_F2));
    modeSide_ = new QAction(tr("Side &by Side"), modes);
    modeSide_->setShortcut(QKeySequence(Qt::Key_F3));
    modeDiff_ = new QAction(tr("&Difference"), modes);
    modeDiff_->setShortcut(QKeySequence(Qt::Key_F4));
    for (QAction* a : {modeSplit_, modeSide_, modeDiff_}) a->setCheckable(true);
    modeSplit_->setChecked(true);
    showTiles_ = new QAction(tr("Show &Tiles"), this);
    showTiles_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    showTiles_->setCheckable(true);
    showTiles_->setToolTip(tr("Outline the tiles the last restoration of this photo ran in"));

    zoomFit_ = new QAction(tr("Zoom to &Fit"), this);
    zoomFit_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    zoomActual_ = new QAction(tr("&Actual Pixels (1:1)"), this);
    zoomActual_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    zoomIn_ = new QAction(tr("Zoom &In"), this);
    zoomIn_->setShortcut(QKeySequence::ZoomIn);
    zoomOut_ = new QAction(tr("Zoom &Out"), this);
    zoomOut_->setShortcut(QKeySequence::ZoomOut);
    fullScreen_ = new QAction(tr("F&ull Screen"), this);
    fullScreen_->setShortcut(QKeySequence::FullScreen);
    fullScreen_->setCheckable(true);

    themeGroup_ = new QActionGroup(this);
    const std::pair<ThemeChoice, QString> themes[] = {
        {ThemeChoice::System, tr("Follow &System")}, {ThemeChoice::Light, tr("&Light")}, {ThemeChoice::Dark, tr("&Dark")}};
    for (const auto& [choice, text] : themes) {
        auto* a = new QAction(text, themeGroup_);
        a->setCheckable(true);
        a->setData(static_cast<int>(choice));
    }
    languageGroup_ = new QActionGroup(this);
    for (const QString& lang : Translations::available()) {
        auto* a = new QAction(Translations::nativeName(lang), languageGroup_);
        a->setCheckable(true);
        a->setData(lang);
        a->setChecked(lang == Translations::installed());
    }
    about_ = new QAction(tr("&About RDBM Studio"), this);
    about_->setMenuRole(QAction::AboutRole);
    aboutQt_ = new QAction(tr("About &Qt"), this);
    aboutQt_->setMenuRole(QAction::AboutQtRole);
    shortcuts_ = new QAction(tr("&Keyboard Shortcuts"), this);
    shortcuts_->setShortcut(QKeySequence::HelpContents);

    connect(open_, &QAction::triggered, this, &MainWindow::chooseImages);
    connect(addFolder_, &QAction::triggered, this, &MainWindow::chooseFolder);
    connect(includeSubfolders_, &QAction::toggled, this, [this](bool on) { settings_.setIncludeSubfolders(on); });
    connect(openReference_, &QAction::triggered, this, &MainWindow::chooseReference);
    connect(clearReference_, &QAction::triggered, session_, &RestoreSession::clearReference);
    connect(removeInput_, &QAction::triggered, this, [this] { session_->removeInput(session_->currentIndex()); });
    connect(moveUp_, &QAction::triggered, this, [this] { session_->moveInput(session_->currentIndex(), -1); });
    connect(moveDown_, &QAction::triggered, this, [this] { session_->moveInput(session_->currentIndex(), 1); });
    connect(pauseQueue_, &QAction::triggered, this, &MainWindow::togglePause);
    connect(loadModel_, &QAction::triggered, this, &MainWindow::chooseModel);
    connect(save_, &QAction::triggered, this, &MainWindow::saveResult);
    connect(saveAll_, &QAction::triggered, this, &MainWindow::saveAllResults);
    connect(quit_, &QAction::triggered, this, &QWidget::close);
    connect(restore_, &QAction::triggered, this, &MainWindow::restoreCurrent);
    connect(restoreAll_, &QAction::triggered, this, &MainWindow::restoreAll);
    connect(restoreAgain_, &QAction::triggered, this, &MainWindow::restoreAgainWithRecord);
    connect(cancel_, &QAction::triggered, this, [this] {
        session_->cancel();
        showStatus(tr("Cancelling\u2026"));
    });
    connect(modeSplit_, &QAction::triggered, this, [this] { compare_->setMode(widgets::CompareView::Mode::Split); });
    connect(modeSide_, &QAction::triggered, this, [this] { compare_->setMode(widgets::CompareView::Mode::SideBySide); });
    connect(modeDiff_, &QAction::triggered, this, [this] { compare_->setMode(widgets::CompareView::Mode::Difference); });
    connect(compare_, &widgets::CompareView::modeChanged, this, [this](widgets::CompareView::Mode m) {
        (m == widgets::CompareView::Mode::Split ? modeSplit_ : m == widgets::CompareView::Mode::SideBySide ? modeSide_ : modeDiff_)
            ->setChecked(true);
    });
    connect(showTiles_, &QAction::toggled, this, [this](bool on) {
        showCurrentItem();
        const int index = session_->currentIndex();
        if (on && index >= 0 && session_->item(index).hasResult && session_->item(index).result.tileRects.isEmpty())
            showStatus(tr("This photo ran as one whole-image call: there are no tiles to show"));
    });
    connect(zoomFit_, &QAction::triggered, this, [this] { if (auto* z = activeZoom()) z->fitToView(); });
    connect(zoomActual_, &QAction::triggered, this, [this] { if (auto* z = activeZoom()) z->actualSize(); });
    connect(zoomIn_, &QAction::triggered, this, [this] { if (auto* z = activeZoom()) z->zoomIn(); });
    connect(zoomOut_, &QAction::triggered, this, [this] { if (auto* z = activeZoom()) z->zoomOut(); });
    connect(fullScreen_, &QAction::toggled, this, [this](bool on) { on ? showFullScreen() : showNormal(); });
    connect(themeGroup_, &QActionGroup::triggered, this, [this](QAction* a) {
        const auto theme = static_cast<ThemeChoice>(a->data().toInt());
        widgets::ThemePalette::apply(theme);
        settings_.setTheme(theme);
    });
    connect(languageGroup_, &QActionGroup::triggered, this, [this](QAction* a) {
        settings_.setLanguage(a->data().toString());
        showStatus(tr("The language changes the next time RDBM Studio starts."), 0);
        if (interactive_)
            QMessageBox::information(this, tr("Language"), tr("The language changes the next time RDBM Studio starts."));
    });
    connect(about_, &QAction::triggered, this, &MainWindow::showAbout);
    connect(shortcuts_, &QAction::triggered, this, &MainWindow::showShortcuts);
    connect(aboutQt_, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(open_);
    file->addAction(addFolder_);
    file->addAction(includeSubfolders_);
    file->addAction(openReference_);
    file->addAction(clearReference_);
    recentMenu_ = file->addMenu(tr("Open &Recent"));
    file->addSeparator();
    file->addAction(loadModel_);
    file->addSeparator();
    file->addAction(save_);
    file->addAction(saveAll_);
    file->addAction(comparison_->exportAction());
    file->addAction(schedule_->exportPngAction());
    file->addAction(schedule_->exportPdfAction());
    file->addAction(schedule_->exportCsvAction());
    file->addSeparator();
    file->addAction(quit_);
    connect(recentMenu_, &QMenu::aboutToShow, this, &MainWindow::updateRecentMenu);

    QMenu* run = menuBar()->addMenu(tr("&Restore"));
    run->addAction(restore_);
    run->addAction(restoreAll_);
    run->addAction(pauseQueue_);
    run->addAction(uncertainty_->runAction());
    run->addAction(cancel_);
    run->addSeparator();
    run->addAction(restoreAgain_);
    run->addSeparator();
    run->addAction(comparison_->runAction());

    viewMenu_ = menuBar()->addMenu(tr("&View"));
    viewMenu_->addAction(modeSplit_);
    viewMenu_->addAction(modeSide_);
    viewMenu_->addAction(modeDiff_);
    viewMenu_->addAction(showTiles_);
    viewMenu_->addSeparator();
    viewMenu_->addAction(zoomFit_);
    viewMenu_->addAction(zoomActual_);
    viewMenu_->addAction(zoomIn_);
    viewMenu_->addAction(zoomOut_);
    viewMenu_->addSeparator();
    const QString tabNames[] = {tr("Before / After"), tr("Trajectory"), tr("RNR && Schedule"), tr("\u03c0 Comparison")};
    for (int i = 0; i < 4; ++i) {
        auto* a = viewMenu_->addAction(tabNames[i]);
        a->setShortcut(QKeySequence(Qt::ALT | static_cast<Qt::Key>(Qt::Key_1 + i)));
        connect(a, &QAction::triggered, this, [this, i] { tabs_->setCurrentIndex(i); });
    }
    viewMenu_->addSeparator();
    QMenu* theme = viewMenu_->addMenu(tr("&Colours"));
    theme->addActions(themeGroup_->actions());
    QMenu* lang = viewMenu_->addMenu(tr("&Language"));
    lang->addActions(languageGroup_->actions());
    viewMenu_->addAction(fullScreen_);
    viewMenu_->addSeparator(); // dock toggles follow (createDocks)

    QMenu* traj = menuBar()->addMenu(tr("&Trajectory"));
    traj->addAction(inspector_->playAction());
    traj->addAction(inspector_->nextAction());
    traj->addAction(inspector_->previousAction());
    traj->addSeparator();
    traj->addAction(inspector_->exportFramesAction());
    traj->addAction(inspector_->exportSheetAction());

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(shortcuts_);
    help->addSeparator();
    help->addAction(about_);
    help->addAction(aboutQt_);

    QToolBar* bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(open_);
    // The model drop-down replaces a "Load Model" button: it holds "Load Model…" too.
    modelPicker_ = new ModelPicker(bar);
    bar->addWidget(modelPicker_);
    connect(modelPicker_, &ModelPicker::modelChosen, this, &MainWindow::loadModel);
    connect(modelPicker_, &ModelPicker::browseRequested, this, &MainWindow::chooseModel);
    updateModelPicker();
    bar->addSeparator();
    bar->addAction(restore_);
    bar->addAction(cancel_);
    bar->addAction(save_);
    bar->addSeparator();
    bar->addAction(zoomFit_);
    bar->addAction(zoomActual_);
}

void MainWindow::createDocks() {
    queue_ = new InputQueueView(session_, this);
    queue_->setActions(open_, removeInput_, openReference_, clearReference_);
    queue_->setQueueActions(moveUp_, moveDown_, pauseQueue_);
    auto* queueDock = new QDockWidget(tr("Photos"), this);
    queueDock->setObjectName(QStringLiteral("photosDock"));
    queueDock->setWidget(queue_);
    addDockWidget(Qt::LeftDockWidgetArea, queueDock);

    modelPanel_ = new ModelPanel(this);
    connect(modelPanel_, &ModelPanel::loadRequested, this, &MainWindow::chooseModel);
    auto* modelDock = new QDockWidget(tr("Model"), this);
    modelDock->setObjectName(QStringLiteral("modelDock"));
    modelDock->setWidget(modelPanel_);
    addDockWidget(Qt::RightDockWidgetArea, modelDock);

    controls_ = new SamplerControls(this);
    controls_->setActions(restore_, restoreAll_, cancel_);
    auto* controlsDock = new QDockWidget(tr("Restoration"), this);
    controlsDock->setObjectName(QStringLiteral("restorationDock"));
    controlsDock->setWidget(scrollable(controls_));
    addDockWidget(Qt::RightDockWidgetArea, controlsDock);

    for (QDockWidget* d : {queueDock, modelDock, controlsDock}) viewMenu_->addAction(d->toggleViewAction());
    resizeDocks({queueDock, modelDock}, {230, 330}, Qt::Horizontal);
    // The restoration controls need little height; the model's properties get the rest,
    // so that all of them show on a 700 px screen (taller glyphs in Chinese).
    resizeDocks({modelDock, controlsDock}, {300, controlsDock->sizeHint().height()}, Qt::Vertical);
}

void MainWindow::createStatusBar() {
    // Elided, never wider than the bar: a long message must not widen the window.
    statusLabel_ = new widgets::ElidedLabel(this);
    // The bar shows the percentage; the words ("step 1 of 4, tile 120 of 384, about
    // 3 min left") sit beside it, where a long language does not squeeze them.
    progress_ = new QProgressBar(this);
    progress_->setMaximumWidth(160);
    progress_->setTextVisible(true);
    progress_->setFormat(QStringLiteral("%p %"));
    progress_->hide();
    eta_ = new QLabel(this);
    eta_->setObjectName(QStringLiteral("progressText"));
    zoomLabel_ = new QLabel(this);
    zoomLabel_->setToolTip(tr("Zoom of the view (Ctrl+0 fits, Ctrl+1 shows actual pixels)"));
    auto* cancel = new QToolButton(this);
    cancel->setDefaultAction(cancel_);
    cancel->setAutoRaise(true);
    statusBar()->addWidget(statusLabel_, 1);
    statusTimer_ = new QTimer(this);
    statusTimer_->setSingleShot(true);
    connect(statusTimer_, &QTimer::timeout, this, [this] { showStatus(session_->isBusy() ? status_ : QString(), 0); });
    statusBar()->addPermanentWidget(zoomLabel_);
    statusBar()->addPermanentWidget(eta_);
    statusBar()->addPermanentWidget(progress_);
    statusBar()->addPermanentWidget(cancel);
}

void MainWindow::connectSession() {
    connect(session_, &RestoreSession::stateChanged, this, [this] { updateActions(); });
    connect(session_, &RestoreSession::modelChanged, this, [this] {
        const ModelPtr m = session_->model();
        modelPanel_->setModel(m);
        controls_->setMaxSteps(m->schedule().T());
        inspector_->setModelT(m->schedule().T());
        schedule_->setModel(m, QFileInfo(session_->modelPath()).completeBaseName());
        updateScheduleOtherModel();
        settings_.setLastModel(session_->modelPath());
        // Bundled models are listed anyway; other checkpoints join the recent ones.
        if (!BundledModels::isBundled(session_->modelPath())) settings_.addRecentModel(session_->modelPath());
        updateModelPicker();
        showStatus(tr("Model %1 loaded (%2, %3)")
                       .arg(QFileInfo(session_->modelPath()).fileName(),
                            ModelPanel::piDescription(m->info().metadata.piMode), QString::fromStdString(m->device())));
        if (recordModelLoading_) {
            // The recorded model bounds the steps now: set the record's settings again.
            recordModelLoading_ = false;
            const QStringList notes = applyRecordSettings(recordSettings_);
            if (notes.isEmpty())
                showStatus(tr("Model %1 and the settings of the photo's record are set: open the original photo and "
                              "press Restore")
                               .arg(QFileInfo(session_->modelPath()).fileName()));
            else
                showError(tr("Restore Again with These Settings"), {ErrorKind::Usage, notes.join(QStringLiteral("; "))});
        } else if (checkNextModel_) {
            // The user picked a model after being told the recorded one was missing or differed.
            checkNextModel_ = false;
            loadedModelHashRequest_ = session_->hashFile(session_->modelPath());
        }
        updateActions();
        updateTitle();
    });
    connect(session_, &RestoreSession::comparisonModelChanged, this, [this](int slot) {
        QStringList paths = settings_.comparisonModels();
        paths[slot] = session_->comparisonModelPath(slot);
        settings_.setComparisonModels(paths);
        updateScheduleOtherModel();
        showStatus(tr("Model %1 loaded for %2")
                       .arg(QFileInfo(session_->comparisonModelPath(slot)).fileName(), PiComparisonPanel::slotLabel(slot)));
    });
    connect(session_, &RestoreSession::modelLoadFailed, this, [this](int slot, const QString& path) {
        // Back to the model in use, or "No model loaded" with a Load button.
        if (slot == -1) {
            recordModelLoading_ = false;
            modelPanel_->setModel(session_->model());
            modelPicker_->setCurrentPath(session_->modelPath());
        }
        showStatus(tr("Could not load %1").arg(QFileInfo(path).fileName()));
        updateActions();
    });
    connect(session_, &RestoreSession::inputDecoded, this, [this](int index) {
        // Only photos that opened go to Open Recent.
        settings_.addRecentFile(session_->item(index).path);
    });
    connect(session_, &RestoreSession::currentIndexChanged, this, [this] {
        showCurrentItem();
        updateActions();
        updateTitle();
    });
    connect(session_, &RestoreSession::itemChanged, this, [this](int index) {
        if (index == session_->currentIndex()) showCurrentItem();
        updateActions();
    });
    connect(session_, &RestoreSession::itemsChanged, this, [this] { updateActions(); });
    connect(session_, &RestoreSession::folderAdded, this, [this](const QString& dir, int added, int skipped, int open) {
        QString text = tr("Added %n photo(s) from %1", nullptr, added).arg(QDir::toNativeSeparators(dir));
        if (open > 0) text += QStringLiteral("; ") + tr("%n already open", nullptr, open);
        if (skipped > 0) text += QStringLiteral("; ") + tr("%n other file(s) skipped", nullptr, skipped);
        showStatus(text);
    });
    connect(session_, &RestoreSession::referenceChanged, this, [this] {
        updateMetrics();
        updateBandSource();
        updateActions();
        if (session_->reference())
            showStatus(tr("Reference %1 opened").arg(QFileInfo(session_->referenceImage().path).fileName()));
    });
    connect(session_, &RestoreSession::metricsChanged, this, [this](int index) {
        if (index == session_->currentIndex()) updateMetrics();
    });
    connect(session_, &RestoreSession::restoreStarted, this, [this](int index, int steps) {
        progress_->setRange(0, steps * kProgressPerStep);
        progress_->setValue(0);
        progress_->show();
        eta_->setText(batchText() + tr("step 1 of %1").arg(steps) + QStringLiteral(" \u00b7 ") + etaText(-1.0));
        showStatus(tr("Restoring %1\u2026").arg(QFileInfo(session_->item(index).path).fileName()), 0);
    });
    connect(session_, &RestoreSession::progress, this, [this](int, int step, int steps, double eta) {
        progress_->setRange(0, steps * kProgressPerStep);
        progress_->setValue(step * kProgressPerStep);
        const QString where = step < steps ? tr("step %1 of %2").arg(step + 1).arg(steps) : tr("finishing");
        eta_->setText(batchText() + where + QStringLiteral(" \u00b7 ") + etaText(eta));
    });
    connect(session_, &RestoreSession::tileProgress, this,
            [this](int, int step, int steps, int tile, int tiles, double eta) {
                progress_->setRange(0, steps * kProgressPerStep);
                progress_->setValue((step - 1) * kProgressPerStep + tile * kProgressPerStep / std::max(1, tiles));
                const QString where = tiles > 1 ? tr("step %1 of %2, tile %3 of %4").arg(step).arg(steps).arg(tile).arg(tiles)
                                                : tr("step %1 of %2").arg(step).arg(steps);
                eta_->setText(batchText() + where + QStringLiteral(" \u00b7 ") + etaText(eta));
            });
    connect(session_, &RestoreSession::trajectoryReset, this, [this] { inspector_->setRecord(&session_->trajectory()); });
    connect(session_, &RestoreSession::trajectoryFrameAdded, this, [this](int frame) {
        inspector_->frameAdded(frame);
        // The running result, live, on the "after" side.
        const TrajectoryRecord& rec = session_->trajectory();
        if (frame > 0 && session_->trajectoryItem() == session_->currentIndex())
            compare_->setAfterImage(rec.frame(frame).xt);
    });
    connect(session_, &RestoreSession::restoreFinished, this, [this](int index) {
        const RestoreSession::Item& it = session_->item(index);
        showStatus(tr("Restored %1 in %2 s").arg(QFileInfo(it.path).fileName(), QLocale().toString(it.result.seconds, 'f', 1)));
        if (index == session_->currentIndex()) showCurrentItem();
        updateBandSource();
    });
    connect(session_, &RestoreSession::restoreCancelled, this, [this](int index, int completed) {
        showStatus(tr("Restoration of %1 cancelled after %n step(s)", nullptr, completed)
                       .arg(QFileInfo(session_->item(index).path).fileName()));
        if (index == session_->currentIndex()) showCurrentItem();
    });
    connect(session_, &RestoreSession::pausedChanged, this, [this] { updateActions(); });
    // The queue persists on every change (coalesced) and at quit, once restoreQueue() ran.
    queueSaveTimer_ = new QTimer(this);
    queueSaveTimer_->setSingleShot(true);
    queueSaveTimer_->setInterval(500);
    connect(queueSaveTimer_, &QTimer::timeout, this, &MainWindow::saveQueue);
    const auto queueChanged = [this] {
        if (queuePersistent_) queueSaveTimer_->start();
    };
    connect(session_, &RestoreSession::itemsChanged, this, queueChanged);
    connect(session_, &RestoreSession::itemChanged, this, queueChanged);
    connect(session_, &RestoreSession::pausedChanged, this, queueChanged);
    connect(session_, &RestoreSession::currentIndexChanged, this, queueChanged);
    connect(session_, &RestoreSession::resultMissing, this, [this](int index, const QString& result) {
        showStatus(tr("The saved result %1 of %2 could not be opened: restore the photo again")
                       .arg(QDir::toNativeSeparators(result), QFileInfo(session_->item(index).path).fileName()));
    });
    connect(session_, &RestoreSession::queuePaused, this, [this] {
        progress_->hide();
        eta_->clear();
        showStatus(tr("Queue paused: %n photo(s) waiting. Resume Queue (Ctrl+P) continues.", nullptr,
                      session_->queuedCount()));
        updateActions();
    });
    connect(session_, &RestoreSession::queueFinished, this, [this] {
        progress_->hide();
        eta_->clear();
        updateActions();
    });
    connect(session_, &RestoreSession::comparisonStarted, this, [this] {
        showStatus(tr("Running the \u03c0 comparison\u2026"), 0);
        updateActions();
    });
    connect(session_, &RestoreSession::comparisonFinished, this, [this](bool cancelled) {
        showStatus(cancelled ? tr("Comparison cancelled") : tr("Comparison finished"));
        updateActions();
    });
    connect(session_, &RestoreSession::saved, this, &MainWindow::onSaved);
    connect(session_, &RestoreSession::fileHashed, this, &MainWindow::onFileHashed);
    connect(session_, &RestoreSession::exported, this, [this](const QStringList& files) {
        showStatus(tr("Wrote %n file(s)", nullptr, static_cast<int>(files.size())) +
                   (files.isEmpty() ? QString() : tr(" to %1").arg(QDir::toNativeSeparators(QFileInfo(files.first()).path()))));
    });
    connect(session_, &RestoreSession::errorOccurred, this, &MainWindow::showError);
}

void MainWindow::loadSettings() {
    rdbm::SamplerOptions o;
    o.steps = settings_.steps();
    o.eta = settings_.eta();
    o.noiseModulation = rdbm::piModeFromString(settings_.noiseModulation().toStdString());
    o.tileSize = settings_.tileSize();
    o.seed = settings_.seed();
    controls_->setOptions(o);
    controls_->setDevice(settings_.device());
    includeSubfolders_->setChecked(settings_.includeSubfolders());
    session_->setSamplerOptions(controls_->options());
    comparison_->setBaseOptions(controls_->options());
    schedule_->setSteps(o.steps);
    const int theme = static_cast<int>(settings_.theme());
    for (QAction* a : themeGroup_->actions()) a->setChecked(a->data().toInt() == theme);
    if (settings_.differenceGain() > 0.0) compare_->setGain(settings_.differenceGain());
    connect(compare_, &widgets::CompareView::gainChosen, this,
            [this](double gain, bool automatic) { settings_.setDifferenceGain(automatic ? 0.0 : gain); });
    if (!settings_.windowGeometry().isEmpty()) restoreGeometry(settings_.windowGeometry());
    if (!settings_.windowState().isEmpty()) restoreState(settings_.windowState());
}

void MainWindow::saveSettings() {
    saveQueue();
    const rdbm::SamplerOptions o = controls_->options();
    settings_.setSteps(o.steps);
    settings_.setEta(o.eta);
    settings_.setNoiseModulation(QString::fromStdString(rdbm::toString(o.noiseModulation)));
    settings_.setTileSize(o.tileSize);
    settings_.setSeed(o.seed);
    settings_.setDevice(controls_->device());
    settings_.setWindowGeometry(saveGeometry());
    settings_.setWindowState(saveState());
    settings_.sync();
}

rdbm::LoadOptions MainWindow::loadOptions() const {
    rdbm::LoadOptions o;
    try {
        o.device = rdbm::parseDevice(controls_->device().toStdString());
    } catch (const std::exception&) {
        o.device = {};
    }
    return o;
}

// ---------------------------------------------------------------- commands

void MainWindow::openFiles(const QStringList& paths, bool asReference) {
    const DropBatch batch = DropClassifier::classifyAll(paths);
    if (!batch.rejected.isEmpty()) {
        QStringList lines;
        for (const DropItem& r : batch.rejected) lines << QStringLiteral("%1: %2").arg(QFileInfo(r.path).fileName(), r.reason);
        showError(tr("Opening files"), {ErrorKind::Usage, lines.join(QLatin1Char('\n'))});
    }
    if (asReference && batch.images.size() == 1) {
        session_->setReference(batch.images.first());
    } else if (!batch.images.isEmpty()) {
        session_->addInputs(batch.images);
        const int index = session_->indexOf(batch.images.first());
        if (index >= 0) session_->setCurrentIndex(index);
        settings_.setLastDirectory(QFileInfo(batch.images.first()).absolutePath());
    }
    if (!batch.checkpoints.isEmpty()) {
        // On the comparison page the checkpoints fill its model slots; elsewhere the
        // first becomes the model.
        if (currentTab() == Tab::Comparison && comparison_->mode() == PiComparisonPanel::Mode::Methods) {
            // Comparing the methods: each goes where its method (and pi) belongs.
            for (const QString& c : batch.checkpoints) loadComparisonModelByMethod(c);
        } else if (currentTab() == Tab::Comparison) {
            for (int i = 0; i < batch.checkpoints.size() && i < RestoreSession::kPiSlots; ++i)
                loadComparisonModel(i, batch.checkpoints[i]);
        } else {
            loadModel(batch.checkpoints.first());
            // The others are checked, so a broken one says so instead of vanishing.
            for (int i = 1; i < batch.checkpoints.size(); ++i) session_->checkModel(batch.checkpoints[i], loadOptions());
            if (batch.checkpoints.size() > 1)
                showStatus(tr("Several checkpoints dropped: loading %1. Drop them on the \u03c0 Comparison page "
                              "to compare them.")
                               .arg(QFileInfo(batch.checkpoints.first()).fileName()));
        }
    }
}

bool MainWindow::trustTorchScript(const QString& path) {
    const QString name = QFileInfo(path).fileName();
    const QString key = QFileInfo(path).canonicalFilePath();
    if (trustedTorchScript_.contains(key)) return true;
    bool trusted = false;
    if (interactive_) {
        QMessageBox box(QMessageBox::Warning, tr("Load a TorchScript Model?"),
                        tr("%1 is a TorchScript file. TorchScript files contain program code that runs when the "
                           "file is loaded, with all the rights of your user account: it can read, change or "
                           "delete your files.\n\nLoad it only if you trust where it came from. It is tried in a "
                           "separate process first, so a damaged file cannot crash RDBM Studio.")
                            .arg(name),
                        QMessageBox::Cancel, this);
        QPushButton* trust = box.addButton(tr("Trust and Load"), QMessageBox::AcceptRole);
        box.setDefaultButton(QMessageBox::Cancel);
        box.exec();
        trusted = box.clickedButton() == trust;
    }
    if (!trusted) {
        showStatus(tr("%1 was not loaded: TorchScript files run code, and this one was not trusted").arg(name));
        return false;
    }
    trustedTorchScript_.insert(key);
    return true;
}

void MainWindow::loadModel(const QString& path) {
    rdbm::LoadOptions options = loadOptions();
    if (rdbm::isTorchScriptFile(path.toStdString())) {
        if (!trustTorchScript(path)) return;
        options.allowTorchScript = true;
    }
    modelPanel_->setLoading(path);
    showStatus(tr("Loading model %1\u2026").arg(QFileInfo(path).fileName()), 0);
    session_->loadModel(path, options);
}

void MainWindow::loadComparisonModel(int slot, const QString& path) {
    rdbm::LoadOptions options = loadOptions();
    if (rdbm::isTorchScriptFile(path.toStdString())) {
        if (!trustTorchScript(path)) return;
        options.allowTorchScript = true;
    }
    showStatus(tr("Loading %1 for %2\u2026").arg(QFileInfo(path).fileName(), PiComparisonPanel::slotLabel(slot)), 0);
    session_->loadComparisonModel(slot, path, options);
}

void MainWindow::loadComparisonModelByMethod(const QString& path) {
    rdbm::LoadOptions options = loadOptions();
    if (rdbm::isTorchScriptFile(path.toStdString())) {
        if (!trustTorchScript(path)) return;
        options.allowTorchScript = true;
    }
    showStatus(tr("Loading %1 for the comparison\u2026").arg(QFileInfo(path).fileName()), 0);
    session_->loadComparisonModelByMethod(path, options);
}

void MainWindow::loadBundledComparisonModels() {
    // The RDDM slot only for the methods comparison: the other modes do not show it.
    const bool rddm = comparison_->mode() == PiComparisonPanel::Mode::Methods && !bundledRddmTried_;
    if ((bundledTried_ && !rddm) || session_->isBusy()) return;
    const QStringList saved = settings_.comparisonModels();
    const rdbm::PiMode modes[] = {rdbm::PiMode::Residual, rdbm::PiMode::One, rdbm::PiMode::Zero};
    for (int i = 0; i < RestoreSession::kComparisonSlots; ++i) {
        if (session_->comparisonModel(i)) continue;
        if (i == RestoreSession::kRddmSlot ? !rddm : bundledTried_) continue;
        // models/rddm.safetensors is optional: without it the slot stays empty and the
        // comparison says how to load one.
        QString path = i == RestoreSession::kRddmSlot ? BundledModels::findRddm() : BundledModels::find(modes[i]);
        // TorchScript runs code: never reloaded without being asked (issue 15).
        if (path.isEmpty() && QFileInfo::exists(saved.value(i)) && !rdbm::isTorchScriptFile(saved.value(i).toStdString()))
            path = saved.value(i);
        if (!path.isEmpty()) loadComparisonModel(i, path);
    }
    bundledTried_ = true;
    bundledRddmTried_ = bundledRddmTried_ || rddm;
}

void MainWindow::restoreLastModel() {
    const QString last = settings_.lastModel();
    if (!last.isEmpty() && QFileInfo::exists(last)) {
        // A TorchScript file runs code when loaded: it is never reloaded unasked at start-up.
        if (!rdbm::isTorchScriptFile(last.toStdString())) {
            loadModel(last);
            return;
        }
        showStatus(tr("The last model, %1, is a TorchScript file, which runs code when loaded, so it is not "
                      "reloaded automatically: load it again to trust it")
                       .arg(QFileInfo(last).fileName()),
                   0);
        return;
    }
    const QString bundled = BundledModels::find(rdbm::PiMode::Residual);
    if (!bundled.isEmpty()) loadModel(bundled);
}

bool MainWindow::restoreCurrent() {
    session_->setSamplerOptions(controls_->options());
    if (!session_->model()) {
        showError(tr("Restoring"), {ErrorKind::Usage, tr("no model is loaded: drop a checkpoint or use File \u203a Load Model")});
        return false;
    }
    if (session_->currentIndex() < 0) {
        showError(tr("Restoring"), {ErrorKind::Usage, tr("no photo is open: drop one or use File \u203a Open Photos")});
        return false;
    }
    const RestoreSession::Item& it = session_->item(session_->currentIndex());
    if (it.status == RestoreSession::ItemStatus::Failed && !it.input.image) {
        showError(tr("Restoring"), {ErrorKind::Image, it.message.isEmpty() ? tr("the photo could not be opened") : it.message});
        return false;
    }
    const bool ok = session_->restoreCurrent();
    if (!ok) showStatus(tr("Busy: wait for the running job or cancel it."));
    return ok;
}

void MainWindow::restoreQueue() {
    const QList<QueueEntry> entries = settings_.queue();
    queuePersistent_ = true;
    if (entries.isEmpty()) return;
    const int missing = session_->restoreQueue(entries, settings_.queueCurrent());
    QString text = tr("Reopened the queue: %n photo(s)", nullptr, session_->itemCount());
    if (missing > 0) text += QStringLiteral("; ") + tr("%n no longer there", nullptr, missing);
    if (session_->isPaused())
        text += QStringLiteral("; ") + tr("Resume Queue (Ctrl+P) restores the %n waiting", nullptr, session_->queuedCount());
    showStatus(text);
    updateActions();
}

void MainWindow::saveQueue() {
    if (!queuePersistent_) return;
    queueSaveTimer_->stop();
    settings_.setQueue(session_->queueEntries(), session_->currentIndex());
}

void MainWindow::togglePause() {
    if (session_->isPaused()) {
        session_->setSamplerOptions(controls_->options());
        if (!session_->resumeQueue()) showStatus(tr("Nothing to resume."));
        return;
    }
    session_->pauseQueue();
    if (session_->isPaused() && session_->isBusy())
        showStatus(tr("Pausing: the running photo finishes, then the queue waits."), 0);
}

bool MainWindow::restoreAll() {
    session_->setSamplerOptions(controls_->options());
    if (!session_->model()) {
        showError(tr("Restoring"), {ErrorKind::Usage, tr("no model is loaded: drop a checkpoint or use File \u203a Load Model")});
        return false;
    }
    const bool ok = session_->restoreAll();
    if (!ok) showStatus(tr("Nothing to restore: every photo already has a result."));
    return ok;
}

QStringList MainWindow::applyRecordSettings(const rdbm::RestoreRecord& r) {
    QStringList notes;
    rdbm::SamplerOptions o = controls_->options();
    o.steps = r.steps;
    o.eta = r.eta;
    if (!r.piNoise.empty()) {
        try {
            o.noiseModulation = rdbm::piModeFromString(r.piNoise);
        } catch (const std::exception&) {
            notes << tr("the record's noise modulation '%1' is unknown").arg(QString::fromStdString(r.piNoise));
        }
    }
    o.seed = r.seed;
    o.tileSize = r.tileSize;
    controls_->setOptions(o);
    // What the controls hold (a model's T, the ranges and decimals bound them) is what runs.
    const rdbm::SamplerOptions set = controls_->options();
    session_->setSamplerOptions(set);
    comparison_->setBaseOptions(set);
    schedule_->setSteps(set.steps);
    if (set.steps != r.steps) notes << tr("%1 steps instead of the record's %2").arg(set.steps).arg(r.steps);
    if (std::abs(set.eta - r.eta) > 1e-9)
        notes << tr("\u03b7 %1 instead of the record's %2").arg(set.eta).arg(r.eta);
    if (set.seed != r.seed) notes << tr("seed %1 instead of the record's %2").arg(set.seed).arg(r.seed);
    if (set.tileSize != r.tileSize) notes << tr("tile size %1 instead of the record's %2").arg(set.tileSize).arg(r.tileSize);
    if (r.seeds > 1)
        notes << tr("the photo is the mean of %1 seeds: use Restore N Seeds\u2026 with %1 to make it again").arg(r.seeds);
    return notes;
}

bool MainWindow::restoreAgainWithRecord() {
    const int index = session_->currentIndex();
    if (index < 0 || !session_->item(index).record.present) {
        showStatus(tr("This photo carries no run record"));
        return false;
    }
    const RestoreSession::Item& it = session_->item(index);
    recordSettings_ = it.record.record;
    recordSha_ = QString::fromStdString(recordSettings_.modelSha256);
    recordModelFile_ = QString::fromStdString(recordSettings_.modelFile);
    recordModelLoading_ = false;
    checkNextModel_ = false;
    const QStringList notes = applyRecordSettings(recordSettings_);
    if (!notes.isEmpty())
        showError(tr("Restore Again with These Settings"), {ErrorKind::Usage, notes.join(QStringLiteral("; "))});
    // The model file as recorded, else relative to the photo's folder (a run elsewhere).
    QString path;
    if (!recordModelFile_.isEmpty()) {
        const QFileInfo inPhotoDir(QFileInfo(it.path).dir(), recordModelFile_);
        const QFileInfo asGiven(recordModelFile_);
        if (asGiven.isFile())
            path = asGiven.absoluteFilePath();
        else if (inPhotoDir.isFile())
            path = inPhotoDir.absoluteFilePath();
    }
    if (path.isEmpty()) {
        checkNextModel_ = !recordSha_.isEmpty();
        showError(tr("Restore Again with These Settings"),
                  {ErrorKind::Usage, tr("the settings are set, but the model file that made this photo, %1, is not "
                                        "here. Load it with File \u203a Load Model\u2026; it is then checked against the "
                                        "record's SHA-256 (%2).")
                                         .arg(QDir::toNativeSeparators(recordModelFile_), recordSha_.left(16))});
        return true;
    }
    recordHashRequest_ = session_->hashFile(path);
    showStatus(tr("Checking %1 against the photo's record\u2026").arg(QFileInfo(path).fileName()), 0);
    return true;
}

void MainWindow::onFileHashed(int requestId, const QString& path, const QString& sha256, const QString& error) {
    const QString context = tr("Restore Again with These Settings");
    const QString name = QFileInfo(path).fileName();
    if (requestId == loadedModelHashRequest_) {
        loadedModelHashRequest_ = 0;
        if (sha256.isEmpty()) return;
        if (sha256 == recordSha_)
            showStatus(tr("%1 is the model that made the photo (its SHA-256 matches the record)").arg(name));
        else
            showError(context, {ErrorKind::Usage, tr("%1 is loaded, but it is not the model that made the photo: its "
                                                     "SHA-256 is %2, the record's %3")
                                                      .arg(name, sha256.left(16), recordSha_.left(16))});
        return;
    }
    if (requestId != recordHashRequest_) return;
    recordHashRequest_ = 0;
    if (!error.isEmpty()) {
        checkNextModel_ = !recordSha_.isEmpty();
        showError(context, {ErrorKind::Checkpoint, error});
        return;
    }
    if (!recordSha_.isEmpty() && sha256 != recordSha_) {
        checkNextModel_ = true;
        showError(context, {ErrorKind::Usage, tr("the settings are set, but %1 is not the file that made this photo: its "
                                                 "SHA-256 is %2, the record's %3. It was not loaded; load the right "
                                                 "file with File \u203a Load Model\u2026.")
                                                  .arg(QDir::toNativeSeparators(path), sha256.left(16), recordSha_.left(16))});
        return;
    }
    const bool loaded = session_->model() && !session_->modelPath().isEmpty() &&
                        QFileInfo(session_->modelPath()).canonicalFilePath() == QFileInfo(path).canonicalFilePath();
    if (loaded) {
        showStatus(tr("The settings of the photo's record are set and its model %1 is loaded: open the original "
                      "photo and press Restore")
                       .arg(name));
        return;
    }
    if (session_->isBusy()) {
        showError(context, {ErrorKind::Usage, tr("the settings are set; %1 can be loaded once the running job ends")
                                                  .arg(name)});
        return;
    }
    recordModelLoading_ = true;
    loadModel(path);
    if (session_->state() != RestoreSession::State::LoadingModel) recordModelLoading_ = false; // not trusted
    if (recordSha_.isEmpty())
        showStatus(tr("Loading %1: the record has no checksum to compare it with").arg(name), 0);
}

void MainWindow::setCurrentTab(Tab tab) { tabs_->setCurrentIndex(static_cast<int>(tab)); }
MainWindow::Tab MainWindow::currentTab() const { return static_cast<Tab>(tabs_->currentIndex()); }

widgets::ZoomPanState* MainWindow::activeZoom() const {
    switch (currentTab()) {
    case Tab::BeforeAfter: return compare_->zoomState();
    case Tab::Trajectory: return inspector_->xtView()->zoomState();
    case Tab::Comparison: return comparison_->resultView(0) ? comparison_->resultView(0)->zoomState() : nullptr;
    case Tab::Schedule: break;
    }
    return nullptr;
}

// ---------------------------------------------------------------- views

void MainWindow::showCurrentItem() {
    const int index = session_->currentIndex();
    if (index < 0) {
        compare_->setImages({}, {});
        compare_->setOutlines({});
        compareInfo_->setText(tr("Drop photos (PNG, JPEG, TIFF, WebP) and a checkpoint (.safetensors, .pt, .pth, "
                                 "TorchScript) onto the window, then press Restore. Shift+drop a clean photo to "
                                 "use it as the reference for PSNR and SSIM."));
        return;
    }
    const RestoreSession::Item& it = session_->item(index);
    const bool running = session_->trajectoryItem() == index && it.status == RestoreSession::ItemStatus::Restoring;
    QImage after = it.hasResult ? it.result.display : QImage();
    if (running && session_->trajectory().frameCount() > 1) after = session_->trajectory().frames().last().xt;
    compare_->setImages(it.input.display, after);
    // The tile grid of this photo's last restoration (issue 11 §6): where seams would be.
    compare_->setOutlines(showTiles_->isChecked() && it.hasResult ? it.result.tileRects : QVector<QRect>());
    compare_->setLabels(tr("Before"), it.hasResult ? tr("After") : (running ? tr("Restoring\u2026") : tr("Not restored yet")));
    updateMetrics();
}

void MainWindow::updateMetrics() {
    const int index = session_->currentIndex();
    if (index < 0) return;
    const RestoreSession::Item& it = session_->item(index);
    QStringList parts;
    parts << QFileInfo(it.path).fileName();
    if (!it.input.display.isNull()) {
        QString fmt = tr("%1\u00d7%2").arg(it.input.display.width()).arg(it.input.display.height());
        if (it.input.image)
            fmt += tr(", %1-bit %2").arg(it.input.image->bitDepth).arg(QString::fromStdString(it.input.image->format).toUpper());
        parts << fmt;
    }
    if (it.hasResult) {
        QString run = tr("restored in %1 s, %n network call(s)", nullptr, it.result.networkCalls)
                          .arg(QLocale().toString(it.result.seconds, 'f', 1));
        if (it.result.tiles > 1) run += tr(", %1 tiles of %2 px").arg(it.result.tiles).arg(it.result.tileSize);
        parts << run;
        if (it.result.after.valid)
            parts << metricsText(it.result.before, it.result.after);
        else if (session_->reference())
            parts << tr("the reference's size differs from the photo: no PSNR/SSIM");
    } else if (!it.message.isEmpty()) {
        parts << it.message;
    }
    // How the opened photo was made, when it says (issue 11 §4).
    const QString record = RunRecordText::describe(it.record);
    if (!record.isEmpty()) parts << record;
    compareInfo_->setText(parts.join(QStringLiteral("  \u00b7  ")));
}

void MainWindow::updateBandSource() {
    // The pi = 1 band needs an x0: the reference when given, else the predicted x0.
    const int index = session_->trajectoryItem() >= 0 ? session_->trajectoryItem() : session_->currentIndex();
    if (index < 0 || index >= session_->itemCount()) {
        schedule_->clearBandSource();
        return;
    }
    const RestoreSession::Item& it = session_->item(index);
    if (!it.input.image) return;
    const ImagePtr ref = session_->reference();
    if (ref && ref->rgb.size() == it.input.image->rgb.size())
        schedule_->setBandSource(ref->rgb, it.input.image->rgb, tr("the reference photo"));
    else if (it.hasResult)
        schedule_->setBandSource(it.result.image, it.input.image->rgb, tr("the predicted x\u2080 of %1").arg(QFileInfo(it.path).fileName()));
    else
        schedule_->clearBandSource();
}

void MainWindow::updateActions() {
    const bool idle = !session_->isBusy();
    const bool hasModel = session_->model() != nullptr;
    const int index = session_->currentIndex();
    const bool hasResult = index >= 0 && session_->item(index).hasResult;
    const RestoreSession::State st = session_->state();
    restore_->setEnabled(idle && hasModel && index >= 0);
    restoreAll_->setEnabled(idle && hasModel && session_->hasInputs());
    cancel_->setEnabled(st == RestoreSession::State::Restoring || st == RestoreSession::State::Comparing);
    restoreAgain_->setEnabled(index >= 0 && session_->item(index).record.present &&
                              st != RestoreSession::State::Restoring && st != RestoreSession::State::Comparing);
    save_->setEnabled(hasResult);
    bool anyResult = false;
    for (int i = 0; i < session_->itemCount(); ++i) anyResult = anyResult || session_->item(i).hasResult;
    saveAll_->setEnabled(anyResult);
    loadModel_->setEnabled(st != RestoreSession::State::Restoring && st != RestoreSession::State::Comparing);
    modelPicker_->setEnabled(loadModel_->isEnabled());
    removeInput_->setEnabled(session_->canRemoveInput(index));
    moveUp_->setEnabled(session_->canMoveInput(index, -1));
    moveDown_->setEnabled(session_->canMoveInput(index, 1));
    const bool paused = session_->isPaused();
    pauseQueue_->setText(paused ? tr("Resu&me Queue") : tr("&Pause Queue"));
    pauseQueue_->setEnabled(paused ? idle && hasModel
                                   : st == RestoreSession::State::Restoring && session_->queuedCount() > 0);
    clearReference_->setEnabled(session_->reference() != nullptr);
    const bool zoomable = currentTab() != Tab::Schedule;
    for (QAction* a : {zoomFit_, zoomActual_, zoomIn_, zoomOut_}) a->setEnabled(zoomable);
    for (QAction* a : {modeSplit_, modeSide_, modeDiff_}) a->setEnabled(currentTab() == Tab::BeforeAfter);
    if (!progress_->isHidden() && idle) {
        progress_->hide();
        eta_->clear();
    }
}

void MainWindow::updateTitle() {
    const int index = session_->currentIndex();
    QString title = tr("RDBM Studio");
    if (index >= 0) title = QFileInfo(session_->item(index).path).fileName() + QStringLiteral(" \u2014 ") + title;
    setWindowTitle(title);
}

void MainWindow::updateModelPicker() {
    QList<ModelPicker::Entry> bundled, recent;
    for (const rdbm::PiMode pi : {rdbm::PiMode::Residual, rdbm::PiMode::One, rdbm::PiMode::Zero}) {
        const QString path = BundledModels::find(pi);
        if (!path.isEmpty()) bundled << ModelPicker::describeBundled(path);
    }
    // Only files that still exist: a moved checkpoint would fail one click later.
    for (const QString& path : settings_.recentModels())
        if (QFileInfo(path).isFile()) recent << ModelPicker::describeRecent(path);
    modelPicker_->setEntries(bundled, recent);
    modelPicker_->setCurrentPath(session_->modelPath());
}

void MainWindow::updateRecentMenu() {
    recentMenu_->clear();
    const QStringList files = settings_.recentFiles();
    for (const QString& f : files) {
        QAction* a = recentMenu_->addAction(QDir::toNativeSeparators(f));
        a->setEnabled(QFileInfo::exists(f));
        connect(a, &QAction::triggered, this, [this, f] { openFiles({f}); });
    }
    if (files.isEmpty()) recentMenu_->addAction(tr("(none)"))->setEnabled(false);
    recentMenu_->addSeparator();
    connect(recentMenu_->addAction(tr("Clear List")), &QAction::triggered, this, [this] { settings_.clearRecentFiles(); });
}

void MainWindow::showStatus(const QString& text, int timeoutMs) {
    // Messages of an operation are replaced when it ends; a plain note fades after a while
    // so that it is not read later as describing something else.
    status_ = text;
    statusLabel_->setFullText(text);
    statusTimer_->stop();
    if (timeoutMs > 0) statusTimer_->start(timeoutMs);
}

QString MainWindow::statusText() const { return status_; }
QString MainWindow::progressText() const { return eta_->text(); }

QString MainWindow::batchText() const {
    // Restore All: "photo 3 of 12 · "; the ETA after it covers the whole batch.
    if (session_->batchSize() < 2) return {};
    return tr("photo %1 of %2").arg(session_->batchPosition()).arg(session_->batchSize()) + QStringLiteral(" \u00b7 ");
}
QString MainWindow::photoInfoText() const { return compareInfo_->text(); }

void MainWindow::showError(const QString& context, const ErrorInfo& error) {
    if (error.kind == ErrorKind::Cancelled) {
        showStatus(ErrorText::title(error.kind));
        return;
    }
    const QString line = ErrorText::statusLine(context, error);
    lastError_ = line;
    showStatus(line);
    errorLines_ << line;
    if (!interactive_) {
        std::fprintf(stderr, "rdbm-studio: %s\n", line.toLocal8Bit().constData());
        return;
    }
    // One dialog for a batch: errors that arrive while it is open join its list, so a
    // drop of several bad files never stacks modal dialogs.
    if (!errorBox_) {
        errorBox_ = new QMessageBox(QMessageBox::Warning, ErrorText::title(error.kind), QString(), QMessageBox::Ok, this);
        errorBox_->setTextFormat(Qt::RichText);
        errorBox_->setAttribute(Qt::WA_DeleteOnClose);
        connect(errorBox_, &QObject::destroyed, this, [this] { errorLines_.clear(); });
        errorBox_->setText(ErrorText::details(context, error));
        errorBox_->open(); // window-modal, never blocks the event loop
        return;
    }
    errorBox_->setWindowTitle(tr("Several problems"));
    QString html = QStringLiteral("<p>%1</p><ul>").arg(tr("%n problem(s):", nullptr, static_cast<int>(errorLines_.size())));
    for (const QString& l : std::as_const(errorLines_)) html += QStringLiteral("<li>%1</li>").arg(l.toHtmlEscaped());
    errorBox_->setText(html + QStringLiteral("</ul>"));
}

// ---------------------------------------------------------------- dialogs

void MainWindow::chooseImages() {
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Open Photos"), settings_.lastDirectory(),
                                                            DropClassifier::imageFilter());
    if (!files.isEmpty()) openFiles(files);
}

void MainWindow::chooseFolder() {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Add Folder"), settings_.lastDirectory());
    if (!dir.isEmpty()) addFolder(dir);
}

void MainWindow::addFolder(const QString& dir) {
    settings_.setLastDirectory(dir);
    session_->addFolder(dir, includeSubfolders_->isChecked());
    showStatus(tr("Looking for photos in %1\u2026").arg(QDir::toNativeSeparators(dir)), 0);
}

void MainWindow::chooseReference() {
    const QString file = QFileDialog::getOpenFileName(this, tr("Open Reference Photo"), settings_.lastDirectory(),
                                                      DropClassifier::imageFilter());
    if (!file.isEmpty()) openFiles({file}, true);
}

void MainWindow::chooseModel() {
    const QString start = session_->modelPath().isEmpty() ? settings_.lastModel() : session_->modelPath();
    const QString file = QFileDialog::getOpenFileName(this, tr("Load Model"), QFileInfo(start).absolutePath(),
                                                      DropClassifier::checkpointFilter());
    if (!file.isEmpty()) loadModel(file);
}

void MainWindow::updateScheduleOtherModel() {
    // The schedule tab draws the other method's curves beside the model's (issue 9).
    QString path;
    const ModelPtr other = session_->otherMethodModel(&path);
    schedule_->setOtherModel(other, QFileInfo(path).completeBaseName());
}

void MainWindow::chooseComparisonModel(int slot) {
    const QString file = QFileDialog::getOpenFileName(
        this, tr("Load Model for %1").arg(PiComparisonPanel::slotLabel(slot)),
        QFileInfo(session_->modelPath()).absolutePath(), DropClassifier::checkpointFilter());
    if (!file.isEmpty()) loadComparisonModel(slot, file);
}

void MainWindow::saveResult() {
    const int index = session_->currentIndex();
    if (index < 0 || !session_->item(index).hasResult) return;
    const QString suggested = session_->defaultOutputPath(index);
    const QString suffix = QFileInfo(suggested).suffix();
    const QString filter = tr("Same format as the input (*.%1)").arg(suffix) + QStringLiteral(";;") + DropClassifier::imageFilter();
    QString start = suggested;
    for (;;) {
        // The dialog's own "Replace?" would come before our refusal to write over the
        // input, so this window asks instead: the input first, then any other file.
        const QString path = QFileDialog::getSaveFileName(this, tr("Save Restored Photo"), start, filter, nullptr,
                                                          QFileDialog::DontConfirmOverwrite);
        if (path.isEmpty()) return;
        if (session_->isInputPath(index, path)) {
            QMessageBox::warning(this, tr("Save Restored Photo"),
                                 tr("%1 is the input photo. Choose another name so that the original is kept.")
                                     .arg(QDir::toNativeSeparators(path)));
            start = suggested;
            continue; // the dialog opens again
        }
        if (QFileInfo::exists(path) &&
            QMessageBox::question(this, tr("Save Restored Photo"),
                                  tr("%1 exists. Replace it?").arg(QDir::toNativeSeparators(path))) != QMessageBox::Yes) {
            start = path;
            continue;
        }
        session_->saveResult(index, path, true);
        return;
    }
}

void MainWindow::saveAllResults() {
    const QString start = settings_.outputDirectory().isEmpty() ? settings_.lastDirectory() : settings_.outputDirectory();
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Save All Results to Folder"), start);
    if (dir.isEmpty()) return;
    saveAllTo(dir);
}

void MainWindow::saveAllTo(const QString& dir) {
    settings_.setOutputDirectory(dir); // remembered across restarts
    int count = 0;
    for (int i = 0; i < session_->itemCount(); ++i) {
        const RestoreSession::Item& it = session_->item(i);
        if (!it.hasResult) continue;
        const QFileInfo in(it.path);
        QString target = QDir(dir).filePath(in.completeBaseName() + QStringLiteral("-restored.") + in.suffix());
        for (int n = 2; QFileInfo::exists(target); ++n)
            target = QDir(dir).filePath(QStringLiteral("%1-restored-%2.%3").arg(in.completeBaseName()).arg(n).arg(in.suffix()));
        if (session_->saveResult(i, target, false)) ++count;
    }
    savesPending_ = count;
    savesDone_ = 0;
    saveFolder_ = dir;
    showStatus(tr("Saving %n result(s)\u2026", nullptr, count), 0);
}

void MainWindow::exportTrajectory(bool frames, bool sheet) {
    const TrajectoryRecord& rec = session_->trajectory();
    if (!rec.isComplete()) return;
    const QString dir = QFileDialog::getExistingDirectory(this, frames ? tr("Export Frames to Folder") : tr("Export Contact Sheet to Folder"),
                                                          QFileInfo(rec.sourcePath()).absolutePath());
    if (dir.isEmpty()) return;
    TrajectoryExportRequest request;
    request.directory = dir;
    request.baseName = QFileInfo(rec.sourcePath()).completeBaseName();
    request.frames = frames;
    request.contactSheet = sheet;
    session_->exportTrajectory(request);
}

void MainWindow::onSaved(const QString& path) {
    if (savesPending_ > 0) {
        ++savesDone_;
        if (--savesPending_ > 0) {
            showStatus(tr("Saving results\u2026 %1 written").arg(savesDone_), 0);
            return;
        }
        showStatus(tr("Saved %n result(s) to %1", nullptr, savesDone_).arg(QDir::toNativeSeparators(saveFolder_)));
        return;
    }
    showStatus(tr("Saved %1").arg(QDir::toNativeSeparators(path)));
}

void MainWindow::showShortcuts() {
    QString html = QStringLiteral("<table cellspacing=\"4\">");
    const QList<QAction*> actions = {open_,       openReference_, loadModel_, save_,    saveAll_,   restore_,
                                     restoreAll_, pauseQueue_,    cancel_,    moveUp_,  moveDown_,  modeSplit_,
                                     modeSide_,   modeDiff_,      showTiles_, zoomFit_, zoomActual_, zoomIn_, zoomOut_,
                                     inspector_->playAction(), inspector_->previousAction(), inspector_->nextAction(),
                                     fullScreen_, quit_};
    for (QAction* a : actions) {
        QStringList keys;
        for (const QKeySequence& k : a->shortcuts()) keys << k.toString(QKeySequence::NativeText).toHtmlEscaped();
        if (keys.isEmpty()) continue;
        html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                    .arg(keys.join(QStringLiteral(", ")), a->text().remove(QLatin1Char('&')).toHtmlEscaped());
    }
    html += QStringLiteral("</table><p>%1</p>").arg(tr("In a view: wheel zooms at the cursor, dragging pans, "
                                                      "double-click fits.").toHtmlEscaped());
    auto* box = new QMessageBox(QMessageBox::NoIcon, tr("Keyboard Shortcuts"), html, QMessageBox::Close, this);
    box->setTextFormat(Qt::RichText);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::updateZoomLabel() {
    const widgets::ZoomPanState* z = activeZoom();
    // Percent of actual (device) pixels, as Ctrl+1 shows them.
    const bool shown = z && !z->imageSize().isEmpty() && z->actualSizeScale() > 0.0;
    zoomLabel_->setText(shown ? QStringLiteral("%1 %").arg(std::lround(z->scale() / z->actualSizeScale() * 100.0)) : QString());
}

void MainWindow::showAbout() {
    const ModelPtr m = session_->model();
    auto* dialog = new AboutDialog(m ? QString::fromStdString(m->device()) : QString(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

// ---------------------------------------------------------------- events

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (!event->mimeData()->hasUrls()) return;
    event->acceptProposedAction();
    const int n = static_cast<int>(event->mimeData()->urls().size());
    statusLabel_->setFullText(tr("Release to open %n file(s)", nullptr, n));
}

void MainWindow::dragLeaveEvent(QDragLeaveEvent* event) {
    QMainWindow::dragLeaveEvent(event);
    statusLabel_->setFullText(status_); // the message before the drag
}

void MainWindow::dropEvent(QDropEvent* event) {
    const QList<QUrl> urls = event->mimeData()->urls();
    QStringList paths;
    QStringList remote;
    for (const QUrl& u : urls) (u.isLocalFile() ? paths : remote) << (u.isLocalFile() ? u.toLocalFile() : u.toString());
    if (!remote.isEmpty())
        showError(tr("Opening files"), {ErrorKind::Usage, tr("only local files can be opened: %1").arg(remote.join(QStringLiteral(", ")))});
    openFiles(paths, event->modifiers().testFlag(Qt::ShiftModifier));
    event->acceptProposedAction();
}

bool MainWindow::confirmStopForQuit() {
    const RestoreSession::State st = session_->state();
    if (st != RestoreSession::State::Restoring && st != RestoreSession::State::Comparing) return true;
    if (interactive_) {
        QMessageBox box(QMessageBox::Question, tr("Quit RDBM Studio"), tr("Stop restoring and quit?"),
                        QMessageBox::NoButton, this);
        box.setInformativeText(tr("The running restoration is lost; results already finished are kept until you quit."));
        QPushButton* stop = box.addButton(tr("Stop and Quit"), QMessageBox::AcceptRole);
        box.addButton(QMessageBox::Cancel);
        box.setDefaultButton(stop);
        box.exec();
        if (box.clickedButton() != stop) return false;
    }
    // The worker notices between two tiles; the session's destructor then waits that long.
    session_->cancel();
    return true;
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!confirmStopForQuit()) {
        event->ignore();
        return;
    }
    saveSettings();
    event->accept();
}

} // namespace rdbm::app
