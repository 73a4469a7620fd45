#include "base/TelemetryCsvExport.h"

#include "base/SessionLog.h"

#include <QDir>
#include <QFileInfo>

namespace chorus {

QStringList sessionLogFilesOf(const QString& fileOrFolder)
{
    const QFileInfo info(fileOrFolder);
    if (!info.isDir())
        return info.exists() ? QStringList{info.absoluteFilePath()} : QStringList{};
    QStringList files;
    const QDir dir(info.absoluteFilePath());
    for (const QString& name :
         dir.entryList({QStringLiteral("*.jsonl")}, QDir::Files | QDir::Readable, QDir::Name))
        files << dir.filePath(name);
    return files;
}

TelemetryExportResult exportTelemetryCsv(const QString& logFileOrFolder, const QString& csvPath)
{
    TelemetryExportResult result;
    result.path = logFileOrFolder;
    if (!QFileInfo::exists(logFileOrFolder)) {
        result.error = TelemetryExportError::InputMissing;
        return result;
    }
    result.inputs = sessionLogFilesOf(logFileOrFolder);
    if (result.inputs.isEmpty()) {
        result.error = TelemetryExportError::NoSessionLogs;
        return result;
    }
    const QString output = QFileInfo(csvPath).absoluteFilePath();
    for (const QString& input : std::as_const(result.inputs)) {
        if (QFileInfo(input).absoluteFilePath() == output) {
            result.error = TelemetryExportError::SameAsInput;
            result.path = csvPath;
            return result;
        }
    }
    const QList<SessionRecord> records = readSessionLog(result.inputs, &result.badLines);
    if (records.isEmpty()) {
        result.error = TelemetryExportError::NotASessionLog;
        return result;
    }
    const QByteArray csv = telemetryCsv(records);
    for (const SessionRecord& record : records)
        if (record.kind == QLatin1String("telemetry"))
            ++result.rows;
    const qsizetype headerEnd = csv.indexOf('\n');
    result.columns = int(csv.left(headerEnd).count(',')) - 1; // after time_us,peer
    result.file = writeFileAtomically(csvPath, csv);
    if (!result.file.ok()) {
        result.error = TelemetryExportError::WriteFailed;
        result.path = csvPath;
    }
    return result;
}

} // namespace chorus
