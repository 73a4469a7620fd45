#include "LogFileWriter.h"

namespace chorus {

LogFileWriter::LogFileWriter(QObject* parent) : QObject(parent) {}

LogFileWriter::~LogFileWriter()
{
    close();
}

bool LogFileWriter::open(const QString& path, QString* error)
{
    close();
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text)) {
        if (error)
            *error = m_file.errorString();
        return false;
    }
    return true;
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
        chunk += entry.format().toUtf8();
        chunk += '\n';
    }
    // Flushed per batch so `tail -f` sees lines within one update interval.
    if (m_file.write(chunk) != chunk.size() || !m_file.flush()) {
        const QString reason = m_file.errorString();
        const QString path = m_file.fileName();
        m_file.close();
        emit failed(path, reason);
        return false;
    }
    return true;
}

} // namespace chorus
