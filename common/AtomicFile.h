#pragma once

// Files the user keeps (reply book, history, saved logs, reports) are written
// whole or not at all: QSaveFile writes a temporary beside the target and
// renames it over only after every byte made it to disk.

#include <QByteArray>
#include <QString>

namespace chorus {

// The folder must exist. On failure returns false and sets *error to
// "Cannot write <path>: <errorString()>"; the old file is left untouched.
bool writeFileAtomically(const QString& path, const QByteArray& data, QString* error = nullptr);

} // namespace chorus
