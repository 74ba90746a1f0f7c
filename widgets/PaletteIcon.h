#pragma once
// Standard media icons (play, pause, skip, seek) drawn in the palette's button-text
// colour. The style's own pixmaps are black, which vanishes on a dark toolbar; these
// follow the theme (call again when the palette changes).
#include <QIcon>
#include <QPalette>
#include <QStyle>

namespace rdbm::widgets {

QIcon paletteIcon(const QStyle* style, QStyle::StandardPixmap which, const QPalette& palette);

} // namespace rdbm::widgets
