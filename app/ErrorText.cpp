#include "ErrorText.h"

namespace rdbm::app {

QString ErrorText::title(rdbm::ErrorKind kind) {
    switch (kind) {
    case rdbm::ErrorKind::Usage: return tr("Cannot do that");
    case rdbm::ErrorKind::Image: return tr("Image problem");
    case rdbm::ErrorKind::Checkpoint: return tr("Model file problem");
    case rdbm::ErrorKind::Runtime: return tr("Restoration failed");
    case rdbm::ErrorKind::Cancelled: return tr("Cancelled");
    }
    return tr("Error");
}

QString ErrorText::hint(rdbm::ErrorKind kind) {
    switch (kind) {
    case rdbm::ErrorKind::Usage: return tr("Check the chosen settings or file name and try again.");
    case rdbm::ErrorKind::Image:
        return tr("Open a PNG, JPEG, TIFF, WebP or BMP photo that other programs can display.");
    case rdbm::ErrorKind::Checkpoint:
        return tr("Load a RDBM checkpoint (.safetensors, .pt or .pth from the trainer, or TorchScript). "
                  "A metadata file named like the checkpoint plus .json can supply missing settings.");
    case rdbm::ErrorKind::Runtime:
        return tr("Try a smaller tile size, fewer steps or the CPU device. The application keeps running.");
    case rdbm::ErrorKind::Cancelled: return tr("The run was stopped at your request.");
    }
    return {};
}

QString ErrorText::statusLine(const QString& context, const ErrorInfo& error) {
    QString msg = error.message.simplified();
    if (msg.size() > 160) msg = msg.left(157) + QStringLiteral("...");
    return context.isEmpty() ? msg : tr("%1 failed: %2").arg(context, msg);
}

QString ErrorText::details(const QString& context, const ErrorInfo& error) {
    QString html;
    if (!context.isEmpty()) html += QStringLiteral("<p><b>%1</b></p>").arg(tr("%1 failed.").arg(context.toHtmlEscaped()));
    html += QStringLiteral("<p>%1</p>").arg(error.message.toHtmlEscaped());
    const QString h = hint(error.kind);
    if (!h.isEmpty()) html += QStringLiteral("<p><i>%1</i></p>").arg(h.toHtmlEscaped());
    return html;
}

} // namespace rdbm::app
