#include "RnrPlot.h"

#include <QEvent>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

#include <qcustomplot.h>

namespace rdbm::widgets {

namespace {

bool isDark(const QPalette& pal) { return pal.color(QPalette::Base).lightnessF() < 0.5; }

// Data colours (Tableau 10), lightened on dark backgrounds so they keep their contrast.
QColor dataColour(QColor c, const QPalette& pal) { return isDark(pal) ? c.lighter(135) : c; }
const QColor kBlue(31, 119, 180);
const QColor kOrange(255, 127, 14);
const QColor kGreen(44, 160, 44);
const QColor kPurple(148, 103, 189);
const QColor kRed(214, 39, 40);

bool positive(double v) { return std::isfinite(v) && v > 0.0; }

void styleAxis(QCPAxis* axis, const QPalette& pal) {
    const QColor text = pal.color(QPalette::Text);
    QColor grid = pal.color(QPalette::Mid);
    grid.setAlpha(110);
    axis->setBasePen(QPen(text, 1));
    axis->setTickPen(QPen(text, 1));
    axis->setSubTickPen(QPen(text, 1));
    axis->setTickLabelColor(text);
    axis->setLabelColor(text);
    axis->grid()->setPen(QPen(grid, 1, Qt::DotLine));
    axis->grid()->setSubGridPen(Qt::NoPen);
    axis->grid()->setZeroLinePen(Qt::NoPen);
}

void styleLegend(QCPLegend* legend, const QPalette& pal) {
    QColor bg = pal.color(QPalette::Base);
    bg.setAlpha(220);
    legend->setBrush(bg);
    legend->setBorderPen(QPen(pal.color(QPalette::Mid)));
    legend->setTextColor(pal.color(QPalette::Text));
}

void placeCursor(QCPItemStraightLine* line, QCPAxisRect* rect) {
    for (QCPItemPosition* p : {line->point1, line->point2}) {
        p->setAxes(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
        p->setAxisRect(rect);
        p->setTypeX(QCPItemPosition::ptPlotCoords);
        p->setTypeY(QCPItemPosition::ptAxisRectRatio);
    }
    line->setClipAxisRect(rect);
    line->setClipToAxisRect(true);
}

// Value at exactly key t, if the graph has it.
bool valueAt(const QCPGraph* g, double t, double* v) {
    auto it = g->data()->findBegin(t, false);
    if (it == g->data()->constEnd() || std::abs(it->key - t) > 1e-9) return false;
    *v = it->value;
    return true;
}

} // namespace

RnrPlot::RnrPlot(QWidget* parent) : QWidget(parent) {
    plot_ = new QCustomPlot(this);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(plot_);

    top_ = plot_->axisRect();
    bottom_ = new QCPAxisRect(plot_);
    plot_->plotLayout()->addElement(1, 0, bottom_);
    plot_->plotLayout()->setRowStretchFactor(0, 3);
    plot_->plotLayout()->setRowStretchFactor(1, 2);
    plot_->plotLayout()->setRowSpacing(2);
    auto* margins = new QCPMarginGroup(plot_);
    top_->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
    bottom_->setMarginGroup(QCP::msLeft | QCP::msRight, margins);

    QCPAxis* tx = top_->axis(QCPAxis::atBottom);
    QCPAxis* ty = top_->axis(QCPAxis::atLeft);
    QCPAxis* bx = bottom_->axis(QCPAxis::atBottom);
    QCPAxis* by = bottom_->axis(QCPAxis::atLeft);
    QCPAxis* by2 = bottom_->axis(QCPAxis::atRight);
    by2->setVisible(true);
    for (QCPAxis* x : {tx, bx}) x->setRangeReversed(true); // sampling order, as in the strip
    tx->setTickLabels(false);
    bx->setLabel(tr("timestep t (sampling runs from left to right)"));
    ty->setScaleType(QCPAxis::stLogarithmic);
    auto logTicker = QSharedPointer<QCPAxisTickerLog>::create();
    logTicker->setSubTickCount(8);
    ty->setTicker(logTicker);
    ty->setNumberFormat(QStringLiteral("eb")); // 10^n
    ty->setNumberPrecision(0);
    ty->setLabel(tr("residual-to-noise ratio R(t)"));
    connect(tx, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), bx, qOverload<const QCPRange&>(&QCPAxis::setRange));

