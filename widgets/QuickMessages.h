#pragma once

// Saved messages for quick send (the client's send box, the server's
// broadcast box): a name, the message's exact bytes, how they were typed
// (Text or Hex, for editing them again) and an optional shortcut.
//
// File (JSON, written with writeFileAtomically):
//   {"format": "chorus-quick-messages", "version": 1,
//    "messages": [{"name": "Ping", "hex": "50 49 4E 47", "input": "text",
//                  "shortcut": "Ctrl+1"}]}
// The bytes are kept as hex, so every byte survives (no decode is stored);
// "shortcut" is QKeySequence::PortableText, empty for none.

#include "base/AtomicFile.h"
#include "wire/ByteText.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace chorus {

struct QuickMessage
{
    QString name;
    QByteArray bytes;
    ByteInput input = ByteInput::Text;
    QString shortcut;

    bool operator==(const QuickMessage& other) const
    {
        return name == other.name && bytes == other.bytes && input == other.input &&
               shortcut == other.shortcut;
    }
    bool operator!=(const QuickMessage& other) const { return !(*this == other); }
};

enum class QuickMessagesProblem {
    None,
    File,        // the file could not be read or written: see FileResult
    NotJson,     // reason: the parser's words and offset
    WrongFormat, // not a quick-messages file, or a newer version
    BadEntry,    // reason: the entry's index and what is wrong with it
    TooMany,     // more than kMaxQuickMessages
};

struct QuickMessagesResult
{
    QuickMessagesProblem problem = QuickMessagesProblem::None;
    FileResult file;
    QString reason;
    bool ok() const { return problem == QuickMessagesProblem::None; }
};

class QuickMessagesFile
{
public:
    static constexpr qsizetype kMaxQuickMessages = 100;
    static constexpr qint64 kMaxFileBytes = 4 * 1024 * 1024;

    // <config dir>/Chorus/<program>-quick-messages.json (QStandardPaths test mode honoured).
    static QString defaultPath(const QString& program);

    static QByteArray toJson(const QList<QuickMessage>& messages);
    static std::optional<QList<QuickMessage>> fromJson(const QByteArray& json,
                                                       QuickMessagesResult* result = nullptr);
    // A missing file is an empty list, not an error.
    static std::optional<QList<QuickMessage>> load(const QString& path,
                                                   QuickMessagesResult* result = nullptr);
    static QuickMessagesResult save(const QString& path, const QList<QuickMessage>& messages);
};

} // namespace chorus
