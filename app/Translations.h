#pragma once
// Loads the application's translations (embedded .qm files under :/i18n, compiled from
// translations/*.ts) for a chosen language or the system locale, plus Qt's own strings
// when the system has them.
#include <QCoreApplication>
#include <QLocale>
#include <QString>
#include <QStringList>

namespace rdbm::app {

class Translations {
    Q_DECLARE_TR_FUNCTIONS(Translations)

public:
    // Languages the application ships, as locale names ("en" is the source language).
    static QStringList available();
    // The language's name in itself, for the menu ("Deutsch", "简体中文").
    static QString nativeName(const QString& language);
    // override (from --lang) wins, then the saved choice, then the system's UI languages.
    static QString resolve(const QString& override, const QString& saved, const QLocale& system = QLocale::system());
    // Installs translators on the application; returns false for an unknown language
    // (the interface then stays in English). Replaces translators installed before.
    static bool install(const QString& language);
    static QString installed(); // the language installed last ("en" if none)
};

} // namespace rdbm::app
