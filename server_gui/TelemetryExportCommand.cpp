#include "TelemetryExportCommand.h"

#include <QTextStream>

namespace chorus {

QString TelemetryExportCommand::describe(const TelemetryExportResult& result)
{
    switch (result.error) {
    case TelemetryExportError::None:
        return tr("%n telemetry row(s) with %1 key column(s) from %2 file(s) written", nullptr,
                  result.rows)
                   .arg(result.columns)
                   .arg(result.inputs.size()) +
               (result.badLines > 0 ? tr(" (%n line(s) that are no session-log line skipped)",
                                         nullptr, result.badLines)
                                    : QString());
    case TelemetryExportError::InputMissing:
        return tr("%1: no such file or folder").arg(result.path);
    case TelemetryExportError::NoSessionLogs:
        return tr("%1: the folder holds no session-log files (*.jsonl)").arg(result.path);
    case TelemetryExportError::NotASessionLog:
        return tr("%1: not a session log (no line is a session-log line)").arg(result.path);
    case TelemetryExportError::SameAsInput:
        return tr("%1: the output would overwrite the session log it reads").arg(result.path);
    case TelemetryExportError::WriteFailed:
        return result.file.describe();
    }
    return {};
}

int TelemetryExportCommand::run(const QString& input, const QString& output)
{
    if (input.isEmpty() || output.isEmpty()) {
        QTextStream(stderr) << "chorus-server: "
                            << (output.isEmpty()
                                    ? tr("--export-telemetry-csv needs --output FILE.")
                                    : tr("--output is where --export-telemetry-csv writes; give "
                                         "both."))
                            << '\n';
        return kBadInput;
    }
    const TelemetryExportResult result = exportTelemetryCsv(input, output);
    if (!result.ok()) {
        QTextStream(stderr) << "chorus-server: --export-telemetry-csv: " << describe(result)
                            << '\n';
        return result.error == TelemetryExportError::WriteFailed ? kWriteFailed : kBadInput;
    }
    QTextStream(stdout) << describe(result) << tr(" to %1").arg(output) << '\n';
    return 0;
}

} // namespace chorus
