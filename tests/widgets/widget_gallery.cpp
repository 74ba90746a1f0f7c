// A look at every widget in rdbm_widgets with a synthetic photo and the real RDBM
// schedule (not installed). `--screenshot out.png` saves the window, plus out-*.png for
// the other compare modes and the dark palette, then quits.
#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLinearGradient>
#include <QPainter>
#include <QPainterPath>
#include <QRadialGradient>
#include <QSplitter>
#include <QStyleFactory>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include <opencv2/core.hpp>

#include "CompareView.h"
#include "HeatMapView.h"
#include "MetricsTable.h"
#include "RnrPlot.h"
#include "ThemePalette.h"
#include "TrajectoryStrip.h"
#include "ViewSync.h"
#include "ZoomPanState.h"
#include "rdbm/Metrics.h"
#include "rdbm/Schedule.h"

using namespace rdbm::widgets;

namespace {

constexpr int kW = 768, kH = 512;

// Float RGB in [0, 1], interleaved.
struct FloatImage {
    int w = 0, h = 0;
    std::vector<float> px;
    float& at(int x, int y, int c) { return px[(static_cast<size_t>(y) * w + x) * 3 + c]; }
    float at(int x, int y, int c) const { return px[(static_cast<size_t>(y) * w + x) * 3 + c]; }
};

FloatImage fromQImage(const QImage& in) {
    const QImage img = in.convertToFormat(QImage::Format_RGB32);
    FloatImage f{img.width(), img.height(), std::vector<float>(static_cast<size_t>(img.width()) * img.height() * 3)};
    for (int y = 0; y < f.h; ++y)
        for (int x = 0; x < f.w; ++x) {
            const QRgb c = img.pixel(x, y);
            f.at(x, y, 0) = qRed(c) / 255.0f;
            f.at(x, y, 1) = qGreen(c) / 255.0f;
            f.at(x, y, 2) = qBlue(c) / 255.0f;
        }
    return f;
}

QImage toQImage(const FloatImage& f) {
    QImage img(f.w, f.h, QImage::Format_RGB32);
    auto b = [](float v) { return static_cast<int>(std::lround(std::clamp(v, 0.0f, 1.0f) * 255.0f)); };
    for (int y = 0; y < f.h; ++y)
        for (int x = 0; x < f.w; ++x) img.setPixel(x, y, qRgb(b(f.at(x, y, 0)), b(f.at(x, y, 1)), b(f.at(x, y, 2))));
    return img;
}

cv::Mat toMat(const FloatImage& f) {
    cv::Mat m(f.h, f.w, CV_32FC3);
    std::copy(f.px.begin(), f.px.end(), reinterpret_cast<float*>(m.data));
    return m;
}

// A landscape with fine detail (window mullions, a resolution wedge, text) for pixel peeping.
QImage syntheticPhoto() {
    QImage img(kW, kH, QImage::Format_RGB32);
    QPainter p(&img);
    p.setRenderHint(QPainter::Antialiasing);
    QLinearGradient sky(0, 0, 0, kH * 0.6);
    sky.setColorAt(0, QColor(70, 120, 200));
    sky.setColorAt(1, QColor(215, 228, 240));
    p.fillRect(img.rect(), sky);
    QRadialGradient sun(QPointF(kW * 0.8, kH * 0.2), 70);
    sun.setColorAt(0, QColor(255, 250, 220));
    sun.setColorAt(0.45, QColor(255, 236, 160));
    sun.setColorAt(1, QColor(255, 236, 160, 0));
    p.setPen(Qt::NoPen);
    p.setBrush(sun);
    p.drawEllipse(QPointF(kW * 0.8, kH * 0.2), 70, 70);
    for (int layer = 0; layer < 2; ++layer) {
        QPainterPath hill;
        hill.moveTo(0, kH);
        for (int x = 0; x <= kW; x += 8)
            hill.lineTo(x, kH * (0.55 + 0.1 * layer) + 25 * std::sin(x / (110.0 - 30 * layer) + layer * 2.0));
        hill.lineTo(kW, kH);
        p.setBrush(layer ? QColor(70, 130, 50) : QColor(95, 140, 95));
        p.drawPath(hill);
    }
    // House with a window grid.
    p.setBrush(QColor(170, 80, 60));
    p.drawRect(QRectF(130, 250, 170, 130));
    QPainterPath roof;
    roof.moveTo(115, 252);
    roof.lineTo(215, 185);
    roof.lineTo(315, 252);
    roof.closeSubpath();
    p.setBrush(QColor(70, 45, 40));
    p.drawPath(roof);
    for (int i = 0; i < 2; ++i) {
        const QRectF win(150 + i * 90, 275, 50, 44);
        p.setBrush(QColor(250, 235, 170));
        p.drawRect(win);
        p.setPen(QPen(QColor(60, 40, 30), 2));
        p.drawLine(win.center().x(), win.top(), win.center().x(), win.bottom());
        p.drawLine(win.left(), win.center().y(), win.right(), win.center().y());
        p.setPen(Qt::NoPen);
    }
    p.setBrush(QColor(90, 60, 40));
    p.drawRect(QRectF(200, 330, 30, 50));
    // Tree.
    p.setBrush(QColor(80, 55, 35));
    p.drawRect(QRectF(432, 300, 14, 70));
    p.setBrush(QColor(40, 100, 45));
    p.drawEllipse(QPointF(439, 280), 42, 52);
    // Resolution wedge: converging lines.
    p.setPen(QPen(QColor(30, 30, 30), 1));
    for (int i = 0; i < 24; ++i) p.drawLine(QPointF(560, 470), QPointF(620 + i * 5, 360));
    p.setPen(QColor(250, 250, 250));
    QFont f = p.font();
    f.setPixelSize(22);
    f.setBold(true);
    p.setFont(f);
    p.drawText(QPointF(520, 500), QStringLiteral("RDBM 2026"));
    p.end();
    // Fine texture on the ground so the degradation has something to destroy.
    FloatImage fi = fromQImage(img);
    std::mt19937 rng(7);
    std::normal_distribution<float> n(0.0f, 0.025f);
    for (int y = kH / 2; y < kH; ++y)
        for (int x = 0; x < kW; ++x) {
            const float t = n(rng) + 0.03f * static_cast<float>(std::sin(x * 0.9) * std::sin(y * 1.3));
            for (int c = 0; c < 3; ++c) fi.at(x, y, c) += t;
        }
    return toQImage(fi);
}

// Haze, blur and noise: what the restoration has to undo.
FloatImage degrade(const FloatImage& x0) {
    FloatImage out = x0;
    const int r = 2;
    for (int y = 0; y < x0.h; ++y)
        for (int x = 0; x < x0.w; ++x)
            for (int c = 0; c < 3; ++c) {
                float s = 0.0f;
                int n = 0;
                for (int dy = -r; dy <= r; ++dy)
                    for (int dx = -r; dx <= r; ++dx) {
                        const int xx = std::clamp(x + dx, 0, x0.w - 1), yy = std::clamp(y + dy, 0, x0.h - 1);
                        s += x0.at(xx, yy, c);
                        ++n;
                    }
                out.at(x, y, c) = s / n;
            }
    std::mt19937 rng(11);
    std::normal_distribution<float> noise(0.0f, 0.05f);
    for (float& v : out.px) v = 0.8f * v + 0.15f + noise(rng);
    return out;
}

FloatImage mix(const FloatImage& a, const FloatImage& b, float wb) {
    FloatImage out = a;
    for (size_t i = 0; i < out.px.size(); ++i) out.px[i] = (1 - wb) * a.px[i] + wb * b.px[i];
    return out;
}

double percentile(std::vector<double> v, double q) {
    std::sort(v.begin(), v.end());
    return v[static_cast<size_t>(std::lround(q * (v.size() - 1)))];
}

void settle(int ms) {
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms) QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
}

