#include "answer/ReplyBookFile.h"
#include "base/TranslateIn.h"

#include "answer/Placeholders.h"
#include "base/JsonBytes.h"
#include "wire/ByteText.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QStringDecoder>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace chorus {

namespace {

QString tr(const char* text)
{
    return translateIn({"chorus::ReplyBookFile", "chorus"}, text);
}

template <typename T>
std::optional<T> refuse(BookFileResult* result, BookFormatError error, const QString& reason)
{
    result->format = error;
    result->formatReason = reason;
    return std::nullopt;
}

QByteArray stripUtf8Bom(const QByteArray& data)
{
    if (data.startsWith("\xEF\xBB\xBF"))
        return data.sliced(3);
    return data;
}

// A version-1 file's text is literal: its escaped form means the same bytes
// (a backslash becomes \\; braces keep their placeholder meaning).
QString literalAsEscaped(const QString& text)
{
    return formatText(text.toUtf8());
}

std::optional<ReplyEntry> entryFromJson(const QJsonValue& value, int index, int version,
                                        BookFileResult* result)
{
    using Entry = ReplyEntry;
    const auto textOf = [version](const QString& text) {
        return version >= 2 ? text : literalAsEscaped(text);
    };
    if (value.isString())
        return Entry{textOf(value.toString()), true, 1.0};
    if (!value.isObject())
        return refuse<Entry>(result, BookFormatError::BadEntry,
                             tr("entry %1 is neither a string nor an object").arg(index + 1));
    const QJsonObject object = value.toObject();
    const QJsonValue text = object.value(QLatin1String("text"));
    const QJsonValue hex = object.value(QLatin1String("hex"));
    ReplyEntry entry;
    if (!text.isUndefined() && !hex.isUndefined())
        return refuse<Entry>(result, BookFormatError::BadEntry,
                             tr("entry %1 has both \"text\" and \"hex\"").arg(index + 1));
    if (hex.isString()) {
        entry.text = hex.toString();
        entry.format = ReplyFormat::Hex;
    } else if (text.isString()) {
        entry.text = textOf(text.toString());
    } else {
        return refuse<Entry>(result, BookFormatError::BadEntry,
                             tr("entry %1 has no \"text\" or \"hex\" string").arg(index + 1));
    }
    const QJsonValue enabled = object.value(QLatin1String("enabled"));
    if (!enabled.isUndefined()) {
        if (!enabled.isBool())
            return refuse<Entry>(result, BookFormatError::BadEntry,
                                 tr("entry %1: \"enabled\" must be true or false").arg(index + 1));
        entry.enabled = enabled.toBool();
    }
    const QJsonValue weight = object.value(QLatin1String("weight"));
    if (!weight.isUndefined()) {
        if (!weight.isDouble() || !std::isfinite(weight.toDouble()) || weight.toDouble() < 0)
            return refuse<Entry>(
                result, BookFormatError::BadEntry,
                tr("entry %1: \"weight\" must be a number of 0 or more").arg(index + 1));
        entry.weight = weight.toDouble();
    }
    return entry;
}

std::optional<ParsedBook> parseJson(const QByteArray& data, BookFileResult* result)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(stripUtf8Bom(data), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return refuse<ParsedBook>(
            result, BookFormatError::InvalidJson,
            tr("invalid JSON at byte %1: %2").arg(parseError.offset).arg(parseError.errorString()));
    ParsedBook book;
    QJsonArray array;
    int version = 1; // a bare array, or an object without "version", is a version-1 book
    if (document.isArray()) {
        array = document.array();
    } else if (document.isObject()) {
        const QJsonObject object = document.object();
        const QJsonValue entries = object.value(QLatin1String("entries"));
        if (!entries.isArray())
            return refuse<ParsedBook>(result, BookFormatError::NotABook,
                                      tr("the JSON object has no \"entries\" array"));
        array = entries.toArray();
        version = object.value(QLatin1String("version")).toInt(1);
        // An unknown mode (a newer file) falls back to the default rather than
        // throwing the replies away.
        book.mode = pickModeFromName(object.value(QLatin1String("pickMode")).toString());
    } else {
        return refuse<ParsedBook>(result, BookFormatError::NotABook,
                                  tr("expected a JSON object or array"));
    }
    book.entries.reserve(array.size());
    for (int i = 0; i < array.size(); ++i) {
        auto entry = entryFromJson(array.at(i), i, version, result);
        if (!entry)
            return std::nullopt;
        book.entries.append(std::move(*entry));
    }
    return book;
}

std::optional<ParsedBook> parsePlainText(const QByteArray& data, BookFileResult* result)
{
    const QByteArray bytes = stripUtf8Bom(data);
    if (const qsizetype nul = bytes.indexOf('\0'); nul >= 0)
        return refuse<ParsedBook>(result, BookFormatError::BinaryText,
                                  tr("a NUL byte at byte %1").arg(nul));
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return refuse<ParsedBook>(result, BookFormatError::InvalidUtf8,
                                  tr("the bytes are not UTF-8 text"));
    ParsedBook book;
    for (QStringView line : QStringView(text).split(QLatin1Char('\n'))) {
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        if (line.trimmed().isEmpty())
            continue;
        // Escaped text; a line that is not (a backslash before anything but
        // r n t 0 x \\) is taken literally, so an older file still loads.
        QString text = line.toString();
        if (!ReplyTemplate::compile(text, ReplyFormat::Text))
            text = literalAsEscaped(text);
        book.entries.append(ReplyEntry{text, true, 1.0});
    }
    return book;
}

// One line of the plain-text format: escaped text. A hex entry becomes the
// escaped text of its bytes, braces doubled so they stay bytes.
QString plainTextLine(const ReplyEntry& entry)
{
    if (entry.format == ReplyFormat::Text)
        return entry.text;
    const std::optional<QByteArray> bytes = parseHex(entry.text);
    if (!bytes)
        return entry.text; // refused before writing (writeBookFile)
    QString text = formatText(*bytes);
    text.replace(QLatin1Char('{'), QLatin1String("{{"));
    text.replace(QLatin1Char('}'), QLatin1String("}}"));
    return text;
}

} // namespace

