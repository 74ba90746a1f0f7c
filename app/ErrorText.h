#pragma once
// How the application words an rdbm::Error for people: a title for the kind of problem
// and a hint of what to do, around the core's own message (which names file and cause).
#include <QCoreApplication>
#include <QString>

#include "RestoreTypes.h"

namespace rdbm::app {

class ErrorText {
    Q_DECLARE_TR_FUNCTIONS(ErrorText)

public:
    static QString title(rdbm::ErrorKind kind);
    static QString hint(rdbm::ErrorKind kind);
    // "context: message" for the status bar (one line).
    static QString statusLine(const QString& context, const ErrorInfo& error);
    // Rich text for the message box: what failed, why, what to try.
    static QString details(const QString& context, const ErrorInfo& error);
};

} // namespace rdbm::app
