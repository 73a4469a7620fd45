// The server window with bytes: the View menu re-renders what is shown (the
// table's Last message and every log line, saved for next time), the
// broadcast box and Send message… refuse bad input whole (a peer receives
// nothing), a connection's framing changes from its context menu, the listen
// bar offers the device framings and keeps a custom one, the log saves as text
// with escapes or JSON lines with hex, and the reply book's Mode column.

#include "ByteLineEdit.h"
#include "ConnectionPane.h"
#include "ConnectionTableModel.h"
#include "FramingChoice.h"
#include "FramingEditor.h"
#include "LogPane.h"
#include "ReplyBookEditor.h"
#include "SendMessageDialog.h"
#include "ServerWindow.h"

#include <QAction>
#include <QComboBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

using namespace chorus;

namespace {
constexpr int kTimeoutMs = 10000;

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The log pane's rows (as displayed) that carry a message.
QStringList messageRows(const ServerWindow& window)
{
    QStringList rows;
    const QAbstractItemModel* model = window.logPane()->filterModel();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(LogModel::PayloadRole).isValid())
            rows << index.data().toString();
    }
    return rows;
}
} // namespace

class TestServerWindowBytes : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void viewSwitchReRendersWhatIsShown();
    void badBroadcastInputSendsNothing();
    void sendMessageDialogRefusesBadInput();
    void framingOfOneConnectionFromTheContextMenu();
    void listenBarOffersDeviceFramingsAndKeepsACustomOne();
    void logSavesAsTextOrJsonLines();
    void replyBookModeColumn();

private:
    ServerFilePaths paths() const;
    // A listening window (this machine, a free port) and a peer connected to it.
    void startWithPeer(ServerWindow& window, QTcpSocket& peer);

    QTemporaryDir m_dir;
    std::unique_ptr<QTemporaryDir> m_case;
};

void TestServerWindowBytes::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QStandardPaths::setTestModeEnabled(true);
}

void TestServerWindowBytes::init()
{
    m_case = std::make_unique<QTemporaryDir>(m_dir.filePath(QStringLiteral("case-XXXXXX")));
    QVERIFY(m_case->isValid());
}

ServerFilePaths TestServerWindowBytes::paths() const
{
    return ServerFilePaths{m_case->filePath(QStringLiteral("config/chorus-server.conf")),
                           m_case->filePath(QStringLiteral("data/replies.json"))};
}

