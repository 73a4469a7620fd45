#pragma once

// chorus-server --export-telemetry-csv LOG --output FILE: the CSV export
// without a window (base/TelemetryCsvExport.h), and the words for its result
// that the window's File > Export telemetry as CSV shows too.

#include "base/TelemetryCsvExport.h"

#include <QCoreApplication>
#include <QString>

namespace chorus {

class TelemetryExportCommand
{
    Q_DECLARE_TR_FUNCTIONS(chorus::TelemetryExportCommand)
public:
    // Exit codes besides 0 (the usage errors of the command line exit with 2 too).
    static constexpr int kBadInput = 2;    // no such log, not a session log, same as output
    static constexpr int kWriteFailed = 1; // the CSV could not be written

    // Writes the CSV; prints one line saying what was written (stdout) or
    // why not (stderr). Returns the exit code.
    static int run(const QString& input, const QString& output);
    // "12 rows, 4 columns written to out.csv" or the problem, translated.
    static QString describe(const TelemetryExportResult& result);
};

} // namespace chorus
