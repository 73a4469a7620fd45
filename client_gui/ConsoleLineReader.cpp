#include "ConsoleLineReader.h"

#include <QSocketNotifier>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace chorus {

ConsoleLineReader::ConsoleLineReader(int fd, qsizetype maxLineBytes, QObject* parent)
    : QObject(parent), m_fd(fd), m_maxLineBytes(maxLineBytes)
{}

void ConsoleLineReader::start()
{
    if (m_notifier || m_finished)
        return;
    if (::fcntl(m_fd, F_GETFL) < 0) { // closed (`prog <&-`): nothing to read
        finish(errno);
        return;
    }
    m_notifier = new QSocketNotifier(qintptr(m_fd), QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &ConsoleLineReader::readChunk);
    m_notifier->setEnabled(!m_paused);
}

void ConsoleLineReader::setPaused(bool paused)
{
    m_paused = paused;
    if (m_notifier && !m_finished)
        m_notifier->setEnabled(!paused);
}

void ConsoleLineReader::readChunk()
{
    if (m_finished || m_paused)
        return;
    char buffer[kChunkBytes];
    const ssize_t got = ::read(m_fd, buffer, sizeof buffer);
    if (got < 0) {
        if (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK)
            return;
        finish(errno);
        return;
    }
    if (got == 0) {
        if (m_lineBytes > 0 || !m_line.isEmpty())
            endLine(); // the last line needs no LF
        finish(0);
        return;
    }
    take(buffer, qsizetype(got));
}

void ConsoleLineReader::take(const char* data, qsizetype size)
{
    qsizetype start = 0;
    while (start < size) {
        const void* found = std::memchr(data + start, '\n', std::size_t(size - start));
        const qsizetype end = found ? qsizetype(static_cast<const char*>(found) - data) : size;
        const qsizetype piece = end - start;
        m_lineBytes += piece;
        if (!m_skipping) {
            if (m_line.size() + piece > m_maxLineBytes + 1) { // +1: a CR that goes
                m_skipping = true;
                m_line.clear();
            } else {
                m_line.append(data + start, piece);
            }
        }
        if (!found)
            return;
        endLine();
        start = end + 1;
    }
}

void ConsoleLineReader::endLine()
{
    ++m_number;
    if (m_line.endsWith('\r'))
        m_line.chop(1);
    if (m_skipping || m_line.size() > m_maxLineBytes)
        emit lineTooLong(m_number, m_lineBytes);
    else
        emit lineRead(m_line, m_number);
    m_line.clear();
    m_lineBytes = 0;
    m_skipping = false;
}

void ConsoleLineReader::finish(int errorNumber)
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_notifier)
        m_notifier->setEnabled(false);
    emit finished(errorNumber);
}

} // namespace chorus