class Gallery : public QWidget {
public:
    Gallery() {
        setWindowTitle(QStringLiteral("rdbm_widgets gallery"));
        const QImage photo = syntheticPhoto();
        const FloatImage x0 = fromQImage(photo);
        const FloatImage mu = degrade(x0);
        const FloatImage rdbmResult = mix(x0, mu, 0.12f);
        const FloatImage bridgeResult = mix(x0, mu, 0.25f);

        // The real schedule: T = 100, lambda = 10/255, ten sampling steps.
        const rdbm::RdbmSchedule sched;
        const auto pairs = rdbm::samplingStepPairs(sched.T(), 10);

        // Trajectory frames from the marginal x_t = mu + Theta_t (x0 - mu) + Sigma_t pi eps,
        // pi = x0 - mu, in [-1, 1] units.
        std::mt19937 rng(3);
        std::normal_distribution<float> gauss;
        std::vector<float> eps(x0.px.size());
        for (float& e : eps) e = gauss(rng);
        auto marginal = [&](int t) {
            FloatImage out = mu;
            for (size_t i = 0; i < out.px.size(); ++i) {
                const float m = 2 * mu.px[i] - 1, x = 2 * x0.px[i] - 1;
                const float v = m + sched.Theta(t) * (x - m) + sched.Sigma(t) * (x - m) * eps[i];
                out.px[i] = (v + 1) / 2;
            }
            return out;
        };
        QVector<TrajectoryFrame> frames;
        frames.push_back({toQImage(mu), tr("\u03bc  t = %1").arg(pairs.front().first)});
        frameT_.push_back(pairs.front().first);
        for (const auto& [t, tn] : pairs) {
            if (tn < 0) break;
            frames.push_back({toQImage(marginal(tn)), tr("t = %1").arg(tn)});
            frameT_.push_back(tn);
        }
        frames.push_back({toQImage(rdbmResult), tr("result")});
        frameT_.push_back(0);

        compare_ = new CompareView;
        compare_->setImages(toQImage(mu), toQImage(rdbmResult));
        compare_->setLabels(tr("Degraded"), tr("Restored (RDBM)"));

        strip_ = new TrajectoryStrip;
        strip_->setFrames(frames);

        // pi * eps at t = 49 (luma).
        heat_ = new HeatMapView;
        QVector<float> pe(kW * kH);
        std::vector<double> r2(static_cast<size_t>(kW) * kH);
        for (int i = 0; i < kW * kH; ++i) {
            float s = 0.0f;
            double rr = 0.0;
            for (int c = 0; c < 3; ++c) {
                const float res = 2 * (x0.px[3 * i + c] - mu.px[3 * i + c]);
                s += res * eps[3 * i + c];
                rr += res * res;
            }
            pe[i] = s / 3;
            r2[static_cast<size_t>(i)] = rr / 3;
        }
        heat_->setMap(kW, kH, pe);
        heat_->setTitle(tr("\u03c0\u00b7\u03b5 with \u03c0 = x\u2080 \u2212 \u03bc"));
        compare_->viewSync()->add(heat_->zoomState());

        plot_ = new RnrPlot;
        QVector<double> t, rRes, lo, md, hi, th, sg, sampled;
        const double q05 = percentile(r2, 0.05), q50 = percentile(r2, 0.5), q95 = percentile(r2, 0.95);
        for (int i = 0; i < sched.T(); ++i) {
            t << i;
            const double R = sched.rnrResidual(i);
            rRes << R;
            lo << q05 * R;
            md << q50 * R;
            hi << q95 * R;
            th << sched.Theta(i);
            sg << sched.Sigma(i);
        }
        for (const auto& pr : pairs) sampled << pr.first;
        plot_->setResidualRnr(t, rRes);
        plot_->setGlobalRnrBand(t, lo, md, hi);
        plot_->setSchedule(t, th, sg);
        plot_->setSampledSteps(sampled);

        metrics_ = new MetricsTable;
        const cv::Mat ref = toMat(x0);
        metrics_->setMetrics(tr("Degraded input \u03bc"), rdbm::psnr(toMat(mu), ref), rdbm::ssim(toMat(mu), ref));
        metrics_->setMetrics(tr("\u03c0 = x\u2080 \u2212 \u03bc (RDBM)"), rdbm::psnr(toMat(rdbmResult), ref),
                             rdbm::ssim(toMat(rdbmResult), ref));
        metrics_->setMetrics(tr("\u03c0 = 1 (bridge)"), rdbm::psnr(toMat(bridgeResult), ref),
                             rdbm::ssim(toMat(bridgeResult), ref));
        metrics_->setMetrics(tr("\u03c0 = 0 (not run)"), std::nan(""), std::nan(""));

        connect(strip_, &TrajectoryStrip::currentStepChanged, this, [this](int i) {
            plot_->setCurrentStep(frameT_.value(i, -1));
            compare_->setAfterImage(strip_->frameImage(i));
            compare_->setLabels(tr("Degraded"), strip_->label(i));
        });
        connect(plot_, &RnrPlot::stepClicked, this, [this](int tc) {
            int best = 0;
            for (int i = 0; i < frameT_.size(); ++i)
                if (std::abs(frameT_[i] - tc) < std::abs(frameT_[best] - tc)) best = i;
            strip_->setCurrentStep(best);
        });
        strip_->setCurrentStep(static_cast<int>(frames.size()) - 1);
        plot_->setCurrentStep(0);

        auto* left = new QSplitter(Qt::Vertical);
        left->addWidget(compare_);
        left->addWidget(strip_);
        left->setSizes({820, 180});
        auto* right = new QSplitter(Qt::Vertical);
        right->addWidget(heat_);
        right->addWidget(plot_);
        right->addWidget(metrics_);
        right->setSizes({330, 480, 170});
        auto* main = new QSplitter(Qt::Horizontal);
        main->addWidget(left);
        main->addWidget(right);
        main->setSizes({960, 640});
        auto* layout = new QHBoxLayout(this);
        layout->setContentsMargins(6, 6, 6, 6);
        layout->addWidget(main);
    }

