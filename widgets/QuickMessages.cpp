#include "QuickMessages.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

namespace chorus {

namespace {

const QString kFormat = QStringLiteral("chorus-quick-messages");
constexpr int kVersion = 1;

QuickMessagesResult problem(QuickMessagesProblem kind, const QString& reason = {})
{
    QuickMessagesResult result;
    result.problem = kind;
    result.reason = reason;
    return result;
}

} // namespace

QString QuickMessagesFile::defaultPath(const QString& program)
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
           QStringLiteral("/Chorus/") + program + QStringLiteral("-quick-messages.json");
}

QByteArray QuickMessagesFile::toJson(const QList<QuickMessage>& messages)
{
    QJsonArray list;
    for (const QuickMessage& message : messages) {
        QJsonObject entry;
        entry.insert(QStringLiteral("name"), message.name);
        entry.insert(QStringLiteral("hex"), formatHex(message.bytes));
        entry.insert(QStringLiteral("input"), byteInputName(message.input));
        entry.insert(QStringLiteral("shortcut"), message.shortcut);
        list.append(entry);
    }
    QJsonObject root;
    root.insert(QStringLiteral("format"), kFormat);
    root.insert(QStringLiteral("version"), kVersion);
    root.insert(QStringLiteral("messages"), list);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

std::optional<QList<QuickMessage>> QuickMessagesFile::fromJson(const QByteArray& json,
                                                               QuickMessagesResult* result)
{
    auto fail = [result](const QuickMessagesResult& why) {
        if (result)
            *result = why;
        return std::nullopt;
    };
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(problem(
            QuickMessagesProblem::NotJson,
            QStringLiteral("%1 at %2").arg(parseError.errorString()).arg(parseError.offset)));
    const QJsonObject root = document.object();
    if (!document.isObject() || root.value(QStringLiteral("format")).toString() != kFormat ||
        root.value(QStringLiteral("version")).toInt() != kVersion ||
        !root.value(QStringLiteral("messages")).isArray())
        return fail(problem(QuickMessagesProblem::WrongFormat));
    const QJsonArray list = root.value(QStringLiteral("messages")).toArray();
    if (list.size() > kMaxQuickMessages)
        return fail(problem(QuickMessagesProblem::TooMany, QString::number(list.size())));
    QList<QuickMessage> messages;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QJsonObject entry = list.at(i).toObject();
        const std::optional<QByteArray> bytes =
            parseHex(entry.value(QStringLiteral("hex")).toString());
        const std::optional<ByteInput> input =
            byteInputFromName(entry.value(QStringLiteral("input")).toString());
        const QString name = entry.value(QStringLiteral("name")).toString();
        if (!list.at(i).isObject() || !bytes || !input || name.trimmed().isEmpty())
            return fail(problem(QuickMessagesProblem::BadEntry, QString::number(i + 1)));
        messages.append({name, *bytes, *input, entry.value(QStringLiteral("shortcut")).toString()});
    }
    if (result)
        *result = {};
    return messages;
}

std::optional<QList<QuickMessage>> QuickMessagesFile::load(const QString& path,
                                                           QuickMessagesResult* result)
{
    QByteArray data;
    const FileResult read = readRegularFile(path, kMaxFileBytes, &data);
    if (read.error == FileError::NotFound) {
        if (result)
            *result = {};
        return QList<QuickMessage>{};
    }
    if (!read.ok()) {
        if (result) {
            *result = problem(QuickMessagesProblem::File);
            result->file = read;
        }
        return std::nullopt;
    }
    return fromJson(data, result);
}

QuickMessagesResult QuickMessagesFile::save(const QString& path,
                                            const QList<QuickMessage>& messages)
{
    const FileResult written = writeFileAtomically(path, toJson(messages));
    if (written.ok())
        return {};
    QuickMessagesResult result = problem(QuickMessagesProblem::File);
    result.file = written;
    return result;
}

} // namespace chorus
