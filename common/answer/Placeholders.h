#pragma once

// A reply entry compiled to bytes: the placeholders {id} {peer} {count}
// {echo} {time} {date} of a Text entry are found in its text, the rest is
// parsed as escaped text (\r \n \t \0 \\ \xNN) once, when the book changes,
// so picking a reply costs no parsing. "{{" and "}}" are literal braces; an
// unknown name is left as it is. {echo} inserts the exact bytes of the
// message being answered; the others insert UTF-8 text. A Hex entry is bytes
// only (no placeholders).
//
// Rule replies (TemplateSyntax::Rule, docs/RULES.md) add, in Text and Hex
// alike: {0}..{9} (a capture group of the rule's match; {0} the whole match),
// {name} (a named group; a name the match lacks stays as written), and
// computed fields over the reply's bytes written so far: {crc16modbus}
// {crc16ccitt} {crc32} {sum8} {xor8} {len} (wire/Checksums.h).

#include "answer/ReplyEntry.h"
#include "wire/ByteText.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>
#include <vector>

namespace chorus {

// A rule's match: group 0 is the whole match; a group that took no part is empty.
struct RuleCaptures
{
    QList<QByteArray> groups;
    const QHash<QString, int>* names = nullptr; // named group -> number; may be null

    QByteArray group(int number) const
    {
        return number >= 0 && number < groups.size() ? groups.at(number) : QByteArray();
    }
    // nullopt when the pattern has no group of that name.
    std::optional<QByteArray> named(const QString& name) const
    {
        if (!names)
            return std::nullopt;
        const auto it = names->constFind(name);
        if (it == names->cend())
            return std::nullopt;
        return group(it.value());
    }
};

// Which placeholders a template knows: the reply book's, or those plus a rule's.
enum class TemplateSyntax { Book, Rule };

// What placeholders in a reply expand to.
struct ReplyContext
{
    quint64 connectionId = 0; // {id}
    QString peer;             // {peer}   "address:port"
    quint64 count = 0;        // {count}  user messages from this peer so far (including this one)
    QByteArray echo;          // {echo}   the message being answered, its bytes exactly
    QDateTime now;            // {time} HH:mm:ss, {date} yyyy-MM-dd; invalid -> current time
    const RuleCaptures* captures = nullptr; // {0}..{9}, {name}: rule replies only
};

class ReplyTemplate
{
public:
    // nullopt when the text does not parse in its format; *error says where.
    static std::optional<ReplyTemplate> compile(const QString& text, ReplyFormat format,
                                                ByteParseError* error = nullptr,
                                                TemplateSyntax syntax = TemplateSyntax::Book);
    static std::optional<ReplyTemplate> compile(const ReplyEntry& entry,
                                                ByteParseError* error = nullptr,
                                                TemplateSyntax syntax = TemplateSyntax::Book)
    {
        return compile(entry.text, entry.format, error, syntax);
    }

    // The reply's bytes. Without placeholders, the same shared bytes every time (no copy).
    QByteArray expand(const ReplyContext& context) const;
    bool hasPlaceholders() const { return !m_parts.empty(); }

private:
    enum class Part { Bytes, Id, Peer, Count, Echo, Time, Date, Group, NamedGroup, Checksum };
    struct Piece
    {
        Piece(Part p = Part::Bytes, QByteArray b = {}, int n = 0, QString nm = {})
            : part(p), bytes(std::move(b)), number(n), name(std::move(nm))
        {}
        Part part = Part::Bytes;
        QByteArray bytes; // Part::Bytes
        int number = 0;   // Part::Group: the group; Part::Checksum: the ChecksumKind
        QString name;     // Part::NamedGroup
    };
    // The placeholder a name inside braces stands for; Part::Bytes: none.
    static Piece placeholder(QStringView name, bool rule);

    std::vector<Piece> m_parts; // empty: m_literal is the whole reply
    QByteArray m_literal;
};

} // namespace chorus
