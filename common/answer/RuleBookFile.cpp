#include "answer/RuleBookFile.h"
#include "base/TranslateIn.h"

#include "answer/Placeholders.h"
#include "base/JsonBytes.h"
#include "wire/ByteText.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QStringDecoder>

namespace chorus {

namespace {

QString tr(const char* text)
{
    return translateIn({"chorus::RuleBookFile", "chorus"}, text);
}

std::nullopt_t refuse(BookFileResult* result, BookFormatError error, const QString& reason)
{
    result->format = error;
    result->formatReason = reason;
    return std::nullopt;
}

QByteArray withoutBom(const QByteArray& data)
{
    return data.startsWith("\xEF\xBB\xBF") ? data.sliced(3) : data;
}

// {"text": ...} or {"hex": ...}, as a reply book entry has them.
bool textOrHex(const QJsonObject& object, QString* text, ReplyFormat* format)
{
    const QJsonValue plain = object.value(QLatin1String("text"));
    const QJsonValue hex = object.value(QLatin1String("hex"));
    if (plain.isString() == hex.isString())
        return false; // neither, or both
    *format = hex.isString() ? ReplyFormat::Hex : ReplyFormat::Text;
    *text = hex.isString() ? hex.toString() : plain.toString();
    return true;
}

void putTextOrHex(QJsonObject* object, const QString& text, ReplyFormat format)
{
    object->insert(format == ReplyFormat::Hex ? QLatin1String("hex") : QLatin1String("text"), text);
}

std::optional<Rule> ruleFromJson(const QJsonValue& value, int index, BookFileResult* result)
{
    const auto bad = [&](const QString& why) {
        return refuse(result, BookFormatError::BadEntry, tr("rule %1: %2").arg(index + 1).arg(why));
    };
    if (!value.isObject())
        return bad(tr("not an object"));
    const QJsonObject object = value.toObject();
    Rule rule;
    if (!textOrHex(object, &rule.pattern, &rule.patternFormat))
        return bad(tr("needs one \"text\" or \"hex\" string for its pattern"));
    rule.name = object.value(QLatin1String("name")).toString();
    rule.enabled = object.value(QLatin1String("enabled")).toBool(true);
    if (const QJsonValue match = object.value(QLatin1String("match")); !match.isUndefined()) {
        const std::optional<MatchKind> kind = matchKindFromName(match.toString());
        if (!kind)
            return bad(tr("unknown match \"%1\"").arg(match.toString()));
        rule.match = *kind;
    }
    rule.caseInsensitive = object.value(QLatin1String("caseInsensitive")).toBool(false);
    rule.negate = object.value(QLatin1String("negate")).toBool(false);
    const QJsonValue reply = object.value(QLatin1String("reply"));
    if (const QJsonValue answer = object.value(QLatin1String("answer")); !answer.isUndefined()) {
        const std::optional<AnswerKind> kind = answerKindFromName(answer.toString());
        if (!kind)
            return bad(tr("unknown answer \"%1\"").arg(answer.toString()));
        rule.answer = *kind;
    } else if (object.contains(QLatin1String("set"))) {
        rule.answer = AnswerKind::ReplySet;
    } else if (reply.isUndefined()) {
        rule.answer = AnswerKind::NoReply;
    }
    if (reply.isObject()) {
        if (!textOrHex(reply.toObject(), &rule.reply, &rule.replyFormat))
            return bad(tr("its reply needs one \"text\" or \"hex\" string"));
    } else if (reply.isString()) {
        rule.reply = reply.toString();
    } else if (!reply.isUndefined() && !reply.isNull()) {
        return bad(tr("its reply is neither an object nor a string"));
    }
    if (rule.answer == AnswerKind::Reply && reply.isUndefined())
        return bad(tr("answers with a reply but has none"));
    rule.replySet = object.value(QLatin1String("set")).toString();
    rule.close = object.value(QLatin1String("close")).toBool(false);
    const QJsonValue delay = object.value(QLatin1String("delayMs"));
    if (!delay.isUndefined()) {
        const double ms = delay.toDouble(-1);
        if (!delay.isDouble() || ms < 0 || ms > kMaxRuleDelayMs || ms != double(int(ms)))
            return bad(tr("delayMs must be a whole number from 0 to %1").arg(kMaxRuleDelayMs));
        rule.delayMs = int(ms);
    }
    return rule;
}

QJsonObject ruleToJson(const Rule& rule)
{
    QJsonObject object;
    if (!rule.name.isEmpty())
        object.insert(QLatin1String("name"), rule.name);
    object.insert(QLatin1String("enabled"), rule.enabled);
    object.insert(QLatin1String("match"), matchKindName(rule.match));
    putTextOrHex(&object, rule.pattern, rule.patternFormat);
    if (rule.caseInsensitive)
        object.insert(QLatin1String("caseInsensitive"), true);
    if (rule.negate)
        object.insert(QLatin1String("negate"), true);
    object.insert(QLatin1String("answer"), answerKindName(rule.answer));
    if (rule.answer == AnswerKind::Reply || !rule.reply.isEmpty()) {
        QJsonObject reply;
        putTextOrHex(&reply, rule.reply, rule.replyFormat);
        object.insert(QLatin1String("reply"), reply);
    }
    if (rule.answer == AnswerKind::ReplySet || !rule.replySet.isEmpty())
        object.insert(QLatin1String("set"), rule.replySet);
    if (rule.close)
        object.insert(QLatin1String("close"), true);
    if (rule.delayMs != 0)
        object.insert(QLatin1String("delayMs"), rule.delayMs);
    return object;
}

std::optional<ReplySet> setFromJson(const QJsonValue& value, int index, BookFileResult* result)
{
    const auto bad = [&](const QString& why) {
        return refuse(result, BookFormatError::BadEntry,
                      tr("reply set %1: %2").arg(index + 1).arg(why));
    };
    const QJsonObject object = value.toObject();
    if (!value.isObject() || !object.value(QLatin1String("name")).isString())
        return bad(tr("needs a \"name\""));
    // The entries are a reply book's (version 2): read by the book's own parser.
    QJsonObject book = object;
    book.insert(QLatin1String("version"), 2);
    BookFileResult bookResult;
    const std::optional<ParsedBook> parsed = parseBook(
        jsonBytes(QJsonDocument(book), QJsonDocument::Compact), ReplyFileFormat::Json, &bookResult);
    if (!parsed)
        return bad(bookResult.formatReason);
    return ReplySet{object.value(QLatin1String("name")).toString(),
                    parsed->mode.value_or(PickMode::Random), parsed->entries};
}

std::optional<ParsedRules> parseJson(const QByteArray& data, BookFileResult* result)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(data, &error);
    if (error.error != QJsonParseError::NoError)
        return refuse(result, BookFormatError::InvalidJson,
                      tr("%1 at byte %2").arg(error.errorString()).arg(error.offset));
    const QJsonObject root = document.object();
    if (!document.isObject() || !root.value(QLatin1String("rules")).isArray())
        return refuse(result, BookFormatError::NotABook, tr("no \"rules\" array"));
    ParsedRules parsed;
    const QJsonArray rules = root.value(QLatin1String("rules")).toArray();
    for (int i = 0; i < rules.size(); ++i) {
        std::optional<Rule> rule = ruleFromJson(rules.at(i), i, result);
        if (!rule)
            return std::nullopt;
        parsed.rules.append(std::move(*rule));
    }
    const QJsonValue sets = root.value(QLatin1String("sets"));
    if (!sets.isUndefined() && !sets.isArray())
        return refuse(result, BookFormatError::NotABook, tr("\"sets\" is not an array"));
    const QJsonArray setArray = sets.toArray();
    for (int i = 0; i < setArray.size(); ++i) {
        std::optional<ReplySet> set = setFromJson(setArray.at(i), i, result);
        if (!set)
            return std::nullopt;
        parsed.sets.append(std::move(*set));
    }
    return parsed;
}

// One side of a request;reply line: escaped text, or literally what it says;
// kept in the canonical escaped form, so an invisible character (a U+FEFF,
// which JSON readers drop at the start of a string) survives the JSON file.
QString escapedSide(const QString& side)
{
    const std::optional<QByteArray> bytes = parseEscapedText(side);
    return formatText(bytes ? *bytes : side.toUtf8());
}

std::optional<ParsedRules> parseRequestReply(const QByteArray& data, BookFileResult* result)
{
    if (data.contains('\0'))
        return refuse(result, BookFormatError::BinaryText,
                      tr("a NUL byte at %1").arg(data.indexOf('\0')));
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(data);
    if (decoder.hasError())
        return refuse(result, BookFormatError::InvalidUtf8, tr("the file is not UTF-8 text"));
    ParsedRules parsed;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        QString line = lines.at(i);
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        if (line.trimmed().isEmpty() || line.trimmed().startsWith(QLatin1Char('#')))
            continue;
        const qsizetype split = line.indexOf(QLatin1Char(';'));
        if (split < 0)
            return refuse(result, BookFormatError::BadEntry,
                          tr("line %1 has no ';' between request and reply").arg(i + 1));
        Rule rule;
        rule.pattern = escapedSide(line.left(split));
        rule.reply = escapedSide(line.mid(split + 1));
        parsed.rules.append(rule);
    }
    return parsed;
}

} // namespace