void TestServerWindowBytes::startWithPeer(ServerWindow& window, QTcpSocket& peer)
{
    window.show();
    window.replyBook()->setEntries({ReplyEntry{QStringLiteral("ok"), true, 1.0}});
    window.startListening();
    QTRY_COMPARE_WITH_TIMEOUT(window.state(), ServerWindow::State::Listening, kTimeoutMs);
    peer.connectToHost(QHostAddress::LocalHost, window.engine()->listenPort());
    QTRY_COMPARE_WITH_TIMEOUT(peer.state(), QAbstractSocket::ConnectedState, kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(window.connectionModel()->rowCount(), 1, kTimeoutMs);
}

ServerCommandLineOptions local()
{
    ServerCommandLineOptions options;
    options.overrides.set(settingId(ServerSetting::Listen), QStringLiteral("localhost"));
    options.overrides.set(settingId(ServerSetting::Port), qint64(0));
    return options;
}

void TestServerWindowBytes::viewSwitchReRendersWhatIsShown()
{
    {
        ServerWindow window(local(), paths());
        QTcpSocket peer;
        startWithPeer(window, peer);
        QCOMPARE(window.byteView(), ByteView::Text);
        peer.write("A\x01\xFF\n");
        const QModelIndex last =
            window.connectionModel()->index(0, ConnectionTableModel::LastMessageColumn);
        QTRY_COMPARE_WITH_TIMEOUT(last.data().toString(), QStringLiteral("A\\x01\\xFF"),
                                  kTimeoutMs);
        // The escapes are marked for their own colour; the A is not.
        const auto spans =
            last.data(ConnectionTableModel::EscapeSpansRole).value<QList<EscapeSpan>>();
        QCOMPARE(spans.size(), 2);
        QCOMPARE(spans.first().start, 1);
        QTRY_VERIFY_WITH_TIMEOUT(!messageRows(window).isEmpty(), kTimeoutMs);
        QVERIFY(messageRows(window).first().endsWith(QStringLiteral("received: A\\x01\\xFF")));

        window.viewAction(ByteView::Hex)->trigger();
        QCOMPARE(window.byteView(), ByteView::Hex);
        QCOMPARE(last.data().toString(), QStringLiteral("41 01 FF"));
        QVERIFY(messageRows(window).first().endsWith(QStringLiteral("(3 bytes): 41 01 FF")));
        window.viewAction(ByteView::Mixed)->trigger();
        QCOMPARE(last.data().toString(), QStringLiteral("41 01 FF  |A..|"));
        QVERIFY(messageRows(window).first().contains(
            QStringLiteral("\n00000000  41 01 ff                                          |A..|")));
        // The filter matches what is shown: hex digits in the Hex view.
        window.viewAction(ByteView::Hex)->trigger();
        window.logPane()->filterEdit()->setText(QStringLiteral("41 01 FF"));
        QCOMPARE(messageRows(window).size(), 1);
        window.logPane()->filterEdit()->clear();
        window.stopListening();
        QTRY_COMPARE_WITH_TIMEOUT(window.state(), ServerWindow::State::Stopped, kTimeoutMs);
        window.close(); // saves the settings, the view with them
    }
    // Saved: the next window opens in Hex; --view holds for one run only.
    ServerWindow again(local(), paths());
    QCOMPARE(again.byteView(), ByteView::Hex);
    QVERIFY(again.viewAction(ByteView::Hex)->isChecked());
    ServerCommandLineOptions withView = local();
    withView.view = ByteView::Mixed;
    ServerWindow forOneRun(withView, paths());
    QCOMPARE(forOneRun.byteView(), ByteView::Mixed);
}

void TestServerWindowBytes::badBroadcastInputSendsNothing()
{
    ServerWindow window(local(), paths());
    QTcpSocket peer;
    startWithPeer(window, peer);
    QSignalSpy problems(window.connectionPane(), &ConnectionPane::problem);
    ByteLineEdit* box = window.broadcastEdit();
    box->setMode(ByteInput::Hex);
    box->setText(QStringLiteral("01 02 0"));
    QTest::mouseClick(window.sendToAllButton(), Qt::LeftButton);
    QVERIFY(box->hasError());
    QCOMPARE(box->selectionStart(), 6); // the digit without its pair is selected
    QCOMPARE(problems.count(), 1);
    box->setMode(ByteInput::Text);
    box->setText(QStringLiteral("x\\xZ1"));
    QTest::mouseClick(window.sendToAllButton(), Qt::LeftButton);
    QVERIFY(box->hasError());
    QCOMPARE(problems.count(), 2);
    // Nothing went out: the next good message is the first thing the peer reads.
    box->setText(QStringLiteral("hi\\x00\\r"));
    QTest::mouseClick(window.sendToAllButton(), Qt::LeftButton);
    QVERIFY(!box->hasError());
    QByteArray received;
    QTRY_VERIFY_WITH_TIMEOUT((received += peer.readAll()).size() >= 5, kTimeoutMs);
    QCOMPARE(received, QByteArray("hi\0\r\n", 5)); // LF: the peer has not sent anything yet
}

void TestServerWindowBytes::sendMessageDialogRefusesBadInput()
{
    ServerWindow window(local(), paths());
    QTcpSocket peer;
    startWithPeer(window, peer);
    peer.write("line\n");
    QTRY_VERIFY_WITH_TIMEOUT(peer.bytesAvailable() >= 3, kTimeoutMs);
    peer.readAll();
    window.connectionView()->selectRow(0);
    window.sendMessageAction()->trigger();
    auto* dialog = qobject_cast<SendMessageDialog*>(window.connectionPane()->pendingDialog());
    QVERIFY(dialog);
    dialog->input()->setMode(ByteInput::Hex);
    dialog->input()->setText(QStringLiteral("06 G1"));
    dialog->accept();
    QVERIFY(dialog->isVisible()); // refused: still open, nothing sent
    QVERIFY(dialog->input()->hasError());
    dialog->input()->setText(QStringLiteral("06 15"));
    dialog->accept();
    QByteArray received;
    QTRY_VERIFY_WITH_TIMEOUT((received += peer.readAll()).size() >= 3, kTimeoutMs);
    QCOMPARE(received, QByteArray("\x06\x15\n")); // the LF peer's terminator
}

void TestServerWindowBytes::framingOfOneConnectionFromTheContextMenu()
{
    ServerWindow window(local(), paths());
    QTcpSocket peer;
    startWithPeer(window, peer);
    QVERIFY(window.connectionView()->actions().contains(window.framingAction()));
    QVERIFY(!window.framingAction()->isEnabled()); // nothing selected
    window.connectionView()->selectRow(0);
    QVERIFY(window.framingAction()->isEnabled());
    window.framingAction()->trigger();
    auto* dialog = qobject_cast<FramingDialog*>(window.connectionPane()->pendingDialog());
    QVERIFY(dialog);
    QCOMPARE(dialog->spec(), FrameSpec(Framing::Auto)); // the row's own framing to start from
    dialog->editor()->setSpec(Framing::Cr);
    dialog->accept();
    const QModelIndex framing =
        window.connectionModel()->index(0, ConnectionTableModel::FramingColumn);
    QTRY_COMPARE_WITH_TIMEOUT(framing.data().toString(), QStringLiteral("CR"), kTimeoutMs);
    QCOMPARE(window.connectionModel()->snapshotAt(0).framing, FrameSpec(Framing::Cr));
    peer.write("A\rB\r");
    QByteArray received;
    QTRY_VERIFY_WITH_TIMEOUT((received += peer.readAll()).size() >= 6, kTimeoutMs);
    QCOMPARE(received, QByteArray("ok\rok\r"));
    // The log says so, about that connection.
    const LogModel* log = window.logPane()->model();
    int changed = 0;
    for (int row = 0; row < log->rowCount(); ++row) {
        const LogEntry& entry = log->entryAt(row);
        changed += entry.kind == LogKind::Notice && entry.connectionId != 0 &&
                           entry.text.contains(QStringLiteral("CR"))
                       ? 1
                       : 0;
    }
    QCOMPARE(changed, 1);
    // The listen bar's framing (new connections) did not change.
    QCOMPARE(window.framingCombo()->spec(), FrameSpec(Framing::Auto));
}

void TestServerWindowBytes::listenBarOffersDeviceFramingsAndKeepsACustomOne()
{
    LengthFieldSpec custom;
    custom.offset = 2;
    custom.size = 4;
    custom.bigEndian = false;
    {
        ServerWindow window(local(), paths());
        FramingChoice* combo = window.framingCombo();
        for (const FrameSpec& offered :
             {FrameSpec(Framing::Auto), FrameSpec(Framing::Line), FrameSpec(Framing::Cr),
              FrameSpec(Framing::Raw), FrameSpec::delimited("\x03"),
              FrameSpec::delimited("\x03", "\x02"), FrameSpec::preset(LengthPreset::U16Be),
              FrameSpec::preset(LengthPreset::U32Be), FrameSpec::preset(LengthPreset::ModbusTcp)})
            QVERIFY2(combo->findData(offered.toText()) >= 0, qPrintable(offered.toText()));
        combo->setCurrentIndex(combo->findData(QStringLiteral("u16be")));
        QCOMPARE(window.engineSettings().framing, FrameSpec::preset(LengthPreset::U16Be));

        // Custom…, cancelled: nothing changes.
        combo->setCurrentIndex(combo->findText(QStringLiteral("Custom…")));
        QVERIFY(combo->pendingDialog());
        QCOMPARE(combo->currentData().toString(), QStringLiteral("u16be"));
        combo->pendingDialog()->reject();
        QTRY_VERIFY(!combo->pendingDialog());
        QCOMPARE(window.engineSettings().framing, FrameSpec::preset(LengthPreset::U16Be));

        // Custom…, accepted: shown by its label, kept, saved.
        combo->setCurrentIndex(combo->findText(QStringLiteral("Custom…")));
        combo->pendingDialog()->editor()->setSpec(FrameSpec::lengthField(custom));
        combo->pendingDialog()->accept();
        QCOMPARE(combo->currentText(), FrameSpec::lengthField(custom).label());
        QCOMPARE(window.engineSettings().framing, FrameSpec::lengthField(custom));
        window.close();
    }
    QVERIFY(readFile(paths().settings)
                .contains("length:offset=2,size=4,endian=little,adjust=0,strip=0"));
    ServerWindow again(local(), paths());
    QCOMPARE(again.framingCombo()->spec(), FrameSpec::lengthField(custom));
    QCOMPARE(again.framingCombo()->currentText(), FrameSpec::lengthField(custom).label());
}

void TestServerWindowBytes::logSavesAsTextOrJsonLines()
{
    ServerWindow window(local(), paths());
    QTcpSocket peer;
    startWithPeer(window, peer);
    peer.write(QByteArray("\x01\xFF\\z\n", 5));
    QTRY_VERIFY_WITH_TIMEOUT(messageRows(window).size() >= 2, kTimeoutMs); // received, sent
    const QString text = m_case->filePath(QStringLiteral("log.txt"));
    const QString json = m_case->filePath(QStringLiteral("log.jsonl"));
    QVERIFY(window.logPane()->saveTo(text).ok());
    QVERIFY(window.logPane()->saveTo(json).ok());
    QVERIFY(readFile(text).contains("received: \\x01\\xFF\\\\z\n"));
    bool found = false;
    for (const QByteArray& line : readFile(json).split('\n')) {
        const QJsonObject object = QJsonDocument::fromJson(line).object();
        if (object.value(QLatin1String("kind")).toString() != QLatin1String("received"))
            continue;
        found = true;
        QCOMPARE(QByteArray::fromHex(object.value(QLatin1String("hex")).toString().toLatin1()),
                 QByteArray("\x01\xFF\\z", 4));
        QCOMPARE(object.value(QLatin1String("text")).toString(), QStringLiteral("\\x01\\xFF\\\\z"));
    }
    QVERIFY(found);
}

void TestServerWindowBytes::replyBookModeColumn()
{
    ServerWindow window(local(), paths());
    ReplyBookModel* model = window.replyBookEditor()->model();
    window.replyBook()->setEntries({ReplyEntry{QStringLiteral("OK\\r"), true, 1.0}});
    const QModelIndex mode = model->index(0, ReplyBookModel::ModeColumn);
    const QModelIndex text = model->index(0, ReplyBookModel::TextColumn);
    QCOMPARE(mode.data().toString(), QStringLiteral("Text"));
    // To Hex: the same bytes, written as hex.
    QVERIFY(model->setData(mode, int(ReplyFormat::Hex)));
    QCOMPARE(window.replyBook()->entry(0),
             (ReplyEntry{QStringLiteral("4F 4B 0D"), true, 1.0, ReplyFormat::Hex}));
    QCOMPARE(text.data(ReplyBookModel::ParseErrorRole).toInt(), int(ByteParseErrorKind::None));
    // An entry that does not parse: red, with the error, and never picked.
    QVERIFY(model->setData(text, QStringLiteral("4F 4")));
    QCOMPARE(text.data(ReplyBookModel::ParseErrorRole).toInt(),
             int(ByteParseErrorKind::OddHexDigits));
    QCOMPARE(text.data(Qt::ForegroundRole).value<QBrush>().color(), QColor(0xc0, 0x20, 0x20));
    QCOMPARE(window.replyBook()->enabledCount(), 0);
    QVERIFY(window.replyBookEditor()->warningLabel()->isVisibleTo(&window));
    QVERIFY(!window.replyBook()->pick(ReplyContext{}));
    // Back to Text: a valid hex entry becomes the escaped text of its bytes.
    QVERIFY(model->setData(text, QStringLiteral("7B 06")));
    QVERIFY(model->setData(mode, int(ReplyFormat::Text)));
    QCOMPARE(window.replyBook()->entry(0).text, QStringLiteral("{{\\x06"));
    QCOMPARE(window.replyBook()->pick(ReplyContext{}).value_or(QByteArray()), QByteArray("{\x06"));
}

QTEST_MAIN(TestServerWindowBytes)
#include "tst_serverwindowbytes.moc"