    bandLower_ = plot_->addGraph(tx, ty);
    bandUpper_ = plot_->addGraph(tx, ty);
    bandUpper_->setChannelFillGraph(bandLower_);
    median_ = plot_->addGraph(tx, ty);
    residual_ = plot_->addGraph(tx, ty);
    residualMarks_ = plot_->addGraph(tx, ty);
    residualMarks_->setLineStyle(QCPGraph::lsNone);
    theta_ = plot_->addGraph(bx, by);
    sigma_ = plot_->addGraph(bx, by2);
    thetaMarks_ = plot_->addGraph(bx, by);
    thetaMarks_->setLineStyle(QCPGraph::lsNone);
    secondRatio_ = plot_->addGraph(tx, ty);
    secondFirst_ = plot_->addGraph(bx, by);
    secondSecond_ = plot_->addGraph(bx, by2);

    median_->setName(tr("\u03c0 = 1: median pixel"));
    bandUpper_->setName(tr("π = 1: 5–95 % of pixels"));
    residualMarks_->setName(tr("sampled steps"));
    resetCurveNames();

    // R(t) is small at the left (t near T-1), so the legend goes top left. The schedule
    // plot needs none: its axes are coloured like their curves.
    plot_->legend->setVisible(true);
    QFont legendFont = font();
    legendFont.setPointSizeF(legendFont.pointSizeF() * 0.9);
    plot_->legend->setFont(legendFont);
    top_->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    for (QCPGraph* g : {bandLower_, theta_, sigma_, thetaMarks_, secondRatio_, secondFirst_, secondSecond_})
        g->removeFromLegend(plot_->legend);

    topCursor_ = new QCPItemStraightLine(plot_);
    bottomCursor_ = new QCPItemStraightLine(plot_);
    placeCursor(topCursor_, top_);
    placeCursor(bottomCursor_, bottom_);
    cursorLabel_ = new QCPItemText(plot_);
    cursorLabel_->position->setAxes(tx, ty);
    cursorLabel_->position->setAxisRect(top_);
    cursorLabel_->position->setTypeX(QCPItemPosition::ptPlotCoords);
    cursorLabel_->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    // The step label sits in the margin above the plot, clear of the curves and legend.
    cursorLabel_->setClipToAxisRect(false);
    cursorLabel_->setPadding(QMargins(4, 1, 4, 1));

    connect(plot_, &QCustomPlot::mousePress, this, [this](QMouseEvent* e) {
        if (e->button() != Qt::LeftButton) return;
        const QPointF pos = e->position();
        if (!top_->rect().contains(pos.toPoint()) && !bottom_->rect().contains(pos.toPoint())) return;
        double t = top_->axis(QCPAxis::atBottom)->pixelToCoord(pos.x());
        if (normalisedT_ > 0) t = std::clamp(t * normalisedT_, 0.0, normalisedT_ - 1.0);
        if (std::isfinite(t)) emit stepClicked(static_cast<int>(std::lround(t)));
    });

