// MetricsTable: rows by name, formatting, missing scores, the best score in bold.
#include <QtTest>

#include <cmath>

#include "MetricsTable.h"

using rdbm::widgets::MetricsTable;

class TestMetricsTable : public QObject {
    Q_OBJECT
private slots:
    void rowsFormattingAndBest() {
        MetricsTable table;
        table.setMetrics(QStringLiteral("pi = 1"), 30.154, 0.91234);
        table.setMetrics(QStringLiteral("pi = x0 - mu"), 31.04, 0.9);
        table.setMetrics(QStringLiteral("pi = 0"), std::nan(""), std::nan(""));
        QCOMPARE(table.rowCount(), 3);
        QCOMPARE(table.item(0, MetricsTable::PsnrColumn)->text(), QStringLiteral("30.15"));
        QCOMPARE(table.item(0, MetricsTable::SsimColumn)->text(), QStringLiteral("0.9123"));
        QCOMPARE(table.item(2, MetricsTable::PsnrColumn)->text(), QStringLiteral("\u2014"));
        QCOMPARE(table.bestRow(MetricsTable::PsnrColumn), 1);
        QCOMPARE(table.bestRow(MetricsTable::SsimColumn), 0);
        QVERIFY(table.item(1, MetricsTable::PsnrColumn)->font().bold());
        QVERIFY(!table.item(0, MetricsTable::PsnrColumn)->font().bold());
        // Same name: updated in place, and the best moves.
        table.setMetrics(QStringLiteral("pi = 1"), 32.0, 0.95);
        QCOMPARE(table.rowCount(), 3);
        QCOMPARE(table.bestRow(MetricsTable::PsnrColumn), 0);
        QVERIFY(!table.item(1, MetricsTable::PsnrColumn)->font().bold());
        table.removeMetrics(QStringLiteral("pi = 1"));
        QCOMPARE(table.rowOf(QStringLiteral("pi = 1")), -1);
        QCOMPARE(table.bestRow(MetricsTable::PsnrColumn), 0);
        table.clearMetrics();
        QCOMPARE(table.rowCount(), 0);
        QCOMPARE(table.bestRow(MetricsTable::SsimColumn), -1);
    }
};

QTEST_MAIN(TestMetricsTable)
#include "test_metrics_table.moc"
