#pragma once
// The toolbar's model drop-down: the bundled models (named with what each was trained
// for), the checkpoints loaded recently, and "Load Model…". Choosing an entry is one
// click; the window does the loading and reports back with setCurrentPath().
#include <QComboBox>
#include <QList>
#include <QString>

namespace rdbm::app {

class ModelPicker : public QComboBox {
    Q_OBJECT
public:
    struct Entry {
        QString path;
        QString label;
        QString toolTip;
    };

    explicit ModelPicker(QWidget* parent = nullptr);

    // Replaces the list; a recent path that is also bundled is listed once, as bundled.
    void setEntries(const QList<Entry>& bundled, const QList<Entry>& recent);
    // Selects the entry for path (the model in use); an unknown path selects nothing.
    void setCurrentPath(const QString& path);
    QString currentPath() const { return current_; }
    // The path behind row `index`, or empty for separators and "Load Model…".
    QString pathAt(int index) const;
    int loadRow() const { return count() - 1; }

    // The bundled entry for a model file: its name and what it was trained for, read
    // from the file's metadata (never its weights). Unreadable: the name alone.
    static Entry describeBundled(const QString& path);
    // A recent checkpoint: its file name, with the folder in the tooltip.
    static Entry describeRecent(const QString& path);

signals:
    void modelChosen(const QString& path);
    void browseRequested();

private:
    void onActivated(int index);
    void addHeader(const QString& text);

    QString current_;
};

} // namespace rdbm::app
