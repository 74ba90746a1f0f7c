#include "PiComparisonPanel.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

#include "ElidedLabel.h"
#include "BundledModels.h"
#include "ColorBar.h"
#include "HeatMapView.h"
#include "ImageConvert.h"
#include "ImageView.h"
#include "MetricsTable.h"
#include "RestoreSession.h"
#include "ViewSync.h"
#include "WrapLayout.h"
#include "rdbm/ClassicalTools.h"
#include "rdbm/Colormap.h"
#include "rdbm/Uncertainty.h"

namespace rdbm::app {
namespace {

constexpr int kPiSlots = RestoreSession::kPiSlots;
// The columns: one per pi setting, the RDDM column of the methods comparison (hidden in
// the other modes), then one for a classical tool (hidden when none is chosen).
constexpr int kRddmColumn = RestoreSession::kRddmSlot;
constexpr int kModelColumns = RestoreSession::kComparisonSlots;
constexpr int kClassicalColumn = kModelColumns;
constexpr int kColumns = kModelColumns + 1;
const rdbm::PiMode kModes[kPiSlots] = {rdbm::PiMode::Residual, rdbm::PiMode::One, rdbm::PiMode::Zero};

bool isRddm(const ModelPtr& m) { return m && m->info().metadata.method == rdbm::Method::Rddm; }

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

} // namespace

QString PiComparisonPanel::classicalName(int tool) {
    switch (static_cast<rdbm::ClassicalTool>(tool)) {
    case rdbm::ClassicalTool::AutoLevels: return tr("auto levels");
    case rdbm::ClassicalTool::AutoContrast: return tr("auto contrast");
    case rdbm::ClassicalTool::GammaToMean: return tr("gamma to mean");
    case rdbm::ClassicalTool::Clahe: return tr("CLAHE");
    case rdbm::ClassicalTool::DarkChannelPrior: return tr("dark channel prior");
    }
    return {};
}

QString PiComparisonPanel::settingLabel(int slot, const ModelPtr& model) {
    if (!model) return slotLabel(slot);
    // A slot holds whatever was loaded into it: RDBM's pi settings side by side with an
    // RDDM model (issue 9), or a pi = 1 model in the first slot, is named for what it is.
    const rdbm::ModelMetadata& meta = model->info().metadata;
    if (meta.method == rdbm::Method::Rddm) return tr("RDDM");
    for (int i = 0; i < kPiSlots; ++i)
        if (kModes[i] == meta.piMode) return slotLabel(i);
    return slotLabel(std::clamp(slot, 0, kPiSlots - 1));
}

QString PiComparisonPanel::methodsLabel(int column, const ModelPtr& model) {
    // The method first, so that the two read apart at a glance: "RDBM, pi = 1", "RDDM".
    if (isRddm(model) || (!model && column == kRddmColumn)) return tr("RDDM");
    return tr("RDBM, %1").arg(settingLabel(column, model));
}

QString PiComparisonPanel::slotLabel(int slot) {
    switch (slot) {
    case 0: return tr("\u03c0 = x\u2080 \u2212 \u03bc");
    case 1: return tr("\u03c0 = 1");
    case 2: return tr("\u03c0 = 0");
    case kRddmColumn: return tr("RDDM");
    }
    return {};
}

PiComparisonPanel::PiComparisonPanel(RestoreSession* session, QWidget* parent) : QWidget(parent), session_(session) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);

    // --- what to compare. The rows of controls wrap when the page is narrow (a small
    // screen with every dock open), so that they never widen the window.
    auto* top = new widgets::WrapLayout;
    top->setContentsMargins(0, 0, 0, 0);
    // One list of the modes: three take one row where three radio buttons took three on a
    // narrow page. Its items are Mode values.
    auto* modeLabel = new QLabel(tr("Co&mpare:"), this);
    modeBox_ = new QComboBox(this);
    modeLabel->setBuddy(modeBox_);
    modeBox_->addItem(tr("Three models (\u03c0 = x\u2080 \u2212 \u03bc, 1, 0)"), static_cast<int>(Mode::Models));
    modeBox_->addItem(tr("One model, three noise modulations"), static_cast<int>(Mode::NoiseModulations));
    // The two methods on the same photo (issue 9): RDBM's three pi models beside RDDM.
    modeBox_->addItem(tr("RDBM vs RDDM (methods)"), static_cast<int>(Mode::Methods));
    modeBox_->setItemData(2, tr("RDBM's three models (\u03c0 = x\u2080 \u2212 \u03bc, 1, 0) beside an RDDM model on the same photo"),
                          Qt::ToolTipRole);
    // Whole where there is room, shortened (never wider than the page) where there is not.
    modeBox_->setMinimumWidth(modeBox_->fontMetrics().horizontalAdvance(QStringLiteral("RDBM vs RDDM")) + 40);
    auto* modeRow = new QWidget(this);
    auto* mrl = new QHBoxLayout(modeRow);
    mrl->setContentsMargins(0, 0, 0, 0);
    mrl->addWidget(modeLabel);
    mrl->addWidget(modeBox_);
    mrl->addStretch(1);
    top->addWidget(modeRow, true); // grows: packed at its minimum, then takes the row
    run_ = new QAction(tr("&Run Comparison"), this);
    cancel_ = new QAction(tr("Cancel"), this);
    export_ = new QAction(tr("&Export Comparison\u2026"), this);
    layout->addLayout(top);

    // One slot per setting: its pi, the checkpoint's file name (whole in the tooltip when
    // elided) and a button to choose another.
    modelsBox_ = new QWidget(this);
    auto* ml = new widgets::WrapLayout(modelsBox_);
    ml->setContentsMargins(0, 0, 0, 0);
    for (int i = 0; i < kModelColumns; ++i) {
        auto* slot = new QWidget(modelsBox_);
        auto* sl = new QHBoxLayout(slot);
        sl->setContentsMargins(0, 0, 0, 0);
        auto* pi = new QLabel(QStringLiteral("<b>%1:</b>").arg(slotLabel(i).toHtmlEscaped()), slot);
        // Elided at the end: the bundled names differ in the middle ("rdbm-residual", ...).
        auto* name = new widgets::ElidedLabel(slot, Qt::ElideRight);
        // The RDDM slot's whole bundled name ("rddm.safetensors") at least: its short title
        // leaves the room.
        name->setMinimumWidth(name->fontMetrics().horizontalAdvance(
            i == kRddmColumn ? BundledModels::rddmFileName() + QStringLiteral(" ") : QStringLiteral("rdbm-residual.")));
        name->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred); // the slot asks for the whole name
        auto* load = new QPushButton(tr("Load\u2026"), slot);
        load->setToolTip(tr("Choose the checkpoint for %1").arg(slotLabel(i)));
        connect(load, &QPushButton::clicked, this, [this, i] { emit loadModelRequested(i); });
        sl->addWidget(pi);
        sl->addWidget(name, 1);
        sl->addWidget(load);
        ml->addWidget(slot); // as wide as its text: the button stays beside the name
        slotTitles_ << pi;
        slotLabels_ << name;
        slotButtons_ << load;
    }
    slotLabels_[kRddmColumn]->parentWidget()->hide(); // the methods comparison's
    layout->addWidget(modelsBox_);
    // Without an RDDM model the methods comparison says so, and how to get one.
    methodsNote_ = new QLabel(tr("No RDDM model loaded: choose one with Load\u2026 beside RDDM, or drop an RDDM "
                                 "checkpoint on this page (models/%1 is used when it is there).")
                                  .arg(BundledModels::rddmFileName()),
                              this);
    methodsNote_->setWordWrap(true);
    methodsNote_->hide();
    layout->addWidget(methodsNote_);

    noiseBox_ = new QWidget(this);
    auto* nl = new QHBoxLayout(noiseBox_);
    nl->setContentsMargins(0, 0, 0, 0);
    auto* noiseText = new QLabel(tr("The loaded model with fresh noise scaled per pixel by x\u2080 \u2212 \u03bc, 1 or 0, "
                                    "same seed. \u03b7:"),
                                 this);
    noiseText->setWordWrap(true);
    nl->addWidget(noiseText, 1);
    eta_ = new QDoubleSpinBox(this);
    eta_->setRange(0.05, 1.0);
    eta_->setSingleStep(0.05);
    eta_->setValue(0.5);
    nl->addWidget(eta_);
    layout->addWidget(noiseBox_);
    noiseBox_->hide();

    // The commands, the progress and the status (elided, whole in its tooltip).
    auto* statusRow = new widgets::WrapLayout;
    statusRow->setContentsMargins(0, 0, 0, 0);
    for (QAction* a : {run_, cancel_, export_}) {
        auto* b = new QToolButton(this);
        b->setDefaultAction(a);
        statusRow->addWidget(b);
    }
    // Uncertainty maps: each setting restored over N seeds (issue 11 §5).
    auto* spreadBox = new QWidget(this);
    auto* spl = new QHBoxLayout(spreadBox);
    spl->setContentsMargins(0, 0, 0, 0);
    spread_ = new QCheckBox(tr("&Spread over"), spreadBox);
    spread_->setToolTip(tr("Restore every setting several times with consecutive seeds (\u03b7 > 0) and show the "
                           "per-pixel standard deviation of the runs: where each is unsure"));
    spreadSeeds_ = new QSpinBox(spreadBox);
    spreadSeeds_->setRange(2, rdbm::kMaxSeedRuns);
    spreadSeeds_->setValue(4);
    spreadSeeds_->setEnabled(false);
    connect(spread_, &QCheckBox::toggled, spreadSeeds_, &QWidget::setEnabled);
    spl->addWidget(spread_);
    spl->addWidget(spreadSeeds_);
    spl->addWidget(new QLabel(tr("seeds"), spreadBox));
    statusRow->addWidget(spreadBox);
    // What a one-line classical correction does to the same photo (issue 13 §5).
    auto* classicalBox = new QWidget(this);
    auto* cl = new QHBoxLayout(classicalBox);
    cl->setContentsMargins(0, 0, 0, 0);
    auto* classicalLabel = new QLabel(tr("C&lassical:"), classicalBox);
    classical_ = new QComboBox(classicalBox);
    classicalLabel->setBuddy(classical_);
    classical_->addItem(tr("none"), -1);
    for (const rdbm::ClassicalTool t : rdbm::allClassicalTools())
        classical_->addItem(classicalName(static_cast<int>(t)), static_cast<int>(t));
    classical_->setToolTip(tr("Add a classical correction as one more column, to see what the diffusion model adds. "
                              "It follows what the model was trained for until you choose one."));
    connect(classical_, qOverload<int>(&QComboBox::activated), this, [this] { classicalChosen_ = true; });
    connect(classical_, qOverload<int>(&QComboBox::currentIndexChanged), this, &PiComparisonPanel::updateColumns);
    cl->addWidget(classicalLabel);
    cl->addWidget(classical_);
    statusRow->addWidget(classicalBox);
    progress_ = new QProgressBar(this);
    progress_->setMaximumWidth(200);
    progress_->hide();
    statusRow->addWidget(progress_);
    status_ = new widgets::ElidedLabel(this);
    // Room for the usual last word whole: the status takes a row of its own before eliding it.
    status_->setMinimumWidth(status_->fontMetrics().horizontalAdvance(tr("Comparison finished: %n of %1 setting(s) restored.", nullptr, kModelColumns).arg(kModelColumns)) + 8);
    statusRow->addWidget(status_, true);
    layout->addLayout(statusRow);

    // --- the grid: input (and reference) column, then one column per setting
    auto* split = new QSplitter(Qt::Vertical, this);
    grid_ = new QWidget(split);
    auto* gl = new QGridLayout(grid_);
    gl->setContentsMargins(0, 0, 0, 0);
    gl->setSpacing(4);
    sync_ = new widgets::ViewSync(this);
    input_ = new widgets::ImageView(grid_);
    input_->setPlaceholderText(tr("Open a photo"));
    gl->addWidget(input_, 0, 0);
    sync_->add(input_->zoomState());
    reference_ = new widgets::ImageView(grid_);
    gl->addWidget(reference_, 1, 0);
    sync_->add(reference_->zoomState());
    for (int i = 0; i < kColumns; ++i) {
        auto* view = new widgets::ImageView(grid_);
        view->setPlaceholderText(i == kClassicalColumn ? tr("classical tool") : slotLabel(i));
        auto* diff = new widgets::HeatMapView(grid_);
        diff->setTitle(tr("result \u2212 input"));
        gl->addWidget(view, 0, i + 1);
        gl->addWidget(diff, 1, i + 1);
        sync_->add(view->zoomState());
        sync_->add(diff->zoomState());
        results_ << view;
        diffs_ << diff;
    }
    // The maps share one scale (updateCommonLimit), so one colour bar beside the row reads
    // for all three; a bar per map would only take room from the maps.
    for (widgets::HeatMapView* d : std::as_const(diffs_)) {
        d->colorBar()->hide();
        d->setScaleShown(false); // the bar has it
    }
    scaleBar_ = new widgets::ColorBar(grid_);
    gl->addWidget(scaleBar_, 1, kColumns + 1);
    // The uncertainty maps under the difference maps, shown once a run over seeds made them.
    // Their row asks for no height of its own (the page must not grow, see the window's
    // small-screen rule): it takes a share of what the grid has.
    const auto shareHeight = [](QWidget* w) {
        w->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Ignored);
        w->setMinimumHeight(60);
    };
    for (int i = 0; i < kColumns; ++i) {
        auto* spread = new widgets::HeatMapView(grid_);
        shareHeight(spread);
        spread->setNonNegative(true);
        spread->colorBar()->hide();
        spread->setScaleShown(false);
        gl->addWidget(spread, 2, i + 1);
        sync_->add(spread->zoomState());
        spreads_ << spread;
    }
    spreadBar_ = new widgets::ColorBar(grid_);
    spreadBar_->setNonNegative(true);
    spreadBar_->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Ignored);
    spreadBar_->setMinimumHeight(60);
    gl->addWidget(spreadBar_, 2, kColumns + 1);
    showSpreadRow(false);
    for (int c = 0; c <= kColumns; ++c) gl->setColumnStretch(c, 1);
    gl->setRowStretch(0, 3);
    gl->setRowStretch(1, 2);
    gl->setRowStretch(2, 2);
    split->addWidget(grid_);

    table_ = new widgets::MetricsTable(split);
    table_->setColumnCount(5);
    table_->setHorizontalHeaderLabels({tr("Setting"), tr("PSNR (dB)"), tr("SSIM"), tr("Mean |change|"), tr("Time (s)")});
    // Every header whole, in every language ("Mittlere |Änderung|" is long).
    for (int c = 1; c < 5; ++c) table_->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    split->addWidget(table_);
    split->setStretchFactor(0, 4);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);

    connect(modeBox_, qOverload<int>(&QComboBox::activated), this,
            [this] { setMode(static_cast<Mode>(modeBox_->currentData().toInt())); });
    connect(run_, &QAction::triggered, this, &PiComparisonPanel::run);
    connect(cancel_, &QAction::triggered, session_, &RestoreSession::cancel);
    connect(export_, &QAction::triggered, this, &PiComparisonPanel::chooseExport);
    connect(session_, &RestoreSession::comparisonModelChanged, this, &PiComparisonPanel::refreshSlots);
    connect(session_, &RestoreSession::modelChanged, this, &PiComparisonPanel::refreshSlots);
    connect(session_, &RestoreSession::currentIndexChanged, this, &PiComparisonPanel::refreshInput);
    connect(session_, &RestoreSession::itemChanged, this, [this](int index) {
        if (index == session_->currentIndex()) refreshInput();
    });
    connect(session_, &RestoreSession::referenceChanged, this, &PiComparisonPanel::refreshInput);
    connect(session_, &RestoreSession::stateChanged, this, &PiComparisonPanel::updateEnabled);
    connect(session_, &RestoreSession::comparisonStarted, this, [this](int rows) {
        progress_->setRange(0, 0);
        progress_->show();
        status_->setFullText(tr("Restoring with %n setting(s)\u2026", nullptr, rows));
    });
    connect(session_, &RestoreSession::comparisonStep, this, [this](int row, int step, int steps) {
        progress_->setRange(0, steps * modelRows());
        progress_->setValue(row * steps + step);
        status_->setFullText(tr("%1: step %2 of %3").arg(rows_.value(row).label).arg(step).arg(steps));
    });
    connect(session_, &RestoreSession::comparisonRowFinished, this, &PiComparisonPanel::onRowFinished);
    connect(session_, &RestoreSession::comparisonRowFailed, this, &PiComparisonPanel::onRowFailed);
    connect(session_, &RestoreSession::comparisonFinished, this, [this](bool cancelled) {
        progress_->hide();
        // The classical column is not a restoration of a model: "of 3" counts the models.
        const int settings = modelRows();
        const int models = static_cast<int>(std::count(rowDone_.begin(), rowDone_.begin() + std::min<qsizetype>(settings, rowDone_.size()), true));
        status_->setFullText(cancelled ? tr("Comparison cancelled.")
                                       : tr("Comparison finished: %n of %1 setting(s) restored.", nullptr, models).arg(settings));
        updateEnabled();
    });
    updateColumns();
    refreshSlots();
    refreshInput();
    updateEnabled();
}

