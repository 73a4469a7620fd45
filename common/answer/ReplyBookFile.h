#pragma once

// Reply book files, read and written; no state, no QObject.
//
// Two formats, chosen by the file name: ".json" (any case) is JSON, anything
// else plain text, for reading and writing alike.
//   JSON:  {"version":2,"pickMode":"random","entries":[{"text":..,"enabled":..,"weight":..}]}
//          (what the window autosaves and exports). An entry has "text"
//          (escaped text with placeholders: \r \n \t \0 \\ \xNN) or "hex"
//          ({"hex":"06"}). In a version-1 file (or one without "version", or a
//          bare array of strings or entry objects) "text" is literal text: it
//          is read as the escaped text of the same bytes (a backslash becomes
//          \\), so its replies do not change.
//   text:  UTF-8, one reply per line, blank lines skipped, an optional BOM;
//          each line is escaped text (\x06, \r give bytes). A line that is not
//          (a backslash before anything else) is taken literally. Written, a
//          hex entry becomes the escaped text of its bytes.
//
// Reading goes through readRegularFile(): it never blocks (a FIFO is refused
// at once) and never changes the file. A file over kMaxReplyBookBytes is
// refused as FileError::TooLarge, which is not corruption. Writing goes
// through writeFileAtomically(): verified, and the old file survives any
// failure.

#include "answer/ReplyEntry.h"
#include "base/AtomicFile.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace chorus {

// The largest reply book read: 256 MiB. A 54 MB book (240,000 replies) loads
// in under a second (tests/replybookfile).
inline constexpr qint64 kMaxReplyBookBytes = qint64(256) * 1024 * 1024;

enum class ReplyFileFormat { PlainText, Json };
ReplyFileFormat formatForPath(const QString& path); // .json -> Json, else PlainText

// Why bytes are not a reply book (or cannot be written as one).
enum class BookFormatError {
    None,
    InvalidJson,        // not parseable JSON
    NotABook,           // JSON, but neither an array nor an object with an "entries" array
    BadEntry,           // an entry of the wrong shape or type
    BinaryText,         // plain text with NUL bytes
    InvalidUtf8,        // plain text that is not UTF-8
    MultiLineAsText,    // writing: a reply spans lines; one reply per line cannot hold it
    InvalidEntryAsText, // writing: a reply that does not parse would be read back as another
};
QString bookFormatErrorName(BookFormatError error); // "invalid-json", ...

// How reading or writing one book file went: the file itself (FileResult:
// not found, not a regular file, too large, write failed, ...) or, when the
// bytes were read, what makes them no book.
struct BookFileResult
{
    FileResult file;
    BookFormatError format = BookFormatError::None;
    QString formatReason; // which byte, entry or field, for people

    bool ok() const { return file.ok() && format == BookFormatError::None; }
    // The bytes were read and are not a book: the one case a book may be set aside.
    bool isCorrupt() const
    {
        return file.ok() && format != BookFormatError::None &&
               format != BookFormatError::MultiLineAsText &&
               format != BookFormatError::InvalidEntryAsText;
    }
};

struct ParsedBook
{
    QList<ReplyEntry> entries;
    std::optional<PickMode> mode; // JSON documents only; an unknown name is left out
};

// On failure returns nullopt and sets result->format and formatReason.
std::optional<ParsedBook> parseBook(const QByteArray& data, ReplyFileFormat format,
                                    BookFileResult* result);
QByteArray serializeBook(const QList<ReplyEntry>& entries, ReplyFileFormat format,
                         PickMode mode = PickMode::Random);

// Reads and parses path in the format of its name.
std::optional<ParsedBook> readBookFile(const QString& path, BookFileResult* result);
// Writes in the format of the name; plain text refuses multi-line replies and
// replies that do not parse.
BookFileResult writeBookFile(const QString& path, const QList<ReplyEntry>& entries, PickMode mode);

// For the window's own autosave book only, after readBookFile() found it
// corrupt: renames it to "<path>.corrupt-<yyyyMMdd-HHmmss>" (with a counter
// if taken) so the next save cannot overwrite what the user may still want.
// *movedTo gets the new name.
FileResult setAsideCorruptBook(const QString& path, QString* movedTo);

} // namespace chorus
