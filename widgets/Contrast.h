#pragma once
// Contrast between colours as WCAG 2 defines it (relative luminance of sRGB, ratio
// (L1 + 0.05) / (L2 + 0.05), 1..21), and a text colour that stays readable on a
// background whatever the palette: the views draw hints and placeholders with it.
#include <QColor>

namespace rdbm::widgets {

// At least this ratio for normal text (WCAG AA).
constexpr double kMinTextContrast = 4.5;

double relativeLuminance(const QColor& c);
double contrastRatio(const QColor& a, const QColor& b);
// preferred when it reaches minRatio on background, else preferred moved toward black or
// white (whichever contrasts more with background) just far enough to reach it; either
// extreme reaches at least 4.58:1 on any background.
QColor readableOn(const QColor& background, const QColor& preferred, double minRatio = kMinTextContrast);

} // namespace rdbm::widgets
