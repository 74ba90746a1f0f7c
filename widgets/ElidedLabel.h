#pragma once
// A one-line label that never asks for more width than it gets: text that does not fit
// is elided (in the middle for file names, at the end otherwise) and shown whole in the
// tooltip. Status lines and titles use it so that long messages or translations cannot
// widen the window or be cut off mid-word.
#include <QLabel>

namespace rdbm::widgets {

class ElidedLabel : public QLabel {
    Q_OBJECT
public:
    explicit ElidedLabel(QWidget* parent = nullptr, Qt::TextElideMode mode = Qt::ElideRight);

    void setFullText(const QString& text);
    QString fullText() const { return full_; }
    // True when the last layout had to shorten the text.
    bool isElided() const { return text() != full_; }

    QSize minimumSizeHint() const override;
    QSize sizeHint() const override;

protected:
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void relayout();

    QString full_;
    Qt::TextElideMode mode_;
};

} // namespace rdbm::widgets
