#include "SchedulePlotPanel.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QVBoxLayout>

#include "ModelPanel.h"
#include "RnrPlot.h"

namespace rdbm::app {

SchedulePlotPanel::SchedulePlotPanel(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* bar = new QHBoxLayout;
    info_ = new QLabel(this);
    info_->setWordWrap(true);
    info_->setTextFormat(Qt::RichText);
    bar->addWidget(info_, 1);
    exportPng_ = new QAction(tr("Export Plot as &PNG\u2026"), this);
    exportPdf_ = new QAction(tr("Export Plot as P&DF\u2026"), this);
    // One button for both exports leaves the text its room on a small screen (two
    // buttons took 420 px in German).
    auto* exportButton = new QPushButton(tr("Export Plot"), this);
    exportButton->setToolTip(tr("Export the plot as PNG or PDF"));
    auto* exportMenu = new QMenu(exportButton);
    exportMenu->addAction(exportPng_);
    exportMenu->addAction(exportPdf_);
    exportButton->setMenu(exportMenu);
    bar->addWidget(exportButton, 0, Qt::AlignTop);
    layout->addLayout(bar);
    plot_ = new widgets::RnrPlot(this);
    layout->addWidget(plot_, 1);
    connect(plot_, &widgets::RnrPlot::stepClicked, this, &SchedulePlotPanel::stepClicked);
    connect(exportPng_, &QAction::triggered, this, [this] { chooseExport(false); });
    connect(exportPdf_, &QAction::triggered, this, [this] { chooseExport(true); });
    rebuild();
}

void SchedulePlotPanel::setModel(const ModelPtr& model) {
    model_ = model;
    rebuild();
}

void SchedulePlotPanel::setSteps(int steps) {
    if (steps == steps_) return;
    steps_ = steps;
    rebuild();
}

void SchedulePlotPanel::setBandSource(const cv::Mat& x0, const cv::Mat& mu, const QString& source) {
    x0_ = x0;
    mu_ = mu;
    source_ = source;
    rebuild();
}

void SchedulePlotPanel::clearBandSource() { setBandSource({}, {}, {}); }

void SchedulePlotPanel::setCurrentTime(int t) { plot_->setCurrentStep(t); }

void SchedulePlotPanel::rebuild() {
    plot_->clear();
    exportPng_->setEnabled(model_ != nullptr);
    exportPdf_->setEnabled(model_ != nullptr);
    if (!model_) {
        series_ = {};
        info_->setText(tr("Load a model to see its schedule and residual-to-noise ratio."));
        return;
    }
    if (model_->info().metadata.method == rdbm::Method::Rddm) {
        // RDDM's own coefficients: x_t = x0 + abar_t (mu - x0) + bbar_t eps, so its ratio of
        // residual to noise is abar_t / bbar_t, the same for every pixel.
        const rdbm::RddmSchedule& rddm = model_->rddmSchedule();
        series_ = RnrData::computeRddm(rddm, std::clamp(steps_, 1, rddm.T()));
        plot_->setCurveNames(tr("RDDM: \u1fb1(t) / \u03b2\u0304(t)"), tr("\u1fb1(t)"), tr("\u03b2\u0304(t)"));
        plot_->setResidualRnr(series_.t, series_.residualRnr);
        plot_->setSchedule(series_.t, series_.Theta, series_.Sigma);
        plot_->setSampledSteps(series_.sampled);
        info_->setText(tr("<b>RDDM</b> schedule, T = %1, sum_scale = %2, %3 sampled steps: the residual's weight "
                          "\u1fb1(t), the noise's \u03b2\u0304(t) and their ratio, the same at every pixel.")
                           .arg(rddm.T())
                           .arg(rddm.sumScale())
                           .arg(series_.sampled.size()));
        return;
    }
    plot_->resetCurveNames();
    const rdbm::RdbmSchedule& schedule = model_->schedule();
    const bool band = !x0_.empty() && !mu_.empty() && x0_.size() == mu_.size();
    series_ = RnrData::compute(schedule, std::clamp(steps_, 1, schedule.T()), band ? x0_ : cv::Mat(),
                               band ? mu_ : cv::Mat());
    plot_->setResidualRnr(series_.t, series_.residualRnr);
    if (!series_.median.isEmpty())
        plot_->setGlobalRnrBand(series_.t, series_.lower, series_.median, series_.upper,
                                tr("\u03c0 = 1: pixels %1\u2013%2 %")
                                    .arg(qRound(series_.lowerPercentile * 100))
                                    .arg(qRound(series_.upperPercentile * 100)));
    plot_->setSchedule(series_.t, series_.Theta, series_.Sigma);
    plot_->setSampledSteps(series_.sampled);

    const rdbm::ModelMetadata& meta = model_->info().metadata;
    QString text = tr("<b>%1</b> schedule, T = %2, \u03bb = %3, %4 sampled steps. This model: %5.")
                       .arg(QString::fromStdString(rdbm::toString(schedule.params().kind)))
                       .arg(schedule.T())
                       .arg(ModelPanel::lambdaText(schedule.lambda()))
                       .arg(series_.sampled.size())
                       .arg(ModelPanel::piDescription(meta.piMode).toHtmlEscaped());
    if (band)
        text += QStringLiteral("<br>") + tr("\u03c0 = 1 band from %1.").arg(source_.toHtmlEscaped());
    else
        text += QStringLiteral("<br>") + tr("Restore a photo (or open a reference) to see the per-pixel "
                                              "\u03c0 = 1 band.");
    info_->setText(text);
}

bool SchedulePlotPanel::exportPng(const QString& path) { return plot_->exportPng(path, 0, 0, 2.0); }
bool SchedulePlotPanel::exportPdf(const QString& path) { return plot_->exportPdf(path); }

void SchedulePlotPanel::chooseExport(bool pdf) {
    const QString filter = pdf ? tr("PDF documents (*.pdf)") : tr("PNG images (*.png)");
    const QString suggested = QDir::home().filePath(pdf ? QStringLiteral("rnr-schedule.pdf") : QStringLiteral("rnr-schedule.png"));
    QString path = QFileDialog::getSaveFileName(this, pdf ? tr("Export Plot as PDF") : tr("Export Plot as PNG"),
                                                suggested, filter);
    if (path.isEmpty()) return;
    const QString suffix = pdf ? QStringLiteral(".pdf") : QStringLiteral(".png");
    if (!path.endsWith(suffix, Qt::CaseInsensitive)) path += suffix;
    const bool ok = pdf ? exportPdf(path) : exportPng(path);
    if (ok)
        emit exported(path);
    else
        emit exportFailed(path);
}

} // namespace rdbm::app
