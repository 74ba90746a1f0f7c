#pragma once
// The About box: what the application is and the versions of everything it runs on
// (Qt, LibTorch, OpenCV, QCustomPlot) plus the compute device in use.
#include <QDialog>
#include <QString>
#include <QVector>
#include <utility>

namespace rdbm::app {

class AboutDialog : public QDialog {
    Q_OBJECT
public:
    // deviceInUse: the loaded model's device (empty: none loaded yet).
    explicit AboutDialog(const QString& deviceInUse, QWidget* parent = nullptr);

    // (name, version) rows, also used by --version-like reports and tests.
    static QVector<std::pair<QString, QString>> versions(const QString& deviceInUse);
    static QString versionsText(const QString& deviceInUse);
};

} // namespace rdbm::app
