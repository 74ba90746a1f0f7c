#pragma once
// The main window: a thin layer over RestoreSession. It routes drops and menu commands
// to the session, shows the session's state in the views (before/after, trajectory,
// RNR plots, pi comparison), the model panel, the controls and the status bar, and keeps
// the settings. No model or sampling work happens here.
#include <QIcon>
#include <QMainWindow>
#include <QPointer>
#include <QSet>

#include "AppSettings.h"
#include "RestoreTypes.h"
#include "rdbm/RestoreRecord.h"

class QAction;
class QActionGroup;
class QLabel;
class QMenu;
class QMessageBox;
class QProgressBar;
class QTimer;
class QTabWidget;

namespace rdbm::widgets {
class CompareView;
class ElidedLabel;
class ZoomPanState;
} // namespace rdbm::widgets

namespace rdbm::app {

class InputQueueView;
class ModelPanel;
class ModelPicker;
class PiComparisonPanel;
class RestoreSession;
class SamplerControls;
class SchedulePlotPanel;
class TrajectoryInspector;
class UncertaintyPanel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    enum class Tab { BeforeAfter = 0, Trajectory, Schedule, Comparison };

    explicit MainWindow(AppSettings& settings, QWidget* parent = nullptr);
    ~MainWindow() override;

    RestoreSession* session() const { return session_; }
    static QIcon appIcon(); // every size of the application icon
    // Interactive windows show error dialogs; scripted runs and tests only use the
    // status bar and stderr, so nothing waits for a click.
    void setInteractive(bool interactive) { interactive_ = interactive; }

    // Opens photos and checkpoints as a drop would (asReference: one photo becomes the reference).
    void openFiles(const QStringList& paths, bool asReference = false);
    // File › Add Folder…'s work without the dialog (subfolders as the menu's check says).
    void addFolder(const QString& dir);
    // Save All Results…'s work without the dialog; the folder is remembered.
    void saveAllTo(const QString& dir);
    void loadModel(const QString& path);
    void loadComparisonModel(int slot, const QString& path);
    // Into the slot its method and pi call for (RestoreSession::loadComparisonModelByMethod).
    void loadComparisonModelByMethod(const QString& path);
    bool restoreCurrent();
    bool restoreAll();
    // Pause Queue / Resume Queue.
    void togglePause();
    // Reopens the queue saved at the last change or quit (issue 11 §2) and from then on
    // saves it on every change; main() calls it for an interactive start, so scripted
    // runs and tests neither read nor overwrite it.
    void restoreQueue();
    void saveQueue();
    // Restore › Restore Again with These Settings (issue 11 §4): sets the sampler controls
    // to the current photo's run record and loads the record's model file when it is there
    // and its SHA-256 matches; says so when it is missing or differs. The photo itself is
    // a result already: the settings are for restoring its original. False: no record.
    bool restoreAgainWithRecord();
    QAction* restoreAgainAction() const { return restoreAgain_; }
    QAction* includeSubfoldersAction() const { return includeSubfolders_; }
    QAction* moveUpAction() const { return moveUp_; }
    QAction* moveDownAction() const { return moveDown_; }
    QAction* pauseQueueAction() const { return pauseQueue_; }
    QAction* removeAction() const { return removeInput_; }
    void setCurrentTab(Tab tab);
    Tab currentTab() const;
    // Loads the model used last time, if any (called at startup).
    void restoreLastModel();
    void loadBundledComparisonModels();