QString replyFormatName(ReplyFormat format)
{
    return format == ReplyFormat::Hex ? QStringLiteral("hex") : QStringLiteral("text");
}

std::optional<ReplyFormat> replyFormatFromName(QStringView name)
{
    for (ReplyFormat format : {ReplyFormat::Text, ReplyFormat::Hex}) {
        if (name.trimmed().compare(replyFormatName(format), Qt::CaseInsensitive) == 0)
            return format;
    }
    return std::nullopt;
}

QString pickModeName(PickMode mode)
{
    switch (mode) {
    case PickMode::Random:
        return QStringLiteral("random");
    case PickMode::Shuffle:
        return QStringLiteral("shuffle");
    case PickMode::Sequential:
        return QStringLiteral("sequential");
    }
    return QStringLiteral("random");
}

std::optional<PickMode> pickModeFromName(QStringView name)
{
    const QStringView trimmed = name.trimmed();
    for (PickMode mode : {PickMode::Random, PickMode::Shuffle, PickMode::Sequential}) {
        if (trimmed.compare(pickModeName(mode), Qt::CaseInsensitive) == 0)
            return mode;
    }
    return std::nullopt;
}

ReplyFileFormat formatForPath(const QString& path)
{
    return path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive) ? ReplyFileFormat::Json
                                                                      : ReplyFileFormat::PlainText;
}

QString bookFormatErrorName(BookFormatError error)
{
    switch (error) {
    case BookFormatError::None:
        return QStringLiteral("none");
    case BookFormatError::InvalidJson:
        return QStringLiteral("invalid-json");
    case BookFormatError::NotABook:
        return QStringLiteral("not-a-book");
    case BookFormatError::BadEntry:
        return QStringLiteral("bad-entry");
    case BookFormatError::BinaryText:
        return QStringLiteral("binary-text");
    case BookFormatError::InvalidUtf8:
        return QStringLiteral("invalid-utf8");
    case BookFormatError::MultiLineAsText:
        return QStringLiteral("multi-line-as-text");
    case BookFormatError::InvalidEntryAsText:
        return QStringLiteral("invalid-entry-as-text");
    }
    return {};
}