    CompareView* compare_;
    TrajectoryStrip* strip_;
    HeatMapView* heat_;
    RnrPlot* plot_;
    MetricsTable* metrics_;
    QVector<int> frameT_;
};

QString sibling(const QString& path, const QString& suffix) {
    const QFileInfo fi(path);
    return fi.dir().filePath(fi.completeBaseName() + QLatin1Char('-') + suffix + QStringLiteral(".png"));
}

} // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QCommandLineParser parser;
    parser.addHelpOption();
    QCommandLineOption shot(QStringLiteral("screenshot"), QStringLiteral("Save screenshots to <file> and quit."),
                            QStringLiteral("file"));
    QCommandLineOption dark(QStringLiteral("dark"), QStringLiteral("Start with a dark palette."));
    parser.addOption(shot);
    parser.addOption(dark);
    parser.process(app);
    if (parser.isSet(dark)) QApplication::setPalette(ThemePalette::dark());

    Gallery g;
    g.resize(1600, 1000);
    g.show();
    if (!parser.isSet(shot)) return QApplication::exec();

    const QString out = parser.value(shot);
    bool ok = true;
    auto save = [&](const QString& path) {
        settle(400);
        ok = g.grab().save(path) && ok;
        qInfo("wrote %s", qPrintable(path));
    };
    save(out);
    // Pixel peeping side by side, the heat map following the zoom.
    g.compare_->setMode(CompareView::Mode::SideBySide);
    settle(200);
    g.compare_->zoomState()->setScaleAt(g.compare_->zoomState()->mapToView(QPointF(175, 297)), 6.0);
    g.compare_->zoomState()->setViewport({QPointF(175.0 / kW, 297.0 / kH), 6.0 * kW, false});
    g.strip_->setCurrentStep(3);
    save(sibling(out, QStringLiteral("sidebyside")));
    g.compare_->zoomState()->fitToView();
    g.compare_->setMode(CompareView::Mode::Difference);
    save(sibling(out, QStringLiteral("difference")));
    g.compare_->setMode(CompareView::Mode::Split);
    QApplication::setPalette(parser.isSet(dark) ? ThemePalette::light() : ThemePalette::dark());
    save(sibling(out, parser.isSet(dark) ? QStringLiteral("light") : QStringLiteral("dark")));
    return ok ? 0 : 1;
}
