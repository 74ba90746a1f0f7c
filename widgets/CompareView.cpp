#include "CompareView.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

#include "ColorBar.h"
#include "ImageView.h"
#include "SplitImageView.h"
#include "ViewSync.h"
#include "ZoomPanState.h"

namespace rdbm::widgets {

CompareView::CompareView(QWidget* parent)
    : QWidget(parent), beforeLabel_(tr("Before")), afterLabel_(tr("After")) {
    // Two rows: the modes, then (difference mode only) the gain controls, so that the bar
    // fits a narrow window in any language.
    controls_ = new QWidget(this);
    auto* rows = new QVBoxLayout(controls_);
    rows->setContentsMargins(0, 0, 0, 0);
    rows->setSpacing(2);
    auto* bar = new QHBoxLayout;
    auto* gainRow = new QHBoxLayout;
    rows->addLayout(bar);
    rows->addLayout(gainRow);
    modeButtons_ = new QButtonGroup(this);
    modeButtons_->setExclusive(true);
    const struct { Mode mode; QString text; QString tip; } modes[] = {
        {Mode::Split, tr("Split"), tr("Before and after in one view, divided by a draggable line")},
        {Mode::SideBySide, tr("Side by side"), tr("Before and after next to each other, zoomed together")},
        {Mode::Difference, tr("Difference"), tr("What changed: the difference between after and before, amplified")},
    };
    for (const auto& m : modes) {
        auto* b = new QToolButton(controls_);
        b->setText(m.text);
        b->setToolTip(m.tip);
        b->setCheckable(true);
        b->setAutoRaise(true);
        modeButtons_->addButton(b, static_cast<int>(m.mode));
        bar->addWidget(b);
    }
    bar->addStretch(1);
    gainLabel_ = new QLabel(tr("Gain:"), controls_);
    gainBox_ = new QSpinBox(controls_);
    gainBox_->setRange(1, kMaxGain);
    gainBox_->setSuffix(tr("\u00d7")); // "x" as in "4x"
    gainBox_->setToolTip(tr("Amplification of the difference"));
    gainLabel_->setBuddy(gainBox_);
    autoBox_ = new QCheckBox(tr("Auto"), controls_);
    autoBox_->setToolTip(tr("Choose the gain from the photo: 99% of the changes stay below full colour"));
    colourBox_ = new QCheckBox(tr("Signed colours"), controls_);
    colourBox_->setToolTip(tr("Red: brighter after, blue: darker after, white: unchanged.\n"
                              "Off: the magnitude of the difference in grey."));
    gainRow->addWidget(gainLabel_);
    gainRow->addWidget(gainBox_);
    gainRow->addWidget(autoBox_);
    gainRow->addWidget(colourBox_);
    gainRow->addStretch(1);

    stack_ = new QStackedWidget(this);
    split_ = new SplitImageView(stack_);
    sideBySide_ = new QSplitter(Qt::Horizontal, stack_);
    sideBySide_->setChildrenCollapsible(false);
    left_ = new ImageView(sideBySide_);
    right_ = new ImageView(sideBySide_);
    sideBySide_->addWidget(left_);
    sideBySide_->addWidget(right_);
    // The difference page: the map and its colour bar (what a colour means at this gain).
    auto* diffPage = new QWidget(stack_);
    auto* dl = new QHBoxLayout(diffPage);
    dl->setContentsMargins(0, 0, 0, 0);
    dl->setSpacing(4);
    diff_ = new ImageView(diffPage);
    colorBar_ = new ColorBar(diffPage);
    colorBar_->setTitle(tr("change"));
    colorBar_->setToolTip(tr("Change of the mean of R, G and B, as a fraction of the full range"));
    dl->addWidget(diff_, 1);
    dl->addWidget(colorBar_);
    stack_->addWidget(split_);      // Mode::Split
    stack_->addWidget(sideBySide_); // Mode::SideBySide
    stack_->addWidget(diffPage);    // Mode::Difference

    sync_ = new ViewSync(this);
    for (ImageView* v : {static_cast<ImageView*>(split_), left_, right_, diff_}) {
        sync_->add(v->zoomState());
        v->setAcceptFileDrops(true);
        v->setPlaceholderText(tr("Drop a photo here"));
        connect(v, &ImageView::filesDropped, this, &CompareView::filesDropped);
        connect(v, &ImageView::openRequested, this, &CompareView::openRequested);
    }

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(controls_);
    layout->addWidget(stack_, 1);

    connect(modeButtons_, &QButtonGroup::idClicked, this, [this](int id) { setMode(static_cast<Mode>(id)); });
    connect(gainBox_, qOverload<int>(&QSpinBox::valueChanged), this, [this](int g) {
        setGain(g);
        emit gainChosen(gain_, false);
    });
    connect(autoBox_, &QCheckBox::toggled, this, [this](bool on) {
        setAutoGain(on);
        emit gainChosen(gain_, autoGain_);
    });
    connect(colourBox_, &QCheckBox::toggled, this, [this](bool on) {
        setDifferenceStyle(on ? DifferenceStyle::Diverging : DifferenceStyle::Grayscale);
    });

    {
        const QSignalBlocker blockGain(gainBox_), blockAuto(autoBox_);
        gainBox_->setValue(static_cast<int>(gain_));
        autoBox_->setChecked(autoGain_);
    }
    gainBox_->setEnabled(!autoGain_);
    colourBox_->setChecked(style_ == DifferenceStyle::Diverging);
    updateOverlays();
    updateControls();
}

void CompareView::setImages(const QImage& before, const QImage& after) {
    before_ = before;
    after_ = after;
    split_->setImages(before, after);
    left_->setImage(before);
    right_->setImage(after);
    diffDirty_ = true;
    if (mode_ == Mode::Difference) refreshDifference();
}

void CompareView::setBeforeImage(const QImage& before) { setImages(before, after_); }

void CompareView::setAfterImage(const QImage& after) {
    after_ = after;
    split_->setAfterImage(after);
    right_->setImage(after);
    diffDirty_ = true;
    if (mode_ == Mode::Difference) refreshDifference();
}

void CompareView::setOutlines(const QVector<QRect>& rects) {
    for (ImageView* v : {static_cast<ImageView*>(split_), left_, right_, diff_}) v->setOutlines(rects);
}

void CompareView::setLabels(const QString& before, const QString& after) {
    beforeLabel_ = before;
    afterLabel_ = after;
    updateOverlays();
}

ZoomPanState* CompareView::zoomState() const {
    switch (mode_) {
    case Mode::Split: return split_->zoomState();
    case Mode::SideBySide: return left_->zoomState();
    case Mode::Difference: return diff_->zoomState();
    }
    return split_->zoomState();
}

void CompareView::setMode(Mode mode) {
    if (mode == mode_) {
        updateControls();
        return;
    }
    // Carry the zoom across: the page about to show may have stale geometry.
    const ZoomPanState::Viewport vp = zoomState()->viewport();
    mode_ = mode;
    if (mode_ == Mode::Difference && diffDirty_) refreshDifference();
    stack_->setCurrentIndex(static_cast<int>(mode_));
    if (isVisible()) stack_->currentWidget()->setGeometry(stack_->contentsRect());
    zoomState()->setViewport(vp);
    updateControls();
    emit modeChanged(mode_);
}

void CompareView::setGain(double gain) {
    if (autoGain_) {
        autoGain_ = false;
        const QSignalBlocker block(autoBox_);
        autoBox_->setChecked(false);
        gainBox_->setEnabled(true);
    }
    const double old = gain_;
    applyGain(gain);
    if (gain_ == old) return;
    diffDirty_ = true;
    if (mode_ == Mode::Difference) refreshDifference();
}

void CompareView::setAutoGain(bool automatic) {
    autoGain_ = automatic;
    {
        const QSignalBlocker block(autoBox_);
        autoBox_->setChecked(automatic);
    }
    gainBox_->setEnabled(!automatic);
    diffDirty_ = true;
    if (mode_ == Mode::Difference) refreshDifference();
}

void CompareView::applyGain(double gain) {
    gain_ = std::clamp(gain, 1.0, static_cast<double>(kMaxGain));
    colorBar_->setLimit(static_cast<float>(1.0 / gain_));
    {
        const QSignalBlocker block(gainBox_);
        gainBox_->setValue(static_cast<int>(std::lround(gain_)));
    }
    updateOverlays();
}

void CompareView::setDifferenceStyle(DifferenceStyle style) {
    if (style == style_) return;
    style_ = style;
    {
        const QSignalBlocker block(colourBox_);
        colourBox_->setChecked(style_ == DifferenceStyle::Diverging);
    }
    diffDirty_ = true;
    updateOverlays();
    updateControls();
    if (mode_ == Mode::Difference) refreshDifference();
}

QImage CompareView::differenceImage() const {
    if (!diffDirty_) return diff_->image();
    const double gain = autoGain_ ? autoDifferenceGain(before_, after_, kMaxGain) : gain_;
    return ::rdbm::widgets::differenceImage(before_, after_, gain, style_);
}

void CompareView::setControlsVisible(bool visible) { controls_->setVisible(visible); }

void CompareView::refreshDifference() {
    if (autoGain_) applyGain(autoDifferenceGain(before_, after_, kMaxGain));
    diff_->setImage(::rdbm::widgets::differenceImage(before_, after_, gain_, style_));
    diffDirty_ = false;
    updateOverlays();
}

void CompareView::updateOverlays() {
    split_->setLabels(beforeLabel_, afterLabel_);
    left_->setOverlayText(beforeLabel_);
    right_->setOverlayText(afterLabel_);
    QString text = style_ == DifferenceStyle::Grayscale
                       ? tr("|%1 \u2212 %2| \u00d7 %3").arg(afterLabel_, beforeLabel_).arg(gain_, 0, 'g', 3)
                       : tr("(%1 \u2212 %2) \u00d7 %3").arg(afterLabel_, beforeLabel_).arg(gain_, 0, 'g', 3);
    if (!before_.isNull() && !after_.isNull() && before_.size() != after_.size())
        text += QLatin1Char('\n') + tr("Sizes differ (%1\u00d7%2 and %3\u00d7%4): common area only")
                                        .arg(before_.width()).arg(before_.height())
                                        .arg(after_.width()).arg(after_.height());
    diff_->setOverlayText(text);
}

void CompareView::updateControls() {
    if (QAbstractButton* b = modeButtons_->button(static_cast<int>(mode_))) b->setChecked(true);
    const bool diff = mode_ == Mode::Difference;
    gainLabel_->setVisible(diff);
    gainBox_->setVisible(diff);
    autoBox_->setVisible(diff);
    colourBox_->setVisible(diff);
    colorBar_->setVisible(style_ == DifferenceStyle::Diverging);
}

} // namespace rdbm::widgets
