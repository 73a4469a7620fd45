#include "command/CommandPreset.h"
#include "base/TranslateIn.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <cmath>

namespace chorus {

namespace {

QString tr(const char* text)
{
    return translateIn({"chorus::CommandPreset", "chorus"}, text);
}

constexpr qsizetype kMaxCommandNameLength = 64;

bool hasControlCharacter(QStringView text)
{
    for (QChar c : text) {
        if (c.unicode() < 0x20 || (c.unicode() >= 0x7f && c.unicode() <= 0x9f))
            return true;
    }
    return false;
}

// Walks a template: literal runs and {parameter} slots. "{{" is a literal
// "{"; a "{" without its "}" is literal text too.
template <typename Literal, typename Slot>
void walkTemplate(const QString& text, Literal onLiteral, Slot onSlot)
{
    qsizetype i = 0;
    qsizetype literalStart = 0;
    while (i < text.size()) {
        if (text.at(i) != QLatin1Char('{')) {
            ++i;
            continue;
        }
        if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('{')) {
            onLiteral(QStringView(text).sliced(literalStart, i + 1 - literalStart));
            i += 2;
            literalStart = i;
            continue;
        }
        const qsizetype close = text.indexOf(QLatin1Char('}'), i + 1);
        const QStringView name =
            close < 0 ? QStringView() : QStringView(text).sliced(i + 1, close - i - 1);
        if (close < 0 || name.isEmpty() || name.contains(QLatin1Char('{'))) {
            ++i;
            continue;
        }
        onLiteral(QStringView(text).sliced(literalStart, i - literalStart));
        onSlot(name.toString());
        i = close + 1;
        literalStart = i;
    }
    onLiteral(QStringView(text).sliced(literalStart));
}

QJsonValue argumentValue(const QString& typed)
{
    bool ok = false;
    const double number = typed.trimmed().toDouble(&ok); // C locale: "10", "2.5", "-3"
    if (ok && std::isfinite(number) && !typed.trimmed().isEmpty())
        return number;
    if (typed == QLatin1String("true") || typed == QLatin1String("false"))
        return typed == QLatin1String("true");
    return typed;
}

CommandPresetCheck failed(CommandPresetError error, const QString& reason)
{
    return CommandPresetCheck{error, reason};
}

} // namespace

QString commandChannelKey(CommandChannel channel)
{
    return channel == CommandChannel::Udp ? QStringLiteral("udp") : QStringLiteral("tcp");
}

std::optional<CommandChannel> commandChannelFromKey(QStringView key)
{
    if (key == QLatin1String("tcp"))
        return CommandChannel::Tcp;
    if (key == QLatin1String("udp"))
        return CommandChannel::Udp;
    return std::nullopt;
}

bool CommandPreset::operator==(const CommandPreset& other) const
{
    return name == other.name && payloadTemplate == other.payloadTemplate &&
           channel == other.channel && ackTimeout == other.ackTimeout && retries == other.retries &&
           expectedReply == other.expectedReply;
}

QStringList presetParameters(const QString& payloadTemplate)
{
    QStringList names;
    walkTemplate(
        payloadTemplate, [](QStringView) {},
        [&names](const QString& name) {
            if (!names.contains(name))
                names << name;
        });
    return names;
}

QString commandPresetErrorKey(CommandPresetError error)
{
    switch (error) {
    case CommandPresetError::None:
        return {};
    case CommandPresetError::EmptyName:
        return QStringLiteral("empty-name");
    case CommandPresetError::BadName:
        return QStringLiteral("bad-name");
    case CommandPresetError::MissingArgument:
        return QStringLiteral("missing-argument");
    case CommandPresetError::BadPayload:
        return QStringLiteral("bad-payload");
    case CommandPresetError::BadExpectedReply:
        return QStringLiteral("bad-expected-reply");
    case CommandPresetError::BadTimeout:
        return QStringLiteral("bad-timeout");
    case CommandPresetError::BadRetries:
        return QStringLiteral("bad-retries");
    }
    return {};
}

CommandPresetCheck checkCommandPreset(const CommandPreset& preset)
{
    if (preset.name.trimmed().isEmpty())
        return failed(CommandPresetError::EmptyName, {});
    if (preset.name.size() > kMaxCommandNameLength || hasControlCharacter(preset.name))
        return failed(CommandPresetError::BadName, preset.name.left(80));
    if (preset.ackTimeout < std::chrono::milliseconds(1) || preset.ackTimeout > kMaxAckTimeout)
        return failed(CommandPresetError::BadTimeout, QString::number(preset.ackTimeout.count()));
    if (preset.retries < 0 || preset.retries > kMaxCommandRetries)
        return failed(CommandPresetError::BadRetries, QString::number(preset.retries));
    if (!preset.expectedReply.isEmpty()) {
        const QRegularExpression pattern(preset.expectedReply);
        if (!pattern.isValid())
            return failed(
                CommandPresetError::BadExpectedReply,
                tr("%1 at %2").arg(pattern.errorString()).arg(pattern.patternErrorOffset()));
    }
    return {};
}

std::optional<CommandRequest> makeCommandRequest(const CommandPreset& preset,
                                                 const QMap<QString, QString>& arguments,
                                                 CommandPresetCheck* check)
{
    auto fail = [check](CommandPresetError error, const QString& reason) {
        if (check)
            *check = failed(error, reason);
        return std::nullopt;
    };
    if (const CommandPresetCheck presetCheck = checkCommandPreset(preset); !presetCheck.ok())
        return fail(presetCheck.error, presetCheck.reason);

    QString filled;
    QString missing;
    walkTemplate(
        preset.payloadTemplate, [&filled](QStringView literal) { filled += literal; },
        [&](const QString& name) {
            const auto it = arguments.constFind(name);
            if (it == arguments.constEnd()) {
                if (missing.isEmpty())
                    missing = name;
                return;
            }
            // A value is data, not escapes: its backslashes stay backslashes.
            QString value = *it;
            filled += value.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
        });
    if (!missing.isEmpty())
        return fail(CommandPresetError::MissingArgument, missing);
    ByteParseError parseError;
    const std::optional<QByteArray> payload = parseEscapedText(filled, &parseError);
    if (!payload)
        return fail(CommandPresetError::BadPayload, describeParseError(parseError));

    CommandRequest request;
    request.name = preset.name;
    for (auto it = arguments.constBegin(); it != arguments.constEnd(); ++it)
        request.args.insert(it.key(), argumentValue(it.value()));
    request.payload = *payload;
    request.expectedReply = preset.expectedReply;
    request.channel = preset.channel;
    request.ackTimeout = preset.ackTimeout;
    request.retries = preset.retries;
    if (check)
        *check = {};
    return request;
}

QList<CommandPreset> defaultCommandPresets()
{
    auto preset = [](const char* name, const char* payload) {
        CommandPreset p;
        p.name = QLatin1String(name);
        p.payloadTemplate = QLatin1String(payload);
        p.expectedReply = QStringLiteral("^(OK|ACK)");
        p.retries = 1;
        return p;
    };
    QList<CommandPreset> presets{
        preset("ARM", "ARM\\n"),
        preset("DISARM", "DISARM\\n"),
        preset("TAKEOFF", "TAKEOFF alt={alt}\\n"),
        preset("LAND", "LAND\\n"),
        preset("RTL", "RTL\\n"),
        preset("SET_MODE", "SET_MODE mode={mode}\\n"),
    };
    presets[2].ackTimeout = std::chrono::milliseconds(10000); // a climb takes a while
    return presets;
}

} // namespace chorus
