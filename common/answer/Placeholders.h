#pragma once

// A reply entry compiled to bytes: the placeholders {id} {peer} {count}
// {echo} {time} {date} of a Text entry are found in its text, the rest is
// parsed as escaped text (\r \n \t \0 \\ \xNN) once, when the book changes,
// so picking a reply costs no parsing. "{{" and "}}" are literal braces; an
// unknown name is left as it is. {echo} inserts the exact bytes of the
// message being answered; the others insert UTF-8 text. A Hex entry is bytes
// only (no placeholders).

#include "answer/ReplyEntry.h"
#include "wire/ByteText.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>
#include <vector>

namespace chorus {

// What placeholders in a reply expand to.
struct ReplyContext
{
    quint64 connectionId = 0; // {id}
    QString peer;             // {peer}   "address:port"
    quint64 count = 0;        // {count}  user messages from this peer so far (including this one)
    QByteArray echo;          // {echo}   the message being answered, its bytes exactly
    QDateTime now;            // {time} HH:mm:ss, {date} yyyy-MM-dd; invalid -> current time
};

class ReplyTemplate
{
public:
    // nullopt when the text does not parse in its format; *error says where.
    static std::optional<ReplyTemplate> compile(const QString& text, ReplyFormat format,
                                                ByteParseError* error = nullptr);
    static std::optional<ReplyTemplate> compile(const ReplyEntry& entry,
                                                ByteParseError* error = nullptr)
    {
        return compile(entry.text, entry.format, error);
    }

    // The reply's bytes. Without placeholders, the same shared bytes every time (no copy).
    QByteArray expand(const ReplyContext& context) const;
    bool hasPlaceholders() const { return !m_parts.empty(); }

private:
    enum class Part { Bytes, Id, Peer, Count, Echo, Time, Date };
    struct Piece
    {
        Part part = Part::Bytes;
        QByteArray bytes; // Part::Bytes
    };
    std::vector<Piece> m_parts; // empty: m_literal is the whole reply
    QByteArray m_literal;
};

} // namespace chorus
