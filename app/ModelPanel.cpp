#include "ModelPanel.h"

#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <cmath>
#include <functional>

namespace rdbm::app {

ModelPanel::ModelPanel(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    placeholder_ = new QLabel(tr("No model loaded.\nDrop a checkpoint (.safetensors, .pt, .pth, TorchScript) "
                                 "onto the window or use File \u203a Load Model."),
                              this);
    placeholder_->setWordWrap(true);
    placeholder_->setAlignment(Qt::AlignCenter);
    placeholder_->setMargin(12);
    tree_ = new QTreeWidget(this);
    tree_->setColumnCount(2);
    tree_->setHeaderLabels({tr("Property"), tr("Value")});
    tree_->setRootIsDecorated(true);
    tree_->setUniformRowHeights(true);
    tree_->setSelectionMode(QAbstractItemView::SingleSelection);
    tree_->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    tree_->header()->setStretchLastSection(true);
    tree_->setWordWrap(true);
    tree_->setTextElideMode(Qt::ElideMiddle); // file names keep their extension
    load_ = new QPushButton(tr("&Load Model\u2026"), this);
    connect(load_, &QPushButton::clicked, this, &ModelPanel::loadRequested);
    layout->addWidget(placeholder_);
    layout->addWidget(load_, 0, Qt::AlignHCenter);
    layout->addWidget(tree_, 1);
    tree_->hide();
}

QString ModelPanel::placeholderText() const { return placeholder_->isHidden() ? QString() : placeholder_->text(); }

QString ModelPanel::degradationName(const QString& key) {
    const QString k = key.trimmed().toLower();
    if (k == QLatin1String("lowlight") || k == QLatin1String("dark")) return tr("low light");
    if (k == QLatin1String("haze") || k == QLatin1String("fog")) return tr("haze");
    if (k == QLatin1String("rain")) return tr("rain");
    if (k == QLatin1String("snow")) return tr("snow");
    if (k == QLatin1String("blur")) return tr("blur");
    return key.trimmed();
}

QString ModelPanel::metadataSourceText(const QString& source) {
    if (source == QLatin1String("embedded")) return tr("in the checkpoint");
    if (source == QLatin1String("sidecar")) return tr("from a file beside the checkpoint");
    if (source == QLatin1String("defaults")) return tr("defaults (none recorded)");
    if (source == QLatin1String("defaults+options")) return tr("defaults and load options");
    return source;
}

QString ModelPanel::scheduleName(const QString& kind) {
    if (kind == QLatin1String("cosine")) return tr("cosine");
    if (kind == QLatin1String("linear")) return tr("linear");
    if (kind == QLatin1String("sigmoid")) return tr("sigmoid");
    return kind;
}

QString ModelPanel::piDescription(rdbm::PiMode pi) {
    switch (pi) {
    case rdbm::PiMode::Residual: return tr("\u03c0 = x\u2080 \u2212 \u03bc (residual, RDBM)");
    case rdbm::PiMode::One: return tr("\u03c0 = 1 (bridge, e.g. GOUB)");
    case rdbm::PiMode::Zero: return tr("\u03c0 = 0 (flow matching, no noise)");
    }
    return {};
}

QString ModelPanel::objectiveDescription(rdbm::Objective objective) {
    switch (objective) {
    case rdbm::Objective::X0: return tr("predicts x\u2080");
    case rdbm::Objective::PiEps: return tr("predicts \u03c0\u00b7\u03b5");
    case rdbm::Objective::Eps: return tr("predicts \u03b5");
    }
    return {};
}

QString ModelPanel::parameterCountText(long long count) {
    const QLocale locale;
    if (count >= 1'000'000) return tr("%1 M (%2)").arg(locale.toString(count / 1e6, 'f', 2), locale.toString(count));
    if (count >= 1'000) return tr("%1 k (%2)").arg(locale.toString(count / 1e3, 'f', 1), locale.toString(count));
    return locale.toString(count);
}

QString ModelPanel::lambdaText(double lambda) {
    // Checkpoints usually carry k/255; say so when it is one.
    const double k = lambda * 255.0;
    const QString plain = QLocale().toString(lambda, 'g', 4);
    if (std::abs(k - std::round(k)) < 1e-6 && k >= 1.0) return QStringLiteral("%1/255 (%2)").arg(std::llround(k)).arg(plain);
    return plain;
}

void ModelPanel::setLoading(const QString& path) {
    loading_ = true;
    placeholder_->setText(tr("Loading %1 \u2026").arg(QFileInfo(path).fileName()));
    placeholder_->show();
    load_->hide();
    tree_->hide();
}

QTreeWidgetItem* ModelPanel::addRow(const QString& name, const QString& value, QTreeWidgetItem* parent) {
    auto* item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(tree_);
    item->setText(0, name);
    item->setText(1, value);
    item->setToolTip(1, value);
    return item;
}

void ModelPanel::setModel(const ModelPtr& model) {
    model_ = model;
    loading_ = false;
    tree_->clear();
    if (!model) {
        placeholder_->setText(tr("No model loaded.\nDrop a checkpoint (.safetensors, .pt, .pth, TorchScript) "
                                 "onto the window or use File \u203a Load Model."));
        placeholder_->show();
        load_->show();
        tree_->hide();
        return;
    }
    load_->hide();
    const rdbm::ModelInfo& info = model->info();
    const rdbm::ModelMetadata& meta = info.metadata;
    const rdbm::UNetConfig& cfg = info.config;
    QStringList mults;
    for (int m : cfg.dimMults) mults << QString::number(m);

    addRow(tr("File"), QFileInfo(QString::fromStdString(info.path)).fileName())
        ->setToolTip(1, QString::fromStdString(info.path));
    // What the model learned matters more to a user than its layout: a model trained for
    // low light also "restores" a sharp daylight photo, for the worse.
    if (const auto it = meta.provenance.find("degradations"); it != meta.provenance.end()) {
        QStringList tasks;
        for (const QString& key : QString::fromStdString(it->second).split(QLatin1Char(','), Qt::SkipEmptyParts))
            tasks << degradationName(key);
        addRow(tr("Trained for"), tasks.join(QStringLiteral(", ")))
            ->setToolTip(1, tr("The degradations this model learned to remove. Photos with other damage are outside its training."));
    }
    const bool rddm = meta.method == rdbm::Method::Rddm;
    addRow(tr("Method"), rddm ? tr("RDDM (residual denoising diffusion)") : tr("RDBM (residual diffusion bridge)"));
    addRow(tr("Format"), QStringLiteral("%1, %2").arg(QString::fromStdString(info.format), QString::fromStdString(info.layout)));
    const QString unetLayout = meta.rddm.shareEncoder == 1   ? tr("one encoder, two decoders")
                               : meta.rddm.shareEncoder == 0 ? tr("two U-Nets")
                                                             : tr("one U-Net");
    auto* arch = addRow(tr("Architecture"),
                        rddm ? tr("UnetRes (%1), dim %2, levels \u00d7%3").arg(unetLayout).arg(cfg.dim).arg(mults.join(QLatin1Char(',')))
                             : tr("U-Net, dim %1, levels \u00d7%2").arg(cfg.dim).arg(mults.join(QLatin1Char(','))));
    addRow(tr("Channels"), tr("%1 in, %2 out").arg(cfg.inChannels).arg(cfg.channels), arch);
    addRow(tr("Group norm groups"), QString::number(cfg.groups), arch);
    addRow(tr("Attention"), tr("%1 heads \u00d7 %2").arg(cfg.heads).arg(cfg.dimHead), arch);
    if (cfg.globalStats > 0)
        addRow(tr("Photo statistics"), tr("every tile is told the whole photo's tone (%1 numbers)").arg(cfg.globalStats), arch);
    addRow(tr("Input multiple"), tr("%1 px (%2 padding)").arg(cfg.downsampleFactor()).arg(QString::fromStdString(meta.padMode)), arch);
    addRow(tr("Parameters"), parameterCountText(info.parameterCount));
    if (rddm) {
        // RDDM has no pi and no lambda: its schedule is the residual weight abar_t and the
        // noise variance bbar_t^2 (docs/method.md §8.2).
        addRow(tr("Objective"), QString::fromStdString(rdbm::toString(meta.rddm.objective)));
        addRow(tr("Schedule"), tr("residual weight decreasing, noise variance increasing, sum_scale %1, T = %2%3")
                                   .arg(model->rddmSchedule().sumScale())
                                   .arg(model->rddmSchedule().T())
                                   .arg(info.scheduleFromCheckpoint ? tr(" (from the checkpoint's buffers)") : QString()));
        addRow(tr("T"), QString::number(model->rddmSchedule().T()));
    } else {
        addRow(tr("Objective"), QStringLiteral("%1 (%2)").arg(QString::fromStdString(rdbm::toString(meta.objective)),
                                                               objectiveDescription(meta.objective)));
        addRow(tr("\u03c0 mode"), piDescription(meta.piMode));
        addRow(tr("Schedule"), tr("%1, T = %2%3")
                                   .arg(scheduleName(QString::fromStdString(rdbm::toString(meta.schedule.kind))))
                                   .arg(model->schedule().T())
                                   .arg(info.scheduleFromCheckpoint ? tr(" (from the checkpoint's buffers)") : QString()));
        addRow(tr("\u03bb"), lambdaText(model->schedule().lambda()));
        addRow(tr("T"), QString::number(model->schedule().T()));
    }
    addRow(tr("Device"), QString::fromStdString(model->device()));
    addRow(tr("Metadata"), metadataSourceText(QString::fromStdString(info.metadataSource)));
    if (!meta.provenance.empty()) {
        auto* prov = addRow(tr("Provenance"), tr("%n entries", nullptr, static_cast<int>(meta.provenance.size())));
        for (const auto& [key, value] : meta.provenance)
            addRow(QString::fromStdString(key), QString::fromStdString(value), prov);
        // Collapsed: its long keys would widen the name column and squeeze every value
        // (the "Trained for" row above carries what most users need from it).
        prov->setExpanded(false);
    } else {
        addRow(tr("Provenance"), tr("not recorded"));
    }
    arch->setExpanded(false);
    placeholder_->hide();
    tree_->show();
}

QStringList ModelPanel::summaryLines() const {
    QStringList lines;
    std::function<void(QTreeWidgetItem*, int)> walk = [&](QTreeWidgetItem* item, int depth) {
        lines << QString(depth * 2, QLatin1Char(' ')) + item->text(0) + QStringLiteral(": ") + item->text(1);
        for (int i = 0; i < item->childCount(); ++i) walk(item->child(i), depth + 1);
    };
    for (int i = 0; i < tree_->topLevelItemCount(); ++i) walk(tree_->topLevelItem(i), 0);
    return lines;
}

} // namespace rdbm::app
