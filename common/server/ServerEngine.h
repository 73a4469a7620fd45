#pragma once

// The server engine: a facade the window (or the headless front end, or a
// test) talks to by signals and slots, in the spirit of Qt's network-chat
// `Client`. Behind it, the listening socket and every connection live on
// engine-owned event-loop threads (ServerConfig::ioThreads, at least one), so
// a busy or blocked GUI thread never stalls the network and vice versa.
//
// Everything the user sees arrives in batches every
// ServerConfig::updateInterval: connection snapshots, log lines, counters.

#include "answer/ReplyBook.h"
#include "server/ServerTypes.h"

#include <QObject>

#include <memory>

namespace chorus {

class ServerEnginePrivate;

class ServerEngine : public QObject
{
    Q_OBJECT
public:
    explicit ServerEngine(std::shared_ptr<ReplyBook> book, QObject* parent = nullptr);
    ~ServerEngine() override; // stops and joins the engine threads

    // Applies to the next start(); framing/limits also apply to new connections at once.
    void setConfig(const ServerConfig& config);
    ServerConfig config() const;
    std::shared_ptr<ReplyBook> replyBook() const;

    bool isListening() const;
    QHostAddress listenAddress() const;
    quint16 listenPort() const; // the real port once listening (port 0 resolved)

    // Raises RLIMIT_NOFILE's soft limit to its hard limit; returns the new soft limit.
    static quint64 raiseOpenFileLimit();

public slots:
    // Asynchronous: ends in listening() or startFailed().
    void start();
    // Asynchronous: every connection gets its pending replies flushed and is
    // closed (bounded wait), then stopped() is emitted. start() works again after.
    void stop();
    void disconnectClients(const QList<quint64>& ids, const QString& reason);
    // A one-off message to these peers ("Send message…" / direct message).
    void sendDirect(const QList<quint64>& ids, const QString& text);
    // To these peers, or to every connected peer when ids is empty.
    void broadcast(const QList<quint64>& ids, const QString& text);

signals:
    void listening(const QHostAddress& address, quint16 port);
    void startFailed(const QString& reason);
    void stopped();
    // Batched: rows that changed (or appeared) and ids that are gone.
    void connectionsUpdated(const QList<chorus::ConnectionSnapshot>& changed,
                            const QList<quint64>& removed);
    void logBatch(const QList<chorus::LogEntry>& entries);
    void countersUpdated(const chorus::ServerCounters& counters);

private:
    std::unique_ptr<ServerEnginePrivate> d;
};

} // namespace chorus
