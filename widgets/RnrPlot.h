#pragma once
// The residual-to-noise ratio R(t) of a bridge schedule (log scale) above its
// coefficients Theta_t and Sigma_t, with the sampled steps marked and a cursor at the
// step shown elsewhere (the trajectory strip). pi = x0 - mu gives one curve; pi = 1 gives
// a per-pixel distribution, drawn as a percentile band and its median. The app computes
// the numbers from rdbm::RdbmSchedule; this view only draws plain vectors.
// Time runs left to right as sampling does: from t = T-1 (mu) down to t = 0.
// A second method's curves can share the axes (RDBM beside RDDM, issue 9): its ratio in
// the R(t) plot and its two coefficients dashed beside the first's, with time normalised
// to t / T so that schedules of different lengths line up.
#include <QString>
#include <QVector>
#include <QWidget>

class QCustomPlot;
class QCPAxisRect;
class QCPGraph;
class QCPItemStraightLine;
class QCPItemText;

namespace rdbm::widgets {

class RnrPlot : public QWidget {
    Q_OBJECT
public:
    explicit RnrPlot(QWidget* parent = nullptr);

    // R(t) for pi = x0 - mu. Non-positive values (R = 0 at t = T-1) cannot be shown on a
    // log axis and are left out.
    void setResidualRnr(const QVector<double>& t, const QVector<double>& r);
    // R(t) percentiles over the pixels for pi = 1. Lower values <= 0 are clipped to the
    // bottom of the axis; points whose upper value is <= 0 are left out.
    void setGlobalRnrBand(const QVector<double>& t, const QVector<double>& lower, const QVector<double>& median,
                          const QVector<double>& upper, const QString& bandName = QString());
    void setSchedule(const QVector<double>& t, const QVector<double>& Theta, const QVector<double>& Sigma);
    // What the curves are called: the ratio's legend entry and the two coefficients'
    // names (legend and axis labels). RDBM's names by default; RDDM plots alpha-bar,
    // beta-bar and their ratio on the same axes.
    void setCurveNames(const QString& ratio, const QString& first, const QString& second);
    void resetCurveNames();
    // The coefficient axes' labels, when they name more than the first method's curves.
    void setCoefficientAxisLabels(const QString& left, const QString& right);
    // A second method's ratio and coefficients (t already normalised like the first's);
    // name is its legend entry. Cleared by clear() and clearSecondCurves().
    void setSecondCurves(const QVector<double>& t, const QVector<double>& ratio, const QVector<double>& first,
                         const QVector<double>& second, const QString& name);
    void clearSecondCurves();
    // T > 0: the x axis is normalised time t / T (the curves' t are given so), and the
    // cursor and clicks convert from and to the first method's timestep with this T.
    // 0 (the default): the x axis is the timestep.
    void setNormalisedTime(int T);
    int normalisedTime() const { return normalisedT_; }
    // Timesteps at which the sampler calls the network.
    void setSampledSteps(const QVector<double>& t);
    void clear();

    int currentStep() const { return current_; }
    // The cursor's position in t as drawn (NaN when hidden), for tests.
    double cursorPosition() const;

    bool exportPng(const QString& path, int width = 0, int height = 0, double scale = 1.0);
    bool exportPdf(const QString& path, int width = 0, int height = 0);

    QCustomPlot* customPlot() const { return plot_; }
    QCPGraph* residualGraph() const { return residual_; }
    QCPGraph* bandLowerGraph() const { return bandLower_; }
    QCPGraph* bandUpperGraph() const { return bandUpper_; }
    QCPGraph* medianGraph() const { return median_; }
    QCPGraph* thetaGraph() const { return theta_; }
    QCPGraph* sampledMarksGraph() const { return residualMarks_; } // on the R(t) curve
    QCPGraph* scheduleMarksGraph() const { return thetaMarks_; }   // on Theta(t)
    QCPGraph* sigmaGraph() const { return sigma_; }
    QCPGraph* secondRatioGraph() const { return secondRatio_; }
    QCPGraph* secondFirstGraph() const { return secondFirst_; }   // beside Theta(t)
    QCPGraph* secondSecondGraph() const { return secondSecond_; } // beside Sigma(t)
    bool legendAbovePlots() const { return legendAbove_; }
    QCPAxisRect* rnrRect() const { return top_; }
    QCPAxisRect* scheduleRect() const { return bottom_; }

    QSize sizeHint() const override { return {560, 420}; }
    QSize minimumSizeHint() const override { return {240, 200}; }

public slots:
    // -1 hides the cursor.
    void setCurrentStep(int t);

signals:
    // A click in the plot asks for the nearest timestep (e.g. to select it in the strip).
    void stepClicked(int t);

protected:
    void changeEvent(QEvent* event) override;

private:
    void applyPalette();
    void rebuild(); // graph data, ranges and markers from the stored vectors
    void updateCursor();
    // Two methods' curves fill the R(t) plot: the legend moves from its inset into a row
    // of its own above the plots, where it hides none of them.
    void placeLegend(bool aboveThePlots);

    QCustomPlot* plot_;
    QCPAxisRect* top_;
    QCPAxisRect* bottom_;
    QCPGraph* residual_;
    QCPGraph* bandLower_;
    QCPGraph* bandUpper_;
    QCPGraph* median_;
    QCPGraph* residualMarks_;
    QCPGraph* theta_;
    QCPGraph* sigma_;
    QCPGraph* thetaMarks_;
    QCPGraph* secondRatio_;
    QCPGraph* secondFirst_;
    QCPGraph* secondSecond_;
    QCPItemStraightLine* topCursor_;
    QCPItemStraightLine* bottomCursor_;
    QCPItemText* cursorLabel_;
    // The data as given; log-axis clipping depends on the range of all of it.
    QVector<double> residualT_, residualR_;
    QVector<double> bandT_, bandLow_, bandMid_, bandHigh_;
    QVector<double> scheduleT_, theta_t_, sigma_t_;
    QVector<double> sampled_;
    QVector<double> secondT_, secondRatioV_, secondFirstV_, secondSecondV_;
    int normalisedT_ = 0;
    bool legendAbove_ = false;
    int current_ = -1;
};

} // namespace rdbm::widgets
