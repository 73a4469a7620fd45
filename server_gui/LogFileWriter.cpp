#include "LogFileWriter.h"

#include <QFileInfo>

namespace chorus {

LogFileWriter::LogFileWriter(QObject* parent) : QObject(parent) {}

LogFileWriter::~LogFileWriter()
{
    close();
}

FileResult LogFileWriter::open(const QString& path)
{
    close();
    // Appending to a FIFO would block the window until someone reads it.
    const QFileInfo info(path);
    if (info.exists() && !info.isFile())
        return FileResult{FileError::NotRegularFile, path,
                          info.isDir() ? tr("a folder") : tr("a FIFO, socket or device")};
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text))
        return FileResult{FileError::OpenFailed, path, m_file.errorString()};
    return FileResult{FileError::None, path, {}};
}

void LogFileWriter::close()
{
    if (m_file.isOpen()) {
        m_file.flush();
        m_file.close();
    }
}

bool LogFileWriter::write(const QList<LogEntry>& entries)
{
    if (!m_file.isOpen())
        return false;
    QByteArray chunk;
    for (const LogEntry& entry : entries) {
        chunk += entry.formatForFile().toUtf8(); // the Text view: escapes, one line
        chunk += '\n';
    }
    // Flushed per batch so `tail -f` sees lines within one update interval.
    if (m_file.write(chunk) != chunk.size() || !m_file.flush()) {
        const FileResult result{FileError::WriteFailed, m_file.fileName(), m_file.errorString()};
        m_file.close();
        emit failed(result);
        return false;
    }
    return true;
}

} // namespace chorus
