#include "BookAtStart.h"

#include <QStandardPaths>

namespace chorus {

QString defaultReplyBookPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/replies.json");
}

BookAtStart loadBookAtStart(ReplyBook& book, const QString& ownBookPath, const QString& namedPath,
                            std::optional<PickMode> pickMode, FrontEnd frontEnd)
{
    BookAtStart out;
    book.setAutoSavePath(QString()); // loading is not editing: nothing written meanwhile
    if (frontEnd == FrontEnd::Headless) {
        if (!namedPath.isEmpty())
            out.named = book.load(namedPath);
        else
            out.ownBook = book.load(ownBookPath);
        if (pickMode)
            book.setPickMode(*pickMode);
        return out;
    }

    out.ownBook = book.load(ownBookPath);
    out.autosave = out.ownBook.ok() || out.ownBook.file.error == FileError::NotFound;
    if (out.ownBook.isCorrupt()) {
        out.setAside = setAsideCorruptBook(ownBookPath, &out.setAsidePath);
        out.autosave = out.setAside.ok();
    }
    if (!namedPath.isEmpty())
        out.named = book.load(namedPath);
    if (pickMode)
        book.setPickMode(*pickMode); // saved with the book at the next edit
    book.setAutoSavePath(out.autosave ? ownBookPath : QString());
    return out;
}

} // namespace chorus