void PiComparisonPanel::setMode(Mode mode) {
    const bool changed = mode != mode_;
    mode_ = mode;
    modeBox_->setCurrentIndex(modeBox_->findData(static_cast<int>(mode)));
    modelsBox_->setVisible(mode != Mode::NoiseModulations);
    noiseBox_->setVisible(mode == Mode::NoiseModulations);
    // The slots' titles say the method too when both are compared.
    for (int i = 0; i < kModelColumns; ++i) {
        const QString title = mode == Mode::Methods ? methodsLabel(i, nullptr) : slotLabel(i);
        slotTitles_[i]->setText(QStringLiteral("<b>%1:</b>").arg(title.toHtmlEscaped()));
        results_[i]->setPlaceholderText(title);
    }
    slotLabels_[kRddmColumn]->parentWidget()->setVisible(mode == Mode::Methods);
    clearResults();
    updateColumns();
    refreshSlots();
    updateEnabled();
    if (changed) emit modeChanged(mode);
}

bool PiComparisonPanel::columnShown(int column) const {
    if (column == kRddmColumn) return mode_ == Mode::Methods;
    if (column == kClassicalColumn) return classicalTool() >= 0;
    return column >= 0 && column < kColumns;
}

void PiComparisonPanel::updateColumns() {
    // Room in the table for every row of this mode without scrolling, and no more: the
    // page has to fit a small screen.
    const int rows = modelRows() + (classicalTool() >= 0 ? 1 : 0);
    table_->setMinimumHeight(table_->horizontalHeader()->sizeHint().height() +
                             std::max(kPiSlots + 1, rows) * table_->verticalHeader()->defaultSectionSize() + 6);
    for (int c = kPiSlots; c < kColumns; ++c) {
        results_[c]->setVisible(columnShown(c));
        diffs_[c]->setVisible(columnShown(c));
        if (!columnShown(c)) spreads_[c]->hide();
    }
}

