#pragma once
// What the loaded model is: architecture, size, what it predicts, the pi it was trained
// with, its schedule and where it came from (rdbm::ModelInfo), plus the device it runs on.
#include <QWidget>

#include "RestoreTypes.h"

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace rdbm::app {

class ModelPanel : public QWidget {
    Q_OBJECT
public:
    explicit ModelPanel(QWidget* parent = nullptr);

    void setModel(const ModelPtr& model);
    void setLoading(const QString& path); // shown while a load runs
    ModelPtr model() const { return model_; }

    // The rows shown, as "name: value" lines (for tests and the clipboard).
    QStringList summaryLines() const;

    static QString piDescription(rdbm::PiMode pi);
    static QString objectiveDescription(rdbm::Objective objective);
    static QString parameterCountText(long long count);
    static QString lambdaText(double lambda);

private:
    QTreeWidgetItem* addRow(const QString& name, const QString& value, QTreeWidgetItem* parent = nullptr);

    ModelPtr model_;
    QLabel* placeholder_;
    QTreeWidget* tree_;
};

} // namespace rdbm::app
