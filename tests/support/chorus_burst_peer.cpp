// chorus-burst-peer: the project's own stand-ins for the reference peers in
// ../shared/seed (server_multi.py and client.py), so the suite runs on a clean
// clone with nothing beside it. They speak the same wire behaviour (see
// ../shared/seed/README.md and BurstPeerFormat.h); they are not ports of the
// Python code.
//
//   chorus-burst-peer server [--port N]   N = 0 (default) picks a free port
//       Answers every read of up to 1024 bytes with one of the seven factory
//       replies (ReplyBook::factoryEntries()), UTF-8, no terminator. Prints
//       "listening on 127.0.0.1:PORT" once it accepts, then nothing more (so an
//       undrained stdout pipe can never block it). Runs until killed.
//   chorus-burst-peer client --port N
//       For each line on stdin: sends its bytes with no newline, waits for one
//       read of up to 1024 bytes and prints it (invalid UTF-8 as U+FFFD) after
//       kBurstClientReplyPrefix, one line per read. "exit" (any case) prints
//       kBurstClientFarewell and quits; end of input quits. Exit code 1 when
//       the server cannot be reached, closes, or does not answer in time.
//
// Differences from the reference, on purpose: 127.0.0.1 only; an empty line
// sends nothing and waits for nothing (the reference would wait forever).

#include "BurstPeerFormat.h"

#include "answer/ReplyBook.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QList>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>

#include <chrono>
#include <cstdio>

using namespace chorus;
using namespace chorus::testing;
using namespace std::chrono_literals;

namespace {

constexpr qint64 kReadSize = 1024; // one recv(1024) of the reference peers
constexpr auto kConnectTimeout = 10s;
constexpr auto kReplyTimeout = 30s;

void printLine(FILE* stream, const QByteArray& utf8)
{
    std::fwrite(utf8.constData(), 1, size_t(utf8.size()), stream);
    std::fputc('\n', stream);
    std::fflush(stream);
}

int fail(const QString& why)
{
    printLine(stderr, "chorus-burst-peer: " + why.toUtf8());
    return 1;
}

class BurstServer : public QObject
{
public:
    BurstServer()
    {
        for (const ReplyEntry& entry : ReplyBook::factoryEntries())
            m_replies << entry.text.toUtf8();
        connect(&m_server, &QTcpServer::newConnection, this, &BurstServer::acceptAll);
    }

    bool listen(quint16 port)
    {
        if (m_replies.isEmpty() || !m_server.listen(QHostAddress::LocalHost, port))
            return false;
        printLine(stdout, "listening on 127.0.0.1:" + QByteArray::number(m_server.serverPort()));
        return true;
    }
    QString errorString() const { return m_server.errorString(); }

private:
    void acceptAll()
    {
        while (QTcpSocket* socket = m_server.nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { answer(socket); });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    }

    // What arrived, in reads of up to kReadSize bytes: one reply per read.
    void answer(QTcpSocket* socket)
    {
        while (socket->bytesAvailable() > 0) {
            socket->read(kReadSize);
            const int pick = int(QRandomGenerator::global()->bounded(quint32(m_replies.size())));
            socket->write(m_replies.at(pick));
        }
    }

    QTcpServer m_server;
    QList<QByteArray> m_replies;
};

int runClient(quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(int(std::chrono::milliseconds(kConnectTimeout).count())))
        return fail(QStringLiteral("cannot connect to 127.0.0.1:%1: %2")
                        .arg(port)
                        .arg(socket.errorString()));
    QFile input;
    if (!input.open(stdin, QIODevice::ReadOnly))
        return fail(QStringLiteral("cannot read standard input"));
    for (;;) {
        QByteArray line = input.readLine();
        if (line.isEmpty())
            break; // end of input
        if (line.endsWith('\n'))
            line.chop(1);
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.toLower() == "exit") {
            printLine(stdout, kBurstClientFarewell);
            break;
        }
        if (line.isEmpty())
            continue;
        socket.write(line);
        if (!socket.waitForBytesWritten(int(std::chrono::milliseconds(kConnectTimeout).count())))
            return fail(QStringLiteral("cannot send: %1").arg(socket.errorString()));
        if (socket.bytesAvailable() == 0 &&
            !socket.waitForReadyRead(int(std::chrono::milliseconds(kReplyTimeout).count())))
            return fail(QStringLiteral("no reply: %1").arg(socket.errorString()));
        const QByteArray reply = socket.read(kReadSize);
        printLine(stdout, QByteArray(kBurstClientReplyPrefix) + QString::fromUtf8(reply).toUtf8());
    }
    socket.disconnectFromHost();
    if (socket.state() != QAbstractSocket::UnconnectedState)
        socket.waitForDisconnected(int(std::chrono::milliseconds(kConnectTimeout).count()));
    return 0;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Test stand-in for the reference peers: burst server or burst client."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("role"), QStringLiteral("server or client"));
    const QCommandLineOption portOption(QStringLiteral("port"),
                                        QStringLiteral("Port on 127.0.0.1 (server: 0 = any)."),
                                        QStringLiteral("N"), QStringLiteral("0"));
    parser.addOption(portOption);
    parser.process(app);

    bool portOk = false;
    const uint port = parser.value(portOption).toUInt(&portOk);
    if (!portOk || port > 65535)
        return fail(QStringLiteral("bad --port %1").arg(parser.value(portOption)));
    const QStringList roles = parser.positionalArguments();
    const QString role = roles.size() == 1 ? roles.first() : QString();
    if (role == QLatin1String("client")) {
        if (port == 0)
            return fail(QStringLiteral("client needs --port"));
        return runClient(quint16(port));
    }
    if (role != QLatin1String("server"))
        return fail(QStringLiteral("say server or client (see --help)"));
    BurstServer server;
    if (!server.listen(quint16(port)))
        return fail(QStringLiteral("cannot listen on 127.0.0.1:%1: %2")
                        .arg(port)
                        .arg(server.errorString()));
    return app.exec();
}