int PiComparisonPanel::modelRows() const { return mode_ == Mode::Methods ? kModelColumns : kPiSlots; }

int PiComparisonPanel::columnOf(int row) const { return row < modelRows() ? row : kClassicalColumn; }

QString PiComparisonPanel::modelSource(const ModelPtr& model) const {
    if (!model) return tr("no model");
    for (int i = 0; i < kModelColumns; ++i)
        if (session_->comparisonModel(i) == model) return QFileInfo(session_->comparisonModelPath(i)).fileName();
    return tr("the loaded model");
}

double PiComparisonPanel::noiseEta() const { return eta_->value(); }

int PiComparisonPanel::spreadSeeds() const { return spread_->isChecked() ? spreadSeeds_->value() : 0; }

void PiComparisonPanel::setSpreadSeeds(int seeds) {
    spread_->setChecked(seeds >= 2);
    if (seeds >= 2) spreadSeeds_->setValue(seeds);
}

void PiComparisonPanel::showSpreadRow(bool shown) {
    // A classical tool draws no noise: its column never gets a spread map.
    for (int i = 0; i < spreads_.size(); ++i) spreads_[i]->setVisible(shown && i < kModelColumns && columnShown(i));
    spreadBar_->setVisible(shown);
    // With a third row the grid's views share the height they have instead of asking for
    // their preferred one, so that the page still fits without scrolling.
    QVector<QWidget*> views{input_, reference_};
    for (int i = 0; i < kColumns; ++i) views << results_[i] << diffs_[i];
    for (QWidget* v : views) {
        if (!gridPolicies_.contains(v)) gridPolicies_.insert(v, v->sizePolicy());
        QSizePolicy p = gridPolicies_.value(v);
        if (shown) {
            p.setVerticalPolicy(QSizePolicy::Ignored);
            v->setMinimumHeight(60);
        } else {
            v->setMinimumHeight(0);
        }
        v->setSizePolicy(p);
    }
}
void PiComparisonPanel::setNoiseEta(double eta) { eta_->setValue(eta); }

