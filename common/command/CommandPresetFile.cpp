#include "command/CommandPresetFile.h"
#include "base/TranslateIn.h"

#include "base/JsonBytes.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace chorus {

namespace {

QString tr(const char* text)
{
    return translateIn({"chorus::CommandPresetFile", "chorus"}, text);
}

const QLatin1String kFormat("chorus-command-presets");

void failFormat(PresetFileResult* result, PresetFileError error, const QString& reason)
{
    if (result) {
        result->format = error;
        result->formatReason = reason;
    }
}

} // namespace

QString presetFileErrorKey(PresetFileError error)
{
    switch (error) {
    case PresetFileError::None:
        return {};
    case PresetFileError::InvalidJson:
        return QStringLiteral("invalid-json");
    case PresetFileError::NotPresetFile:
        return QStringLiteral("not-preset-file");
    case PresetFileError::BadPreset:
        return QStringLiteral("bad-preset");
    case PresetFileError::DuplicateName:
        return QStringLiteral("duplicate-name");
    }
    return {};
}

QByteArray commandPresetsToJson(const QList<CommandPreset>& presets)
{
    QJsonArray array;
    for (const CommandPreset& preset : presets) {
        QJsonObject object;
        object.insert(QStringLiteral("name"), preset.name);
        object.insert(QStringLiteral("payload"), preset.payloadTemplate);
        object.insert(QStringLiteral("channel"), commandChannelKey(preset.channel));
        object.insert(QStringLiteral("ackTimeoutMs"), qint64(preset.ackTimeout.count()));
        object.insert(QStringLiteral("retries"), preset.retries);
        object.insert(QStringLiteral("expectedReply"), preset.expectedReply);
        array.append(object);
    }
    QJsonObject root;
    root.insert(QStringLiteral("format"), kFormat);
    root.insert(QStringLiteral("version"), 1);
    root.insert(QStringLiteral("presets"), array);
    return jsonBytes(QJsonDocument(root));
}

QList<CommandPreset> commandPresetsFromJson(const QByteArray& json, PresetFileResult* result)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        failFormat(result, PresetFileError::InvalidJson,
                   tr("byte %1: %2").arg(parseError.offset).arg(parseError.errorString()));
        return {};
    }
    const QJsonValue presetsValue = document.object().value(QLatin1String("presets"));
    if (!document.isObject() || !presetsValue.isArray()) {
        failFormat(result, PresetFileError::NotPresetFile, tr("no \"presets\" array"));
        return {};
    }
    QList<CommandPreset> presets;
    QSet<QString> names;
    const QJsonArray array = presetsValue.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonObject object = array.at(i).toObject();
        auto bad = [&](const QString& why) {
            failFormat(result, PresetFileError::BadPreset, tr("preset %1: %2").arg(i + 1).arg(why));
            return QList<CommandPreset>();
        };
        if (!array.at(i).isObject())
            return bad(tr("not an object"));
        CommandPreset preset;
        const QJsonValue name = object.value(QLatin1String("name"));
        const QJsonValue payload = object.value(QLatin1String("payload"));
        const QJsonValue channel = object.value(QLatin1String("channel"));
        const QJsonValue timeout = object.value(QLatin1String("ackTimeoutMs"));
        const QJsonValue retries = object.value(QLatin1String("retries"));
        const QJsonValue expected = object.value(QLatin1String("expectedReply"));
        if (!name.isString())
            return bad(tr("\"name\" must be a string"));
        if (!payload.isUndefined() && !payload.isString())
            return bad(tr("\"payload\" must be a string"));
        if (!expected.isUndefined() && !expected.isString())
            return bad(tr("\"expectedReply\" must be a string"));
        if (!timeout.isUndefined() && (!timeout.isDouble() || timeout.toDouble() < 1 ||
                                       timeout.toDouble() > double(kMaxAckTimeout.count())))
            return bad(
                tr("\"ackTimeoutMs\" must be a number from 1 to %1").arg(kMaxAckTimeout.count()));
        if (!retries.isUndefined() &&
            (!retries.isDouble() || retries.toDouble() != double(retries.toInt(-1)) ||
             retries.toInt() < 0 || retries.toInt() > kMaxCommandRetries))
            return bad(tr("\"retries\" must be an integer from 0 to %1").arg(kMaxCommandRetries));
        preset.name = name.toString();
        preset.payloadTemplate = payload.toString();
        preset.expectedReply = expected.toString();
        if (!channel.isUndefined()) {
            const std::optional<CommandChannel> known = commandChannelFromKey(channel.toString());
            if (!channel.isString() || !known)
                return bad(tr("\"channel\" must be \"tcp\" or \"udp\""));
            preset.channel = *known;
        }
        if (!timeout.isUndefined())
            preset.ackTimeout = std::chrono::milliseconds(qint64(timeout.toDouble()));
        if (!retries.isUndefined())
            preset.retries = retries.toInt();
        if (const CommandPresetCheck check = checkCommandPreset(preset); !check.ok())
            return bad(commandPresetErrorKey(check.error) +
                       (check.reason.isEmpty() ? QString() : QStringLiteral(": ") + check.reason));
        if (names.contains(preset.name)) {
            failFormat(result, PresetFileError::DuplicateName,
                       tr("preset %1: the name %2 is used twice").arg(i + 1).arg(preset.name));
            return {};
        }
        names.insert(preset.name);
        presets << preset;
    }
    return presets;
}

PresetFileResult saveCommandPresets(const QString& path, const QList<CommandPreset>& presets)
{
    PresetFileResult result;
    result.file = writeFileAtomically(path, commandPresetsToJson(presets));
    return result;
}

PresetFileResult loadCommandPresets(const QString& path, QList<CommandPreset>* presets)
{
    PresetFileResult result;
    QByteArray bytes;
    result.file = readRegularFile(path, kMaxCommandPresetFileBytes, &bytes);
    if (!result.file.ok())
        return result;
    QList<CommandPreset> read = commandPresetsFromJson(bytes, &result);
    if (result.ok() && presets)
        *presets = read;
    return result;
}

} // namespace chorus
