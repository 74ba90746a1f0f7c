#include "WrapLayout.h"

#include <QStyle>
#include <QWidget>
#include <QWidgetItem>

#include <algorithm>

namespace rdbm::widgets {

WrapLayout::WrapLayout(QWidget* parent) : QLayout(parent) {}

WrapLayout::~WrapLayout() {
    for (const Entry& e : std::as_const(entries_)) delete e.item;
}

void WrapLayout::addWidget(QWidget* widget, bool grow) {
    addChildWidget(widget);
    entries_.append({new QWidgetItem(widget), grow});
    invalidate();
}

void WrapLayout::addItem(QLayoutItem* item) {
    entries_.append({item, false});
    invalidate();
}

int WrapLayout::count() const { return static_cast<int>(entries_.size()); }

QLayoutItem* WrapLayout::itemAt(int index) const {
    return index >= 0 && index < entries_.size() ? entries_[index].item : nullptr;
}

QLayoutItem* WrapLayout::takeAt(int index) {
    if (index < 0 || index >= entries_.size()) return nullptr;
    QLayoutItem* item = entries_.takeAt(index).item;
    invalidate();
    return item;
}

int WrapLayout::spacingOr(int fallback) const {
    if (spacing() >= 0) return spacing();
    // A plain QLayout inherits no spacing: ask the style, as the box layouts do.
    if (const QWidget* w = parentWidget()) {
        const int s = w->style()->pixelMetric(QStyle::PM_LayoutHorizontalSpacing, nullptr, w);
        if (s >= 0) return s;
    }
    return fallback;
}

int WrapLayout::heightAt(int width) const { return arrange(QRect(0, 0, width, 0), false); }

QSize WrapLayout::minimumSize() const {
    // As narrow as the widest item; as tall as the rows at the last width.
    int w = 0, h = 0;
    for (const Entry& e : entries_) {
        if (e.item->isEmpty()) continue;
        const QSize min = e.item->minimumSize();
        w = std::max(w, e.grow ? min.width() : std::max(min.width(), e.item->sizeHint().width()));
        h = std::max(h, std::max(min.height(), e.item->sizeHint().height()));
    }
    const QMargins m = contentsMargins();
    if (width_ > 0) h = std::max(h, heightAt(width_) - m.top() - m.bottom());
    return {w + m.left() + m.right(), h + m.top() + m.bottom()};
}

QSize WrapLayout::sizeHint() const {
    // Everything on one row.
    int w = 0, h = 0, n = 0;
    for (const Entry& e : entries_) {
        if (e.item->isEmpty()) continue;
        const QSize hint = e.item->sizeHint().expandedTo(e.item->minimumSize());
        w += hint.width();
        h = std::max(h, hint.height());
        ++n;
    }
    const QMargins m = contentsMargins();
    if (width_ > 0) h = std::max(h, heightAt(width_) - m.top() - m.bottom());
    return {w + std::max(0, n - 1) * spacingOr(6) + m.left() + m.right(), h + m.top() + m.bottom()};
}

void WrapLayout::setGeometry(const QRect& rect) {
    QLayout::setGeometry(rect);
    const int before = width_ > 0 ? heightAt(width_) : -1;
    const int height = arrange(rect, true);
    if (rect.width() != width_) {
        width_ = rect.width();
        // A new number of rows changes the height asked for: lay the parent out again
        // (at the same width, so this settles at once).
        if (height != before) invalidate();
    }
}

int WrapLayout::arrange(const QRect& rect, bool apply) const {
    const QMargins m = contentsMargins();
    const QRect r = rect.marginsRemoved(m);
    const int room = std::max(1, r.width());
    const int gap = spacingOr(6);

    struct Placed {
        const Entry* entry;
        int width;
        int height;
    };
    struct Row {
        QList<Placed> items;
        int used = 0;
        int height = 0;
        int growers = 0;
    };
    QList<Row> rows;
    for (const Entry& e : entries_) {
        if (e.item->isEmpty()) continue; // hidden widgets take no room
        const QSize min = e.item->minimumSize();
        const QSize hint = e.item->sizeHint().expandedTo(min).boundedTo(e.item->maximumSize());
        const int w = std::min(room, e.grow ? min.width() : hint.width());
        if (rows.isEmpty() || rows.last().used + gap + w > room) rows.append(Row{});
        Row& row = rows.last();
        row.used += (row.items.isEmpty() ? 0 : gap) + w;
        row.height = std::max(row.height, hint.height());
        row.growers += e.grow ? 1 : 0;
        row.items.append({&e, w, hint.height()});
    }
    rows_ = static_cast<int>(rows.size());

    int y = r.top();
    for (const Row& row : std::as_const(rows)) {
        const int extra = std::max(0, room - row.used);
        int x = r.left();
        int grown = 0;
        for (const Placed& p : row.items) {
            int w = p.width;
            if (p.entry->grow) {
                // The last grower takes the remainder of the division.
                ++grown;
                w += grown == row.growers ? extra - extra / row.growers * (row.growers - 1) : extra / row.growers;
            }
            if (apply) p.entry->item->setGeometry(QRect(x, y + (row.height - p.height) / 2, w, p.height));
            x += w + gap;
        }
        y += row.height + gap;
    }
    const int content = rows.isEmpty() ? 0 : y - gap - r.top();
    return content + m.top() + m.bottom();
}

} // namespace rdbm::widgets
