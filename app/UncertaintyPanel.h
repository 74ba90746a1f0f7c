#pragma once
// The uncertainty view (issue 11 §5): "Restore N Seeds…" restores the current photo N
// times with the stochastic sampler (eta > 0); the photo's result becomes the runs' mean
// and this panel, beside the before/after view, shows their per-pixel standard deviation
// as a heat map with a colour bar: red where the runs disagree, i.e. where the model is
// unsure. The runs go through the session's worker like any restoration (progress, Esc);
// this panel only starts them and shows the map.
#include <QWidget>

class QAction;
class QLabel;

namespace rdbm::widgets {
class HeatMapView;
class ZoomPanState;
} // namespace rdbm::widgets

namespace rdbm::app {

class RestoreSession;

class UncertaintyPanel : public QWidget {
    Q_OBJECT
public:
    explicit UncertaintyPanel(RestoreSession* session, QWidget* parent = nullptr);

    // "Restore N Seeds…": asks for N (interactive), then run(N).
    QAction* runAction() const { return run_; }
    // Starts Restore N Seeds on the current photo; false (and the session's error) when refused.
    bool run(int seeds);
    int seeds() const { return seeds_; }
    // The standard deviation map of the current photo, empty without one.
    widgets::HeatMapView* mapView() const { return map_; }
    QString infoText() const;
    // Keeps the map's zoom and pan with the before/after view.
    void syncZoomWith(widgets::ZoomPanState* state);

private:
    void ask();
    void showCurrent();
    void updateEnabled();
    void setTexts();

    RestoreSession* session_;
    QAction* run_;
    QLabel* title_;
    QLabel* info_;
    widgets::HeatMapView* map_;
    int seeds_ = 4;
    bool running_ = false; // a Restore N Seeds job of this panel runs
};

} // namespace rdbm::app
