#include "TrajectoryInspector.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFontMetrics>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

#include "HeatMapView.h"
#include "ElidedLabel.h"
#include "ImageView.h"
#include "PaletteIcon.h"
#include "TrajectoryExporter.h"
#include "TrajectoryStrip.h"
#include "ViewSync.h"
#include "WrapLayout.h"

namespace rdbm::app {

TrajectoryInspector::TrajectoryInspector(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);

    strip_ = new widgets::TrajectoryStrip(this);
    layout->addWidget(strip_);

    panes_ = new QSplitter(Qt::Horizontal, this);
    auto* panes = panes_;
    xt_ = new widgets::ImageView(panes);
    x0_ = new widgets::ImageView(panes);
    piEps_ = new widgets::HeatMapView(panes);
    xt_->setPlaceholderText(tr("Restore a photo to see its trajectory"));
    x0_->setPlaceholderText(tr("Predicted x\u2080 of the chosen step"));
    piEps_->setTitle(tr("predicted \u03c0\u00b7\u03b5"));
    // RDDM predicts the residual and the noise separately: both are shown.
    residual_ = new widgets::HeatMapView(panes);
    residual_->hide();
    panes->addWidget(xt_);
    panes->addWidget(x0_);
    panes->addWidget(residual_);
    panes->addWidget(piEps_);
    panes->setChildrenCollapsible(false);
    layout->addWidget(panes, 1);
    sync_ = new widgets::ViewSync(this);
    sync_->add(xt_->zoomState());
    sync_->add(x0_->zoomState());
    sync_->add(piEps_->zoomState());
    sync_->add(residual_->zoomState());

    play_ = new QAction(style()->standardIcon(QStyle::SP_MediaPlay), tr("&Play"), this);
    play_->setShortcut(Qt::Key_Space);
    play_->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    play_->setToolTip(tr("Play through the steps (Space)"));
    next_ = new QAction(tr("&Next Step"), this);
    next_->setShortcuts({QKeySequence(Qt::Key_BracketRight), QKeySequence(Qt::ALT | Qt::Key_Right)});
    previous_ = new QAction(tr("P&revious Step"), this);
    previous_->setShortcuts({QKeySequence(Qt::Key_BracketLeft), QKeySequence(Qt::ALT | Qt::Key_Left)});
    exportFrames_ = new QAction(tr("Export &Frames\u2026"), this);
    exportFrames_->setToolTip(tr("Write x_t, predicted x\u2080 and \u03c0\u00b7\u03b5 of every step as PNG files"));
    exportSheet_ = new QAction(tr("Export &Contact Sheet\u2026"), this);
    exportSheet_->setToolTip(tr("Write one PNG with a row per step"));
    addAction(play_);

    // The controls wrap onto a second row when the page is narrow (a small screen with
    // every dock open), so that they never widen the window nor hide behind a scroll bar.
    auto* bar = new widgets::WrapLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    for (QAction* a : {previous_, play_, next_}) {
        auto* b = new QToolButton(this);
        b->setDefaultAction(a);
        bar->addWidget(b);
    }
    stepLabel_ = new widgets::ElidedLabel(this); // elided with a tooltip: never widens the window
    // Room for a typical step line whole; longer ones are elided with a tooltip.
    const QFontMetrics fm(stepLabel_->font());
    stepLabel_->setMinimumWidth(std::max(fm.horizontalAdvance(stepText(10, 10, 99, QString::number(99), 9.99)),
                                         fm.horizontalAdvance(stepText(10, 10, 9, tr("final x\u2080"), 9.99))) +
                                8);
    bar->addWidget(stepLabel_, true);
    speed_ = new QComboBox(this);
    for (int fps : {1, 2, 4, 8}) speed_->addItem(tr("%1 steps/s").arg(fps), 1000 / fps);
    speed_->setCurrentIndex(1);
    speed_->setToolTip(tr("Playback speed"));
    bar->addWidget(speed_);
    commonScale_ = new QCheckBox(tr("Common \u03c0\u00b7\u03b5 scale"), this);
    commonScale_->setToolTip(tr("Colour all steps' \u03c0\u00b7\u03b5 maps on the same scale, so that they compare"));
    bar->addWidget(commonScale_);
    // One button for both exports keeps the bar narrow (long labels in German).
    // (A push button draws its menu arrow beside the text, not over it.)
    auto* exportButton = new QPushButton(tr("Export"), this);
    exportButton->setToolTip(tr("Export the frames or a contact sheet"));
    auto* exportMenu = new QMenu(exportButton);
    exportMenu->addAction(exportFrames_);
    exportMenu->addAction(exportSheet_);
    exportButton->setMenu(exportMenu);
    bar->addWidget(exportButton);
    layout->addLayout(bar);

