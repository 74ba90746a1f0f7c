#pragma once
// The restoration controls: device, steps (NFE), eta and the noise modulation of the
// stochastic sampler, tile size and seed, with the Restore / Restore All / Cancel actions.
#include <QString>
#include <QWidget>

#include "rdbm/Sampler.h"

class QAction;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;

namespace rdbm::app {

class SamplerControls : public QWidget {
    Q_OBJECT
public:
    explicit SamplerControls(QWidget* parent = nullptr);

    // Buttons for these actions appear under the controls.
    void setActions(QAction* restore, QAction* restoreAll, QAction* cancel);

    rdbm::SamplerOptions options() const;
    void setOptions(const rdbm::SamplerOptions& options);
    QString device() const; // "auto", "cpu", "cuda:0", ...
    void setDevice(const QString& device);
    // The model's T bounds the steps.
    void setMaxSteps(int T);

    static QString noiseModulationName(rdbm::PiMode mode);

signals:
    void optionsChanged();
    void deviceChanged(const QString& device);

private:
    void updateEnabled();

    QComboBox* device_;
    QSpinBox* steps_;
    QDoubleSpinBox* eta_;
    QComboBox* noise_;
    QSpinBox* tile_;
    QSpinBox* seed_;
    QWidget* buttons_;
};

} // namespace rdbm::app
