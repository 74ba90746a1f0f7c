#include "Translations.h"

#include <QDir>
#include <QFile>
#include <QLibraryInfo>
#include <QTranslator>

#include <memory>

namespace rdbm::app {
namespace {

std::unique_ptr<QTranslator> g_app, g_qt;
QString g_installed = QStringLiteral("en");

QString qmPath(const QString& language) { return QStringLiteral(":/i18n/rdbm-studio_%1.qm").arg(language); }

// "de_DE" -> "de", "zh_Hans_CN"/"zh-CN" -> "zh_CN": the closest language we ship.
QString match(const QString& wanted) {
    QString w = wanted;
    w.replace(QLatin1Char('-'), QLatin1Char('_'));
    const QStringList langs = Translations::available();
    for (const QString& l : langs)
        if (w.compare(l, Qt::CaseInsensitive) == 0) return l;
    const QString base = w.section(QLatin1Char('_'), 0, 0).toLower();
    if (base == QLatin1String("zh")) return QStringLiteral("zh_CN");
    for (const QString& l : langs)
        if (l.section(QLatin1Char('_'), 0, 0) == base) return l;
    return {};
}

} // namespace

QStringList Translations::available() { return {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("zh_CN")}; }

QString Translations::nativeName(const QString& language) {
    if (language == QLatin1String("de")) return QStringLiteral("Deutsch");
    if (language == QLatin1String("zh_CN")) return QStringLiteral("\u7b80\u4f53\u4e2d\u6587");
    return QStringLiteral("English");
}

QString Translations::resolve(const QString& override, const QString& saved, const QLocale& system) {
    for (const QString& candidate : {override, saved}) {
        if (candidate.isEmpty()) continue;
        const QString m = match(candidate);
        if (!m.isEmpty()) return m;
    }
    for (const QString& ui : system.uiLanguages()) {
        const QString m = match(ui);
        if (!m.isEmpty()) return m;
    }
    return QStringLiteral("en");
}

bool Translations::install(const QString& language) {
    if (g_app) QCoreApplication::removeTranslator(g_app.get());
    if (g_qt) QCoreApplication::removeTranslator(g_qt.get());
    g_app.reset();
    g_qt.reset();
    g_installed = QStringLiteral("en");
    const QString lang = match(language);
    if (lang.isEmpty()) return false;
    QLocale::setDefault(QLocale(lang));
    auto app = std::make_unique<QTranslator>();
    // English is the source language; its file only holds the plural forms ("1 step", "2 steps").
    if (!app->load(qmPath(lang))) return lang == QLatin1String("en");
    QCoreApplication::installTranslator(app.get());
    g_app = std::move(app);
    if (lang == QLatin1String("en")) {
        g_installed = lang;
        return true;
    }
    // Qt's own dialogs (file dialog, standard buttons), when the system ships them.
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(QLocale(lang), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt.get());
        g_qt = std::move(qt);
    }
    g_installed = lang;
    return true;
}

QString Translations::installed() { return g_installed; }

} // namespace rdbm::app
