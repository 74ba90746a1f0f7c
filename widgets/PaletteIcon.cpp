#include "PaletteIcon.h"

#include <QPainter>
#include <QPixmap>

namespace rdbm::widgets {

QIcon paletteIcon(const QStyle* style, QStyle::StandardPixmap which, const QPalette& palette) {
    const QIcon source = style->standardIcon(which);
    QIcon out;
    for (QIcon::Mode mode : {QIcon::Normal, QIcon::Disabled}) {
        const QColor colour = palette.color(mode == QIcon::Normal ? QPalette::Active : QPalette::Disabled, QPalette::ButtonText);
        for (int size : {16, 22, 24, 32, 48}) {
            QPixmap pm = source.pixmap(QSize(size, size));
            if (pm.isNull()) continue;
            // Keep the shape (alpha), replace the colour.
            QPainter p(&pm);
            p.setCompositionMode(QPainter::CompositionMode_SourceIn);
            p.fillRect(pm.rect(), colour);
            p.end();
            out.addPixmap(pm, mode);
        }
    }
    return out;
}

} // namespace rdbm::widgets
