#pragma once
// The opened photos as a queue (thumbnail, name, status) and the optional reference
// photo used for PSNR/SSIM. Mirrors a RestoreSession and selects its current item.
#include <QWidget>

class QAction;
class QLabel;
class QListWidget;
class QToolButton;

namespace rdbm::app {

class RestoreSession;

class InputQueueView : public QWidget {
    Q_OBJECT
public:
    InputQueueView(RestoreSession* session, QWidget* parent = nullptr);

    // Buttons for these actions sit under the list (any may be null).
    void setActions(QAction* add, QAction* remove, QAction* setReference, QAction* clearReference);
    // A second row under the list: reordering and pausing the queue (any may be null).
    void setQueueActions(QAction* moveUp, QAction* moveDown, QAction* pause);
    int count() const;
    QString itemText(int row) const;
    QString itemToolTip(int row) const;

private:
    void rebuild();
    void refreshItem(int index);
    void refreshReference();

    RestoreSession* session_;
    QListWidget* list_;
    QLabel* reference_;
    QWidget* buttons_;
    QWidget* queueButtons_;
    QWidget* referenceButtons_;
};

} // namespace rdbm::app