QVector<ComparisonSetting> PiComparisonPanel::settings() const {
    QVector<ComparisonSetting> out;
    if (mode_ == Mode::Methods) {
        // RDBM's pi models from the pi slots (or the main model, for its own pi), then the
        // RDDM model: the RDDM slot's, else one loaded into a pi slot, else the main model.
        const ModelPtr main = session_->model();
        for (int i = 0; i < kPiSlots; ++i) {
            ComparisonSetting s;
            s.options = base_;
            s.model = session_->comparisonModel(i);
            if (isRddm(s.model)) s.model = nullptr;
            if (!s.model && main && !isRddm(main) && main->info().metadata.piMode == kModes[i]) s.model = main;
            s.label = methodsLabel(i, s.model);
            out << s;
        }
        ComparisonSetting rddm;
        rddm.options = base_;
        for (const int slot : {kRddmColumn, 0, 1, 2})
            if (!rddm.model && isRddm(session_->comparisonModel(slot))) rddm.model = session_->comparisonModel(slot);
        if (!rddm.model && isRddm(main)) rddm.model = main;
        rddm.label = methodsLabel(kRddmColumn, rddm.model);
        out << rddm;
    }
    for (int i = 0; i < kPiSlots && mode_ != Mode::Methods; ++i) {
        ComparisonSetting s;
        s.options = base_;
        if (mode_ == Mode::Models) {
            s.model = session_->comparisonModel(i);
            // The main model fills the slot of its own pi when that slot is empty.
            const ModelPtr main = session_->model();
            if (!s.model && main && main->info().metadata.method == rdbm::Method::Rdbm &&
                main->info().metadata.piMode == kModes[i])
                s.model = main;
            s.label = settingLabel(i, s.model);
        } else {
            const QString factor[kPiSlots] = {tr("(x\u2080 \u2212 \u03bc)"), QStringLiteral("1"), QStringLiteral("0")};
            s.label = tr("noise \u00d7 %1").arg(factor[i]);
            s.model = session_->model();
            s.options.eta = eta_->value();
            s.options.noiseModulation = kModes[i];
        }
        out << s;
    }
    if (classicalTool() >= 0) {
        ComparisonSetting c;
        c.classicalTool = classicalTool();
        c.label = tr("%1 (classical)").arg(classicalName(c.classicalTool));
        out << c;
    }
    return out;
}

