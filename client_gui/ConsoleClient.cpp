#include "ConsoleClient.h"

#include "ClientEventText.h"
#include "ConsoleLineReader.h"
#include "client/ClientEngine.h"
#include "client/OutgoingMessages.h"

#include <QIODevice>
#include <QTimer>

#include <cstring>

namespace chorus {

ConsoleClient::ConsoleClient(const ConsoleOptions& options, QIODevice* out, QIODevice* err,
                             QObject* parent)
    : QObject(parent), m_options(options), m_out(out), m_err(err), m_engine(new ClientEngine(this)),
      m_replyTimer(new QTimer(this))
{
    // A script sees a lost link as a failure (status 1), never as an endless wait.
    m_options.config.autoReconnect = false;
    m_engine->setConfig(m_options.config);
    m_replyTimer->setSingleShot(true);
    connect(m_replyTimer, &QTimer::timeout, this, &ConsoleClient::onReplyTimeout);
    connect(m_engine, &ClientEngine::eventOccurred, this, &ConsoleClient::onEvent);
    connect(m_engine, &ClientEngine::stateChanged, this, &ConsoleClient::onStateChanged);
    connect(m_engine, &ClientEngine::modeChanged, this, &ConsoleClient::sendNext);
    if (!m_options.replay.isEmpty()) {
        m_replay = new SessionReplay(m_engine, this);
        connect(m_replay, &SessionReplay::finished, this, &ConsoleClient::onReplayFinished);
    }
}

ConsoleClient::~ConsoleClient() = default;

void ConsoleClient::readFrom(int fd)
{
    // The longest line that can still be one message: every byte as a \xNN escape.
    const qsizetype perByte = m_options.input == ByteInput::Hex ? 3 : 4;
    const qsizetype maxLine = m_options.config.maxMessageBytes * perByte + 64;
    m_reader = new ConsoleLineReader(fd, maxLine, this);
    connect(m_reader, &ConsoleLineReader::lineRead, this, &ConsoleClient::takeLine);
    connect(m_reader, &ConsoleLineReader::lineTooLong, this, [this](qint64 number, qint64 bytes) {
        warn(tr("line %1: %2 bytes is longer than a message can be (%3 bytes); not sent")
                 .arg(number)
                 .arg(bytes)
                 .arg(m_options.config.maxMessageBytes));
    });
    connect(m_reader, &ConsoleLineReader::finished, this, [this](int errorNumber) {
        if (errorNumber != 0)
            warn(tr("standard input: %1").arg(QString::fromLocal8Bit(std::strerror(errorNumber))));
        endInput();
    });
}

void ConsoleClient::start()
{
    m_engine->connectToServer();
    if (m_replay) {
        m_inputEnded = true; // the log is the input
        return;
    }
    if (m_reader)
        m_reader->start();
}

void ConsoleClient::startReplayWhenReady()
{
    if (!m_replay || m_replayStarted || m_finished || m_engine->state() != ClientState::Connected ||
        m_engine->isNegotiating())
        return;
    m_replayStarted = true;
    m_replay->start(m_options.replay, m_options.replaySpeed);
}

void ConsoleClient::onReplayFinished(SessionReplay::End end, ClientError error)
{
    if (m_finished)
        return;
    if (end == SessionReplay::End::SendRefused) {
        warn(tr("replay: message %1 of %2 refused: %3")
                 .arg(m_replay->sentCount() + 1)
                 .arg(m_replay->totalCount())
                 .arg(ClientEventText::error(error, {}, {}, 0, 0)));
        finish(ConsoleExit::ReplayFailed);
        return;
    }
    warn(tr("replay: %1 of %2 messages sent")
             .arg(m_replay->sentCount())
             .arg(m_replay->totalCount()));
    m_replayDone = true;
    if (m_engine->awaitingReplies() > 0)
        m_replyTimer->start(m_options.replyTimeout);
    maybeFinish();
}

void ConsoleClient::takeLine(const QByteArray& line, qint64 number)
{
    if (m_inputEnded || m_finished)
        return;
    const qsizetype badByte = firstInvalidUtf8(line);
    if (badByte >= 0) {
        warn(tr("line %1, byte %2: not UTF-8; write such bytes as \\xNN or use --input hex; "
                "not sent")
                 .arg(number)
                 .arg(badByte + 1));
        return;
    }
    const QString text = QString::fromUtf8(line);
    if (text.trimmed().compare(QLatin1String("exit"), Qt::CaseInsensitive) == 0) {
        m_exitAsked = true;
        endInput();
        return;
    }
    if (text.trimmed().isEmpty())
        return;
    ByteParseError error;
    std::optional<QByteArray> message = parseBytes(text, m_options.input, &error);
    if (!message) {
        warn(tr("line %1, column %2: %3; not sent")
                 .arg(number)
                 .arg(error.position + 1)
                 .arg(describeParseError(error)));
        return;
    }
    if (message->isEmpty())
        return;
    m_lines.push_back({*message, number});
    updateBackpressure();
    sendNext();
}

void ConsoleClient::endInput()
{
    if (m_inputEnded)
        return;
    m_inputEnded = true;
    if (m_reader)
        m_reader->setPaused(true);
    maybeFinish();
}

void ConsoleClient::onEvent(const ClientEvent& event)
{
    if (m_finished)
        return;
    switch (event.kind) {
    case ClientEvent::Kind::Sent:
    case ClientEvent::Kind::Queued:
    case ClientEvent::Kind::Pong:
        return;
    case ClientEvent::Kind::Received: {
        const QString text = formatBytes(event.payload, m_options.view);
        if (event.replyTo != 0 && event.rttMs)
            print(tr("reply: %1 (%2 ms)").arg(text).arg(*event.rttMs, 0, 'f', 2));
        else
            print(tr("reply: %1").arg(text));
        if (m_waitingId != 0 && event.replyTo == m_waitingId) {
            m_waitingId = 0;
            m_replyTimer->stop();
            sendNext();
        }
        if (m_replayDone)
            maybeFinish();
        return;
    }
    case ClientEvent::Kind::Broadcast:
        print(tr("broadcast: %1").arg(formatBytes(event.payload, m_options.view)));
        return;
    case ClientEvent::Kind::Direct:
        print(tr("direct: %1").arg(formatBytes(event.payload, m_options.view)));
        return;
    case ClientEvent::Kind::Notice:
    case ClientEvent::Kind::Error:
    case ClientEvent::Kind::Refused:
        warn(ClientEventText::describe(event));
        return;
    }
}

void ConsoleClient::onStateChanged(ClientState state)
{
    if (m_finished)
        return;
    if (state == ClientState::Connected) {
        m_everConnected = true;
        sendNext();
        return;
    }
    if (state != ClientState::Disconnected)
        return;
    // The server closed a link that had done all it had to: a normal end.
    const bool allDone = m_inputEnded && m_lines.empty() && m_waitingId == 0 && m_everConnected &&
                         (!m_replay || m_replayDone);
    finish(allDone ? ConsoleExit::Ok : ConsoleExit::ConnectionFailed);
}

void ConsoleClient::sendNext()
{
    if (m_finished)
        return;
    startReplayWhenReady();
    while (m_waitingId == 0 && !m_lines.empty() && m_engine->state() == ClientState::Connected &&
           !m_engine->isNegotiating()) {
        const Line line = m_lines.front();
        m_lines.pop_front();
        const SendResult result = m_engine->send(line.message);
        if (result.status == SendStatus::Refused) {
            warn(
                tr("line %1: %2")
                    .arg(line.number)
                    .arg(ClientEventText::error(result.error, {}, {}, result.count, result.limit)));
            continue;
        }
        m_waitingId = result.messageIds.value(0);
        m_waitingLine = line.number;
        m_replyTimer->start(m_options.replyTimeout);
    }
    updateBackpressure();
    maybeFinish();
}

void ConsoleClient::onReplyTimeout()
{
    if (m_replayDone) {
        warn(tr("replay: %n repl(y/ies) did not come within %1 ms", nullptr,
                int(m_engine->awaitingReplies()))
                 .arg(m_options.replyTimeout.count()));
        m_replayWaitOver = true;
        maybeFinish();
        return;
    }
    if (m_waitingId == 0)
        return;
    warn(tr("line %1: no reply within %2 ms")
             .arg(m_waitingLine)
             .arg(m_options.replyTimeout.count()));
    m_waitingId = 0;
    sendNext();
}

void ConsoleClient::maybeFinish()
{
    // Only on a link that is up: an input that ends before the connect
    // still waits to learn whether the connection works.
    if (m_options.keepRunningAfterInput && !m_exitAsked)
        return;
    if (m_replay && (!m_replayDone || (m_engine->awaitingReplies() > 0 && !m_replayWaitOver)))
        return;
    if (!m_finished && m_inputEnded && m_lines.empty() && m_waitingId == 0 &&
        m_engine->state() == ClientState::Connected && !m_engine->isNegotiating())
        finish(ConsoleExit::Ok);
}

void ConsoleClient::finish(ConsoleExit status)
{
    if (m_finished)
        return;
    m_finished = true;
    m_replyTimer->stop();
    if (m_reader)
        m_reader->setPaused(true);
    m_engine->disconnect(this);
    m_engine->disconnectFromServer();
    emit finished(int(status));
}

void ConsoleClient::print(const QString& text)
{
    m_out->write(text.toUtf8() + '\n');
}

void ConsoleClient::warn(const QString& text)
{
    m_err->write(text.toUtf8() + '\n');
}

void ConsoleClient::updateBackpressure()
{
    if (!m_reader || m_inputEnded)
        return;
    if (qsizetype(m_lines.size()) >= kMaxPendingLines)
        m_reader->setPaused(true);
    else if (qsizetype(m_lines.size()) < kMaxPendingLines / 2)
        m_reader->setPaused(false);
}

} // namespace chorus
