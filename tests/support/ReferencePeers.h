#pragma once

// The burst peers the interop tests talk to: the reference programs in
// ../shared/seed (server_multi.py, client.py, run with python3) when they are
// there, else the project's own chorus-burst-peer, which speaks the same wire
// behaviour (../shared/seed/README.md):
//   - burst server: answers every read of up to 1024 bytes with one of the
//     seven factory replies, UTF-8, no terminator;
//   - burst client: sends each typed line with no newline, prints one read of
//     up to 1024 bytes per line after kBurstClientReplyPrefix; "exit" prints
//     kBurstClientFarewell and quits.
// So the suite passes on a clean clone with nothing beside it, and still uses
// the real reference peers when ../shared is present. Each choice is logged
// with qInfo so the test output says which peer was used.
//
// The reference folder is CHORUS_SEED_DIR: the environment variable when set
// (as for bench/run-benchmarks.sh), else the CMake cache entry (../shared/seed).
// CHORUS_TEST_PEERS=own picks the own peers even when the reference is there.
// Tests using this header are built with chorus_add_test(... BURST_PEERS).

#include "BurstPeerFormat.h"

#include <QByteArray>
#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QString>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtGlobal>

#include <chrono>

#ifndef CHORUS_BURST_PEER_EXE
#error "ReferencePeers.h needs chorus_add_test(... BURST_PEERS) in the test's CMakeLists.txt"
#endif

namespace chorus::testing {

enum class BurstPeerKind { Reference, Own };

inline QString seedPath(const QString& script)
{
    const QString folder = qEnvironmentVariable("CHORUS_SEED_DIR", QStringLiteral(CHORUS_SEED_DIR));
    return QDir::cleanPath(folder + QLatin1Char('/') + script);
}

// Why the reference script cannot be used (empty when it can).
inline QString referencePeerUnavailable(const QString& script)
{
    if (qEnvironmentVariable("CHORUS_TEST_PEERS") == QLatin1String("own"))
        return QStringLiteral("CHORUS_TEST_PEERS=own");
    const QString path = seedPath(script);
    if (!QFileInfo(path).isFile())
        return path + QStringLiteral(" is absent (no ../shared/seed beside the checkout)");
    if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty())
        return QStringLiteral("python3 is not installed");
    return {};
}

// Reference when usable, else own; says which (and why) with qInfo.
inline BurstPeerKind chooseBurstPeer(const char* role, const QString& script)
{
    const QString unavailable = referencePeerUnavailable(script);
    if (unavailable.isEmpty()) {
        qInfo("burst %s: reference %s (python3)", role, qUtf8Printable(seedPath(script)));
        return BurstPeerKind::Reference;
    }
    qInfo("burst %s: own %s, because %s", role, CHORUS_BURST_PEER_EXE, qUtf8Printable(unavailable));
    return BurstPeerKind::Own;
}

inline QProcessEnvironment seedEnvironment(quint16 port)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("SEED_HOST"), QStringLiteral("127.0.0.1"));
    env.insert(QStringLiteral("SEED_PORT"), QString::number(port));
    env.insert(QStringLiteral("PYTHONUNBUFFERED"), QStringLiteral("1"));
    env.insert(QStringLiteral("PYTHONIOENCODING"), QStringLiteral("utf-8"));
    return env;
}

// A burst server process on 127.0.0.1, killed when this object goes.
class BurstServerProcess
{
public:
    explicit BurstServerProcess(BurstPeerKind kind = chooseBurstPeer("server", "server_multi.py"))
        : m_kind(kind)
    {}
    ~BurstServerProcess() { stop(); }
    BurstServerProcess(const BurstServerProcess&) = delete;
    BurstServerProcess& operator=(const BurstServerProcess&) = delete;

    BurstPeerKind kind() const { return m_kind; }

    // Starts it and waits (bounded) until it accepts; the port, or 0 (see failure()).
    quint16 start() { return m_kind == BurstPeerKind::Reference ? startReference() : startOwn(); }

    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.kill();
        m_process.waitForFinished(5000);
    }

    QString failure() const { return m_failure; }

private:
    static constexpr std::chrono::seconds kStartTimeout{10};
    static constexpr int kPollMs = 50;

    quint16 startOwn()
    {
        m_process.start(QStringLiteral(CHORUS_BURST_PEER_EXE), {QStringLiteral("server")});
        if (!m_process.waitForStarted())
            return failed(m_process.errorString());
        static const QRegularExpression listening(QStringLiteral("listening on 127.0.0.1:(\\d+)"));
        QByteArray output;
        QDeadlineTimer deadline(kStartTimeout);
        while (!deadline.hasExpired() && m_process.state() == QProcess::Running) {
            m_process.waitForReadyRead(kPollMs);
            output += m_process.readAllStandardOutput();
            const QRegularExpressionMatch match = listening.match(QString::fromUtf8(output));
            if (match.hasMatch())
                return match.captured(1).toUShort();
        }
        return failed(QString::fromUtf8(output + m_process.readAllStandardError()));
    }

    // server_multi.py takes its port from SEED_PORT and does not say which it
    // got for 0, so it gets a port just found free; its output goes nowhere
    // (a full pipe would block it), so "accepts" is found by connecting.
    quint16 startReference()
    {
        quint16 port = 0;
        {
            QTcpServer probe;
            if (!probe.listen(QHostAddress::LocalHost, 0))
                return failed(probe.errorString());
            port = probe.serverPort();
        }
        m_process.setProcessEnvironment(seedEnvironment(port));
        m_process.setStandardOutputFile(QProcess::nullDevice());
        m_process.start(QStringLiteral("python3"), {seedPath(QStringLiteral("server_multi.py"))});
        if (!m_process.waitForStarted())
            return failed(m_process.errorString());
        QDeadlineTimer deadline(kStartTimeout);
        while (!deadline.hasExpired() && m_process.state() == QProcess::Running) {
            QTcpSocket connectProbe;
            connectProbe.connectToHost(QHostAddress::LocalHost, port);
            if (connectProbe.waitForConnected(200))
                return port;
            m_process.waitForFinished(kPollMs); // a pause that also notices an early exit
        }
        return failed(QString::fromUtf8(m_process.readAllStandardError()));
    }

    quint16 failed(const QString& why)
    {
        m_failure = why;
        return 0;
    }

    BurstPeerKind m_kind;
    QProcess m_process;
    QString m_failure;
};

// Starts a burst client to 127.0.0.1:port in *process (stdin and stdout piped).
inline void startBurstClient(QProcess& process, quint16 port,
                             BurstPeerKind kind = chooseBurstPeer("client", "client.py"))
{
    if (kind == BurstPeerKind::Reference) {
        process.setProcessEnvironment(seedEnvironment(port));
        process.start(QStringLiteral("python3"), {seedPath(QStringLiteral("client.py"))});
    } else {
        process.start(QStringLiteral(CHORUS_BURST_PEER_EXE),
                      {QStringLiteral("client"), QStringLiteral("--port"), QString::number(port)});
    }
}

} // namespace chorus::testing
