#include "ModelPicker.h"

#include <QDir>
#include <QFileInfo>
#include <QFont>
#include <QStandardItemModel>

#include <algorithm>

#include "ModelPanel.h"
#include "rdbm/Error.h"
#include "rdbm/Model.h"

namespace rdbm::app {

namespace {
// Rows that are not models: the headers and "Load Model…" carry this role.
constexpr int kKindRole = Qt::UserRole + 1;
enum RowKind { ModelRow = 0, HeaderRow = 1, LoadRow = 2 };

// One file named two ways ("models/x", "/work/models/x", through a link) is one entry.
bool samePath(const QString& a, const QString& b) {
    if (a.isEmpty() || b.isEmpty()) return false;
    const QFileInfo fa(a), fb(b);
    return fa.exists() && fb.exists()
               ? fa == fb
               : QDir::cleanPath(fa.absoluteFilePath()) == QDir::cleanPath(fb.absoluteFilePath());
}

bool listed(const QStringList& paths, const QString& path) {
    return std::any_of(paths.begin(), paths.end(), [&](const QString& p) { return samePath(p, path); });
}
} // namespace

ModelPicker::ModelPicker(QWidget* parent) : QComboBox(parent) {
    setObjectName(QStringLiteral("modelPicker"));
    setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    // Wide enough for "rdbm-residual — low light, haze"; long names are elided.
    setMinimumContentsLength(22);
    setToolTip(tr("The model used for restoring: a bundled model, a recent checkpoint or another file"));
    setEntries({}, {});
    connect(this, qOverload<int>(&QComboBox::activated), this, &ModelPicker::onActivated);
}

void ModelPicker::addHeader(const QString& text) {
    addItem(text);
    const int row = count() - 1;
    setItemData(row, HeaderRow, kKindRole);
    if (auto* m = qobject_cast<QStandardItemModel*>(model())) {
        QStandardItem* item = m->item(row);
        item->setFlags(Qt::NoItemFlags); // not selectable
        QFont f = item->font();
        f.setBold(true);
        item->setFont(f);
    }
}

void ModelPicker::setEntries(const QList<Entry>& bundled, const QList<Entry>& recent) {
    const QSignalBlocker block(this);
    clear();
    QStringList shown;
    if (!bundled.isEmpty()) {
        addHeader(tr("Bundled models"));
        for (const Entry& e : bundled) {
            addItem(e.label, e.path);
            setItemData(count() - 1, e.toolTip, Qt::ToolTipRole);
            shown << e.path;
        }
    }
    bool recentHeader = false;
    for (const Entry& e : recent) {
        if (listed(shown, e.path)) continue;
        if (!recentHeader) {
            if (count() > 0) insertSeparator(count());
            addHeader(tr("Recent checkpoints"));
            recentHeader = true;
        }
        addItem(e.label, e.path);
        setItemData(count() - 1, e.toolTip, Qt::ToolTipRole);
        shown << e.path;
    }
    if (count() > 0) insertSeparator(count());
    addItem(tr("Load Model\u2026"));
    setItemData(count() - 1, LoadRow, kKindRole);
    setItemData(count() - 1, tr("Choose a checkpoint file (.safetensors, .pt, .pth)"), Qt::ToolTipRole);
    setCurrentPath(current_);
}

QString ModelPicker::pathAt(int index) const {
    if (index < 0 || index >= count() || itemData(index, kKindRole).toInt() != ModelRow) return {};
    return itemData(index).toString();
}

void ModelPicker::setCurrentPath(const QString& path) {
    current_ = path;
    const QSignalBlocker block(this);
    for (int i = 0; i < count(); ++i) {
        const QString p = pathAt(i);
        if (samePath(p, path)) {
            setCurrentIndex(i);
            return;
        }
    }
    setCurrentIndex(-1);
    setPlaceholderText(path.isEmpty() ? tr("No model loaded") : QFileInfo(path).fileName());
}

void ModelPicker::onActivated(int index) {
    const QString path = pathAt(index);
    const bool load = itemData(index, kKindRole).toInt() == LoadRow;
    // The selection follows the model in use, not the click: a load can still fail.
    setCurrentPath(current_);
    if (load)
        emit browseRequested();
    else if (!path.isEmpty() && !samePath(path, current_))
        emit modelChosen(path);
}

ModelPicker::Entry ModelPicker::describeBundled(const QString& path) {
    Entry e;
    e.path = path;
    const QString name = QFileInfo(path).completeBaseName();
    e.label = name;
    try {
        const rdbm::ModelMetadata meta = rdbm::peekModelMetadata(path.toStdString());
        QStringList lines{ModelPanel::piDescription(meta.piMode)};
        if (const auto it = meta.provenance.find("degradations"); it != meta.provenance.end()) {
            QStringList tasks;
            for (const QString& key : QString::fromStdString(it->second).split(QLatin1Char(','), Qt::SkipEmptyParts))
                tasks << ModelPanel::degradationName(key);
            e.label = tr("%1 \u2014 %2").arg(name, tasks.join(QStringLiteral(", ")));
            lines << tr("Trained for: %1").arg(tasks.join(QStringLiteral(", ")));
        }
        lines << QDir::toNativeSeparators(path);
        e.toolTip = lines.join(QLatin1Char('\n'));
    } catch (const rdbm::Error& err) {
        e.toolTip = QDir::toNativeSeparators(path) + QLatin1Char('\n') + QString::fromStdString(err.what());
    }
    return e;
}

ModelPicker::Entry ModelPicker::describeRecent(const QString& path) {
    const QFileInfo f(path);
    return {path, f.fileName(), QDir::toNativeSeparators(f.absoluteFilePath())};
}

} // namespace rdbm::app
