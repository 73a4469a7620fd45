#pragma once

// Test support shared by the engine's test folders: a ServerEngine on
// loopback port 0 whose batched signals are recorded, and loopback clients.

#include "answer/ReplyBook.h"
#include "server/ServerEngine.h"

#include <QHash>
#include <QSet>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

#include <memory>

namespace chorus::testing {

inline QStringList factoryTexts()
{
    QStringList texts;
    for (const ReplyEntry& entry : ReplyBook::factoryEntries())
        texts << entry.text;
    return texts;
}

// This machine only (127.0.0.1 and ::1), a free port, quick batches.
inline ServerConfig loopbackConfig()
{
    ServerConfig config;
    config.address = ListenAddress::thisMachine();
    config.port = 0;
    config.updateInterval = std::chrono::milliseconds(40);
    return config;
}

// The same with UDP on, on a free port of its own.
inline ServerConfig loopbackUdpConfig()
{
    ServerConfig config = loopbackConfig();
    config.udp = true;
    config.udpPort = 0;
    return config;
}

// Records everything the engine reports.
class EngineHarness
{
public:
    explicit EngineHarness(const ServerConfig& config = loopbackConfig())
        : book(std::make_shared<ReplyBook>()), engine(book)
    {
        engine.setConfig(config);
        QObject::connect(
            &engine, &ServerEngine::connectionsUpdated, &engine,
            [this](const QList<ConnectionSnapshot>& changed, const QList<quint64>& gone) {
                for (const ConnectionSnapshot& row : changed)
                    rows.insert(row.id, row);
                for (quint64 id : gone)
                    removed.insert(id);
            });
        QObject::connect(&engine, &ServerEngine::logBatch, &engine,
                         [this](const QList<LogEntry>& entries) { log.append(entries); });
        QObject::connect(&engine, &ServerEngine::countersUpdated, &engine,
                         [this](const ServerCounters& latest) { counters = latest; });
    }

    // Starts and waits for listening(); returns the port (0 on failure).
    quint16 start()
    {
        QSignalSpy listening(&engine, &ServerEngine::listening);
        engine.start();
        if (!listening.wait(5000))
            return 0;
        return listening.first().at(1).value<quint16>();
    }

    bool stop()
    {
        QSignalSpy stopped(&engine, &ServerEngine::stopped);
        engine.stop();
        return stopped.wait(10000);
    }

    // The id of the connection whose peer port is the client's local port
    // (the newest one: a closed peer's port may be reused).
    quint64 idOf(const QTcpSocket& client) const
    {
        quint64 id = 0;
        for (const ConnectionSnapshot& row : rows) {
            if (row.peerPort == client.localPort())
                id = std::max(id, row.id);
        }
        return id;
    }

    // Waits (bounded) until the engine reported the client's connection; 0 on timeout.
    quint64 waitForId(const QTcpSocket& client)
    {
        (void)QTest::qWaitFor([&] { return idOf(client) != 0; }, 5000);
        return idOf(client);
    }

    bool logContains(const QString& text) const
    {
        for (const LogEntry& entry : log) {
            if (entry.text.contains(text))
                return true;
        }
        return false;
    }

    // Log entries that report `error` (a ConnectionError, a socket error, …), of one connection
    // or (id 0) of any.
    template <typename E> int errorsLogged(E error, quint64 id = 0) const
    {
        int n = 0;
        for (const LogEntry& entry : log) {
            if (entry.errorAs<E>() == error && (id == 0 || entry.connectionId == id))
                ++n;
        }
        return n;
    }

    QList<LogEntry> entriesOf(quint64 id, LogKind kind) const
    {
        QList<LogEntry> out;
        for (const LogEntry& entry : log) {
            if (entry.connectionId == id && entry.kind == kind)
                out.append(entry);
        }
        return out;
    }

    std::shared_ptr<ReplyBook> book;
    ServerEngine engine;
    QHash<quint64, ConnectionSnapshot> rows;
    QSet<quint64> removed;
    QList<LogEntry> log;
    ServerCounters counters;
};

// A loopback client that accumulates what it receives.
class TestClient
{
public:
    TestClient()
    {
        QObject::connect(&socket, &QTcpSocket::readyRead, &socket,
                         [this] { received += socket.readAll(); });
    }

    bool connectTo(quint16 port,
                   const QHostAddress& address = QHostAddress(QHostAddress::LocalHost))
    {
        socket.connectToHost(address, port);
        QSignalSpy connected(&socket, &QTcpSocket::connected);
        return socket.state() == QAbstractSocket::ConnectedState || connected.wait(5000);
    }

    // Complete LF-terminated lines received so far (CR kept).
    QList<QByteArray> lines() const
    {
        QList<QByteArray> out = received.split('\n');
        out.removeLast(); // the unterminated rest (empty when all are complete)
        return out;
    }

    QTcpSocket socket;
    QByteArray received;
};

} // namespace chorus::testing
