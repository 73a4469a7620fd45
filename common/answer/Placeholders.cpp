#include "answer/Placeholders.h"

#include <algorithm>

namespace chorus {

namespace {

bool isBrace(QChar c)
{
    return c == QLatin1Char('{') || c == QLatin1Char('}');
}

} // namespace

std::optional<ReplyTemplate> ReplyTemplate::compile(const QString& text, ReplyFormat format,
                                                    ByteParseError* error)
{
    ReplyTemplate out;
    if (format == ReplyFormat::Hex) {
        std::optional<QByteArray> bytes = parseHex(text, error);
        if (!bytes)
            return std::nullopt;
        out.m_literal = std::move(*bytes);
        return out;
    }

    // Literal runs between placeholders are parsed as escaped text; an error's
    // position is counted in the whole text.
    QString literal; // the current run, braces already resolved
    qsizetype literalStart = 0;
    std::vector<Piece> parts;
    bool anyPlaceholder = false;
    const auto flush = [&]() -> bool {
        if (literal.isEmpty())
            return true;
        ByteParseError runError;
        std::optional<QByteArray> bytes = parseEscapedText(literal, &runError);
        if (!bytes) {
            if (error)
                *error = ByteParseError{runError.kind, literalStart + runError.position};
            return false;
        }
        if (!parts.empty() && parts.back().part == Part::Bytes)
            parts.back().bytes += *bytes;
        else
            parts.push_back(Piece{Part::Bytes, std::move(*bytes)});
        literal.clear();
        return true;
    };

    // The run is flushed before every brace, so its start in text stays exact.
    const qsizetype size = text.size();
    qsizetype pos = 0;
    while (pos < size) {
        const QChar c = text.at(pos);
        if (!isBrace(c)) {
            if (literal.isEmpty())
                literalStart = pos;
            literal += c;
            ++pos;
            continue;
        }
        if (!flush())
            return std::nullopt;
        const qsizetype next = pos + 1;
        if (c == QLatin1Char('}')) {
            parts.push_back(Piece{Part::Bytes, QByteArrayLiteral("}")});
            pos = (next < size && text.at(next) == QLatin1Char('}')) ? next + 1 : next;
            continue;
        }
        if (next < size && text.at(next) == QLatin1Char('{')) { // "{{" -> "{"
            parts.push_back(Piece{Part::Bytes, QByteArrayLiteral("{")});
            pos = next + 1;
            continue;
        }
        qsizetype close = next;
        while (close < size && !isBrace(text.at(close)))
            ++close;
        if (close == size || text.at(close) != QLatin1Char('}')) {
            parts.push_back(Piece{Part::Bytes, QByteArrayLiteral("{")}); // a literal brace
            pos = next;
            continue;
        }
        const QStringView name = QStringView(text).sliced(next, close - next);
        Part part = Part::Bytes;
        if (name == u"id")
            part = Part::Id;
        else if (name == u"peer")
            part = Part::Peer;
        else if (name == u"count")
            part = Part::Count;
        else if (name == u"echo")
            part = Part::Echo;
        else if (name == u"time")
            part = Part::Time;
        else if (name == u"date")
            part = Part::Date;
        if (part == Part::Bytes) {
            // Unknown: left as it is ("{name}"), its characters parsed like any text.
            parts.push_back(Piece{Part::Bytes, QByteArrayLiteral("{")});
            literalStart = next;
            literal = name.toString();
            if (!flush())
                return std::nullopt;
            parts.push_back(Piece{Part::Bytes, QByteArrayLiteral("}")});
        } else {
            parts.push_back(Piece{part, {}});
            anyPlaceholder = true;
        }
        pos = close + 1;
    }
    if (!flush())
        return std::nullopt;
    if (error)
        *error = {};
    if (!anyPlaceholder) {
        for (Piece& piece : parts)
            out.m_literal += piece.bytes;
        return out;
    }
    // Adjacent byte runs merged, so expanding is one append per piece.
    for (Piece& piece : parts) {
        if (piece.part == Part::Bytes && !out.m_parts.empty() &&
            out.m_parts.back().part == Part::Bytes)
            out.m_parts.back().bytes += piece.bytes;
        else
            out.m_parts.push_back(std::move(piece));
    }
    return out;
}

QByteArray ReplyTemplate::expand(const ReplyContext& context) const
{
    if (m_parts.empty())
        return m_literal; // the common case: shared, no copy

    QDateTime now; // resolved once, only if {time} or {date} appear
    const auto resolvedNow = [&]() -> const QDateTime& {
        if (!now.isValid())
            now = context.now.isValid() ? context.now : QDateTime::currentDateTime();
        return now;
    };
    QByteArray out;
    out.reserve(64);
    for (const Piece& piece : m_parts) {
        switch (piece.part) {
        case Part::Bytes:
            out += piece.bytes;
            break;
        case Part::Id:
            out += QByteArray::number(context.connectionId);
            break;
        case Part::Peer:
            out += context.peer.toUtf8();
            break;
        case Part::Count:
            out += QByteArray::number(context.count);
            break;
        case Part::Echo:
            out += context.echo;
            break;
        case Part::Time:
            out += resolvedNow().toString(QStringLiteral("HH:mm:ss")).toLatin1();
            break;
        case Part::Date:
            out += resolvedNow().toString(QStringLiteral("yyyy-MM-dd")).toLatin1();
            break;
        }
    }
    return out;
}

} // namespace chorus
