#include "base/AtomicFile.h"
#include "base/TranslateIn.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace chorus {

namespace {

QString tr(const char* text)
{
    return translateIn({"chorus::AtomicFile", "chorus"}, text);
}

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

FileResult failure(FileError error, const QString& path, const QString& reason)
{
    return FileResult{error, path, reason};
}

// write() all of it, retrying EINTR and short writes; false with errno set.
bool writeAll(int fd, const char* data, qint64 size)
{
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size_t(size));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        if (n == 0) {
            errno = EIO;
            return false;
        }
        data += n;
        size -= n;
    }
    return true;
}

// Reads exactly size bytes (or up to EOF) into out; false with errno set.
bool readAll(int fd, QByteArray* out, qint64 size)
{
    out->resize(size);
    qint64 done = 0;
    while (done < size) {
        const ssize_t n = ::read(fd, out->data() + done, size_t(size - done));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        if (n == 0)
            break;
        done += n;
    }
    out->truncate(done);
    return true;
}

// Checks what the temporary holds: its size, then its bytes.
FileResult verify(int fd, const QString& path, const QByteArray& data)
{
    struct stat info
    {
    };
    if (::fstat(fd, &info) != 0)
        return failure(FileError::VerifyFailed, path, errnoText(errno));
    if (qint64(info.st_size) != data.size())
        return failure(FileError::VerifyFailed, path,
                       tr("%1 bytes on disk, %2 written").arg(info.st_size).arg(data.size()));
    if (::lseek(fd, 0, SEEK_SET) != 0)
        return failure(FileError::VerifyFailed, path, errnoText(errno));
    QByteArray back;
    if (!readAll(fd, &back, data.size()))
        return failure(FileError::VerifyFailed, path, errnoText(errno));
    if (back != data)
        return failure(FileError::VerifyFailed, path, tr("the bytes read back differ"));
    return FileResult{FileError::None, path, {}};
}

} // namespace

QString fileErrorName(FileError error)
{
    switch (error) {
    case FileError::None:
        return QStringLiteral("none");
    case FileError::NotFound:
        return QStringLiteral("not-found");
    case FileError::NotRegularFile:
        return QStringLiteral("not-regular-file");
    case FileError::TooLarge:
        return QStringLiteral("too-large");
    case FileError::CreateFolderFailed:
        return QStringLiteral("create-folder-failed");
    case FileError::OpenFailed:
        return QStringLiteral("open-failed");
    case FileError::ReadFailed:
        return QStringLiteral("read-failed");
    case FileError::WriteFailed:
        return QStringLiteral("write-failed");
    case FileError::VerifyFailed:
        return QStringLiteral("verify-failed");
    case FileError::ReplaceFailed:
        return QStringLiteral("replace-failed");
    }
    return {};
}

QString FileResult::describe() const
{
    const QString where = QDir::toNativeSeparators(path);
    switch (error) {
    case FileError::None:
        return {};
    case FileError::NotFound:
        return tr("%1 does not exist").arg(where);
    case FileError::NotRegularFile:
        return tr("%1 is not a regular file (%2)").arg(where, reason);
    case FileError::TooLarge:
        return tr("%1 is too large (%2)").arg(where, reason);
    case FileError::CreateFolderFailed:
        return tr("Cannot create the folder for %1: %2").arg(where, reason);
    case FileError::OpenFailed:
        return tr("Cannot open %1: %2").arg(where, reason);
    case FileError::ReadFailed:
        return tr("Cannot read %1: %2").arg(where, reason);
    case FileError::WriteFailed:
    case FileError::VerifyFailed:
    case FileError::ReplaceFailed:
        return tr("Cannot write %1: %2; the previous file is unchanged").arg(where, reason);
    }
    return {};
}

