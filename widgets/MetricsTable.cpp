#include "MetricsTable.h"

#include <QHeaderView>

#include <algorithm>
#include <cmath>
#include <limits>

namespace rdbm::widgets {

namespace {
constexpr int kValueRole = Qt::UserRole + 1; // the unformatted score

QTableWidgetItem* scoreItem(double v, int decimals, const QString& unit) {
    auto* item = new QTableWidgetItem(std::isfinite(v) ? QString::number(v, 'f', decimals) + unit
                                                       : QStringLiteral("\u2014"));
    item->setData(kValueRole, v);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    return item;
}
} // namespace

MetricsTable::MetricsTable(QWidget* parent) : QTableWidget(0, 3, parent) {
    setHorizontalHeaderLabels({tr("Result"), tr("PSNR (dB)"), tr("SSIM")});
    horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    horizontalHeader()->setSectionResizeMode(PsnrColumn, QHeaderView::ResizeToContents);
    horizontalHeader()->setSectionResizeMode(SsimColumn, QHeaderView::ResizeToContents);
    verticalHeader()->setVisible(false);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setAlternatingRowColors(true);
    setAccessibleName(tr("Image quality metrics"));
}

QSize MetricsTable::sizeHint() const {
    const int rows = std::max(rowCount(), 3);
    const int h = horizontalHeader()->sizeHint().height() + rows * verticalHeader()->defaultSectionSize() +
                  2 * frameWidth();
    return {QTableWidget::sizeHint().width(), h};
}

int MetricsTable::rowOf(const QString& name) const {
    for (int r = 0; r < rowCount(); ++r)
        if (item(r, NameColumn) && item(r, NameColumn)->text() == name) return r;
    return -1;
}

void MetricsTable::setMetrics(const QString& name, double psnr, double ssim) {
    int r = rowOf(name);
    if (r < 0) {
        r = rowCount();
        insertRow(r);
        auto* nameItem = new QTableWidgetItem(name);
        nameItem->setFlags(nameItem->flags() & ~Qt::ItemIsEditable);
        setItem(r, NameColumn, nameItem);
    }
    setItem(r, PsnrColumn, scoreItem(psnr, 2, QString()));
    setItem(r, SsimColumn, scoreItem(ssim, 4, QString()));
    updateBest();
}

void MetricsTable::removeMetrics(const QString& name) {
    const int r = rowOf(name);
    if (r >= 0) removeRow(r);
    updateBest();
}

void MetricsTable::clearMetrics() { setRowCount(0); }

int MetricsTable::bestRow(Column column) const {
    if (column == NameColumn) return -1;
    int best = -1;
    double bestValue = -std::numeric_limits<double>::infinity();
    for (int r = 0; r < rowCount(); ++r) {
        const QTableWidgetItem* it = item(r, column);
        if (!it) continue;
        const double v = it->data(kValueRole).toDouble();
        if (std::isfinite(v) && v > bestValue) { bestValue = v; best = r; }
    }
    return best;
}

void MetricsTable::updateBest() {
    for (Column c : {PsnrColumn, SsimColumn}) {
        const int best = bestRow(c);
        for (int r = 0; r < rowCount(); ++r) {
            QTableWidgetItem* it = item(r, c);
            if (!it) continue;
            QFont f = font();
            f.setBold(r == best);
            it->setFont(f);
        }
    }
}

} // namespace rdbm::widgets
