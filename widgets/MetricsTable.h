#pragma once
// Image quality scores, one row per result (e.g. one per pi setting): PSNR in dB and
// SSIM, the best value of each column in bold. Missing scores show as a dash.
#include <QString>
#include <QTableWidget>

namespace rdbm::widgets {

class MetricsTable : public QTableWidget {
    Q_OBJECT
public:
    enum Column { NameColumn = 0, PsnrColumn = 1, SsimColumn = 2 };

    explicit MetricsTable(QWidget* parent = nullptr);

    // Adds a row, or updates the row with the same name. NaN marks a missing score.
    void setMetrics(const QString& name, double psnr, double ssim);
    void removeMetrics(const QString& name);
    void clearMetrics();
    int rowOf(const QString& name) const; // -1 if absent
    // The row holding the best value of a score column, -1 if none.
    int bestRow(Column column) const;

    // Tall enough for every row (at least three), so a layout need not scroll it.
    QSize sizeHint() const override;

private:
    void updateBest();
};

} // namespace rdbm::widgets
