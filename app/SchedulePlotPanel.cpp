#include "SchedulePlotPanel.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QVBoxLayout>

#include "AtomicFile.h"
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
    exportCsv_ = new QAction(tr("Export Plot Data as &CSV\u2026"), this);
    // One button for both exports leaves the text its room on a small screen (two
    // buttons took 420 px in German).
    auto* exportButton = new QPushButton(tr("Export Plot"), this);
    exportButton->setToolTip(tr("Export the plot as PNG or PDF"));
    auto* exportMenu = new QMenu(exportButton);
    exportMenu->addAction(exportPng_);
    exportMenu->addAction(exportPdf_);
    exportMenu->addAction(exportCsv_);
    exportButton->setMenu(exportMenu);
    bar->addWidget(exportButton, 0, Qt::AlignTop);
    layout->addLayout(bar);
    plot_ = new widgets::RnrPlot(this);
    layout->addWidget(plot_, 1);
    connect(plot_, &widgets::RnrPlot::stepClicked, this, &SchedulePlotPanel::stepClicked);
    connect(exportPng_, &QAction::triggered, this, [this] { chooseExport(false); });
    connect(exportPdf_, &QAction::triggered, this, [this] { chooseExport(true); });
    connect(exportCsv_, &QAction::triggered, this, &SchedulePlotPanel::chooseCsvExport);
    rebuild();
}

void SchedulePlotPanel::setModel(const ModelPtr& model, const QString& name) {
    model_ = model;
    name_ = name;
    rebuild();
}

