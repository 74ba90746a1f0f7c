#pragma once
// Light and dark palettes for the whole application (Fusion style), or the system's.
// Qt 6.4 cannot ask the platform for its colour scheme, so "follow system" restores
// the palette and style the application started with.
#include <QPalette>
#include <QString>

namespace rdbm::widgets {

// The application's setting (AppSettings stores it); defined here so the palettes do
// not depend on the application.
enum class ThemeChoice { System, Light, Dark };

class ThemePalette {
public:
    static QPalette light();
    static QPalette dark();
    // Remembers the startup style and palette (call once, before the first apply()).
    static void captureSystemDefaults();
    static void apply(ThemeChoice theme);
    // True when the palette in use has a dark window background.
    static bool isDark(const QPalette& palette);
    // Moves each text colour (window, base, button, placeholder, highlight, tool tip,
    // link) just far enough from its background for 4.5:1; apply() does this for every
    // theme, the system's included.
    static QPalette readable(QPalette palette);
    // The lowest contrast among those text/background pairs (for tests and the about box).
    static double lowestTextContrast(const QPalette& palette);
};

} // namespace rdbm::widgets