    applyPalette();
    rebuild();
    updateCursor();
}

void RnrPlot::setResidualRnr(const QVector<double>& t, const QVector<double>& r) {
    if (t.size() != r.size()) return;
    residualT_ = t;
    residualR_ = r;
    rebuild();
}

void RnrPlot::setGlobalRnrBand(const QVector<double>& t, const QVector<double>& lower, const QVector<double>& median,
                               const QVector<double>& upper, const QString& bandName) {
    if (lower.size() != t.size() || median.size() != t.size() || upper.size() != t.size()) return;
    bandT_ = t;
    bandLow_ = lower;
    bandMid_ = median;
    bandHigh_ = upper;
    if (!bandName.isEmpty()) bandUpper_->setName(bandName);
    rebuild();
}

void RnrPlot::setSchedule(const QVector<double>& t, const QVector<double>& Theta, const QVector<double>& Sigma) {
    if (Theta.size() != t.size() || Sigma.size() != t.size()) return;
    scheduleT_ = t;
    theta_t_ = Theta;
    sigma_t_ = Sigma;
    rebuild();
}

void RnrPlot::setCurveNames(const QString& ratio, const QString& first, const QString& second) {
    residual_->setName(ratio);
    theta_->setName(first);
    sigma_->setName(second);
    setCoefficientAxisLabels(first, second);
}

void RnrPlot::setCoefficientAxisLabels(const QString& left, const QString& right) {
    bottom_->axis(QCPAxis::atLeft)->setLabel(left);
    bottom_->axis(QCPAxis::atRight)->setLabel(right);
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void RnrPlot::setSecondCurves(const QVector<double>& t, const QVector<double>& ratio, const QVector<double>& first,
                              const QVector<double>& second, const QString& name) {
    if (ratio.size() != t.size() || first.size() != t.size() || second.size() != t.size()) return;
    secondT_ = t;
    secondRatioV_ = ratio;
    secondFirstV_ = first;
    secondSecondV_ = second;
    secondRatio_->setName(name);
    rebuild();
}

void RnrPlot::clearSecondCurves() {
    secondT_.clear(); secondRatioV_.clear(); secondFirstV_.clear(); secondSecondV_.clear();
    rebuild();
}

void RnrPlot::setNormalisedTime(int T) {
    normalisedT_ = std::max(0, T);
    bottom_->axis(QCPAxis::atBottom)->setLabel(normalisedT_ > 0 ? tr("normalised time t / T (sampling runs from left to right)")
                                                                : tr("timestep t (sampling runs from left to right)"));
    rebuild();
}

void RnrPlot::resetCurveNames() {
    setCurveNames(tr("\u03c0 = x\u2080 \u2212 \u03bc (RDBM)"), tr("\u0398(t)"), tr("\u03a3(t)"));
}

void RnrPlot::setSampledSteps(const QVector<double>& t) {
    sampled_ = t;
    rebuild();
}

void RnrPlot::clear() {
    residualT_.clear(); residualR_.clear();
    bandT_.clear(); bandLow_.clear(); bandMid_.clear(); bandHigh_.clear();
    scheduleT_.clear(); theta_t_.clear(); sigma_t_.clear();
    sampled_.clear();
    secondT_.clear(); secondRatioV_.clear(); secondFirstV_.clear(); secondSecondV_.clear();
    normalisedT_ = 0;
    bottom_->axis(QCPAxis::atBottom)->setLabel(tr("timestep t (sampling runs from left to right)"));
    rebuild();
}

void RnrPlot::rebuild() {
    // The log axis spans whole decades around every positive R value.
    double lo = std::numeric_limits<double>::infinity(), hi = 0.0;
    for (const QVector<double>* v : {&residualR_, &bandLow_, &bandMid_, &bandHigh_, &secondRatioV_})
        for (double x : *v)
            if (positive(x)) { lo = std::min(lo, x); hi = std::max(hi, x); }
    QCPRange yRange(1e-3, 1e3);
    if (hi > 0.0) {
        yRange = QCPRange(std::pow(10.0, std::floor(std::log10(lo))), std::pow(10.0, std::ceil(std::log10(hi))));
        if (yRange.upper <= yRange.lower) yRange.upper = yRange.lower * 10.0;
    }

    QVector<double> k, v;
    for (int i = 0; i < residualT_.size(); ++i)
        if (positive(residualR_[i]) && std::isfinite(residualT_[i])) { k << residualT_[i]; v << residualR_[i]; }
    residual_->setData(k, v);

    QVector<double> bk, bl, bm, bmk, bh;
    for (int i = 0; i < bandT_.size(); ++i) {
        if (!std::isfinite(bandT_[i])) continue;
        if (positive(bandMid_[i])) { bmk << bandT_[i]; bm << bandMid_[i]; }
        if (!positive(bandHigh_[i])) continue;
        bk << bandT_[i];
        bh << bandHigh_[i];
        // Clean pixels have R = 0: the band reaches down to the bottom of the axis.
        bl << (positive(bandLow_[i]) ? bandLow_[i] : yRange.lower);
    }
    bandLower_->setData(bk, bl);
    bandUpper_->setData(bk, bh);
    median_->setData(bmk, bm);
    bandUpper_->setVisible(!bk.isEmpty());
    median_->setVisible(!bmk.isEmpty());
    residual_->setVisible(!k.isEmpty());

    QVector<double> sk, sv;
    for (int i = 0; i < secondT_.size(); ++i)
        if (positive(secondRatioV_[i]) && std::isfinite(secondT_[i])) { sk << secondT_[i]; sv << secondRatioV_[i]; }
    secondRatio_->setData(sk, sv);
    secondRatio_->setVisible(!sk.isEmpty());
    secondFirst_->setData(secondT_, secondFirstV_);
    secondSecond_->setData(secondT_, secondSecondV_);
    secondFirst_->setVisible(!secondT_.isEmpty());
    secondSecond_->setVisible(!secondT_.isEmpty());

    theta_->setData(scheduleT_, theta_t_);
    sigma_->setData(scheduleT_, sigma_t_);
    theta_->setVisible(!scheduleT_.isEmpty());
    sigma_->setVisible(!scheduleT_.isEmpty());

    // Markers sit on the RDBM curve (else the pi = 1 median) and on Theta.
    QVector<double> mk, mv, tk, tv;
    const QCPGraph* onTop = residual_->visible() ? residual_ : median_;
    for (double t : sampled_) {
        double y = 0.0;
        if (valueAt(onTop, t, &y)) { mk << t; mv << y; }
        if (valueAt(theta_, t, &y)) { tk << t; tv << y; }
    }
    residualMarks_->setData(mk, mv);
    thetaMarks_->setData(tk, tv);
    residualMarks_->setVisible(!mk.isEmpty());
    // Only the curves that have data are explained, always in this order.
    for (QCPGraph* g : {residual_, secondRatio_, median_, bandUpper_, residualMarks_}) g->removeFromLegend();
    for (QCPGraph* g : {residual_, secondRatio_, median_, bandUpper_, residualMarks_})
        if (g->visible()) g->addToLegend();
    placeLegend(secondRatio_->visible());

    // x spans every series.
    double xmin = std::numeric_limits<double>::infinity(), xmax = -xmin;
    for (const QVector<double>* ts : {&residualT_, &bandT_, &scheduleT_, &secondT_})
        for (double t : *ts)
            if (std::isfinite(t)) { xmin = std::min(xmin, t); xmax = std::max(xmax, t); }
    if (!(xmax >= xmin)) { xmin = 0.0; xmax = 1.0; }
    if (xmax == xmin) xmax = xmin + 1.0;
    if (normalisedT_ > 0) { xmin = 0.0; xmax = 1.0; } // t / T of every method
    top_->axis(QCPAxis::atBottom)->setRange(xmin, xmax);
    bottom_->axis(QCPAxis::atBottom)->setRange(xmin, xmax);
    top_->axis(QCPAxis::atLeft)->setRange(yRange);
    bottom_->axis(QCPAxis::atLeft)->setRange(0.0, 1.05);
    double smax = 0.0;
    for (const QVector<double>* series : {&sigma_t_, &secondSecondV_})
        for (double s : *series)
            if (std::isfinite(s)) smax = std::max(smax, s);
    bottom_->axis(QCPAxis::atRight)->setRange(0.0, smax > 0.0 ? smax * 1.1 : 1.0);

    updateCursor();
}

void RnrPlot::placeLegend(bool aboveThePlots) {
    if (aboveThePlots == legendAbove_) return;
    legendAbove_ = aboveThePlots;
    QCPLayoutGrid* layout = plot_->plotLayout();
    QCPLegend* legend = plot_->legend;
    if (aboveThePlots) {
        top_->insetLayout()->take(legend);
        layout->insertRow(0);
        layout->addElement(0, 0, legend);
        legend->setFillOrder(QCPLegend::foColumnsFirst);
        legend->setWrap(2);
        layout->setRowStretchFactor(0, 0.001);
        layout->setRowStretchFactor(1, 3);
        layout->setRowStretchFactor(2, 2);
    } else {
        layout->take(legend);
        layout->simplify(); // drops the empty row
        legend->setFillOrder(QCPLegend::foRowsFirst);
        legend->setWrap(0);
        top_->insetLayout()->addElement(legend, Qt::AlignTop | Qt::AlignLeft);
        layout->setRowStretchFactor(0, 3);
        layout->setRowStretchFactor(1, 2);
    }
}

void RnrPlot::setCurrentStep(int t) {
    if (t == current_) return;
    current_ = t;
    updateCursor();
}

double RnrPlot::cursorPosition() const {
    if (!topCursor_->visible()) return std::numeric_limits<double>::quiet_NaN();
    return topCursor_->point1->coords().x();
}

void RnrPlot::updateCursor() {
    const bool on = current_ >= 0;
    for (QCPAbstractItem* item : std::initializer_list<QCPAbstractItem*>{topCursor_, bottomCursor_, cursorLabel_})
        item->setVisible(on);
    if (on) {
        const double t = normalisedT_ > 0 ? static_cast<double>(current_) / normalisedT_ : current_;
        for (QCPItemStraightLine* line : {topCursor_, bottomCursor_}) {
            line->point1->setCoords(t, 0.0);
            line->point2->setCoords(t, 1.0);
        }
        cursorLabel_->setText(tr("t = %1").arg(current_));
        // Centred over the line, but kept inside the plot near either end.
        const QCPRange x = top_->axis(QCPAxis::atBottom)->range();
        const double f = (t - x.lower) / std::max(1e-12, x.size()); // 0 at the right (reversed axis)
        const Qt::Alignment h = f < 0.1 ? Qt::AlignRight : f > 0.9 ? Qt::AlignLeft : Qt::AlignHCenter;
        cursorLabel_->setPositionAlignment(Qt::AlignBottom | h);
        cursorLabel_->position->setCoords(t, 0.0);
    }
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void RnrPlot::applyPalette() {
    const QPalette& pal = palette();
    plot_->setBackground(pal.color(QPalette::Base));
    for (QCPAxisRect* r : {top_, bottom_})
        for (QCPAxis* a : r->axes()) styleAxis(a, pal);
    styleLegend(plot_->legend, pal);
    top_->setMinimumMargins(QMargins(0, QFontMetrics(cursorLabel_->font()).height() + 6, 0, 0));

    const QColor blue = dataColour(kBlue, pal), orange = dataColour(kOrange, pal);
    const QColor green = dataColour(kGreen, pal), purple = dataColour(kPurple, pal);
    residual_->setPen(QPen(blue, 2));
    QColor bandEdge = orange;
    bandEdge.setAlpha(140);
    QColor bandFill = orange;
    bandFill.setAlpha(60);
    bandLower_->setPen(QPen(bandEdge, 1));
    bandUpper_->setPen(QPen(bandEdge, 1));
    bandUpper_->setBrush(bandFill);
    median_->setPen(QPen(orange, 2, Qt::DashLine));
    theta_->setPen(QPen(green, 2));
    sigma_->setPen(QPen(purple, 2));
    // The second method: its own colour in the R(t) plot, dashed beside the coefficients.
    secondRatio_->setPen(QPen(dataColour(kRed, pal), 2, Qt::DashLine));
    secondFirst_->setPen(QPen(green, 2, Qt::DashLine));
    secondSecond_->setPen(QPen(purple, 2, Qt::DashLine));
    for (auto [axis, colour] : {std::pair{bottom_->axis(QCPAxis::atLeft), green},
                                std::pair{bottom_->axis(QCPAxis::atRight), purple}}) {
        axis->setLabelColor(colour);
        axis->setTickLabelColor(colour);
    }
    const QColor text = pal.color(QPalette::Text), base = pal.color(QPalette::Base);
    const QCPScatterStyle marks(QCPScatterStyle::ssCircle, QPen(text, 1.5), QBrush(base), 7);
    residualMarks_->setScatterStyle(marks);
    thetaMarks_->setScatterStyle(marks);

    const QColor cursor = pal.color(QPalette::Highlight);
    topCursor_->setPen(QPen(cursor, 1.5));
    bottomCursor_->setPen(QPen(cursor, 1.5));
    cursorLabel_->setColor(pal.color(QPalette::HighlightedText));
    cursorLabel_->setBrush(cursor);
    cursorLabel_->setPen(Qt::NoPen);
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void RnrPlot::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange) applyPalette();
}

bool RnrPlot::exportPng(const QString& path, int width, int height, double scale) {
    return plot_->savePng(path, width, height, scale);
}

bool RnrPlot::exportPdf(const QString& path, int width, int height) {
    return plot_->savePdf(path, width, height);
}

} // namespace rdbm::widgets
