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
#include "answer/RuleBook.h"
#include "base/PeerText.h"
#include "server/Fleet.h"
#include "server/ServerTypes.h"

#include <QObject>

#include <chrono>
#include <memory>

namespace chorus {

class ServerEnginePrivate;

class ServerEngine : public QObject
{
    Q_OBJECT
public:
    explicit ServerEngine(std::shared_ptr<ReplyBook> book, QObject* parent = nullptr);
    ~ServerEngine() override; // stops and joins the engine threads

    // The reply rules every message is checked against before the reply book
    // (docs/RULES.md); edits apply to the next message. Owned by the engine.
    std::shared_ptr<RuleBook> ruleBook() const;

    // Applies to the next start(); framing/limits also apply to new connections at once.
    void setConfig(const ServerConfig& config);

    bool isListening() const;
    // What is bound while listening: one address, or 127.0.0.1 and ::1 for "this machine".
    QList<QHostAddress> listenAddresses() const;
    quint16 listenPort() const; // the real port once listening (port 0 resolved)
    // The bound UDP port while listening with ServerConfig::udp, else 0.
    quint16 udpPort() const;
    // The TLS listeners' port while listening with TLS (ServerConfig::tls); 0 otherwise.
    quint16 tlsPort() const;
    // Who can talk to it while listening (ThisMachine when stopped); Open is
    // logged as a warning when listening starts.
    AccessExposure exposure() const;
    // Addresses kept out by disconnectAndBlock(), soonest to end first.
    QList<BlockedAddress> blockedAddresses() const;

    // Text as its UTF-8 bytes (the client's tests and scripts that send text).
    void sendDirect(const QList<quint64>& ids, const QString& text)
    {
        sendDirect(ids, text.toUtf8());
    }
    void broadcast(const QList<quint64>& ids, const QString& text)
    {
        broadcast(ids, text.toUtf8());
    }

    // Vehicles (issue 13): every command and its state, telemetry, heartbeats;
    // its signals come once per update interval.
    Fleet& fleet() const;
    // The session log (ServerConfig::sessionLog): opened at start() (or at
    // once by setConfig() while running); its stopped() says when a write failed.
    ServerSessionLog& sessionLog() const;

    // Raises RLIMIT_NOFILE's soft limit to its hard limit; returns the new soft limit.
    static quint64 raiseOpenFileLimit();

public slots:
    // Asynchronous: ends in listening() or startFailed().
    void start();
    // Asynchronous: every connection gets its pending replies flushed and is
    // closed (bounded wait), then stopped() is emitted. start() works again after.
    void stop();
    // Closes these connections; a client that reconnects by itself comes back.
    // The reason goes to Chorus peers in a bye as reason.wire (English: wire
    // data does not change with the language) and to the log as reason.shown;
    // empty: "disconnected by the server". A QString is sent as it is.
    void disconnectClients(const QList<quint64>& ids, const PeerText& reason);
    void disconnectClients(const QList<quint64>& ids, const QString& reason)
    {
        disconnectClients(ids, PeerText::verbatim(reason));
    }
    // Closes them and refuses their addresses for `duration`: text peers are
    // told "error: blocked by the server operator until HH:MM", Chorus peers
    // get a bye saying so; new connections from there get the same and are closed.
    void disconnectAndBlock(const QList<quint64>& ids, std::chrono::minutes duration);
    void unblock(const QHostAddress& address);
    void unblockAll();
    // A one-off message to these peers ("Send message…" / direct message):
    // the bytes in each peer's own framing; a Chorus peer gets a `direct`
    // (only bytes that are UTF-8 text; otherwise not to that peer, logged).
    void sendDirect(const QList<quint64>& ids, const QByteArray& bytes);
    // A `direct` over these Chorus peers' UDP channels (PROTOCOL.md §5.4);
    // a peer without one gets nothing (logged).
    void sendOverUdp(const QList<quint64>& ids, const QByteArray& bytes);
    // To these peers, or to every connected peer when ids is empty; as sendDirect.
    void broadcast(const QList<quint64>& ids, const QByteArray& bytes);
    // These connections frame their messages this way from their next byte
    // on; each logs "framing changed from X to Y". Chorus peers keep LF lines.
    void setConnectionFraming(const QList<quint64>& ids, const chorus::FrameSpec& spec);
    // A command to these connections, or to every connected one when ids is
    // empty: a `cmd` line to Chorus peers, the payload in their framing to
    // the others (docs/PROTOCOL.md §2.8). Each (peer, command) is tracked in fleet().
    void sendCommand(const QList<quint64>& ids, const chorus::CommandRequest& request);

signals:
    void listening(const QList<QHostAddress>& addresses, quint16 port);
    void startFailed(const chorus::ListenFailure& failure);
    void stopped();
    // Batched: rows that changed (or appeared) and ids that are gone.
    void connectionsUpdated(const QList<chorus::ConnectionSnapshot>& changed,
                            const QList<quint64>& removed);
    void logBatch(const QList<chorus::LogEntry>& entries);
    void countersUpdated(const chorus::ServerCounters& counters);
    void blockListChanged(const QList<chorus::BlockedAddress>& blocked);

private:
    std::unique_ptr<ServerEnginePrivate> d;
};

} // namespace chorus
