#pragma once

// One reply of the book and how the book picks among them: the plain values
// the book, its files and the window's editor share.

#include <QString>
#include <QStringView>

#include <optional>

namespace chorus {

// How an entry's text is written (ByteText.h has both inputs):
//   Text  characters with the escapes \r \n \t \0 \\ \xNN, and placeholders
//   Hex   pairs of hex digits, spaces optional ("06", "01 03 00 0A"); no placeholders
enum class ReplyFormat { Text, Hex };
QString replyFormatName(ReplyFormat format); // "text", "hex"
std::optional<ReplyFormat> replyFormatFromName(QStringView name);

struct ReplyEntry
{
    QString text; // as the user wrote it, in `format`; an entry that does not parse is never picked
    bool enabled = true;
    double weight = 1.0; // only used by PickMode::Random; <= 0 never picked
    ReplyFormat format = ReplyFormat::Text;

    bool operator==(const ReplyEntry& other) const
    {
        return text == other.text && enabled == other.enabled && weight == other.weight &&
               format == other.format;
    }
};

// Saved in the book file (not in the program's settings): it travels with the
// replies through export and import, and the headless server reads it there.
enum class PickMode { Random, Shuffle, Sequential };
QString pickModeName(PickMode mode); // "random", "shuffle", "sequential"
std::optional<PickMode> pickModeFromName(QStringView name);

} // namespace chorus
