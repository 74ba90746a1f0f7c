#pragma once
// A row of controls that wraps onto further rows when its width runs short, so that a
// tool bar of a page never makes the page (and so the window) wider than the screen: its
// minimum width is that of its widest item, and its height follows the width it was last
// given. (Not a height-for-width layout on purpose: a scroll area would then size the
// whole page to its preferred height, and scroll.)
//
// Items keep their preferred width, except growing ones: those are packed at their
// minimum width and then share what is left of their row (a status line, a file name).
#include <QLayout>
#include <QList>

namespace rdbm::widgets {

class WrapLayout : public QLayout {
    Q_OBJECT
public:
    explicit WrapLayout(QWidget* parent = nullptr);
    ~WrapLayout() override;

    // grow: packed at its minimum width, then widened to fill its row.
    void addWidget(QWidget* widget, bool grow = false);
    void addItem(QLayoutItem* item) override;
    int count() const override;
    QLayoutItem* itemAt(int index) const override;
    QLayoutItem* takeAt(int index) override;

    Qt::Orientations expandingDirections() const override { return {}; }
    // The height the rows take at this width.
    int heightAt(int width) const;
    QSize minimumSize() const override;
    QSize sizeHint() const override;
    void setGeometry(const QRect& rect) override;

    // How many rows the last layout used (for tests).
    int rowCount() const { return rows_; }

private:
    struct Entry {
        QLayoutItem* item;
        bool grow;
    };
    // Lays the items out in rect (or only measures when apply is false); returns the height.
    int arrange(const QRect& rect, bool apply) const;
    int spacingOr(int fallback) const;

    QList<Entry> entries_;
    mutable int rows_ = 0;
    int width_ = -1; // the width of the last layout; -1 before the first
};

} // namespace rdbm::widgets
