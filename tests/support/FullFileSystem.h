#pragma once

// A real, really full file system for tests of what a save does when the disk
// is full: a small tmpfs mounted on a private temporary folder, which fill()
// packs until write() reports ENOSPC. Mounting needs root (CAP_SYS_ADMIN);
// elsewhere isReady() is false and skipReason() says why, for QSKIP.

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>
#include <QTemporaryDir>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/mount.h>
#include <unistd.h>

namespace chorus::testing {

class FullFileSystem
{
public:
    explicit FullFileSystem(qint64 sizeBytes = 512 * 1024)
    {
        if (::geteuid() != 0) {
            m_skipReason = QStringLiteral("mounting a small tmpfs needs root; run the suite as "
                                          "root (CI does) to test a full disk");
            return;
        }
        if (!m_folder.isValid()) {
            m_skipReason = QStringLiteral("no temporary folder: ") + m_folder.errorString();
            return;
        }
        const QByteArray options = "size=" + QByteArray::number(sizeBytes);
        if (::mount("tmpfs", QFile::encodeName(m_folder.path()).constData(), "tmpfs", 0,
                    options.constData()) != 0) {
            m_skipReason = QStringLiteral("cannot mount a tmpfs (") +
                           QString::fromLocal8Bit(std::strerror(errno)) +
                           QStringLiteral("); a container without CAP_SYS_ADMIN?");
            return;
        }
        m_mounted = true;
    }
    ~FullFileSystem()
    {
        if (m_mounted)
            ::umount2(QFile::encodeName(m_folder.path()).constData(), MNT_DETACH);
    }
    FullFileSystem(const FullFileSystem&) = delete;
    FullFileSystem& operator=(const FullFileSystem&) = delete;

    bool isReady() const { return m_mounted; }
    QString skipReason() const { return m_skipReason; }
    QString path() const { return m_folder.path(); }
    QString filePath(const QString& name) const { return m_folder.filePath(name); }

    // Writes a filler file until the file system refuses more; true when it is full.
    bool fill()
    {
        const QByteArray filler = QFile::encodeName(filePath(QStringLiteral(".filler")));
        const int fd = ::open(filler.constData(), O_WRONLY | O_CREAT | O_APPEND, 0600);
        if (fd < 0)
            return false;
        const QByteArray block(4096, 'x');
        bool full = false;
        for (int i = 0; i < 1 << 20 && !full; ++i) { // bounded: 4 GiB at most
            qint64 left = block.size();
            while (left > 0) {
                const ssize_t n = ::write(fd, block.constData(), size_t(left));
                if (n < 0) {
                    full = errno == ENOSPC;
                    break;
                }
                left -= n;
            }
        }
        // The last partial block: fill byte by byte so not even one byte is free.
        while (full && ::write(fd, "x", 1) == 1) {
        }
        ::close(fd);
        return full;
    }
    // Frees the filler (the disk has room again).
    void drain() { QFile::remove(filePath(QStringLiteral(".filler"))); }

private:
    QTemporaryDir m_folder;
    bool m_mounted = false;
    QString m_skipReason;
};

} // namespace chorus::testing
