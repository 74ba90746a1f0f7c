// WrapLayout: one row when there is room, more rows when narrow (never wider than asked,
// never a control cut), the widest item as the minimum width, growing items filling their
// row, hidden items taking no room, and the height asked for following the width.
#include <QPushButton>
#include <QVBoxLayout>
#include <QtTest>

#include "WrapLayout.h"

using rdbm::widgets::WrapLayout;

namespace {

QPushButton* fixedButton(QWidget* parent, int width) {
    auto* b = new QPushButton(parent);
    b->setFixedSize(width, 24);
    return b;
}

} // namespace

class TestWrapLayout : public QObject {
    Q_OBJECT
private slots:
    void wrapsWhenNarrowAndFillsWithGrowers() {
        QWidget page;
        auto* outer = new QVBoxLayout(&page);
        outer->setContentsMargins(0, 0, 0, 0);
        auto* row = new WrapLayout;
        row->setContentsMargins(0, 0, 0, 0);
        row->setSpacing(6);
        QPushButton* a = fixedButton(&page, 100);
        QPushButton* b = fixedButton(&page, 150);
        auto* grow = new QPushButton(&page);
        grow->setMinimumWidth(80);
        grow->setFixedHeight(24);
        grow->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        QPushButton* c = fixedButton(&page, 120);
        row->addWidget(a);
        row->addWidget(b);
        row->addWidget(grow, true);
        row->addWidget(c);
        outer->addLayout(row);
        outer->addStretch(1);

        // The widest item is the minimum width, however many items there are.
        QCOMPARE(row->minimumSize().width(), 150);
        QVERIFY(page.minimumSizeHint().width() <= 150);

        // Wide: one row, the grower takes what is left.
        page.resize(600, 200);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QTRY_COMPARE(row->rowCount(), 1);
        QCOMPARE(a->y(), b->y());
        QCOMPARE(c->geometry().right(), 599);
        QCOMPARE(grow->width(), 600 - 100 - 150 - 120 - 3 * 6);

        // Narrow: more rows; nothing is cut or leaves the page.
        page.resize(300, 200);
        QTRY_COMPARE(row->rowCount(), 2);
        QCOMPARE(a->y(), b->y());
        QVERIFY(grow->y() > a->y());
        QCOMPARE(grow->y(), c->y());
        for (QPushButton* w : {a, b, grow, c}) {
            QVERIFY(w->geometry().right() < 300);
            QVERIFY(w->width() >= w->minimumWidth());
        }
        QCOMPARE(grow->width(), 300 - 120 - 6);
        // The page asks for the height of both rows.
        QTRY_COMPARE(row->geometry().height(), 24 + 6 + 24);
        QCOMPARE(row->heightAt(300), 54);
        QCOMPARE(row->heightAt(600), 24);
        QCOMPARE(row->heightAt(150), 4 * 24 + 3 * 6);

        // A hidden item takes no room: the rest fits on one row again.
        page.resize(320, 200);
        QTRY_COMPARE(grow->width(), 320 - 120 - 6);
        QCOMPARE(row->rowCount(), 2);
        b->hide();
        QTRY_COMPARE(row->rowCount(), 1);
        QCOMPARE(grow->width(), 320 - 100 - 120 - 2 * 6);
    }
};

QTEST_MAIN(TestWrapLayout)
#include "test_wrap_layout.moc"
