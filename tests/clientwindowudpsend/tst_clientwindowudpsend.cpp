// The client window sends over its session's UDP channel (issue 12 item 3,
// offscreen, loopback): the TCP/UDP choice beside the send box shows once
// the channel is bound, a message sent with UDP chosen goes as a datagram
// (its events say so), and its reply lands in the history with a round trip,
// as a TCP one does. Without a channel the choice is hidden and TCP is used.

#include "ClientWindow.h"
#include "EngineHarness.h"
#include "HistoryModel.h"
#include "SendBox.h"
#include "SendRow.h"
#include "client/ClientEngine.h"

#include <QComboBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace chorus;
using namespace chorus::testing;

class TestClientWindowUdpSend : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void sendsOverTheChannelWithItsRoundTrip();

private:
    QTemporaryDir m_dir;
};

void TestClientWindowUdpSend::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestClientWindowUdpSend::sendsOverTheChannelWithItsRoundTrip()
{
    ServerConfig serverConfig = loopbackConfig();
    serverConfig.udp = true;
    serverConfig.udpPort = 0;
    EngineHarness harness(serverConfig);
    harness.book->setEntries({ReplyEntry{QStringLiteral("re: {echo}")}});
    const quint16 port = harness.start();
    QVERIFY(port != 0);

    ClientWindowOptions options;
    options.settingsPath = m_dir.filePath(QStringLiteral("config/chorus-client.conf"));
    options.historyFolder = m_dir.filePath(QStringLiteral("history"));
    options.set(ClientSetting::Host, QStringLiteral("127.0.0.1"))
        .set(ClientSetting::Port, port)
        .set(ClientSetting::Protocol, QStringLiteral("chorus"))
        .set(ClientSetting::UdpChannel, true)
        .set(ClientSetting::AutoReconnect, false);
    ClientWindow window(options);
    window.show();
    QComboBox* channel = window.sendRow()->channelSwitch();
    QVERIFY(!channel->isVisibleTo(&window));
    QSignalSpy events(window.engine(), &ClientEngine::eventOccurred);
    window.connectOrDisconnect();
    QTRY_COMPARE(window.engine()->udpChannelState(), UdpChannelState::Bound);
    QVERIFY(channel->isVisibleTo(&window));
    channel->setCurrentIndex(channel->findData(true));
    QVERIFY(window.sendRow()->sendsOverUdp());

    window.sendBox()->setPlainText(QStringLiteral("over udp"));
    window.sendRow()->sendButton()->click();
    QTRY_VERIFY(std::any_of(events.begin(), events.end(), [](const QList<QVariant>& args) {
        const auto event = args.at(0).value<ClientEvent>();
        return event.kind == ClientEvent::Kind::Received && event.overUdp && event.replyTo != 0;
    }));
    quint64 sentId = 0;
    for (const QList<QVariant>& args : std::as_const(events)) {
        const auto event = args.at(0).value<ClientEvent>();
        if (event.kind == ClientEvent::Kind::Sent) {
            QVERIFY(event.overUdp);
            QCOMPARE(event.payload, QByteArray("over udp"));
            sentId = event.messageId;
        }
        if (event.kind == ClientEvent::Kind::Received)
            QCOMPARE(event.replyTo, sentId);
    }
    QVERIFY(sentId != 0);
    QVERIFY(window.sendBox()->toPlainText().isEmpty());

    window.flushPendingEvents();
    HistoryModel* history = window.historyModel();
    int sent = -1;
    int received = -1;
    for (int row = 0; row < history->rowCount(); ++row) {
        if (history->entry(row).kind == HistoryEntry::Kind::Sent)
            sent = row;
        if (history->entry(row).kind == HistoryEntry::Kind::Received)
            received = row;
    }
    QVERIFY(sent >= 0 && received > sent);
    QCOMPARE(history->entry(sent).payload, QByteArray("over udp"));
    QCOMPARE(history->entry(received).payload, QByteArray("re: over udp"));
    QVERIFY(history->entry(received).hasRtt());

    // The link goes: so does the channel, and the choice (back to TCP).
    window.connectOrDisconnect();
    QTRY_VERIFY(!channel->isVisibleTo(&window));
    QVERIFY(!window.sendRow()->sendsOverUdp());
}

QTEST_MAIN(TestClientWindowUdpSend)
#include "tst_clientwindowudpsend.moc"