int PiComparisonPanel::classicalTool() const { return classical_->currentData().toInt(); }

void PiComparisonPanel::setClassicalTool(int tool) {
    const int i = classical_->findData(tool);
    if (i >= 0) classical_->setCurrentIndex(i);
    classicalChosen_ = true;
}

void PiComparisonPanel::refreshSlots() {
    // Until the user picks a tool, the column follows the main model's first trained task
    // (low light: auto levels, haze: the dark channel prior).
    if (!classicalChosen_) {
        int tool = -1;
        if (const ModelPtr m = session_->model()) {
            const auto& provenance = m->info().metadata.provenance;
            if (const auto it = provenance.find("degradations"); it != provenance.end()) {
                const std::string first = it->second.substr(0, it->second.find(','));
                const auto tools = rdbm::classicalToolsFor(first);
                if (!tools.empty()) tool = static_cast<int>(tools.front());
            }
        }
        classical_->setCurrentIndex(std::max(0, classical_->findData(tool)));
    }
    const QVector<ComparisonSetting> s = settings();
    for (int i = 0; i < kModelColumns; ++i) {
        const QString path = session_->comparisonModelPath(i);
        QString text;
        if (mode_ == Mode::Methods) text = modelSource(s[i].model); // the model its column shows
        else if (!path.isEmpty()) text = QFileInfo(path).fileName();
        else if (i < kPiSlots && s[i].model) text = tr("the loaded model");
        else text = tr("no model");
        slotLabels_[i]->setFullText(text);
        // The whole path on the slot (the label's own tooltip, when elided, has the name).
        slotLabels_[i]->parentWidget()->setToolTip(path.isEmpty() ? QString() : QDir::toNativeSeparators(path));
    }
    methodsNote_->setVisible(mode_ == Mode::Methods && !s[kRddmColumn].model);
    updateEnabled();
}

