#include "answer/Placeholders.h"

#include "wire/Checksums.h"

#include <algorithm>

namespace chorus {

namespace {

bool isBrace(QChar c)
{
    return c == QLatin1Char('{') || c == QLatin1Char('}');
}

// PCRE2's group names: a letter or underscore, then letters, digits, underscores.
bool isGroupName(QStringView name)
{
    if (name.isEmpty() || name.size() > 32 || name.at(0).isDigit())
        return false;
    for (QChar c : name) {
        if (c.unicode() > 127 || !(c.isLetterOrNumber() || c == QLatin1Char('_')))
            return false;
    }
    return true;
}

} // namespace

std::optional<ReplyTemplate> ReplyTemplate::compile(const QString& text, ReplyFormat format,
                                                    ByteParseError* error, TemplateSyntax syntax)
{
    ReplyTemplate out;
    const bool hex = format == ReplyFormat::Hex;
    if (hex && syntax == TemplateSyntax::Book) {
        std::optional<QByteArray> bytes = parseHex(text, error);
        if (!bytes)
            return std::nullopt;
        out.m_literal = std::move(*bytes);
        return out;
    }
    const bool rule = syntax == TemplateSyntax::Rule;
    const auto fail = [error](ByteParseErrorKind kind, qsizetype position) {
        if (error)
            *error = ByteParseError{kind, position};
        return std::nullopt;
    };

    // Literal runs between placeholders are parsed as escaped text (or hex);
    // an error's position is counted in the whole text.
    QString literal; // the current run, braces already resolved
    qsizetype literalStart = 0;
    std::vector<Piece> parts;
    bool anyPlaceholder = false;
    const auto flush = [&]() -> bool {
        if (literal.isEmpty())
            return true;
        ByteParseError runError;
        std::optional<QByteArray> bytes =
            hex ? parseHex(literal, &runError) : parseEscapedText(literal, &runError);
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
            if (hex) // hex has no literal braces
                return fail(ByteParseErrorKind::BadHexDigit, pos);
            parts.push_back(Piece{Part::Bytes, QByteArrayLiteral("}")});
            pos = (next < size && text.at(next) == QLatin1Char('}')) ? next + 1 : next;
            continue;
        }
        if (next < size && text.at(next) == QLatin1Char('{')) { // "{{" -> "{"
            if (hex)
                return fail(ByteParseErrorKind::BadHexDigit, pos);
            parts.push_back(Piece{Part::Bytes, QByteArrayLiteral("{")});
            pos = next + 1;
            continue;
        }
        qsizetype close = next;
        while (close < size && !isBrace(text.at(close)))
            ++close;
        if (close == size || text.at(close) != QLatin1Char('}')) {
            if (hex)
                return fail(ByteParseErrorKind::BadHexDigit, pos);
            parts.push_back(Piece{Part::Bytes, QByteArrayLiteral("{")}); // a literal brace
            pos = next;
            continue;
        }
        const QStringView name = QStringView(text).sliced(next, close - next);
        Piece piece = placeholder(name, rule);
        if (piece.part == Part::Bytes) {
            if (hex)
                return fail(ByteParseErrorKind::BadHexDigit, pos);
            // Unknown: left as it is ("{name}"), its characters parsed like any text.
            parts.push_back(Piece{Part::Bytes, QByteArrayLiteral("{")});
            literalStart = next;
            literal = name.toString();
            if (!flush())
                return std::nullopt;
            parts.push_back(Piece{Part::Bytes, QByteArrayLiteral("}")});
        } else {
            parts.push_back(std::move(piece));
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

ReplyTemplate::Piece ReplyTemplate::placeholder(QStringView name, bool rule)
{
    if (name == u"id")
        return Piece{Part::Id, {}};
    if (name == u"peer")
        return Piece{Part::Peer, {}};
    if (name == u"count")
        return Piece{Part::Count, {}};
    if (name == u"echo")
        return Piece{Part::Echo, {}};
    if (name == u"time")
        return Piece{Part::Time, {}};
    if (name == u"date")
        return Piece{Part::Date, {}};
    if (!rule)
        return Piece{};
    if (name.size() == 1 && name.at(0).isDigit())
        return Piece{Part::Group, {}, name.at(0).digitValue()};
    if (const std::optional<ChecksumKind> kind = checksumFromName(name))
        return Piece{Part::Checksum, {}, int(*kind)};
    if (isGroupName(name))
        return Piece{Part::NamedGroup, {}, 0, name.toString()};
    return Piece{};
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
        case Part::Group:
            if (context.captures)
                out += context.captures->group(piece.number);
            break;
        case Part::NamedGroup: {
            const std::optional<QByteArray> group =
                context.captures ? context.captures->named(piece.name) : std::nullopt;
            if (group)
                out += *group;
            else // not a group of this rule: left as written
                out += '{' + piece.name.toUtf8() + '}';
            break;
        }
        case Part::Checksum:
            // Over the reply's bytes so far (Checksums.h gives each one's byte order).
            out += checksumBytes(ChecksumKind(piece.number), out);
            break;
        }
    }
    return out;
}

} // namespace chorus
