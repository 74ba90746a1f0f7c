#include "SamplerControls.h"

#include <QAction>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QRandomGenerator>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include <limits>

#include "rdbm/Device.h"

namespace rdbm::app {

SamplerControls::SamplerControls(QWidget* parent) : QWidget(parent) {
    auto* outer = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    outer->addLayout(form);

    device_ = new QComboBox(this);
    device_->addItem(tr("Automatic"), QStringLiteral("auto"));
    device_->addItem(tr("CPU"), QStringLiteral("cpu"));
    const int gpus = rdbm::cudaDeviceCount();
    for (int i = 0; i < gpus; ++i) {
        const QString spec = QStringLiteral("cuda:%1").arg(i);
        device_->addItem(QString::fromStdString(rdbm::describeDevice(rdbm::parseDevice(spec.toStdString()))), spec);
    }
    device_->setToolTip(tr("Where the network runs. Changing it reloads the model."));
    form->addRow(tr("&Device:"), device_);

    steps_ = new QSpinBox(this);
    steps_->setRange(1, 100);
    steps_->setValue(10);
    steps_->setToolTip(tr("Sampling steps = network evaluations (NFE). The paper finds 10 best."));
    form->addRow(tr("&Steps (NFE):"), steps_);

    eta_ = new QDoubleSpinBox(this);
    eta_->setRange(0.0, 1.0);
    eta_->setSingleStep(0.05);
    eta_->setDecimals(2);
    eta_->setToolTip(tr("0: the reference's deterministic sampler. Above 0: fresh noise at each step."));
    form->addRow(tr("&\u03b7 (stochasticity):"), eta_);

    noise_ = new QComboBox(this);
    for (rdbm::PiMode m : {rdbm::PiMode::Residual, rdbm::PiMode::One, rdbm::PiMode::Zero})
        noise_->addItem(noiseModulationName(m), static_cast<int>(m));
    noise_->setToolTip(tr("Per-pixel scale of the fresh noise when \u03b7 > 0."));
    form->addRow(tr("&Noise modulation:"), noise_);

    tile_ = new QSpinBox(this);
    tile_->setRange(0, 4096);
    tile_->setSingleStep(64);
    tile_->setSpecialValueText(tr("Automatic"));
    tile_->setSuffix(tr(" px"));
    tile_->setToolTip(tr("Large photos are restored in overlapping tiles of this size (memory vs. speed)."));
    form->addRow(tr("&Tile size:"), tile_);

    auto* seedRow = new QHBoxLayout;
    seed_ = new QSpinBox(this);
    seed_->setRange(0, std::numeric_limits<int>::max());
    seed_->setToolTip(tr("Seed of the noise for \u03b7 > 0 (the same seed gives the same result)."));
    auto* dice = new QToolButton(this);
    dice->setText(tr("Random"));
    dice->setToolTip(tr("Pick a random seed"));
    connect(dice, &QToolButton::clicked, this, [this] {
        seed_->setValue(static_cast<int>(QRandomGenerator::global()->bounded(std::numeric_limits<int>::max())));
    });
    seedRow->addWidget(seed_, 1);
    seedRow->addWidget(dice);
    auto* seedLabel = new QLabel(tr("S&eed:"), this);
    seedLabel->setBuddy(seed_); // a row holding a layout gets no buddy by itself
    form->addRow(seedLabel, seedRow);

    buttons_ = new QWidget(this);
    auto* bl = new QHBoxLayout(buttons_);
    bl->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(buttons_);
    outer->addStretch(1);

    for (QSpinBox* s : {steps_, tile_, seed_})
        connect(s, &QSpinBox::valueChanged, this, &SamplerControls::optionsChanged);
    connect(eta_, &QDoubleSpinBox::valueChanged, this, [this] {
        updateEnabled();
        emit optionsChanged();
    });
    connect(noise_, &QComboBox::currentIndexChanged, this, &SamplerControls::optionsChanged);
    connect(device_, &QComboBox::activated, this, [this] { emit deviceChanged(device()); });
    updateEnabled();
}

QString SamplerControls::noiseModulationName(rdbm::PiMode mode) {
    switch (mode) {
    case rdbm::PiMode::Residual: return tr("Residual (x\u2080 \u2212 \u03bc)");
    case rdbm::PiMode::One: return tr("Uniform (1)");
    case rdbm::PiMode::Zero: return tr("None (0)");
    }
    return {};
}

void SamplerControls::setActions(QAction* restore, QAction* restoreAll, QAction* cancel) {
    auto* layout = static_cast<QHBoxLayout*>(buttons_->layout());
    for (QAction* a : {restore, restoreAll, cancel}) {
        if (!a) continue;
        auto* b = new QToolButton(buttons_);
        b->setDefaultAction(a);
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        b->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        layout->addWidget(b);
    }
}

rdbm::SamplerOptions SamplerControls::options() const {
    rdbm::SamplerOptions o;
    o.steps = steps_->value();
    o.eta = eta_->value();
    o.noiseModulation = static_cast<rdbm::PiMode>(noise_->currentData().toInt());
    o.tileSize = tile_->value();
    o.seed = static_cast<uint64_t>(seed_->value());
    return o;
}

void SamplerControls::setOptions(const rdbm::SamplerOptions& o) {
    steps_->setValue(o.steps);
    eta_->setValue(o.eta);
    noise_->setCurrentIndex(noise_->findData(static_cast<int>(o.noiseModulation)));
    tile_->setValue(o.tileSize);
    seed_->setValue(static_cast<int>(std::min<uint64_t>(o.seed, std::numeric_limits<int>::max())));
    updateEnabled();
}

QString SamplerControls::device() const { return device_->currentData().toString(); }

void SamplerControls::setDevice(const QString& device) {
    const int i = device_->findData(device);
    device_->setCurrentIndex(i >= 0 ? i : 0);
}

void SamplerControls::setMaxSteps(int T) { steps_->setMaximum(std::max(1, T)); }

void SamplerControls::updateEnabled() { noise_->setEnabled(eta_->value() > 0.0); }

} // namespace rdbm::app