std::optional<ParsedBook> parseBook(const QByteArray& data, ReplyFileFormat format,
                                    BookFileResult* result)
{
    return format == ReplyFileFormat::Json ? parseJson(data, result) : parsePlainText(data, result);
}

QByteArray serializeBook(const QList<ReplyEntry>& entries, ReplyFileFormat format, PickMode mode)
{
    if (format == ReplyFileFormat::PlainText) {
        QByteArray out;
        for (const ReplyEntry& entry : entries)
            out.append(plainTextLine(entry).toUtf8()).append('\n');
        return out;
    }
    QJsonArray array;
    for (const ReplyEntry& entry : entries) {
        QJsonObject object;
        object.insert(entry.format == ReplyFormat::Hex ? QLatin1String("hex")
                                                       : QLatin1String("text"),
                      entry.text);
        object.insert(QLatin1String("enabled"), entry.enabled);
        object.insert(QLatin1String("weight"), std::isfinite(entry.weight) ? entry.weight : 0.0);
        array.append(object);
    }
    QJsonObject root;
    root.insert(QLatin1String("version"), 2);
    root.insert(QLatin1String("pickMode"), pickModeName(mode));
    root.insert(QLatin1String("entries"), array);
    return jsonBytes(QJsonDocument(root));
}

std::optional<ParsedBook> readBookFile(const QString& path, BookFileResult* result)
{
    QByteArray data;
    result->file = readRegularFile(path, kMaxReplyBookBytes, &data);
    if (!result->file.ok())
        return std::nullopt;
    return parseBook(data, formatForPath(path), result);
}

BookFileResult writeBookFile(const QString& path, const QList<ReplyEntry>& entries, PickMode mode)
{
    BookFileResult result;
    result.file.path = path;
    const ReplyFileFormat format = formatForPath(path);
    if (format == ReplyFileFormat::PlainText) {
        // Refused rather than split: one reply would come back as several.
        for (int i = 0; i < entries.size(); ++i) {
            const QString& text = entries.at(i).text;
            if (text.contains(QLatin1Char('\n')) || text.contains(QLatin1Char('\r'))) {
                result.format = BookFormatError::MultiLineAsText;
                result.formatReason = tr("reply %1 (\"%2\") spans several lines")
                                          .arg(i + 1)
                                          .arg(text.left(40).simplified());
                return result;
            }
            // A line is read back as escaped text: one that does not parse would
            // come back meaning something else.
            ByteParseError error;
            if (!ReplyTemplate::compile(entries.at(i), &error)) {
                result.format = BookFormatError::InvalidEntryAsText;
                result.formatReason =
                    tr("reply %1 (\"%2\"): %3")
                        .arg(i + 1)
                        .arg(text.left(40).simplified(), describeParseError(error));
                return result;
            }
        }
    }
    result.file = writeFileAtomically(path, serializeBook(entries, format, mode));
    return result;
}

FileResult setAsideCorruptBook(const QString& path, QString* movedTo)
{
    const QString base = path + QStringLiteral(".corrupt-") +
                         QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString candidate = base;
    for (int n = 2; QFileInfo::exists(candidate) && n < 1000; ++n)
        candidate = base + QLatin1Char('-') + QString::number(n);
    if (std::rename(QFile::encodeName(path).constData(),
                    QFile::encodeName(candidate).constData()) != 0)
        return FileResult{FileError::ReplaceFailed, path,
                          QString::fromLocal8Bit(std::strerror(errno))};
    if (movedTo)
        *movedTo = candidate;
    return FileResult{FileError::None, path, {}};
}

} // namespace chorus
