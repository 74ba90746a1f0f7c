#include "UncertaintyPanel.h"

#include <QAction>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

#include <algorithm>

#include <opencv2/core.hpp>

#include "HeatMapView.h"
#include "ImageView.h"
#include "RestoreSession.h"
#include "ViewSync.h"
#include "rdbm/Uncertainty.h"

namespace rdbm::app {

UncertaintyPanel::UncertaintyPanel(RestoreSession* session, QWidget* parent) : QWidget(parent), session_(session) {
    run_ = new QAction(this);
    connect(run_, &QAction::triggered, this, &UncertaintyPanel::ask);

    title_ = new QLabel(this);
    QFont bold = title_->font();
    bold.setBold(true);
    title_->setFont(bold);
    info_ = new QLabel(this);
    info_->setWordWrap(true);
    info_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    map_ = new widgets::HeatMapView(this);
    map_->setNonNegative(true);
    map_->setAutoLimit(0.99);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 0, 0, 0);
    layout->addWidget(title_);
    layout->addWidget(info_);
    layout->addWidget(map_, 1);
    setMinimumWidth(220);
    hide(); // shown with a map, or while one is made

    connect(session_, &RestoreSession::stateChanged, this, &UncertaintyPanel::updateEnabled);
    connect(session_, &RestoreSession::modelChanged, this, &UncertaintyPanel::updateEnabled);
    connect(session_, &RestoreSession::itemsChanged, this, [this] {
        updateEnabled();
        showCurrent();
    });
    connect(session_, &RestoreSession::currentIndexChanged, this, [this] {
        updateEnabled();
        showCurrent();
    });
    connect(session_, &RestoreSession::progress, this, [this](int, int step, int steps) {
        if (!running_ || seeds_ <= 0 || steps <= 0) return;
        const int perRun = std::max(1, steps / seeds_);
        const int run = std::min(seeds_, step / perRun + 1);
        info_->setText(
            step < steps
                ? tr("Run %1 of %2, step %3 of %4\u2026").arg(run).arg(seeds_).arg(step % perRun + 1).arg(perRun)
                : tr("Finishing\u2026"));
    });
    connect(session_, &RestoreSession::restoreFinished, this, [this] {
        running_ = false;
        showCurrent();
    });
    connect(session_, &RestoreSession::queueFinished, this, [this] {
        if (!running_) return;
        running_ = false; // cancelled or failed: the previous map (if any) stays
        showCurrent();
    });
    setTexts();
    updateEnabled();
}

void UncertaintyPanel::syncZoomWith(widgets::ZoomPanState* state) {
    auto* sync = new widgets::ViewSync(this);
    sync->add(state);
    sync->add(map_->zoomState());
}

bool UncertaintyPanel::run(int seeds) {
    seeds_ = seeds;
    running_ = session_->restoreSeeds(seeds);
    if (running_) {
        show();
        map_->clear();
        info_->setText(tr("Restoring %n seed(s)\u2026", nullptr, seeds));
    }
    return running_;
}

void UncertaintyPanel::ask() {
    bool ok = false;
    const int first = static_cast<int>(session_->samplerOptions().seed);
    const int n =
        QInputDialog::getInt(this, tr("Restore N Seeds"),
                             tr("Restore the photo this many times, with the seeds %1, %2, \u2026; the result is "
                                "their mean and the map their spread:")
                                 .arg(first)
                                 .arg(first + 1),
                             seeds_, 2, rdbm::kMaxSeedRuns, 1, &ok);
    if (ok) run(n);
}

QString UncertaintyPanel::infoText() const { return info_->text(); }

void UncertaintyPanel::showCurrent() {
    if (running_) return;
    const int index = session_->currentIndex();
    const bool has = index >= 0 && index < session_->itemCount() && session_->item(index).hasResult &&
                     session_->item(index).result.seeds > 1 && !session_->item(index).result.stdDev.empty();
    if (!has) {
        map_->clear();
        hide();
        return;
    }
    const RestoreOutcome& r = session_->item(index).result;
    cv::Mat m = r.stdDev.isContinuous() ? r.stdDev : r.stdDev.clone();
    map_->setMap(m.cols, m.rows, m.ptr<float>());
    const QLocale loc;
    const auto first = static_cast<qulonglong>(r.options.seed);
    info_->setText(
        tr("Standard deviation of %1 restorations (seeds %2 to %3, \u03b7 %4) in [0, 1] units: max %5, "
           "mean %6. Red marks where the runs disagree: where the model is unsure.")
            .arg(r.seeds)
            .arg(first)
            .arg(first + static_cast<qulonglong>(r.seeds - 1))
            .arg(loc.toString(r.options.eta, 'g', 3), loc.toString(r.maxStd, 'f', 4), loc.toString(r.meanStd, 'f', 4)));
    show();
}

void UncertaintyPanel::updateEnabled() {
    run_->setEnabled(!session_->isBusy() && session_->model() && session_->currentIndex() >= 0);
}

void UncertaintyPanel::setTexts() {
    run_->setText(tr("Restore N &Seeds\u2026"));
    run_->setToolTip(tr("Restore the photo several times with the stochastic sampler (\u03b7 > 0) and show where the "
                        "results differ: the per-pixel standard deviation, next to their mean"));
    title_->setText(tr("Uncertainty"));
    map_->setTitle(tr("std"));
    showCurrent();
}

} // namespace rdbm::app
