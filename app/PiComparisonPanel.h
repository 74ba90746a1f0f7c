#pragma once
// The same photo restored under three settings, side by side under one synchronized zoom:
// three models trained with pi = x0 - mu, 1 and 0 (the bundled ones, or any the user
// loads), or one model with the three noise modulations at eta > 0, or the two methods:
// RDBM's three pi models beside an RDDM model (issue 9). Each result has its
// difference map (result - input) on a common scale and a row in the metrics table.
// With "Spread over N seeds" each setting is restored N times (eta > 0) and its
// uncertainty map (the runs' per-pixel standard deviation, issue 11 §5) sits under its
// difference map, the three on one scale: how pi changes where the model is unsure.
// The runs go through the session's worker; this panel only shows them.
#include <QHash>
#include <QSizePolicy>
#include <QVector>
#include <QWidget>

#include "ComparisonExporter.h"
#include "RestoreTypes.h"

class QAction;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace rdbm::widgets {
class ColorBar;
class ElidedLabel;
class HeatMapView;
class ImageView;
class MetricsTable;
class ViewSync;
} // namespace rdbm::widgets

namespace rdbm::app {

class RestoreSession;

class PiComparisonPanel : public QWidget {
    Q_OBJECT
public:
    enum class Mode { Models, NoiseModulations, Methods };

    PiComparisonPanel(RestoreSession* session, QWidget* parent = nullptr);

    Mode mode() const { return mode_; }
    void setMode(Mode mode);
    void setBaseOptions(const rdbm::SamplerOptions& options) { base_ = options; }
    double noiseEta() const;
    void setNoiseEta(double eta);
    // Seeds per setting for the uncertainty maps: 2..64, or 0 for one run each (off).
    int spreadSeeds() const;
    void setSpreadSeeds(int seeds);

    // The settings a run would use now (rows without a model are kept, with a null model).
    QVector<ComparisonSetting> settings() const;
    bool run();
    // What an export into directory writes (see ComparisonExporter): the finished rows.
    ComparisonExport exportRequest(const QString& directory) const;
    // Hands the export to the session's I/O thread; false when no row has finished.
    bool exportTo(const QString& directory);

    int finishedRows() const;
    QAction* runAction() const { return run_; }
    QAction* exportAction() const { return export_; }
    // The views of the setting in row `row` of settings() (the classical tool's are the
    // last column's whatever the mode).
    widgets::ImageView* resultView(int row) const { return results_.value(columnOf(row)); }
    widgets::HeatMapView* differenceView(int row) const { return diffs_.value(columnOf(row)); }
    widgets::HeatMapView* spreadView(int row) const { return spreads_.value(columnOf(row)); }
    widgets::MetricsTable* metricsTable() const { return table_; }

    static QString slotLabel(int slot); // "pi = x0 - mu", ...
    // What a slot's column is called: the model's own pi, or "RDDM"; the slot's pi without one.
    static QString settingLabel(int slot, const ModelPtr& model);
    // A column's name in the methods comparison: "RDBM, pi = ..." or "RDDM".
    static QString methodsLabel(int column, const ModelPtr& model);
    // Whether the grid shows a column now (the RDDM column in the methods mode, the
    // classical one when a tool is chosen).
    bool columnShown(int column) const;
    // The classical tool of the fourth column (rdbm::ClassicalTool as int), -1 for none.
    int classicalTool() const;
    void setClassicalTool(int tool);
    static QString classicalName(int tool);

signals:
    void loadModelRequested(int slot); // the window asks for a file
    void modeChanged(rdbm::app::PiComparisonPanel::Mode mode);

private:
    void refreshSlots();
    void refreshInput();
    void clearResults();
    void onRowFinished(const ComparisonRow& row);
    void onRowFailed(int row, const ErrorInfo& error);
    void updateCommonLimit();
    void showSpreadRow(bool shown);
    void updateEnabled();
    void updateColumns();
    void chooseExport();
    int modelRows() const;       // the settings that are models in this mode: 3, or 4 for the methods
    int columnOf(int row) const; // the grid column of a row of settings()
    QString modelSource(const ModelPtr& model) const;

    RestoreSession* session_;
    Mode mode_ = Mode::Models;
    rdbm::SamplerOptions base_;
    QVector<ComparisonRow> rows_;
    QVector<bool> rowDone_;
    QVector<double> meanAbs_; // mean |result - input| per row

    QComboBox* modeBox_;
    QWidget* modelsBox_;
    QWidget* noiseBox_;
    QVector<QLabel*> slotTitles_;
    QVector<widgets::ElidedLabel*> slotLabels_;
    QLabel* methodsNote_;
    QVector<QPushButton*> slotButtons_;
    QDoubleSpinBox* eta_;
    QCheckBox* spread_;
    QComboBox* classical_;         // a classical tool as a fourth column, or none
    bool classicalChosen_ = false; // the user picked one: no longer follows the model
    QSpinBox* spreadSeeds_;
    QProgressBar* progress_;
    widgets::ElidedLabel* status_;
    QWidget* grid_;
    widgets::ImageView* input_;
    widgets::ImageView* reference_;
    QVector<widgets::ImageView*> results_;
    QVector<widgets::HeatMapView*> diffs_;
    widgets::ColorBar* scaleBar_;            // the common scale of the difference maps
    QVector<widgets::HeatMapView*> spreads_; // the uncertainty maps, on one scale
    widgets::ColorBar* spreadBar_;
    QHash<QWidget*, QSizePolicy> gridPolicies_; // the grid views' own, while the spread row shows
    widgets::ViewSync* sync_;
    widgets::MetricsTable* table_;
    QAction* run_;
    QAction* cancel_;
    QAction* export_;
};

} // namespace rdbm::app