RulesFileFormat detectRulesFormat(const QByteArray& data)
{
    for (const char c : withoutBom(data)) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            continue;
        return c == '{' ? RulesFileFormat::Json : RulesFileFormat::RequestReply;
    }
    return RulesFileFormat::RequestReply; // empty: no rules
}

std::optional<ParsedRules> parseRules(const QByteArray& data, BookFileResult* result)
{
    const QByteArray bytes = withoutBom(data);
    return detectRulesFormat(bytes) == RulesFileFormat::Json ? parseJson(bytes, result)
                                                             : parseRequestReply(bytes, result);
}

QByteArray serializeRules(const ParsedRules& rules)
{
    QJsonArray ruleArray;
    for (const Rule& rule : rules.rules)
        ruleArray.append(ruleToJson(rule));
    QJsonArray setArray;
    for (const ReplySet& set : rules.sets) {
        QJsonObject object =
            QJsonDocument::fromJson(serializeBook(set.entries, ReplyFileFormat::Json, set.mode))
                .object();
        object.remove(QLatin1String("version"));
        object.insert(QLatin1String("name"), set.name);
        setArray.append(object);
    }
    QJsonObject root;
    root.insert(QLatin1String("version"), 1);
    root.insert(QLatin1String("rules"), ruleArray);
    root.insert(QLatin1String("sets"), setArray);
    return jsonBytes(QJsonDocument(root));
}

std::optional<ParsedRules> readRulesFile(const QString& path, BookFileResult* result)
{
    QByteArray data;
    result->file = readRegularFile(path, kMaxRulesFileBytes, &data);
    if (!result->file.ok())
        return std::nullopt;
    return parseRules(data, result);
}

BookFileResult writeRulesFile(const QString& path, const ParsedRules& rules)
{
    BookFileResult result;
    result.file = writeFileAtomically(path, serializeRules(rules));
    return result;
}

} // namespace chorus