    timer_ = new QTimer(this);
    timer_->setInterval(500);
    connect(timer_, &QTimer::timeout, this, [this] {
        if (!record_ || current_ + 1 >= record_->frameCount()) {
            if (record_ && record_->isComplete()) timer_->stop();
            updateActions();
            return;
        }
        setCurrentFrame(current_ + 1);
    });
    connect(speed_, &QComboBox::currentIndexChanged, this, [this] { timer_->setInterval(speed_->currentData().toInt()); });
    connect(play_, &QAction::triggered, this, &TrajectoryInspector::togglePlay);
    connect(next_, &QAction::triggered, this, &TrajectoryInspector::stepForward);
    connect(previous_, &QAction::triggered, this, &TrajectoryInspector::stepBackward);
    connect(exportFrames_, &QAction::triggered, this, [this] { emit exportRequested(true, false); });
    connect(exportSheet_, &QAction::triggered, this, [this] { emit exportRequested(false, true); });
    connect(strip_, &widgets::TrajectoryStrip::currentStepChanged, this, [this](int step) {
        if (step != current_) showFrame(step);
    });
    connect(commonScale_, &QCheckBox::toggled, this, [this] { updateHeatScale(); });
    updateActions();
}

QString TrajectoryInspector::stepText(int step, int steps, int t, const QString& target, double seconds) {
    return tr("Step %1 of %2: t = %3 \u2192 %4, %5 s")
        .arg(step)
        .arg(steps)
        .arg(t)
        .arg(target, QLocale().toString(seconds, 'f', 2));
}

QString TrajectoryInspector::frameLabel(const TrajectoryFrame& f) const {
    // Each frame is the state x_t reached: mu is x at T-1, step k reaches t_next.
    if (f.step == 0) return tr("\u03bc (input)");
    if (f.step == f.steps) return tr("result");
    return tr("t = %1").arg(f.tNext);
}

void TrajectoryInspector::setRecord(const TrajectoryRecord* record) {
    record_ = record;
    timer_->stop();
    current_ = -1;
    commonLimit_ = 0.0f;
    strip_->clear();
    xt_->setImage({});
    x0_->setImage({});
    piEps_->clear();
    residual_->clear();
    residual_->hide();
    if (record_) {
        QVector<widgets::TrajectoryFrame> frames;
        for (const TrajectoryFrame& f : record_->frames()) frames.push_back({f.xt, frameLabel(f)});
        strip_->setFrames(frames);
        if (!frames.isEmpty()) showFrame(static_cast<int>(frames.size()) - 1);
    }
    arrangePanes();
    updateActions();
}

void TrajectoryInspector::clear() { setRecord(nullptr); }

void TrajectoryInspector::frameAdded(int frameIndex) {
    if (!record_ || frameIndex >= record_->frameCount()) return;
    const TrajectoryFrame& f = record_->frame(frameIndex);
    const bool follow = current_ < 0 || current_ == strip_->count() - 1;
    strip_->appendFrame(f.xt, frameLabel(f));
    if (frameIndex == 0) arrangePanes(); // the photo's aspect ratio is known now
    if (!f.piEps.empty()) commonLimit_ = 0.0f; // recomputed lazily
    // The strip follows a running sampler itself (and reports it); show the frame once.
    if (follow && current_ != frameIndex) showFrame(frameIndex);
    updateActions();
}

void TrajectoryInspector::setCurrentFrame(int frame) {
    if (!record_ || record_->isEmpty()) return;
    showFrame(std::clamp(frame, 0, record_->frameCount() - 1));
}

