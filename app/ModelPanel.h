#pragma once
// What the loaded model is: architecture, size, what it predicts, the pi it was trained
// with, its schedule and where it came from (rdbm::ModelInfo), plus the device it runs on.
#include <QWidget>

#include "RestoreTypes.h"

class QLabel;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace rdbm::app {

class ModelPanel : public QWidget {
    Q_OBJECT
public:
    explicit ModelPanel(QWidget* parent = nullptr);

    // The model in use; null shows "No model loaded" with a Load button.
    void setModel(const ModelPtr& model);
    void setLoading(const QString& path); // shown while a load runs
    bool isLoading() const { return loading_; }
    ModelPtr model() const { return model_; }
    QString placeholderText() const;

    // The rows shown, as "name: value" lines (for tests and the clipboard).
    QStringList summaryLines() const;

    static QString piDescription(rdbm::PiMode pi);
    static QString objectiveDescription(rdbm::Objective objective);
    static QString parameterCountText(long long count);
    static QString lambdaText(double lambda);
    // The checkpoint's words for a user: "lowlight" -> "low light", "embedded" -> ...
    static QString degradationName(const QString& key);
    static QString metadataSourceText(const QString& source);
    static QString scheduleName(const QString& kind);

signals:
    void loadRequested();

private:
    QTreeWidgetItem* addRow(const QString& name, const QString& value, QTreeWidgetItem* parent = nullptr);

    ModelPtr model_;
    bool loading_ = false;
    QLabel* placeholder_;
    QPushButton* load_;
    QTreeWidget* tree_;
};

} // namespace rdbm::app