    widgets::CompareView* compareView() const { return compare_; }
    TrajectoryInspector* trajectoryInspector() const { return inspector_; }
    SchedulePlotPanel* schedulePanel() const { return schedule_; }
    PiComparisonPanel* comparisonPanel() const { return comparison_; }
    ModelPanel* modelPanel() const { return modelPanel_; }
    UncertaintyPanel* uncertaintyPanel() const { return uncertainty_; }
    SamplerControls* samplerControls() const { return controls_; }
    InputQueueView* queueView() const { return queue_; }
    QString photoInfoText() const; // the line under the before/after view
    QString statusText() const;
    // The status bar's progress text ("photo 3 of 12 · step 2 of 10 · about 40 s left").
    QString progressText() const;
    QString lastError() const { return lastError_; }
    // Every error since the error dialog last closed, one "context: message" per line.
    QStringList pendingErrors() const { return errorLines_; }
    // Stops a running job between two tiles; interactive windows ask first. False: stay.
    bool confirmStopForQuit();

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragLeaveEvent(QDragLeaveEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void createActions();
    void createMenus();
    void createDocks();
    void createStatusBar();
    void connectSession();
    void loadSettings();
    void saveSettings();
    rdbm::LoadOptions loadOptions() const;
    // TorchScript files run their own code when loaded: asks the user to trust this file
    // (once per file and session; never in non-interactive runs) and says why not.
    bool trustTorchScript(const QString& path);

    void showCurrentItem();
    void updateMetrics();
    void updateBandSource();
    void updateActions();
    void updateTitle();
    void updateRecentMenu();
    // The toolbar's model list: bundled models, then recently loaded checkpoints.
    void updateModelPicker();
    void showError(const QString& context, const ErrorInfo& error);
    // timeoutMs > 0: the note clears itself then (unless a job runs); 0: until replaced.
    void showStatus(const QString& text, int timeoutMs = 0);
    QString batchText() const;
    widgets::ZoomPanState* activeZoom() const;

    void chooseImages();
    void chooseFolder();
    void chooseReference();
    void chooseModel();
    void chooseComparisonModel(int slot);
    void updateScheduleOtherModel();
    void saveResult();
    void saveAllResults();
    void exportTrajectory(bool frames, bool sheet);
    void showAbout();
    void showShortcuts();
    void refreshIcons(); // media icons in the palette's colours
    void updateZoomLabel();
    void onSaved(const QString& path);
    // The record's steps, eta, noise modulation, seed and tile size into the controls;
    // returns what could not be set as recorded.
    QStringList applyRecordSettings(const rdbm::RestoreRecord& record);
    void onFileHashed(int requestId, const QString& path, const QString& sha256, const QString& error);

    AppSettings& settings_;
    RestoreSession* session_;
    bool interactive_ = true;
    QSet<QString> trustedTorchScript_; // canonical paths the user trusted this session
    bool bundledTried_ = false;
    bool bundledRddmTried_ = false; // models/rddm.safetensors, for the methods comparison
    QString lastError_;

    QTabWidget* tabs_;
    widgets::CompareView* compare_;
    QLabel* compareInfo_;
    TrajectoryInspector* inspector_;
    SchedulePlotPanel* schedule_;
    PiComparisonPanel* comparison_;
    UncertaintyPanel* uncertainty_;
    ModelPanel* modelPanel_;
    ModelPicker* modelPicker_ = nullptr;
    SamplerControls* controls_;
    InputQueueView* queue_;
    widgets::ElidedLabel* statusLabel_;
    QTimer* statusTimer_;
    QString status_;
    QLabel* zoomLabel_;
    QProgressBar* progress_;
    QLabel* eta_;
    QPointer<QMessageBox> errorBox_; // one dialog collects the errors of a drop or batch
    QStringList errorLines_;
    int savesPending_ = 0; // Save All: results still being written
    int savesDone_ = 0;
    QString saveFolder_;
    // Restore Again with These Settings: the record being followed.
    QString recordSha_;         // the record's model checksum
    QString recordModelFile_;   // the record's model file, as written
    int recordHashRequest_ = 0; // the recorded model file being checked before it loads
    bool recordModelLoading_ = false;
    rdbm::RestoreRecord recordSettings_;
    // The record's model was missing or differed: the next model loaded is checked against recordSha_.
    bool checkNextModel_ = false;
    int loadedModelHashRequest_ = 0;

    QMenu* recentMenu_ = nullptr;
    QMenu* viewMenu_ = nullptr;
    QAction* open_;
    QAction* addFolder_;
    QAction* includeSubfolders_;
    QAction* openReference_;
    QAction* clearReference_;
    QAction* removeInput_;
    QAction* moveUp_;
    QAction* moveDown_;
    QAction* pauseQueue_; // Pause Queue / Resume Queue
    QTimer* queueSaveTimer_ = nullptr;
    bool queuePersistent_ = false;
    QAction* loadModel_;
    QAction* save_;
    QAction* saveAll_;
    QAction* quit_;
    QAction* restore_;
    QAction* restoreAll_;
    QAction* cancel_;
    QAction* restoreAgain_;
    QAction* modeSplit_;
    QAction* modeSide_;
    QAction* modeDiff_;
    QAction* showTiles_;
    QAction* zoomFit_;
    QAction* zoomActual_;
    QAction* zoomIn_;
    QAction* zoomOut_;
    QAction* fullScreen_;
    QActionGroup* themeGroup_;
    QActionGroup* languageGroup_;
    QAction* about_;
    QAction* aboutQt_;
    QAction* shortcuts_;
};

} // namespace rdbm::app
