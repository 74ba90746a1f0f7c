#pragma once
// Before/after comparison in three modes sharing one zoom: a split view with a draggable
// divider, two synchronized views side by side, and the amplified difference. A small
// built-in bar switches modes and sets the difference gain; hide it to drive the view
// from the application's own controls.
#include <QImage>
#include <QRect>
#include <QStringList>
#include <QVector>
#include <QWidget>

#include "DifferenceImage.h"

class QButtonGroup;
class QCheckBox;
class QLabel;
class QSpinBox;
class QSplitter;
class QStackedWidget;
class QToolButton;

namespace rdbm::widgets {

class ColorBar;
class ImageView;
class SplitImageView;
class ViewSync;
class ZoomPanState;

class CompareView : public QWidget {
    Q_OBJECT
public:
    enum class Mode { Split, SideBySide, Difference };
    Q_ENUM(Mode)

    explicit CompareView(QWidget* parent = nullptr);

    void setImages(const QImage& before, const QImage& after);
    void setBeforeImage(const QImage& before);
    void setAfterImage(const QImage& after);
    QImage beforeImage() const { return before_; }
    QImage afterImage() const { return after_; }
    // Defaults: "Before" / "After".
    void setLabels(const QString& before, const QString& after);
    // Outlines (e.g. tiles, in image pixels) over every view; empty removes them.
    void setOutlines(const QVector<QRect>& rects);

    Mode mode() const { return mode_; }
    void setMode(Mode mode);

    double gain() const { return gain_; }
    void setGain(double gain); // clamped to [1, kMaxGain]; turns automatic gain off
    // Automatic gain (the default): the 99th percentile of the change fills the scale.
    bool isAutoGain() const { return autoGain_; }
    void setAutoGain(bool automatic);
    static constexpr int kMaxGain = 64;
    DifferenceStyle differenceStyle() const { return style_; }
    void setDifferenceStyle(DifferenceStyle style);
    // The difference image as currently shown (computed on demand).
    QImage differenceImage() const;

    void setControlsVisible(bool visible);

    SplitImageView* splitView() const { return split_; }
    ImageView* beforeView() const { return left_; }
    ImageView* afterView() const { return right_; }
    ImageView* differenceView() const { return diff_; }
    // The zoom of whichever view is showing (all are kept in step).
    ZoomPanState* zoomState() const;
    ViewSync* viewSync() const { return sync_; }

signals:
    void modeChanged(rdbm::widgets::CompareView::Mode mode);
    // The user chose a gain or switched automatic gain (for remembering the choice).
    void gainChosen(double gain, bool automatic);
    void filesDropped(const QStringList& paths); // every local file of a drop
    void openRequested();                        // a click on the empty drop zone

private:
    void refreshDifference();
    void applyGain(double gain);
    void updateControls();
    void updateOverlays();

    QImage before_, after_;
    QString beforeLabel_, afterLabel_;
    Mode mode_ = Mode::Split;
    double gain_ = 8.0;
    bool autoGain_ = true;
    DifferenceStyle style_ = DifferenceStyle::Diverging;
    bool diffDirty_ = true;

    QWidget* controls_;
    QButtonGroup* modeButtons_;
    QLabel* gainLabel_;
    QSpinBox* gainBox_;
    QCheckBox* autoBox_;
    QCheckBox* colourBox_;
    ColorBar* colorBar_;
    QStackedWidget* stack_;
    SplitImageView* split_;
    QSplitter* sideBySide_;
    ImageView* left_;
    ImageView* right_;
    ImageView* diff_;
    ViewSync* sync_;
};

} // namespace rdbm::widgets