void PiComparisonPanel::refreshInput() {
    const int index = session_->currentIndex();
    input_->setImage(index < 0 ? QImage() : session_->item(index).input.display);
    input_->setOverlayText(index < 0 ? QString() : tr("input"));
    const LoadedImage& ref = session_->referenceImage();
    reference_->setImage(ref.display);
    reference_->setOverlayText(ref.image ? tr("reference (PSNR, SSIM)") : QString());
    reference_->setPlaceholderText(tr("Open a reference photo to measure PSNR and SSIM."));
    updateEnabled();
}

void PiComparisonPanel::clearResults() {
    rows_.clear();
    rowDone_.clear();
    meanAbs_.clear();
    for (int i = 0; i < kColumns; ++i) {
        results_[i]->setImage({});
        results_[i]->setOverlayText({});
        diffs_[i]->clear();
        spreads_[i]->clear();
    }
    showSpreadRow(false);
    table_->clearMetrics();
    status_->setFullText({});
}

bool PiComparisonPanel::run() {
    const QVector<ComparisonSetting> s = settings();
    const bool any = std::any_of(s.begin(), s.end(), [](const ComparisonSetting& c) { return c.model != nullptr; });
    if (!any) {
        status_->setFullText(mode_ == Mode::NoiseModulations ? tr("Load a model first.")
                                                             : tr("Load at least one model for the comparison."));
        return false;
    }
    const int seeds = spreadSeeds();
    if (seeds >= 2 && std::none_of(s.begin(), s.end(), [](const ComparisonSetting& c) {
            return c.model && rdbm::whyDeterministic(*c.model, c.options).empty();
        })) {
        status_->setFullText(tr("Every seed would give the same images: set \u03b7 above 0 in the Restoration panel "
                                "for the spread."));
        return false;
    }
    clearResults();
    const int columns = static_cast<int>(s.size()); // the models, and the classical tool if chosen
    rows_.resize(columns);
    rowDone_.fill(false, columns);
    meanAbs_.fill(0.0, columns);
    for (int i = 0; i < columns; ++i) {
        rows_[i].index = i;
        rows_[i].label = s[i].label;
        results_[columnOf(i)]->setPlaceholderText(s[i].model || s[i].classicalTool >= 0 ? tr("%1: waiting").arg(s[i].label)
                                                                              : tr("%1: no model").arg(s[i].label));
    }
    table_->clearMetrics();
    for (int i = 0; i < columns; ++i) {
        table_->setMetrics(s[i].label, kNaN, kNaN);
        for (int c = 3; c < table_->columnCount(); ++c) table_->setItem(i, c, new QTableWidgetItem(QStringLiteral("\u2014")));
    }
    // The current photo's own restoration, when it is one of these settings, is reused.
    QVector<ComparisonSetting> runs = s;
    const int current = session_->currentIndex();
    if (current >= 0 && session_->item(current).hasResult) {
        const RestoreOutcome& done = session_->item(current).result;
        for (ComparisonSetting& c : runs) {
            // A mean of several seeds (Restore N Seeds) is no single run of its options.
            if (c.model && c.model == done.model && done.seeds <= 1 && sameRun(c.options, done.options)) {
                c.reuse = done.image;
                c.reuseSeconds = done.seconds;
            }
        }
    }
    const bool started = session_->runComparison(runs, seeds);
    if (!started) status_->setFullText(tr("Open a photo and wait for the running job to finish."));
    updateEnabled();
    return started;
}