void TrajectoryInspector::showFrame(int frame) {
    if (!record_ || frame < 0 || frame >= record_->frameCount()) return;
    current_ = frame;
    const TrajectoryFrame& f = record_->frame(frame);
    if (strip_->currentStep() != frame) strip_->setCurrentStep(frame);
    xt_->setImage(f.xt);
    xt_->setOverlayText(f.step == 0    ? tr("\u03bc")
                        : f.tNext < 0 ? tr("result after step %1 (final x\u2080)").arg(f.step)
                                      : tr("x_t after step %1 (t \u2192 %2)").arg(f.step).arg(f.tNext));
    if (f.x0.isNull()) {
        x0_->setImage({});
        x0_->setPlaceholderText(tr("No prediction for \u03bc: choose a step"));
        piEps_->clear();
        residual_->clear();
    } else {
        x0_->setImage(f.x0);
        x0_->setOverlayText(tr("predicted x\u2080 at t = %1").arg(f.t));
        const cv::Mat m = f.piEps.isContinuous() ? f.piEps : f.piEps.clone();
        piEps_->setMap(m.cols, m.rows, m.ptr<float>());
        const bool rddm = !f.residual.empty();
        piEps_->setTitle(rddm ? tr("predicted noise \u03b5 at t = %1").arg(f.t)
                              : tr("predicted \u03c0\u00b7\u03b5 at t = %1").arg(f.t));
        if (rddm) {
            const cv::Mat r = f.residual.isContinuous() ? f.residual : f.residual.clone();
            residual_->setMap(r.cols, r.rows, r.ptr<float>());
            residual_->setTitle(tr("predicted residual \u03bc \u2212 x\u2080 at t = %1").arg(f.t));
        }
        if (residual_->isHidden() == rddm) {
            residual_->setVisible(rddm);
            arrangePanes();
        }
        updateHeatScale();
    }
    if (f.step == 0) {
        stepLabel_->setFullText(tr("Input \u03bc (%1 steps follow)").arg(f.steps));
    } else {
        const QString target = f.tNext < 0 ? tr("final x\u2080") : QString::number(f.tNext);
        stepLabel_->setFullText(stepText(f.step, f.steps, f.t, target, f.stepSeconds));
    }
    updateActions();
    emit currentFrameChanged(frame, currentTime());
}

void TrajectoryInspector::updateHeatScale() {
    if (!record_) return;
    if (commonScale_->isChecked()) {
        if (commonLimit_ <= 0.0f) commonLimit_ = TrajectoryExporter::commonPiEpsLimit(*record_);
        piEps_->setFixedLimit(commonLimit_);
    } else {
        piEps_->setAutoLimit();
    }
}

int TrajectoryInspector::currentTime() const {
    if (!record_ || current_ < 0 || current_ >= record_->frameCount()) return -1;
    const TrajectoryFrame& f = record_->frame(current_);
    // The time of the state the frame shows, as the filmstrip labels it: mu sits at T-1,
    // step k reaches t_next, and the result is x at t = 0.
    if (f.step == 0) return modelT_ - 1;
    return std::max(f.tNext, 0);
}

int TrajectoryInspector::frameAtTime(int t) const {
    if (!record_) return -1;
    for (int i = 0; i < record_->frameCount(); ++i) {
        const TrajectoryFrame& f = record_->frame(i);
        const int shown = f.step == 0 ? modelT_ - 1 : std::max(f.tNext, 0);
        if (shown == t) return i;
    }
    return -1;
}

bool TrajectoryInspector::isPlaying() const { return timer_->isActive(); }

void TrajectoryInspector::togglePlay() {
    if (timer_->isActive()) {
        timer_->stop();
    } else if (record_ && record_->frameCount() > 1) {
        if (current_ >= record_->frameCount() - 1) setCurrentFrame(0); // from the start again
        timer_->start();
    }
    updateActions();
}

void TrajectoryInspector::stepForward() { setCurrentFrame(current_ + 1); }
void TrajectoryInspector::stepBackward() { setCurrentFrame(current_ - 1); }

void TrajectoryInspector::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    arrangePanes();
}

void TrajectoryInspector::arrangePanes() {
    // Side by side or stacked, whichever shows the photo larger: a wide photo in a wide
    // window wastes less space on letterboxing stacked than in three narrow columns.
    QSize image(4, 3);
    if (record_ && !record_->isEmpty() && !record_->frame(0).xt.isNull()) image = record_->frame(0).xt.size();
    const double w = panes_->width(), h = panes_->height();
    const double iw = image.width(), ih = image.height();
    const double panes = residual_->isHidden() ? 3.0 : 4.0;
    const double across = std::min(w / panes / iw, h / ih);
    const double stacked = std::min(w / iw, h / panes / ih);
    const Qt::Orientation best = stacked > across * 1.15 ? Qt::Vertical : Qt::Horizontal;
    if (panes_->orientation() != best) panes_->setOrientation(best);
}

void TrajectoryInspector::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange) updateActions();
}

void TrajectoryInspector::updateActions() {
    const int n = record_ ? record_->frameCount() : 0;
    const bool playing = timer_->isActive();
    play_->setText(playing ? tr("&Pause") : tr("&Play"));
    play_->setIcon(widgets::paletteIcon(style(), playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay, palette()));
    next_->setIcon(widgets::paletteIcon(style(), QStyle::SP_MediaSkipForward, palette()));
    previous_->setIcon(widgets::paletteIcon(style(), QStyle::SP_MediaSkipBackward, palette()));
    play_->setEnabled(n > 1);
    next_->setEnabled(n > 0 && current_ < n - 1);
    previous_->setEnabled(current_ > 0);
    const bool complete = record_ && record_->isComplete();
    exportFrames_->setEnabled(complete);
    exportSheet_->setEnabled(complete);
}

} // namespace rdbm::app
