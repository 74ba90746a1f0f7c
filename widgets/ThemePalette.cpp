#include "ThemePalette.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>

#include <algorithm>
#include <utility>

#include "Contrast.h"

namespace rdbm::widgets {
namespace {

// Text colour roles and the background each is drawn on.
const std::pair<QPalette::ColorRole, QPalette::ColorRole> kTextPairs[] = {
    {QPalette::WindowText, QPalette::Window},       {QPalette::Text, QPalette::Base},
    {QPalette::ButtonText, QPalette::Button},       {QPalette::PlaceholderText, QPalette::Base},
    {QPalette::PlaceholderText, QPalette::Window},  {QPalette::HighlightedText, QPalette::Highlight},
    {QPalette::ToolTipText, QPalette::ToolTipBase}, {QPalette::Link, QPalette::Base},
};

QString g_systemStyle;
QPalette g_systemPalette;
bool g_captured = false;

} // namespace

QPalette ThemePalette::light() {
    QPalette p(QColor(239, 239, 239));
    p.setColor(QPalette::Base, Qt::white);
    p.setColor(QPalette::AlternateBase, QColor(246, 246, 246));
    p.setColor(QPalette::Highlight, QColor(38, 103, 185));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(38, 103, 185));
    p.setColor(QPalette::ToolTipBase, QColor(255, 255, 225));
    p.setColor(QPalette::ToolTipText, Qt::black);
    p.setColor(QPalette::PlaceholderText, QColor(107, 107, 107)); // 4.6:1 on the window, 5.3:1 on white
    return p;
}

QPalette ThemePalette::dark() {
    const QColor window(45, 47, 51), base(30, 31, 34), text(225, 225, 225), disabled(120, 120, 120);
    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(40, 42, 46));
    p.setColor(QPalette::ToolTipBase, QColor(60, 63, 68));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(154, 154, 154)); // 4.8:1 on the window
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(55, 58, 63));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(255, 90, 90));
    p.setColor(QPalette::Light, QColor(75, 78, 84));
    p.setColor(QPalette::Midlight, QColor(62, 65, 70));
    p.setColor(QPalette::Mid, QColor(40, 42, 46));
    p.setColor(QPalette::Dark, QColor(25, 26, 28));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, QColor(61, 133, 222));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(110, 170, 255));
    p.setColor(QPalette::LinkVisited, QColor(170, 140, 255));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    p.setColor(QPalette::Disabled, QPalette::Base, window);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(80, 80, 80));
    return p;
}

void ThemePalette::captureSystemDefaults() {
    if (g_captured || !qApp) return;
    g_systemStyle = qApp->style() ? qApp->style()->name() : QString();
    g_systemPalette = QApplication::palette();
    g_captured = true;
}

QPalette ThemePalette::readable(QPalette palette) {
    for (QPalette::ColorGroup group : {QPalette::Active, QPalette::Inactive}) {
        for (const auto& [text, background] : kTextPairs)
            palette.setColor(group, text, widgets::readableOn(palette.color(group, background), palette.color(group, text)));
    }
    return palette;
}

double ThemePalette::lowestTextContrast(const QPalette& palette) {
    double lowest = 21.0;
    for (QPalette::ColorGroup group : {QPalette::Active, QPalette::Inactive})
        for (const auto& [text, background] : kTextPairs)
            lowest = std::min(lowest, widgets::contrastRatio(palette.color(group, text), palette.color(group, background)));
    return lowest;
}

void ThemePalette::apply(ThemeChoice theme) {
    captureSystemDefaults();
    switch (theme) {
    case ThemeChoice::System:
        if (!g_systemStyle.isEmpty()) QApplication::setStyle(QStyleFactory::create(g_systemStyle));
        QApplication::setPalette(readable(g_systemPalette));
        break;
    case ThemeChoice::Light:
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(readable(light()));
        break;
    case ThemeChoice::Dark:
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(readable(dark()));
        break;
    }
}

bool ThemePalette::isDark(const QPalette& palette) { return palette.color(QPalette::Window).lightness() < 128; }

} // namespace rdbm::widgets
