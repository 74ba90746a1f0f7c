#pragma once
// Step-by-step view of a restoration: the filmstrip over mu, every x_t and the result;
// for the chosen step x_t, the predicted x0 and the signed pi*eps map side by side under
// one zoom; play/pause through the steps; export of the frames and a contact sheet.
#include <QWidget>

#include "TrajectoryRecord.h"

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QSplitter;
class QTimer;
class QToolButton;

namespace rdbm::widgets {
class ElidedLabel;
class HeatMapView;
class ImageView;
class TrajectoryStrip;
class ViewSync;
} // namespace rdbm::widgets

namespace rdbm::app {

class TrajectoryInspector : public QWidget {
    Q_OBJECT
public:
    explicit TrajectoryInspector(QWidget* parent = nullptr);

    // Shows a record (reset) and, as a restoration runs, each new frame of it.
    void setRecord(const TrajectoryRecord* record);
    void frameAdded(int frameIndex);
    void clear();

    int currentFrame() const { return current_; }
    void setCurrentFrame(int frame);
    bool isPlaying() const;
    // The network time of the current frame (T-1 for mu), -1 when empty.
    // The frame whose state sits at time t (the RNR plot's step marks), or -1.
    int frameAtTime(int t) const;
    int currentTime() const;
    void setModelT(int T) { modelT_ = T; }

    QAction* playAction() const { return play_; }
    QAction* nextAction() const { return next_; }
    QAction* previousAction() const { return previous_; }
    QAction* exportFramesAction() const { return exportFrames_; }
    QAction* exportSheetAction() const { return exportSheet_; }

    widgets::TrajectoryStrip* strip() const { return strip_; }
    widgets::ImageView* xtView() const { return xt_; }
    widgets::ImageView* x0View() const { return x0_; }
    widgets::HeatMapView* piEpsView() const { return piEps_; }
    // RDDM's predicted residual; hidden for RDBM, whose frames carry none.
    widgets::HeatMapView* residualView() const { return residual_; }

public slots:
    void togglePlay();
    void stepForward();
    void stepBackward();

signals:
    // frame index and its network time (T-1 for mu).
    void currentFrameChanged(int frame, int t);
    void exportRequested(bool frames, bool contactSheet);

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void arrangePanes();
    void showFrame(int frame);
    void updateHeatScale();
    void updateActions();
    QString frameLabel(const TrajectoryFrame& f) const;
    // The step line: "Step 2 of 10: t = 65 -> 32, 0.55 s".
    static QString stepText(int step, int steps, int t, const QString& target, double seconds);

    const TrajectoryRecord* record_ = nullptr;
    int current_ = -1;
    int modelT_ = 100;
    float commonLimit_ = 0.0f;

    widgets::TrajectoryStrip* strip_;
    widgets::ImageView* xt_;
    widgets::ImageView* x0_;
    widgets::HeatMapView* piEps_;
    widgets::HeatMapView* residual_;
    widgets::ViewSync* sync_;
    widgets::ElidedLabel* stepLabel_;
    QSplitter* panes_;
    QCheckBox* commonScale_;
    QComboBox* speed_;
    QTimer* timer_;
    QAction* play_;
    QAction* next_;
    QAction* previous_;
    QAction* exportFrames_;
    QAction* exportSheet_;
};

} // namespace rdbm::app