void PiComparisonPanel::onRowFinished(const ComparisonRow& row) {
    if (row.index < 0 || row.index >= rows_.size()) return;
    rows_[row.index] = row;
    rowDone_[row.index] = true;
    const int column = columnOf(row.index);
    results_[column]->setImage(row.display);
    results_[column]->setOverlayText(row.label);
    const cv::Mat d = row.difference.isContinuous() ? row.difference : row.difference.clone();
    diffs_[column]->setMap(d.cols, d.rows, d.ptr<float>());
    if (row.seeds > 1 && !row.stdDev.empty()) {
        const cv::Mat sd = row.stdDev.isContinuous() ? row.stdDev : row.stdDev.clone();
        spreads_[column]->setMap(sd.cols, sd.rows, sd.ptr<float>());
        const QLocale loc;
        // The title is elided in a narrow grid: the tooltip has it whole.
        const QString title = tr("std: mean %1, max %2").arg(loc.toString(row.meanStd, 'f', 4), loc.toString(row.maxStd, 'f', 4));
        spreads_[column]->setTitle(title);
        spreads_[column]->setToolTip(title);
        showSpreadRow(true);
    }
    updateCommonLimit();
    double meanAbs = 0.0;
    if (!d.empty()) {
        for (int i = 0; i < static_cast<int>(d.total()); ++i) meanAbs += std::abs(d.ptr<float>()[i]);
        meanAbs /= static_cast<double>(d.total());
    }
    table_->setMetrics(row.label, row.metrics.valid ? row.metrics.psnr : kNaN, row.metrics.valid ? row.metrics.ssim : kNaN);
    meanAbs_[row.index] = meanAbs;
    table_->item(row.index, 3)->setText(QLocale().toString(meanAbs, 'f', 4));
    table_->item(row.index, 4)->setText(QLocale().toString(row.seconds, 'f', 2));
    updateEnabled();
}

