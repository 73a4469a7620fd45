#pragma once

// Which reply book a front end starts with, and what it may write:
//  - a file named by --replies is only read: never renamed, moved or written;
//  - the window's own book (replies.json in the app-data folder) is set aside
//    as "<name>.corrupt-<stamp>" only when its bytes really are no book, never
//    when it is missing, unreadable, too large or not a regular file; a book
//    the window could not read is not autosaved over either;
//  - the headless server only reads.

#include "answer/ReplyBook.h"

#include <optional>

namespace chorus {

enum class FrontEnd { Window, Headless };

struct BookAtStart
{
    // Reading the own book (FileError::NotFound on a first run). Headless
    // with --replies does not read it.
    BookFileResult ownBook;
    // Window only: moving a corrupt own book aside (error None when not tried).
    FileResult setAside;
    QString setAsidePath;
    // Reading the --replies file, when one was named.
    std::optional<BookFileResult> named;
    // Window only: edits are saved to the own book (off while it could not be read).
    bool autosave = false;

    bool ownBookUnusable() const
    {
        return !ownBook.ok() && ownBook.file.error != FileError::NotFound;
    }
    bool namedFailed() const { return named && !named->ok(); }
};

// QStandardPaths::AppDataLocation + "/replies.json": the window's own book.
QString defaultReplyBookPath();

// Loads into book (which keeps what it had for every file that fails), sets
// the pick mode when one is given (--pick) and then the autosave path, as
// the rules above say: starting writes nothing.
BookAtStart loadBookAtStart(ReplyBook& book, const QString& ownBookPath, const QString& namedPath,
                            std::optional<PickMode> pickMode, FrontEnd frontEnd);

} // namespace chorus
