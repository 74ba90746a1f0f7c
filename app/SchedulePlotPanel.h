#pragma once
// The RNR and schedule plots for the loaded model: R(t) for pi = x0 - mu, the per-pixel
// band of R(t) for pi = 1 (from the reference when given, else from the predicted x0),
// Theta_t and Sigma_t, the sampled steps, a cursor at the trajectory's current step,
// and PNG/PDF export. With a model of the other method loaded too (RDBM and RDDM, issue
// 9), both methods' ratios and coefficients share the axes over normalised time t / T.
#include <QWidget>

#include <opencv2/core/mat.hpp>

#include "RestoreTypes.h"
#include "RnrData.h"

class QAction;
class QLabel;

namespace rdbm::widgets {
class RnrPlot;
}

namespace rdbm::app {

class SchedulePlotPanel : public QWidget {
    Q_OBJECT
public:
    explicit SchedulePlotPanel(QWidget* parent = nullptr);

    // name: the model's file name without suffix, shown in the legend beside the method.
    void setModel(const ModelPtr& model, const QString& name = QString());
    // A model of the other method (e.g. an RDDM model in a comparison slot beside an RDBM
    // main model) drawn on the same axes; null, or one of the same method, draws none.
    void setOtherModel(const ModelPtr& model, const QString& name = QString());
    const RnrSeries& otherSeries() const { return otherSeries_; }
    bool showsBothMethods() const { return !otherSeries_.t.isEmpty(); }
    void setSteps(int steps);
    // x0 estimate and mu (float RGB [0,1]); source says where x0 came from (shown).
    void setBandSource(const cv::Mat& x0, const cv::Mat& mu, const QString& source);
    void clearBandSource();
    void setCurrentTime(int t);

    const RnrSeries& series() const { return series_; }
    widgets::RnrPlot* plot() const { return plot_; }
    QAction* exportPngAction() const { return exportPng_; }
    QAction* exportPdfAction() const { return exportPdf_; }
    QAction* exportCsvAction() const { return exportCsv_; }

    // "RDBM (rdbm-residual)", "RDDM (rddm)": the legend's name for a model.
    static QString methodName(const ModelPtr& model, const QString& name);

    bool exportPng(const QString& path);
    bool exportPdf(const QString& path);
    // The plotted numbers, one row per method and timestep (both methods when both are
    // shown): method, model, T, t, t / T, ratio, the two coefficients, whether the sampler
    // visits t, and the pi = 1 band when there is one.
    QByteArray curvesCsv() const;
    bool exportCsv(const QString& path);

signals:
    void stepClicked(int t);
    void exported(const QString& path);
    void exportFailed(const QString& path);

private:
    void rebuild();
    void chooseExport(bool pdf);
    void chooseCsvExport();

    ModelPtr model_, other_;
    QString name_, otherName_;
    int steps_ = 10;
    cv::Mat x0_, mu_;
    QString source_;
    RnrSeries series_, otherSeries_;
    widgets::RnrPlot* plot_;
    QLabel* info_;
    QAction* exportPng_;
    QAction* exportPdf_;
    QAction* exportCsv_;
};

} // namespace rdbm::app
