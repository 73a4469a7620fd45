#pragma once

// Export telemetry as CSV (one column per key, telemetryCsv() in
// base/SessionLog.h) from a session-log file or a folder of them, written
// with writeFileAtomically. Used by chorus-server --export-telemetry-csv and
// the window's File > Export telemetry as CSV.

#include "base/AtomicFile.h"

#include <QString>
#include <QStringList>

namespace chorus {

enum class TelemetryExportError {
    None,
    InputMissing,   // the file or folder is not there
    NoSessionLogs,  // a folder without *.jsonl files
    NotASessionLog, // no line of the input is a session-log line
    WriteFailed,    // the CSV could not be written (file says why)
    SameAsInput,    // --output names one of the input files
};

struct TelemetryExportResult
{
    TelemetryExportError error = TelemetryExportError::None;
    QString path;    // the input (or the output, for WriteFailed)
    FileResult file; // WriteFailed: writeFileAtomically's result
    QStringList inputs;
    int rows = 0;     // telemetry records written
    int columns = 0;  // keys (besides time_us and peer)
    int badLines = 0; // lines of the input that are no session-log line (skipped)
    bool ok() const { return error == TelemetryExportError::None; }
};

// A .jsonl file as given, or a folder's *.jsonl files in name order (so in
// the order they were written: the numbers count up).
QStringList sessionLogFilesOf(const QString& fileOrFolder);

TelemetryExportResult exportTelemetryCsv(const QString& logFileOrFolder, const QString& csvPath);

} // namespace chorus
