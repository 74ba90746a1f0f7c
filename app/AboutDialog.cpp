#include "AboutDialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include <opencv2/core/version.hpp>
#include <qcustomplot.h>

#include "rdbm/Device.h"

namespace rdbm::app {

QVector<std::pair<QString, QString>> AboutDialog::versions(const QString& deviceInUse) {
    QString device;
    if (deviceInUse.isEmpty()) {
        device = tr("none yet (automatic would use %1)")
                     .arg(QString::fromStdString(rdbm::describeDevice(rdbm::DeviceSpec{})));
    } else {
        device = QString::fromStdString(rdbm::describeDevice(rdbm::parseDevice(deviceInUse.toStdString())));
    }
    return {
        {tr("RDBM Studio"), QCoreApplication::applicationVersion()},
        {tr("Qt"), tr("%1 (built with %2)").arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR))},
        {tr("LibTorch"), QString::fromStdString(rdbm::libtorchVersion())},
        {tr("OpenCV"), QStringLiteral(CV_VERSION)},
        {tr("QCustomPlot"), QStringLiteral(QCUSTOMPLOT_VERSION_STR)},
        {tr("CUDA devices"), QString::number(rdbm::cudaDeviceCount())},
        {tr("Device in use"), device},
    };
}

QString AboutDialog::versionsText(const QString& deviceInUse) {
    QString text;
    for (const auto& [name, value] : versions(deviceInUse)) text += name + QStringLiteral(": ") + value + QLatin1Char('\n');
    return text;
}

AboutDialog::AboutDialog(const QString& deviceInUse, QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("About RDBM Studio"));
    auto* layout = new QVBoxLayout(this);
    auto* head = new QHBoxLayout;
    auto* icon = new QLabel(this);
    icon->setPixmap(QIcon(QStringLiteral(":/icons/rdbm-studio-128.png")).pixmap(96, 96));
    head->addWidget(icon, 0, Qt::AlignTop);
    auto* text = new QLabel(this);
    text->setWordWrap(true);
    text->setTextFormat(Qt::RichText);
    text->setOpenExternalLinks(true);
    text->setText(tr("<h2>RDBM Studio %1</h2>"
                     "<p>Restores photos with the Residual Diffusion Bridge Model: a U-Net predicts the clean "
                     "image and a bridge sampler walks from the degraded photo to it in a few steps, adding "
                     "noise only where the photo is damaged (\u03c0 = x\u2080 \u2212 \u03bc).</p>"
                     "<p>Drop photos and checkpoints onto the window, restore, then inspect every step, the "
                     "residual-to-noise ratio and the effect of \u03c0.</p>")
                      .arg(QCoreApplication::applicationVersion()));
    text->setMinimumWidth(420);
    head->addWidget(text, 1);
    layout->addLayout(head);

    auto* grid = new QGridLayout;
    int row = 0;
    for (const auto& [name, value] : versions(deviceInUse)) {
        auto* n = new QLabel(QStringLiteral("<b>%1</b>").arg(name.toHtmlEscaped()), this);
        auto* v = new QLabel(value, this);
        v->setTextInteractionFlags(Qt::TextSelectableByMouse);
        grid->addWidget(n, row, 0);
        grid->addWidget(v, row, 1);
        ++row;
    }
    grid->setColumnStretch(1, 1);
    layout->addLayout(grid);

    // The licences this build carries: the libraries it links and the data it bundles.
    auto* licences = new QLabel(this);
    licences->setWordWrap(true);
    licences->setTextFormat(Qt::RichText);
    licences->setText(tr("<p><b>Licences.</b> Qt 6: LGPL 3. LibTorch: BSD 3-clause. OpenCV: Apache 2.0. "
                         "QCustomPlot: GPL 3. The sample photo is scikit-image's coffee.png (CC0); the "
                         "bundled models' training photos and their licences are listed in "
                         "scripts/training-photos/manifest.tsv and in each model's card (models/*.md).</p>"));
    layout->addWidget(licences);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* copy = buttons->addButton(tr("&Copy Versions"), QDialogButtonBox::ActionRole);
    connect(copy, &QPushButton::clicked, this, [deviceInUse] { QApplication::clipboard()->setText(versionsText(deviceInUse)); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    layout->addWidget(buttons);
}

} // namespace rdbm::app
