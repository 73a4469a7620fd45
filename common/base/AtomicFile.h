#pragma once

// Files the user keeps (reply book, settings, history, saved logs, reports) are
// written whole or not at all, and files the user names are read without ever
// blocking or changing them.
//
// Why not QSaveFile alone: Qt 6.4's QSaveFile::commit() can return true after
// a failed flush (QTBUG-75077), so on a full disk it renamed a 0-byte or
// truncated temporary over the user's file. writeFileAtomically() follows the
// usual POSIX recipe instead and trusts nothing it has not checked:
//   1. mkstemp() a temporary beside the target (same file system, so the
//      rename is atomic), with the old file's permissions (or 0600 for a
//      file that may hold a secret: FileAccess::OwnerOnly);
//   2. write() every byte (EINTR and short writes retried), then fsync();
//   3. verify: fstat() size == data size, and the bytes read back are equal;
//   4. rename() over the target, then fsync() the folder.
// Any failure removes the temporary and leaves the old file untouched.

#include <QByteArray>
#include <QString>

namespace chorus {

enum class FileError {
    None,
    NotFound,           // reading: no such file
    NotRegularFile,     // a folder, FIFO, device or socket: refused, never opened for I/O
    TooLarge,           // reading: over the caller's documented limit (not corruption)
    CreateFolderFailed, // writing: the target's folder could not be created
    OpenFailed,         // could not open (permissions, read-only file system, ...)
    ReadFailed,         // read() failed
    WriteFailed,        // write(), fsync() or close() failed (ENOSPC: disk full)
    VerifyFailed,       // the temporary's size or bytes differ from what was written
    ReplaceFailed,      // rename() over the target failed
};
// A stable machine name: "not-found", "write-failed", ...
QString fileErrorName(FileError error);

// What happened to one file operation: an enum to switch on, and the system's
// reason (strerror, or the size figures for TooLarge) for people.
struct FileResult
{
    FileError error = FileError::None;
    QString path;
    QString reason;

    bool ok() const { return error == FileError::None; }
    // "Cannot write /path: No space left on device", translated; empty when ok().
    QString describe() const;
};

// Who may read the written file. OwnerOnly (0600, whatever the old file's
// mode or the umask) is for files that may hold a secret: the settings files
// keep the access token, which the client must send as it is.
enum class FileAccess { AsBefore, OwnerOnly };

// Creates the target's folder when missing. See the recipe above.
FileResult writeFileAtomically(const QString& path, const QByteArray& data,
                               FileAccess access = FileAccess::AsBefore);
// The same, for callers that only show the failure: *error gets describe().
inline bool writeFileAtomically(const QString& path, const QByteArray& data, QString* error)
{
    const FileResult result = writeFileAtomically(path, data);
    if (!result.ok() && error)
        *error = result.describe();
    return result.ok();
}

// Reads a whole regular file of at most maxBytes bytes into *data. Never
// blocks on a FIFO or device (opened non-blocking, refused unless regular)
// and never changes the file.
FileResult readRegularFile(const QString& path, qint64 maxBytes, QByteArray* data);

} // namespace chorus
