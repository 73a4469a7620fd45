#pragma once

// Command preset files (JSON), read and written; no state, no QObject.
//
//   {"format":"chorus-command-presets","version":1,"presets":[
//     {"name":"TAKEOFF","payload":"TAKEOFF alt={alt}\n","channel":"tcp",
//      "ackTimeoutMs":10000,"retries":1,"expectedReply":"^OK"}]}
//
// Reading goes through readRegularFile (never blocks, never changes the
// file); a preset that fails checkCommandPreset makes the whole file refused
// with its index, so an import never half-applies. Writing goes through
// writeFileAtomically (verified; the old file survives any failure).

#include "base/AtomicFile.h"
#include "command/CommandPreset.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace chorus {

inline constexpr qint64 kMaxCommandPresetFileBytes = 4 * 1024 * 1024;

enum class PresetFileError {
    None,
    InvalidJson,   // not parseable JSON
    NotPresetFile, // JSON without a "presets" array
    BadPreset,     // a preset of the wrong shape, or one checkCommandPreset refuses
    DuplicateName, // two presets with one name
};
QString presetFileErrorKey(PresetFileError error); // "invalid-json", ...

struct PresetFileResult
{
    FileResult file;
    PresetFileError format = PresetFileError::None;
    QString formatReason; // which preset and field, for people
    bool ok() const { return file.ok() && format == PresetFileError::None; }
};

QByteArray commandPresetsToJson(const QList<CommandPreset>& presets);
QList<CommandPreset> commandPresetsFromJson(const QByteArray& json, PresetFileResult* result);

PresetFileResult saveCommandPresets(const QString& path, const QList<CommandPreset>& presets);
PresetFileResult loadCommandPresets(const QString& path, QList<CommandPreset>* presets);

} // namespace chorus