void PiComparisonPanel::onRowFailed(int row, const ErrorInfo& error) {
    if (row < 0 || row >= rows_.size()) return;
    results_[columnOf(row)]->setImage({});
    results_[columnOf(row)]->setPlaceholderText(tr("%1 failed:\n%2").arg(rows_.value(row).label, error.message));
    if (QTableWidgetItem* item = table_->item(row, 3)) item->setText(tr("failed"));
}

void PiComparisonPanel::updateCommonLimit() {
    // One colour scale for all difference maps, so that they compare.
    float limit = 1e-6f;
    for (int i = 0; i < rows_.size(); ++i) {
        if (!rowDone_.value(i) || rows_[i].difference.empty()) continue;
        const cv::Mat d = rows_[i].difference.isContinuous() ? rows_[i].difference : rows_[i].difference.clone();
        limit = std::max(limit, rdbm::symmetricLimit(d.ptr<float>(), static_cast<int>(d.total())));
    }
    for (widgets::HeatMapView* v : std::as_const(diffs_)) v->setFixedLimit(limit);
    scaleBar_->setLimit(limit);
    // The uncertainty maps share theirs too: the 99th percentile of the largest.
    float spreadLimit = 1e-6f;
    for (int i = 0; i < rows_.size(); ++i) {
        if (!rowDone_.value(i) || rows_[i].stdDev.empty()) continue;
        const cv::Mat sd = rows_[i].stdDev.isContinuous() ? rows_[i].stdDev : rows_[i].stdDev.clone();
        spreadLimit = std::max(spreadLimit, rdbm::symmetricLimit(sd.ptr<float>(), static_cast<int>(sd.total())));
    }
    for (widgets::HeatMapView* v : std::as_const(spreads_)) v->setFixedLimit(spreadLimit);
    spreadBar_->setLimit(spreadLimit);
}

int PiComparisonPanel::finishedRows() const { return static_cast<int>(std::count(rowDone_.begin(), rowDone_.end(), true)); }

void PiComparisonPanel::updateEnabled() {
    const bool idle = session_->state() == RestoreSession::State::Idle;
    const bool comparing = session_->state() == RestoreSession::State::Comparing;
    run_->setEnabled(idle && session_->currentIndex() >= 0);
    cancel_->setEnabled(comparing);
    export_->setEnabled(idle && finishedRows() > 0);
    for (QPushButton* b : std::as_const(slotButtons_)) b->setEnabled(idle);
    spread_->setEnabled(idle);
    classical_->setEnabled(idle);
    spreadSeeds_->setEnabled(idle && spread_->isChecked());
}

ComparisonExport PiComparisonPanel::exportRequest(const QString& directory) const {
    const QString rdbm = mode_ == Mode::Methods ? QStringLiteral("rdbm-") : QString();
    const QString stems[kColumns] = {rdbm + QStringLiteral("pi-residual"), rdbm + QStringLiteral("pi-one"),
                                     rdbm + QStringLiteral("pi-zero"), QStringLiteral("rddm"),
                                     QStringLiteral("classical-") +
                                         QString::fromStdString(rdbm::toString(static_cast<rdbm::ClassicalTool>(std::max(0, classicalTool()))))};
    ComparisonExport r;
    r.directory = directory;
    r.prefix = mode_ == Mode::Models ? QStringLiteral("model")
               : mode_ == Mode::Methods ? QStringLiteral("methods")
                                        : QStringLiteral("noise");
    r.input = input_->image();
    r.limit = diffs_.isEmpty() ? 0.0f : diffs_.first()->limit();
    for (int i = 0; i < rows_.size(); ++i) {
        if (!rowDone_.value(i)) continue;
        r.rows << rows_[i];
        r.stems << stems[columnOf(i)];
        r.meanAbs << meanAbs_.value(i);
    }
    return r;
}

bool PiComparisonPanel::exportTo(const QString& directory) {
    if (finishedRows() == 0) return false;
    session_->exportComparison(exportRequest(directory));
    status_->setFullText(tr("Exporting the comparison to %1\u2026").arg(QDir::toNativeSeparators(directory)));
    return true;
}

void PiComparisonPanel::chooseExport() {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Export Comparison to Folder"), QDir::homePath());
    if (!dir.isEmpty()) exportTo(dir);
}

} // namespace rdbm::app
