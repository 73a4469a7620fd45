// ServerSettings: the session log's rows (ServerSessionLog.h) and the
// command-line-only telemetry export (TelemetryCsvExport.h), kept apart from
// ServerSettings.cpp so that file stays within its size.

#include "ServerSettings.h"

#include <QCoreApplication>

namespace chorus {

void addSessionLogRows(QList<SettingSpec>& rows)
{
    auto row = [&rows](ServerSetting id) -> SettingSpec& { return rows[settingId(id)]; };

    SettingSpec& folder = row(ServerSetting::SessionLog);
    folder.key = "sessionLog/folder";
    folder.option = "session-log";
    folder.kind = SettingKind::Text;
    folder.minimum = 1;
    folder.defaultValue = QString();
    folder.valueName = "DIR";
    folder.label = QT_TRANSLATE_NOOP("chorus::ServerSettings", "Session log folder");
    folder.help = QT_TRANSLATE_NOOP(
        "chorus::ServerSettings",
        "Write every event (connect, disconnect, each message in and out with its exact bytes "
        "over TCP and UDP, commands, acks, telemetry, status, heartbeats) to DIR as JSON lines "
        "with microsecond times (chorus-server-NNNNNN.jsonl). A full disk stops the log, not the "
        "server. Empty: no session log.");

    SettingSpec& fileSize = row(ServerSetting::SessionLogFileMiB);
    fileSize.key = "sessionLog/fileMiB";
    fileSize.option = "session-log-file-size";
    fileSize.defaultValue = qint64(kDefaultSessionLogFileBytes / (1024 * 1024));
    fileSize.minimum = 1;
    fileSize.maximum = 4096;
    fileSize.unit = QT_TRANSLATE_NOOP("chorus::ServerSettings", "MiB");
    fileSize.valueName = "MIB";
    fileSize.label = QT_TRANSLATE_NOOP("chorus::ServerSettings", "Session log file size");
    fileSize.help = QT_TRANSLATE_NOOP(
        "chorus::ServerSettings",
        "Start a new session-log file when the current one would pass MIB MiB. Default: 16.");

    SettingSpec& files = row(ServerSetting::SessionLogFiles);
    files.key = "sessionLog/files";
    files.option = "session-log-files";
    files.defaultValue = qint64(kDefaultSessionLogFiles);
    files.minimum = 1;
    files.maximum = 100000;
    files.valueName = "N";
    files.label = QT_TRANSLATE_NOOP("chorus::ServerSettings", "Session log files kept");
    files.help = QT_TRANSLATE_NOOP("chorus::ServerSettings",
                                   "Keep the newest N session-log files; the oldest is removed "
                                   "when a new one starts. Default: 8.");

    SettingSpec& exportCsv = row(ServerSetting::ExportTelemetryCsv);
    exportCsv.option = "export-telemetry-csv";
    exportCsv.kind = SettingKind::Text;
    exportCsv.minimum = 1;
    exportCsv.defaultValue = QString();
    exportCsv.valueName = "LOG";
    exportCsv.help = QT_TRANSLATE_NOOP(
        "chorus::ServerSettings",
        "Write the telemetry of a session log (a .jsonl file, or a folder of them) as CSV, one "
        "column per key, to the --output file, and exit without opening a window.");

    SettingSpec& output = row(ServerSetting::Output);
    output.option = "output";
    output.kind = SettingKind::Text;
    output.minimum = 1;
    output.defaultValue = QString();
    output.valueName = "FILE";
    output.help =
        QT_TRANSLATE_NOOP("chorus::ServerSettings", "Where --export-telemetry-csv writes its CSV.");
}

void applySessionLogSettings(const SettingValues& values, ServerConfig* config)
{
    const SettingsTable& t = ServerSettings::table();
    auto get = [&](ServerSetting setting) {
        const int id = settingId(setting);
        return values.has(id) ? values.get(id) : t.row(id).defaultValue;
    };
    config->sessionLog.folder = get(ServerSetting::SessionLog).toString();
    config->sessionLog.maxFileBytes =
        get(ServerSetting::SessionLogFileMiB).toLongLong() * 1024 * 1024;
    config->sessionLog.maxFiles = int(get(ServerSetting::SessionLogFiles).toLongLong());
}

} // namespace chorus
