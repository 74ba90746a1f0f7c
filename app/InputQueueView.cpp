#include "InputQueueView.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QSignalBlocker>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

#include "RestoreSession.h"
#include "RunRecord.h"

namespace rdbm::app {
namespace {

constexpr int kThumb = 48;

QIcon thumbnailIcon(const QImage& image) {
    if (image.isNull()) return {};
    QImage thumb = image.scaled(kThumb, kThumb, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    return QIcon(QPixmap::fromImage(thumb));
}

void addButtons(QWidget* row, std::initializer_list<QAction*> actions) {
    auto* layout = static_cast<QHBoxLayout*>(row->layout());
    for (QAction* a : actions) {
        if (!a) continue;
        auto* b = new QToolButton(row);
        b->setDefaultAction(a);
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        layout->addWidget(b);
    }
    layout->addStretch(1);
}

} // namespace

InputQueueView::InputQueueView(RestoreSession* session, QWidget* parent) : QWidget(parent), session_(session) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    list_ = new QListWidget(this);
    list_->setIconSize({kThumb, kThumb});
    list_->setUniformItemSizes(true);
    list_->setSelectionMode(QAbstractItemView::SingleSelection);
    list_->setToolTip(tr("Opened photos. Drop more onto the window; Restore All works through them in order."));
    layout->addWidget(list_, 1);
    buttons_ = new QWidget(this);
    new QHBoxLayout(buttons_);
    buttons_->layout()->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(buttons_);
    queueButtons_ = new QWidget(this);
    new QHBoxLayout(queueButtons_);
    queueButtons_->layout()->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(queueButtons_);

    auto* refTitle = new QLabel(tr("<b>Reference</b> (clean photo, for PSNR and SSIM)"), this);
    refTitle->setWordWrap(true);
    layout->addWidget(refTitle);
    reference_ = new QLabel(this);
    reference_->setWordWrap(true);
    reference_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(reference_);
    referenceButtons_ = new QWidget(this);
    new QHBoxLayout(referenceButtons_);
    referenceButtons_->layout()->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(referenceButtons_);

    connect(list_, &QListWidget::currentRowChanged, session_, [this](int row) {
        if (row >= 0) session_->setCurrentIndex(row);
    });
    connect(session_, &RestoreSession::itemsChanged, this, &InputQueueView::rebuild);
    connect(session_, &RestoreSession::itemChanged, this, &InputQueueView::refreshItem);
    connect(session_, &RestoreSession::currentIndexChanged, this, [this](int index) {
        const QSignalBlocker block(list_);
        list_->setCurrentRow(index);
    });
    connect(session_, &RestoreSession::referenceChanged, this, &InputQueueView::refreshReference);
    rebuild();
    refreshReference();
}

void InputQueueView::setActions(QAction* add, QAction* remove, QAction* setReference, QAction* clearReference) {
    addButtons(buttons_, {add, remove});
    addButtons(referenceButtons_, {setReference, clearReference});
}

void InputQueueView::setQueueActions(QAction* moveUp, QAction* moveDown, QAction* pause) {
    addButtons(queueButtons_, {moveUp, moveDown, pause});
}

int InputQueueView::count() const { return list_->count(); }

QString InputQueueView::itemText(int row) const {
    const QListWidgetItem* item = list_->item(row);
    return item ? item->text() : QString();
}

QString InputQueueView::itemToolTip(int row) const {
    const QListWidgetItem* item = list_->item(row);
    return item ? item->toolTip() : QString();
}

void InputQueueView::rebuild() {
    const QSignalBlocker block(list_);
    list_->clear();
    for (int i = 0; i < session_->itemCount(); ++i) {
        list_->addItem(new QListWidgetItem);
        refreshItem(i);
    }
    list_->setCurrentRow(session_->currentIndex());
}

void InputQueueView::refreshItem(int index) {
    QListWidgetItem* item = list_->item(index);
    if (!item || index >= session_->itemCount()) return;
    const RestoreSession::Item& it = session_->item(index);
    const QFileInfo info(it.path);
    QString size;
    if (!it.input.display.isNull()) size = QStringLiteral("%1\u00d7%2, ").arg(it.input.display.width()).arg(it.input.display.height());
    item->setText(QStringLiteral("%1\n%2%3").arg(info.fileName(), size, toString(it.status)));
    QStringList tip{QDir::toNativeSeparators(it.path)};
    if (!it.message.isEmpty()) tip << it.message;
    const QString record = RunRecordText::describe(it.record); // issue 11 §4: how the photo was made
    if (!record.isEmpty()) tip << record;
    item->setToolTip(tip.join(QLatin1Char('\n')));
    const QImage& preview = it.hasResult ? it.result.display : it.input.display;
    if (!preview.isNull() && item->icon().isNull()) item->setIcon(thumbnailIcon(preview));
    if (it.status == RestoreSession::ItemStatus::Done) item->setIcon(thumbnailIcon(it.result.display));
    if (it.status == RestoreSession::ItemStatus::Failed)
        item->setIcon(style()->standardIcon(QStyle::SP_MessageBoxWarning));
}

void InputQueueView::refreshReference() {
    const LoadedImage& ref = session_->referenceImage();
    if (!ref.image) {
        reference_->setText(tr("None. Open one to measure PSNR and SSIM."));
        return;
    }
    reference_->setText(QStringLiteral("%1 (%2\u00d7%3)")
                            .arg(QFileInfo(ref.path).fileName())
                            .arg(ref.display.width())
                            .arg(ref.display.height()));
    reference_->setToolTip(QDir::toNativeSeparators(ref.path));
}

} // namespace rdbm::app
