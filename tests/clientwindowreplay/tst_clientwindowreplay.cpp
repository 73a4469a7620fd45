// The client window's replay (offscreen): --replay FILE with --connect sends
// the log's messages to the peer once connected, the progress dialog counts
// them and closes; a log that cannot be replayed is shown in the history
// with its ReplayError and nothing goes out; Stop ends a running replay.

#include "ClientSettings.h"
#include "ClientWindow.h"
#include "HistoryModel.h"
#include "base/AtomicFile.h"
#include "base/SessionLog.h"
#include "client/ClientEngine.h"
#include "client/SessionReplay.h"

#include <QProgressDialog>
#include <QPushButton>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace chorus;

namespace {

QByteArray logOf(const QList<std::pair<qint64, QByteArray>>& outs)
{
    QByteArray data;
    for (const auto& [timeUs, bytes] : outs) {
        SessionRecord record;
        record.timeUs = timeUs;
        record.kind = QStringLiteral("out");
        record.bytes = bytes;
        data += SessionLogWriter::encode(record);
    }
    return data;
}

} // namespace

class TestClientWindowReplay : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void replayOptionSendsOnceConnected();
    void badLogIsShown_data();
    void badLogIsShown();
    void stopEndsTheReplay();

private:
    ClientWindowOptions optionsFor(quint16 port);
    QTemporaryDir m_dir;
};

void TestClientWindowReplay::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

ClientWindowOptions TestClientWindowReplay::optionsFor(quint16 port)
{
    ClientWindowOptions options;
    options.settingsPath = m_dir.filePath(QStringLiteral("config/chorus-client.conf"));
    options.historyFolder = m_dir.filePath(QStringLiteral("history"));
    options.set(ClientSetting::Host, QStringLiteral("127.0.0.1"))
        .set(ClientSetting::Port, port)
        .set(ClientSetting::Protocol, QStringLiteral("plain"))
        .set(ClientSetting::AutoReconnect, false);
    return options;
}

void TestClientWindowReplay::replayOptionSendsOnceConnected()
{
    QTcpServer peer;
    QVERIFY(peer.listen(QHostAddress::LocalHost, 0));
    QByteArray received;
    connect(&peer, &QTcpServer::newConnection, this, [&] {
        QTcpSocket* link = peer.nextPendingConnection();
        connect(link, &QTcpSocket::readyRead, this,
                [&received, link] { received += link->readAll(); });
    });
    const QString path = m_dir.filePath(QStringLiteral("three.jsonl"));
    QVERIFY(writeFileAtomically(path,
                                logOf({{1000, "ARM"}, {21000, "TAKEOFF alt=10"}, {41000, "LAND"}}))
                .ok());
    ClientWindowOptions options = optionsFor(peer.serverPort());
    options.set(ClientSetting::Replay, path).set(ClientSetting::ReplaySpeed, QStringLiteral("2"));
    options.connectNow = true;
    ClientWindow window(options);
    window.show();
    QVERIFY(window.sessionReplay());
    QVERIFY(window.replayProgress()->isVisible());
    QTRY_COMPARE(received, QByteArray("ARM\nTAKEOFF alt=10\nLAND\n"));
    QTRY_VERIFY(!window.sessionReplay()->isRunning());
    QCOMPARE(window.sessionReplay()->sentCount(), 3);
    QCOMPARE(window.replayProgress()->value(), 3);
    QVERIFY(!window.replayProgress()->isVisible());
}

void TestClientWindowReplay::badLogIsShown_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("contents"); // empty name contents: the file is not made
    QTest::addColumn<int>("error");
    QTest::newRow("missing") << "missing.jsonl" << QByteArray() << int(ReplayError::FileUnreadable);
    QTest::newRow("no out") << "replies.jsonl"
                            << QByteArray("{\"t\":1,\"kind\":\"in\",\"hex\":\"4F 4B\"}\n")
                            << int(ReplayError::NoOutRecords);
    QTest::newRow("malformed") << "bad.jsonl"
                               << QByteArray("{\"t\":1,\"kind\":\"out\",\"hex\":\"4\"}\n")
                               << int(ReplayError::MalformedLine);
}

void TestClientWindowReplay::badLogIsShown()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, contents);
    QFETCH(int, error);
    const QString path = m_dir.filePath(name);
    if (!contents.isEmpty())
        QVERIFY(writeFileAtomically(path, contents).ok());
    ClientWindow window(optionsFor(9));
    const int rows = window.historyModel()->rowCount();
    QCOMPARE(int(window.replaySession(path)), error);
    window.flushPendingEvents();
    QCOMPARE(window.historyModel()->rowCount(), rows + 1);
    QCOMPARE(window.historyModel()->entry(rows).kind, HistoryEntry::Kind::Error);
    QVERIFY(!window.sessionReplay() || !window.sessionReplay()->isRunning());
    QCOMPARE(window.engine()->stats().messagesSent, 0u);
}

void TestClientWindowReplay::stopEndsTheReplay()
{
    QTcpServer peer;
    QVERIFY(peer.listen(QHostAddress::LocalHost, 0));
    const QString path = m_dir.filePath(QStringLiteral("slow.jsonl"));
    QVERIFY(
        writeFileAtomically(path, logOf({{0, "first"}, {600'000'000, "ten minutes later"}})).ok());
    ClientWindow window(optionsFor(peer.serverPort()));
    window.show();
    QCOMPARE(window.replaySession(path), ReplayError::None);
    window.connectOrDisconnect();
    QTRY_COMPARE(window.engine()->stats().messagesSent, 1u);
    QVERIFY(window.sessionReplay()->isRunning());
    auto* stop = window.replayProgress()->findChild<QPushButton*>();
    QVERIFY(stop);
    stop->click();
    QVERIFY(!window.sessionReplay()->isRunning());
    QCOMPARE(window.sessionReplay()->sentCount(), 1);
    QVERIFY(!window.replayProgress()->isVisible());
}

QTEST_MAIN(TestClientWindowReplay)
#include "tst_clientwindowreplay.moc"