void SchedulePlotPanel::setOtherModel(const ModelPtr& model, const QString& name) {
    if (model == other_ && name == otherName_) return;
    other_ = model;
    otherName_ = name;
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

namespace {

bool isRddm(const ModelPtr& m) { return m && m->info().metadata.method == rdbm::Method::Rddm; }

QVector<double> scaled(QVector<double> v, double factor) {
    for (double& x : v) x *= factor;
    return v;
}

} // namespace

QString SchedulePlotPanel::methodName(const ModelPtr& model, const QString& name) {
    const QString method = isRddm(model) ? QStringLiteral("RDDM") : QStringLiteral("RDBM");
    return name.isEmpty() ? method : QStringLiteral("%1 (%2)").arg(method, name);
}

void SchedulePlotPanel::rebuild() {
    plot_->clear();
    otherSeries_ = {};
    exportPng_->setEnabled(model_ != nullptr);
    exportPdf_->setEnabled(model_ != nullptr);
    exportCsv_->setEnabled(model_ != nullptr);
    if (!model_) {
        series_ = {};
        info_->setText(tr("Load a model to see its schedule and residual-to-noise ratio."));
        return;
    }
    const QString rddmRatio = tr("\u1fb1(t) / \u03b2\u0304(t)");
    const QString rdbmRatio = tr("R(t) for \u03c0 = x\u2080 \u2212 \u03bc");
    const QString rddmFirst = tr("\u1fb1(t)"), rddmSecond = tr("\u03b2\u0304(t)");
    const QString rdbmFirst = tr("\u0398(t)"), rdbmSecond = tr("\u03a3(t)");
    const bool mainRddm = isRddm(model_);
    QString text;
    bool band = false;
    int T = 0;
    if (mainRddm) {
        // RDDM's own coefficients: x_t = x0 + abar_t (mu - x0) + bbar_t eps, so its ratio of
        // residual to noise is abar_t / bbar_t, the same for every pixel.
        const rdbm::RddmSchedule& rddm = model_->rddmSchedule();
        T = rddm.T();
        series_ = RnrData::computeRddm(rddm, std::clamp(steps_, 1, T));
        plot_->setCurveNames(tr("RDDM: \u1fb1(t) / \u03b2\u0304(t)"), rddmFirst, rddmSecond);
        text = tr("<b>RDDM</b> schedule, T = %1, sum_scale = %2, %3 sampled steps: the residual's weight "
                  "\u1fb1(t), the noise's \u03b2\u0304(t) and their ratio, the same at every pixel.")
                   .arg(rddm.T())
                   .arg(rddm.sumScale())
                   .arg(series_.sampled.size());
    } else {
        plot_->resetCurveNames();
        const rdbm::RdbmSchedule& schedule = model_->schedule();
        T = schedule.T();
        band = !x0_.empty() && !mu_.empty() && x0_.size() == mu_.size();
        series_ = RnrData::compute(schedule, std::clamp(steps_, 1, T), band ? x0_ : cv::Mat(), band ? mu_ : cv::Mat());
        const rdbm::ModelMetadata& meta = model_->info().metadata;
        text = tr("<b>%1</b> schedule, T = %2, \u03bb = %3, %4 sampled steps. This model: %5.")
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
    }

    // The other method beside it, over t / T: RDBM runs T = 100 steps, RDDM 1000.
    const bool both = other_ && isRddm(other_) != mainRddm;
    const double scale = both ? 1.0 / T : 1.0;
    if (both) {
        int otherT = 0;
        if (isRddm(other_)) {
            otherT = other_->rddmSchedule().T();
            otherSeries_ = RnrData::computeRddm(other_->rddmSchedule(), std::clamp(steps_, 1, otherT));
        } else {
            otherT = other_->schedule().T();
            otherSeries_ = RnrData::compute(other_->schedule(), std::clamp(steps_, 1, otherT));
        }
        const QString mainName = methodName(model_, name_), otherName = methodName(other_, otherName_);
        plot_->setCurveNames(QStringLiteral("%1: %2").arg(mainName, mainRddm ? rddmRatio : rdbmRatio),
                             mainRddm ? rddmFirst : rdbmFirst, mainRddm ? rddmSecond : rdbmSecond);
        plot_->setCoefficientAxisLabels(
            tr("%1 (solid), %2 (dashed)").arg(mainRddm ? rddmFirst : rdbmFirst, mainRddm ? rdbmFirst : rddmFirst),
            tr("%1 (solid), %2 (dashed)").arg(mainRddm ? rddmSecond : rdbmSecond, mainRddm ? rdbmSecond : rddmSecond));
        plot_->setNormalisedTime(T);
        plot_->setSecondCurves(scaled(otherSeries_.t, 1.0 / otherT), otherSeries_.residualRnr, otherSeries_.Theta,
                               otherSeries_.Sigma,
                               QStringLiteral("%1: %2").arg(otherName, mainRddm ? rdbmRatio : rddmRatio));
        text += QStringLiteral("<br>") + tr("Beside it (dashed): <b>%1</b>, T = %2. Time is t / T, so that both "
                                              "methods run from 0 to 1. \u0398(t) weighs x\u2080 \u2212 \u03bc in the "
                                              "mean, \u1fb1(t) weighs \u03bc \u2212 x\u2080: \u0398(t) matches "
                                              "1 \u2212 \u1fb1(t).")
                                             .arg(otherName.toHtmlEscaped())
                                             .arg(otherT);
    }
    const QVector<double> t = scaled(series_.t, scale);
    plot_->setResidualRnr(t, series_.residualRnr);
    if (band && !series_.median.isEmpty())
        plot_->setGlobalRnrBand(t, series_.lower, series_.median, series_.upper,
                                tr("\u03c0 = 1: pixels %1\u2013%2 %")
                                    .arg(qRound(series_.lowerPercentile * 100))
                                    .arg(qRound(series_.upperPercentile * 100)));
    plot_->setSchedule(t, series_.Theta, series_.Sigma);
    plot_->setSampledSteps(scaled(series_.sampled, scale));
    info_->setText(text);
}

bool SchedulePlotPanel::exportPng(const QString& path) { return plot_->exportPng(path, 0, 0, 2.0); }
bool SchedulePlotPanel::exportPdf(const QString& path) { return plot_->exportPdf(path); }

QByteArray SchedulePlotPanel::curvesCsv() const {
    QByteArray out("method,model,T,t,t_over_T,ratio,coefficient_1,coefficient_2,sampled,band_lower,band_median,band_upper\n");
    if (!model_) return out;
    const auto rows = [&out](const ModelPtr& model, const QString& name, const RnrSeries& s) {
        const QByteArray method = isRddm(model) ? "RDDM" : "RDBM";
        QString file = name;
        file.replace(QLatin1Char(','), QLatin1Char(' '));
        const int T = static_cast<int>(s.t.size());
        const bool band = s.median.size() == s.t.size();
        for (int i = 0; i < T; ++i) {
            const auto n = [](double v) { return QByteArray::number(v, 'g', 10); };
            out += method + ',' + file.toUtf8() + ',' + QByteArray::number(T) + ',' + n(s.t[i]) + ',' +
                   n(s.t[i] / T) + ',' + n(s.residualRnr[i]) + ',' + n(s.Theta[i]) + ',' + n(s.Sigma[i]) + ',' +
                   (s.sampled.contains(s.t[i]) ? "1" : "0") + ',';
            if (band) out += n(s.lower[i]) + ',' + n(s.median[i]) + ',' + n(s.upper[i]);
            else out += ",,";
            out += '\n';
        }
    };
    rows(model_, name_, series_);
    if (showsBothMethods()) rows(other_, otherName_, otherSeries_);
    return out;
}

bool SchedulePlotPanel::exportCsv(const QString& path) {
    if (!model_) return false;
    try {
        writeBytesFile(curvesCsv(), path);
        return true;
    } catch (const std::exception&) {
        return false;
    }
}

void SchedulePlotPanel::chooseCsvExport() {
    const QString suggested = QDir::home().filePath(QStringLiteral("rnr-schedule.csv"));
    QString path = QFileDialog::getSaveFileName(this, tr("Export Plot Data as CSV"), suggested,
                                                tr("CSV files (*.csv)"));
    if (path.isEmpty()) return;
    if (!path.endsWith(QStringLiteral(".csv"), Qt::CaseInsensitive)) path += QStringLiteral(".csv");
    if (exportCsv(path))
        emit exported(path);
    else
        emit exportFailed(path);
}

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
