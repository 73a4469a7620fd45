// HistoryModel's JSON: one entry as a JSON object and as a line of a kept
// session file (written by hand, the bytes QJsonDocument would write), and
// back. The format is documented in HistoryModel.h and docs/PROTOCOL.md.

#include "HistoryModel.h"

#include <QJsonObject>
#include <QLocale>

#include <cmath>
#include <limits>

namespace chorus {

namespace {
HistoryEntry::Kind kindFromName(const QString& name, bool* ok)
{
    static const QHash<QString, HistoryEntry::Kind> kinds = {
        {QStringLiteral("sent"), HistoryEntry::Kind::Sent},
        {QStringLiteral("received"), HistoryEntry::Kind::Received},
        {QStringLiteral("notice"), HistoryEntry::Kind::Notice},
        {QStringLiteral("error"), HistoryEntry::Kind::Error},
        {QStringLiteral("broadcast"), HistoryEntry::Kind::Broadcast},
        {QStringLiteral("direct"), HistoryEntry::Kind::Direct},
    };
    const auto it = kinds.constFind(name);
    *ok = it != kinds.constEnd();
    return *ok ? *it : HistoryEntry::Kind::Notice;
}
} // namespace

namespace {
// Qt::ISODateWithMs in local time ("2024-05-01T12:00:01.123+09:00"), converted
// once per second: each conversion asks the C library for the time zone (a
// stat() of /etc/localtime), and a flood writes 100,000 entries a second.
QString isoLocalTime(qint64 ms)
{
    thread_local qint64 cachedSecond = std::numeric_limits<qint64>::min();
    thread_local QString cached;
    thread_local qsizetype dot = -1;
    const qint64 second = ms >= 0 ? ms / 1000 : (ms - 999) / 1000;
    if (second != cachedSecond) {
        cached = QDateTime::fromMSecsSinceEpoch(second * 1000).toString(Qt::ISODateWithMs);
        cachedSecond = second;
        dot = cached.indexOf(QLatin1Char('.'));
    }
    if (dot < 0 || dot + 4 > cached.size())
        return QDateTime::fromMSecsSinceEpoch(ms).toString(Qt::ISODateWithMs);
    QString out = cached;
    const int milliseconds = int(ms - second * 1000);
    out[dot + 1] = QLatin1Char(char('0' + milliseconds / 100));
    out[dot + 2] = QLatin1Char(char('0' + milliseconds / 10 % 10));
    out[dot + 3] = QLatin1Char(char('0' + milliseconds % 10));
    return out;
}
} // namespace

QJsonObject HistoryModel::toJsonObject(const HistoryEntry& e)
{
    QJsonObject object{
        {QStringLiteral("time"), isoLocalTime(e.timeMs)},
        {QStringLiteral("kind"), historyKindName(e.kind)},
        {QStringLiteral("text"), historyEntryBody(e, ByteView::Text)},
    };
    if (e.isMessage())
        object.insert(QStringLiteral("hex"), QString::fromLatin1(e.payload.toHex()));
    if (e.hasRtt())
        object.insert(QStringLiteral("rtt_ms"), e.rttMs);
    if (e.queued)
        object.insert(QStringLiteral("queued"), true);
    return object;
}

std::optional<HistoryEntry> HistoryModel::fromJsonObject(const QJsonObject& object)
{
    HistoryEntry e;
    bool ok = false;
    e.kind = kindFromName(object.value(QStringLiteral("kind")).toString(), &ok);
    const QDateTime time =
        QDateTime::fromString(object.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs);
    const QJsonValue text = object.value(QStringLiteral("text"));
    const QJsonValue hex = object.value(QStringLiteral("hex"));
    if (!ok || !time.isValid() || !(text.isString() || (e.isMessage() && hex.isString())))
        return std::nullopt;
    e.timeMs = time.toMSecsSinceEpoch();
    if (!e.isMessage()) {
        e.text = text.toString();
    } else if (hex.isString()) {
        std::optional<QByteArray> bytes = parseHex(hex.toString());
        if (!bytes)
            return std::nullopt; // not this program's hex: never guess at bytes
        e.payload = *bytes;
    } else {
        e.payload = text.toString().toUtf8(); // written before messages were bytes
    }
    const QJsonValue rtt = object.value(QStringLiteral("rtt_ms"));
    if (rtt.isDouble())
        e.rttMs = rtt.toDouble();
    // A message still queued when saved was never sent: keep it marked so.
    e.queued = object.value(QStringLiteral("queued")).toBool(false);
    return e;
}

namespace {
// A JSON string as QJsonDocument writes it: UTF-8, with \" \\ \b \f \n \r \t and
// \u00XX for the other control characters.
void appendJsonString(QByteArray& out, const QString& text)
{
    static constexpr char kHex[] = "0123456789abcdef";
    out += '"';
    const QByteArray utf8 = text.toUtf8();
    for (const char c : utf8) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (uchar(c) < 0x20) {
                out += "\\u00";
                out += kHex[uchar(c) >> 4];
                out += kHex[uchar(c) & 0xf];
            } else {
                out += c;
            }
        }
    }
    out += '"';
}
} // namespace

QByteArray HistoryModel::toJsonLine(const HistoryEntry& e)
{
    // Written by hand, in QJsonObject's key order: a kept session appends every
    // entry of a flood, and building a QJsonObject for each costs several times more.
    QByteArray line;
    line.reserve(64 + 4 * e.payload.size());
    line += '{';
    if (e.isMessage()) {
        line += "\"hex\":\"";
        line += e.payload.toHex();
        line += "\",";
    }
    line += "\"kind\":";
    appendJsonString(line, historyKindName(e.kind));
    if (e.queued)
        line += ",\"queued\":true";
    if (e.hasRtt() && std::isfinite(e.rttMs)) {
        line += ",\"rtt_ms\":";
        line += QByteArray::number(e.rttMs, 'g', QLocale::FloatingPointShortest);
    }
    line += ",\"text\":";
    appendJsonString(line, historyEntryBody(e, ByteView::Text));
    line += ",\"time\":";
    appendJsonString(line, isoLocalTime(e.timeMs));
    line += "}\n";
    return line;
}

} // namespace chorus