FileResult writeFileAtomically(const QString& path, const QByteArray& data, FileAccess access)
{
    const QFileInfo target(path);
    const QString folder = target.absolutePath();
    if (!QDir().mkpath(folder))
        return failure(FileError::CreateFolderFailed, path, folder);

    mode_t mode = 0644;
    struct stat existing
    {
    };
    const QByteArray nativePath = QFile::encodeName(target.absoluteFilePath());
    if (::stat(nativePath.constData(), &existing) == 0) {
        if (!S_ISREG(existing.st_mode))
            return failure(FileError::NotRegularFile, path, tr("it exists and is not a file"));
        mode = existing.st_mode & 07777;
    } else {
        const mode_t mask = ::umask(0);
        ::umask(mask);
        mode = 0666 & ~mask;
    }
    if (access == FileAccess::OwnerOnly)
        mode = 0600;

    QByteArray temporary = QFile::encodeName(folder + QLatin1String("/.") + target.fileName() +
                                             QLatin1String(".XXXXXX"));
    const int fd = ::mkostemp(temporary.data(), O_CLOEXEC);
    if (fd < 0)
        return failure(FileError::OpenFailed, path, errnoText(errno));
    auto discard = [&](FileResult result) {
        ::close(fd);
        ::unlink(temporary.constData());
        return result;
    };
    if (::fchmod(fd, mode) != 0)
        return discard(failure(FileError::OpenFailed, path, errnoText(errno)));
    if (!writeAll(fd, data.constData(), data.size()) || ::fsync(fd) != 0)
        return discard(failure(FileError::WriteFailed, path, errnoText(errno)));
    if (FileResult checked = verify(fd, path, data); !checked.ok())
        return discard(checked);
    if (::close(fd) != 0) {
        const int error = errno;
        ::unlink(temporary.constData());
        return failure(FileError::WriteFailed, path, errnoText(error));
    }
    if (::rename(temporary.constData(), nativePath.constData()) != 0) {
        const int error = errno;
        ::unlink(temporary.constData());
        return failure(FileError::ReplaceFailed, path, errnoText(error));
    }
    // The rename itself reaches the disk with the folder's metadata.
    const int folderFd = ::open(QFile::encodeName(folder).constData(), O_RDONLY | O_CLOEXEC);
    if (folderFd >= 0) {
        ::fsync(folderFd);
        ::close(folderFd);
    }
    return FileResult{FileError::None, path, {}};
}

FileResult readRegularFile(const QString& path, qint64 maxBytes, QByteArray* data)
{
    const QByteArray nativePath = QFile::encodeName(path);
    // O_NONBLOCK: opening a FIFO with no writer would otherwise wait forever.
    const int fd = ::open(nativePath.constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        const int error = errno;
        if (error == ENOENT)
            return failure(FileError::NotFound, path, errnoText(error));
        if (error == EISDIR)
            return failure(FileError::NotRegularFile, path, tr("a folder"));
        return failure(FileError::OpenFailed, path, errnoText(error));
    }
    struct stat info
    {
    };
    if (::fstat(fd, &info) != 0) {
        const int error = errno;
        ::close(fd);
        return failure(FileError::ReadFailed, path, errnoText(error));
    }
    if (!S_ISREG(info.st_mode)) {
        ::close(fd);
        const QString kind = S_ISDIR(info.st_mode)    ? tr("a folder")
                             : S_ISFIFO(info.st_mode) ? tr("a FIFO")
                             : S_ISSOCK(info.st_mode) ? tr("a socket")
                                                      : tr("a device");
        return failure(FileError::NotRegularFile, path, kind);
    }
    if (qint64(info.st_size) > maxBytes) {
        ::close(fd);
        return failure(FileError::TooLarge, path,
                       tr("%1 bytes; the limit is %2 bytes").arg(info.st_size).arg(maxBytes));
    }
    const bool read = readAll(fd, data, qint64(info.st_size));
    const int error = errno;
    ::close(fd);
    if (!read)
        return failure(FileError::ReadFailed, path, errnoText(error));
    return FileResult{FileError::None, path, {}};
}

} // namespace chorus
