#pragma once
// The RNR and schedule plots for the loaded model: R(t) for pi = x0 - mu, the per-pixel
// band of R(t) for pi = 1 (from the reference when given, else from the predicted x0),
// Theta_t and Sigma_t, the sampled steps, a cursor at the trajectory's current step,
// and PNG/PDF export.
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

    void setModel(const ModelPtr& model);
    void setSteps(int steps);
    // x0 estimate and mu (float RGB [0,1]); source says where x0 came from (shown).
    void setBandSource(const cv::Mat& x0, const cv::Mat& mu, const QString& source);
    void clearBandSource();
    void setCurrentTime(int t);

    const RnrSeries& series() const { return series_; }
    widgets::RnrPlot* plot() const { return plot_; }
    QAction* exportPngAction() const { return exportPng_; }
    QAction* exportPdfAction() const { return exportPdf_; }

    bool exportPng(const QString& path);
    bool exportPdf(const QString& path);

signals:
    void stepClicked(int t);
    void exported(const QString& path);
    void exportFailed(const QString& path);

private:
    void rebuild();
    void chooseExport(bool pdf);

    ModelPtr model_;
    int steps_ = 10;
    cv::Mat x0_, mu_;
    QString source_;
    RnrSeries series_;
    widgets::RnrPlot* plot_;
    QLabel* info_;
    QAction* exportPng_;
    QAction* exportPdf_;
};

} // namespace rdbm::app
