// The chorus-server window driven like a user would (offscreen, loopback,
// port 0): Start, a client's row appears, a live book edit changes the very
// next reply, broadcast, Disconnect and Disconnect-and-block, Stop and Start
// again, a listening failure shown, settings kept between runs; every file
// it writes on a real full disk (the old files survive byte for byte and the
// window says so); files named on the command line only ever read; Stop and
// Quit asking while clients are connected; a default size that fits beside
// the client on a laptop screen.

#include "BlockListDialog.h"
#include "ByteLineEdit.h"
#include "ConnectionPane.h"
#include "ConnectionTableModel.h"
#include "ElidedLabel.h"
#include "FramingChoice.h"
#include "FullFileSystem.h"
#include "ListenBar.h"
#include "LogPane.h"
#include "PrivateNetwork.h"
#include "ReplyBookEditor.h"
#include "ServerSettingsDialog.h"
#include "ServerWindow.h"
#include "SettingsForm.h"
#include "TrafficChart.h"

#include <QAction>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

using namespace chorus;
using chorus::testing::FullFileSystem;

Q_DECLARE_METATYPE(chorus::AccessExposure)
Q_DECLARE_METATYPE(chorus::ListenBar::Look)

namespace {
constexpr int kTimeoutMs = 10000;

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString& path, const QByteArray& data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

// Log entries of the window's log pane that report `error`.
template <typename E> int errorsLogged(const ServerWindow& window, E error)
{
    int n = 0;
    const LogModel* log = window.logPane()->model();
    for (int row = 0; row < log->rowCount(); ++row)
        n += log->entryAt(row).errorAs<E>() == error ? 1 : 0;
    return n;
}

int selectAddress(QComboBox* combo, const QString& text)
{
    const int index = combo->findData(text);
    combo->setCurrentIndex(index);
    return index;
}
} // namespace

class TestServerWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void startConnectEditReplyBroadcastDisconnectStop();
    void thisMachineServesBothLoopbacks();
    void addressChoicesSayWhatTheyBind();
    void openToTheNetworkWarns_data();
    void openToTheNetworkWarns();
    void listenFailureIsShown();
    void noEnabledReplyWarns();
    void settingsPersistAndCommandLineWinsForOneRun();
    void engineSettingsFromDialogPersistAndYieldToCommandLine();
    void fullDiskKeepsBookAndSettingsAndSaysSo();
    void ownBookSetAsideOnlyWhenCorrupt_data();
    void ownBookSetAsideOnlyWhenCorrupt();
    void namedRepliesFileIsOnlyRead_data();
    void namedRepliesFileIsOnlyRead();
    void stopAndQuitAskWhileClientsAreConnected();
    void disconnectAndBlockFromTheTable();
    void defaultSizeFitsBesideTheClient();
    void trafficChartOpensReadable();
    void openFileLimitShowsBeforeStart();

private:
    ServerCommandLineOptions localOptions() const;
    ServerFilePaths paths() const;
    static QByteArray readLine(QTcpSocket& socket);

    QTemporaryDir m_dir;
    std::unique_ptr<QTemporaryDir> m_case; // fresh files for each test
};

void TestServerWindow::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Never touch the user's real settings or reply book.
    QStandardPaths::setTestModeEnabled(true);
}

void TestServerWindow::init()
{
    m_case = std::make_unique<QTemporaryDir>(m_dir.filePath(QStringLiteral("case-XXXXXX")));
    QVERIFY(m_case->isValid());
}

ServerFilePaths TestServerWindow::paths() const
{
    return ServerFilePaths{m_case->filePath(QStringLiteral("config/chorus-server.conf")),
                           m_case->filePath(QStringLiteral("data/replies.json"))};
}

ServerCommandLineOptions TestServerWindow::localOptions() const
{
    ServerCommandLineOptions options;
    options.overrides.set(settingId(ServerSetting::Listen), QStringLiteral("localhost"));
    options.overrides.set(settingId(ServerSetting::Port), qint64(0));
    return options;
}

QByteArray TestServerWindow::readLine(QTcpSocket& socket)
{
    QByteArray line = socket.readAll();
    QSignalSpy readyRead(&socket, &QTcpSocket::readyRead);
    QDeadlineTimer deadline(kTimeoutMs);
    while (!line.endsWith('\n') && !deadline.hasExpired()) {
        if (readyRead.wait(int(deadline.remainingTime())))
            line += socket.readAll();
    }
    return line;
}

void TestServerWindow::startConnectEditReplyBroadcastDisconnectStop()
{
    ServerWindow window(localOptions(), paths());
    window.show();
    QCOMPARE(window.windowTitle(), QStringLiteral("Chorus Server"));
    QVERIFY(!window.windowIcon().isNull());
    QCOMPARE(window.state(), ServerWindow::State::Stopped);

    QTest::mouseClick(window.startStopButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(window.state(), ServerWindow::State::Listening, kTimeoutMs);
    const quint16 port = window.engine()->listenPort();
    QVERIFY(port != 0);
    QCOMPARE(window.portSpin()->value(), int(port)); // the real port, not 0
    QVERIFY2(window.stateLabel()->text().contains(QStringLiteral("127.0.0.1:%1").arg(port)),
             qPrintable(window.stateLabel()->text()));
    QVERIFY(window.stateLabel()->text().contains(QStringLiteral("[::1]:%1").arg(port)));

    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::ConnectedState, kTimeoutMs);
    ConnectionTableModel* model = window.connectionModel();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, kTimeoutMs);
    QCOMPARE(model->index(0, ConnectionTableModel::PeerPortColumn).data().toInt(),
             int(socket.localPort()));

    // Edit the book down to one entry through the model; the next reply must be it.
    ReplyBookModel* book = window.replyBookEditor()->model();
    QList<int> rows;
    for (int row = 1; row < book->rowCount(); ++row)
        rows.append(row);
    QVERIFY(book->removeEntries(rows));
    const QString onlyReply = QStringLiteral("단 하나의 답장 #{id}");
    QVERIFY(book->setData(book->index(0, ReplyBookModel::TextColumn), onlyReply));
    QCOMPARE(window.replyBook()->count(), 1);
    QCOMPARE(window.replyBook()->entry(0).text, onlyReply);
    QCOMPARE(window.replyBookEditor()->problem(), ReplyBookEditor::Problem::None);
    QVERIFY(readFile(paths().replyBook).contains(onlyReply.toUtf8())); // autosaved
    const quint64 id = model->idAt(0);

    for (int i = 0; i < 3; ++i) {
        socket.write("hello\n");
        const QByteArray reply = readLine(socket);
        QCOMPARE(QString::fromUtf8(reply), QStringLiteral("단 하나의 답장 #%1\n").arg(id));
    }
    QTRY_COMPARE_WITH_TIMEOUT(
        model->index(0, ConnectionTableModel::MessagesInColumn).data().toULongLong(), 3ULL,
        kTimeoutMs);

    // Broadcast box: Send to all reaches the client, as a line in its own framing.
    QVERIFY(!window.sendToAllButton()->isEnabled());
    window.broadcastEdit()->setText(QStringLiteral("모두에게 broadcast"));
    QVERIFY(window.sendToAllButton()->isEnabled());
    QTest::mouseClick(window.sendToAllButton(), Qt::LeftButton);
    QCOMPARE(readLine(socket), QStringLiteral("모두에게 broadcast\n").toUtf8());

    // Select the row; Send to selected and the row's Disconnect become available.
    QTableView* view = window.connectionView();
    QVERIFY(!window.disconnectAction()->isEnabled());
    view->selectRow(0);
    QCOMPARE(window.selectedConnectionIds(), QList<quint64>{id});
    QVERIFY(window.sendToSelectedButton()->isEnabled());
    window.broadcastEdit()->setText(QStringLiteral("just you"));
    QTest::mouseClick(window.sendToSelectedButton(), Qt::LeftButton);
    QCOMPARE(readLine(socket), QByteArray("just you\n"));

    QVERIFY(view->actions().contains(window.disconnectAction()));
    QVERIFY(window.disconnectAction()->isEnabled());
    window.disconnectAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 0, kTimeoutMs);
    QTRY_COMPARE(errorsLogged(window, ConnectionError::Kicked), 1);

    QTest::mouseClick(window.startStopButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(window.state(), ServerWindow::State::Stopped, kTimeoutMs);
    QVERIFY(window.portSpin()->isEnabled());
    QCOMPARE(window.portSpin()->value(), 0); // the configured port again

    // Start works again after Stop, and a new client is served.
    QTest::mouseClick(window.startStopButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(window.state(), ServerWindow::State::Listening, kTimeoutMs);
    QTcpSocket second;
    second.connectToHost(QHostAddress::LocalHost, window.engine()->listenPort());
    QTRY_COMPARE_WITH_TIMEOUT(second.state(), QAbstractSocket::ConnectedState, kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, kTimeoutMs);
    QVERIFY(model->idAt(0) > id);                                // ids are never reused
    QTest::mouseClick(window.startStopButton(), Qt::LeftButton); // test mode: no question
    QTRY_COMPARE_WITH_TIMEOUT(window.state(), ServerWindow::State::Stopped, kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(second.state(), QAbstractSocket::UnconnectedState, kTimeoutMs);
    QCOMPARE(model->rowCount(), 0);
}

void TestServerWindow::thisMachineServesBothLoopbacks()
{
    ServerWindow window(localOptions(), paths());
    QCOMPARE(window.addressCombo()->currentData().toString(), QStringLiteral("localhost"));
    window.startListening();
    QTRY_COMPARE_WITH_TIMEOUT(window.state(), ServerWindow::State::Listening, kTimeoutMs);
    const quint16 port = window.engine()->listenPort();
    QTcpSocket v4, v6;
    v4.connectToHost(QHostAddress::LocalHost, port);
    v6.connectToHost(QHostAddress::LocalHostIPv6, port);
    QTRY_COMPARE_WITH_TIMEOUT(window.connectionModel()->rowCount(), 2, kTimeoutMs);
    v6.write("over ipv6\n");
    QVERIFY(!readLine(v6).isEmpty());
    window.stopListening();
    QTRY_COMPARE_WITH_TIMEOUT(window.state(), ServerWindow::State::Stopped, kTimeoutMs);
}

void TestServerWindow::addressChoicesSayWhatTheyBind()
{
    // "Localhost only" bound 127.0.0.1 alone; each label now names what it binds.
    ServerWindow window({}, paths());
    QComboBox* combo = window.addressCombo();
    QCOMPARE(combo->itemData(0).toString(), QStringLiteral("any"));
    QVERIFY(combo->itemText(0).contains(QStringLiteral("IPv4")));
    QVERIFY(combo->itemText(0).contains(QStringLiteral("IPv6")));
    QCOMPARE(combo->itemData(1).toString(), QStringLiteral("localhost"));
    QVERIFY(combo->itemText(1).contains(QStringLiteral("127.0.0.1")));
    QVERIFY(combo->itemText(1).contains(QStringLiteral("::1")));
    for (int i = 2; i < combo->count(); ++i) // one address each, with its interface
        QVERIFY2(
            combo->itemText(i).startsWith(combo->itemData(i).toString() + QStringLiteral(" (")),
            qPrintable(combo->itemText(i)));
    QCOMPARE(ListenBar::addressLabel(QStringLiteral("127.0.1.5"), QStringLiteral("eth0")),
             QStringLiteral("127.0.1.5 (eth0)"));
}

void TestServerWindow::openToTheNetworkWarns_data()
{
    QTest::addColumn<QString>("listen");
    QTest::addColumn<QStringList>("allow");
    QTest::addColumn<QString>("token");
    QTest::addColumn<AccessExposure>("exposure");
    QTest::addColumn<ListenBar::Look>("look");

    // Bound to every interface on a free port; only the bind is tested, no traffic.
    QTest::newRow("any, no rules")
        << "any" << QStringList() << QString() << AccessExposure::Open << ListenBar::Look::Exposed;
    QTest::newRow("any, an allowlist") << "any" << QStringList{"127.0.0.1"} << QString()
                                       << AccessExposure::Guarded << ListenBar::Look::Listening;
    QTest::newRow("any, a token") << "any" << QStringList() << "s3cret" << AccessExposure::Guarded
                                  << ListenBar::Look::Listening;
    QTest::newRow("this machine") << "localhost" << QStringList() << QString()
                                  << AccessExposure::ThisMachine << ListenBar::Look::Listening;
}

void TestServerWindow::openToTheNetworkWarns()
{
    QFETCH(QString, listen);
    QFETCH(QStringList, allow);
    QFETCH(QString, token);
    QFETCH(AccessExposure, exposure);
    QFETCH(ListenBar::Look, look);
    if (listen == QLatin1String("any")) {
        // Every interface: only in a network namespace of the test's own.
        const testing::PrivateNetworkRun run = testing::runThisRowInPrivateNetwork();
        if (run.outcome == testing::PrivateNetworkRun::Outcome::Unavailable)
            QSKIP(qPrintable(run.output));
        if (run.outcome != testing::PrivateNetworkRun::Outcome::Inside) {
            QVERIFY2(run.outcome == testing::PrivateNetworkRun::Outcome::Passed,
                     qPrintable(run.output));
            return;
        }
    }

    ServerCommandLineOptions options = localOptions();
    options.overrides.set(settingId(ServerSetting::Listen), listen);
    options.overrides.set(settingId(ServerSetting::Allow), allow);
    options.overrides.set(settingId(ServerSetting::AccessToken), token);
    ServerWindow window(options, paths());
    window.startListening();
    QTRY_COMPARE_WITH_TIMEOUT(window.state(), ServerWindow::State::Listening, kTimeoutMs);
    QCOMPARE(window.engine()->exposure(), exposure);
    QCOMPARE(window.listenBar()->look(), look);
    // The log says it too (a warning before the listening line), and only then.
    const LogModel* log = window.logPane()->model();
    int warnings = 0;
    QTRY_VERIFY_WITH_TIMEOUT(log->rowCount() > 0, kTimeoutMs);
    for (int row = 0; row < log->rowCount(); ++row) {
        const LogEntry& entry = log->entryAt(row);
        warnings += entry.level == LogLevel::Warning && entry.kind == LogKind::Notice ? 1 : 0;
    }
    QCOMPARE(warnings, exposure == AccessExposure::Open ? 1 : 0);
    window.stopListening();
    QTRY_COMPARE_WITH_TIMEOUT(window.state(), ServerWindow::State::Stopped, kTimeoutMs);
}

void TestServerWindow::listenFailureIsShown()
{
    QTcpServer occupier;
    QVERIFY(occupier.listen(QHostAddress::LocalHost, 0));
    ServerCommandLineOptions options;
    options.overrides.set(settingId(ServerSetting::Listen), QStringLiteral("127.0.0.1"));
    options.overrides.set(settingId(ServerSetting::Port), qint64(occupier.serverPort()));
    ServerWindow window(options, paths());
    window.show();
    QCOMPARE(window.portSpin()->value(), int(occupier.serverPort()));
    QTest::mouseClick(window.startStopButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(errorsLogged(window, QAbstractSocket::AddressInUseError), 2,
                              kTimeoutMs); // the engine's line and the window's
    QCOMPARE(window.state(), ServerWindow::State::Stopped);
    QVERIFY(window.stateLabel()->text().contains(
        QStringLiteral("127.0.0.1:%1").arg(occupier.serverPort())));
    QVERIFY(window.startStopButton()->isEnabled());
}

void TestServerWindow::noEnabledReplyWarns()
{
    ServerWindow window(localOptions(), paths());
    window.show();
    QLabel* warning = window.replyBookEditor()->warningLabel();
    ReplyBookModel* book = window.replyBookEditor()->model();
    QVERIFY(book->rowCount() > 0);
    QVERIFY(!warning->isVisibleTo(&window));
    for (int row = 0; row < book->rowCount(); ++row)
        QVERIFY(book->setData(book->index(row, ReplyBookModel::EnabledColumn), Qt::Unchecked,
                              Qt::CheckStateRole));
    QCOMPARE(window.replyBook()->enabledCount(), 0);
    QVERIFY(warning->isVisibleTo(&window));
    QVERIFY(book->setData(book->index(0, ReplyBookModel::EnabledColumn), Qt::Checked,
                          Qt::CheckStateRole));
    QVERIFY(!warning->isVisibleTo(&window));
    // Bad edits are refused, not stored.
    QVERIFY(!book->setData(book->index(0, ReplyBookModel::TextColumn), QStringLiteral("  ")));
    QVERIFY(!book->setData(book->index(0, ReplyBookModel::WeightColumn), -1.0));
}

void TestServerWindow::settingsPersistAndCommandLineWinsForOneRun()
{
    {
        ServerWindow window({}, paths());
        window.show();
        selectAddress(window.addressCombo(), QStringLiteral("localhost"));
        window.portSpin()->setValue(12345);
        window.framingCombo()->setCurrentIndex(window.framingCombo()->findData("line"));
        QVERIFY(window.settingsSaveResult().ok());
        window.close();
    }
    {
        ServerWindow window({}, paths());
        QCOMPARE(window.addressCombo()->currentData().toString(), QStringLiteral("localhost"));
        QCOMPARE(window.portSpin()->value(), 12345);
        QCOMPARE(window.framingCombo()->currentData().toString(), QStringLiteral("line"));
    }
    const QByteArray saved = readFile(paths().settings);
    {
        // Command-line values win for that run only; the saved ones stay.
        ServerCommandLineOptions cli;
        cli.overrides.set(settingId(ServerSetting::Port), qint64(0));
        cli.overrides.set(settingId(ServerSetting::Framing), QStringLiteral("raw"));
        ServerWindow window(cli, paths());
        QCOMPARE(window.portSpin()->value(), 0);
        QCOMPARE(window.framingCombo()->currentData().toString(), QStringLiteral("raw"));
        QCOMPARE(window.engineSettings().framing, Framing::Raw);
        window.close();
    }
    QVERIFY(readFile(paths().settings).contains("port=12345"));
    QVERIFY(readFile(paths().settings).contains("framing=line"));
    {
        // A choice made in the window over a command-line value is the user's: saved.
        ServerCommandLineOptions cli;
        cli.overrides.set(settingId(ServerSetting::Framing), QStringLiteral("raw"));
        ServerWindow window(cli, paths());
        window.framingCombo()->setCurrentIndex(window.framingCombo()->findData("auto"));
        QCOMPARE(window.engineSettings().framing, Framing::Auto);
    }
    ServerWindow window({}, paths());
    QCOMPARE(window.portSpin()->value(), 12345);
    QCOMPARE(window.framingCombo()->currentData().toString(), QStringLiteral("auto"));
    QVERIFY(saved != readFile(paths().settings));
}

void TestServerWindow::engineSettingsFromDialogPersistAndYieldToCommandLine()
{
    const auto id = [](ServerSetting setting) { return settingId(setting); };
    {
        ServerWindow window(localOptions(), paths());
        QVERIFY(window.settingsAction());
        window.settingsAction()->trigger();
        auto* dialog = window.findChild<ServerSettingsDialog*>();
        QVERIFY(dialog);
        SettingValues wanted = dialog->values();
        wanted.set(id(ServerSetting::IoThreads), qint64(3));
        wanted.set(id(ServerSetting::MaxConnections), qint64(1234));
        wanted.set(id(ServerSetting::IdleGap), qint64(45));
        wanted.set(id(ServerSetting::MaxMessage), qint64(8 * 1024));
        wanted.set(id(ServerSetting::LogMessages), false);
        dialog->setValues(wanted);
        // The dialog's editors keep to the table's ranges.
        auto* threads =
            qobject_cast<QSpinBox*>(dialog->form()->editor(id(ServerSetting::IoThreads)));
        QVERIFY(threads);
        QCOMPARE(threads->maximum(),
                 int(ServerSettings::table().row(id(ServerSetting::IoThreads)).maximum));
        dialog->accept();
        const ServerConfig now = window.engineSettings();
        QCOMPARE(now.ioThreads, 3);
        QCOMPARE(now.maxConnections, 1234);
        QCOMPARE(now.limits.idleGap.count(), 45);
        QCOMPARE(now.limits.maxMessageBytes, qsizetype(8 * 1024));
        QCOMPARE(now.logMessages, false);
        QVERIFY(window.settingsSaveResult().ok());
    }
    // A new window restores them; an option given on the command line wins.
    ServerCommandLineOptions options = localOptions();
    options.overrides.set(id(ServerSetting::IoThreads), qint64(2));
    ServerWindow window(options, paths());
    QCOMPARE(window.engineSettings().ioThreads, 2);
    QCOMPARE(window.engineSettings().maxConnections, 1234);
    QCOMPARE(window.engineSettings().limits.idleGap.count(), 45);
    QCOMPARE(window.engineSettings().logMessages, false);
}

void TestServerWindow::fullDiskKeepsBookAndSettingsAndSaysSo()
{
    // A full disk once left replies.json and chorus-server.conf empty, said
    // nothing, and the next start set the book aside as corrupt.
    FullFileSystem disk;
    if (!disk.isReady())
        QSKIP(qPrintable(disk.skipReason()));
    const ServerFilePaths onDisk{disk.filePath(QStringLiteral("config/chorus-server.conf")),
                                 disk.filePath(QStringLiteral("data/replies.json"))};
    {
        ServerWindow first({}, onDisk); // writes both files while there is room
        first.replyBook()->setEntries({ReplyEntry{QStringLiteral("사용자의 답장"), true, 1.0}});
        selectAddress(first.addressCombo(), QStringLiteral("localhost"));
        first.close();
    }
    const QByteArray book = readFile(onDisk.replyBook);
    const QByteArray settings = readFile(onDisk.settings);
    QVERIFY(book.contains("사용자의 답장"));
    QVERIFY(settings.contains("localhost"));

    ServerWindow window({}, onDisk);
    window.show();
    QCOMPARE(window.replyBook()->entry(0).text, QStringLiteral("사용자의 답장"));
    QVERIFY(disk.fill());

    // Editing the book: the save fails, the file stays, the window says so.
    ReplyBookModel* model = window.replyBookEditor()->model();
    QVERIFY(model->setData(model->index(0, ReplyBookModel::TextColumn),
                           QStringLiteral("an edit the disk cannot take")));
    ReplyBookEditor* editor = window.replyBookEditor();
    QCOMPARE(editor->problem(), ReplyBookEditor::Problem::SaveFailed);
    const FileError bookError = editor->problemResult().file.error;
    QVERIFY2(bookError == FileError::WriteFailed || bookError == FileError::OpenFailed,
             qPrintable(fileErrorName(bookError)));
    QVERIFY(editor->problemLabel()->isVisibleTo(&window));
    QCOMPARE(errorsLogged(window, bookError), 1);
    QCOMPARE(readFile(onDisk.replyBook), book);
    QCOMPARE(window.replyBook()->entry(0).text, QStringLiteral("an edit the disk cannot take"));

    // Changing a setting: the same.
    selectAddress(window.addressCombo(), QStringLiteral("any"));
    const FileError settingsError = window.settingsSaveResult().error;
    QVERIFY2(settingsError == FileError::WriteFailed || settingsError == FileError::OpenFailed,
             qPrintable(fileErrorName(settingsError)));
    QVERIFY(
        window.findChild<ElidedLabel*>(QStringLiteral("settingsProblem"))->isVisibleTo(&window));
    QCOMPARE(readFile(onDisk.settings), settings);

    // Quitting on the full disk keeps both too.
    window.close();
    QCOMPARE(readFile(onDisk.replyBook), book);
    QCOMPARE(readFile(onDisk.settings), settings);

    // With room again, the next start has the book as it was (not set aside).
    disk.drain();
    ServerWindow after({}, onDisk);
    QCOMPARE(after.replyBookEditor()->problem(), ReplyBookEditor::Problem::None);
    QCOMPARE(after.replyBook()->entry(0).text, QStringLiteral("사용자의 답장"));
    QCOMPARE(after.addressCombo()->currentData().toString(), QStringLiteral("localhost"));
}

void TestServerWindow::ownBookSetAsideOnlyWhenCorrupt_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("problem");
    QTest::addColumn<bool>("setAside");
    QTest::newRow("missing: a first run")
        << "missing" << int(ReplyBookEditor::Problem::None) << false;
    QTest::newRow("corrupt") << "corrupt" << int(ReplyBookEditor::Problem::OwnBookSetAside) << true;
    QTest::newRow("over the size limit")
        << "large" << int(ReplyBookEditor::Problem::OwnBookUnreadable) << false;
    QTest::newRow("a folder") << "folder" << int(ReplyBookEditor::Problem::OwnBookUnreadable)
                              << false;
    QTest::newRow("a FIFO") << "fifo" << int(ReplyBookEditor::Problem::OwnBookUnreadable) << false;
}

void TestServerWindow::ownBookSetAsideOnlyWhenCorrupt()
{
    QFETCH(QString, kind);
    QFETCH(int, problem);
    QFETCH(bool, setAside);
    const ServerFilePaths files = paths();
    QVERIFY(QDir().mkpath(QFileInfo(files.replyBook).path()));
    if (kind == QLatin1String("corrupt")) {
        QVERIFY(writeFile(files.replyBook, "{\"entries\": [ cut short"));
    } else if (kind == QLatin1String("large")) {
        QFile file(files.replyBook); // sparse: over the limit, nothing on disk
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.resize(kMaxReplyBookBytes + 1));
    } else if (kind == QLatin1String("folder")) {
        QVERIFY(QDir().mkpath(files.replyBook));
    } else if (kind == QLatin1String("fifo")) {
        QCOMPARE(::mkfifo(QFile::encodeName(files.replyBook).constData(), 0600), 0);
    }
    const QFileInfo before(files.replyBook);

    ServerWindow window({}, files);
    QCOMPARE(int(window.replyBookEditor()->problem()), problem);
    QCOMPARE(window.replyBook()->entries(), ReplyBook::factoryEntries());
    const QStringList asides = QDir(QFileInfo(files.replyBook).path())
                                   .entryList({QStringLiteral("replies.json.corrupt-*")});
    QCOMPARE(asides.size(), setAside ? 1 : 0);
    if (kind == QLatin1String("corrupt"))
        QCOMPARE(errorsLogged(window, BookFormatError::InvalidJson), 1);
    else if (kind == QLatin1String("large"))
        QCOMPARE(errorsLogged(window, FileError::TooLarge), 1);

    // An edit is saved only where it cannot destroy a book the window could not read.
    window.replyBook()->addEntry(ReplyEntry{QStringLiteral("new"), true, 1.0});
    const QFileInfo after(files.replyBook);
    if (problem == int(ReplyBookEditor::Problem::OwnBookUnreadable)) {
        QCOMPARE(after.size(), before.size());
        QCOMPARE(after.isDir(), before.isDir());
        QCOMPARE(after.isFile(), before.isFile());
    } else {
        QVERIFY(readFile(files.replyBook).contains("\"new\""));
    }
}

void TestServerWindow::namedRepliesFileIsOnlyRead_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("content"); // "FIFO": a FIFO; "MISSING": nothing there
    QTest::addColumn<bool>("usable");
    QTest::newRow("text") << "mine.txt" << QByteArray("하나\n둘\n") << true;
    QTest::newRow("json") << "mine.json" << QByteArray(R"(["하나","둘"])") << true;
    QTest::newRow("bad json") << "mine.json" << QByteArray("[\"하나\",") << false;
    QTest::newRow("bad text") << "mine.txt" << QByteArray("bin\0ary", 7) << false;
    QTest::newRow("missing json") << "mine.json" << QByteArray("MISSING") << false;
    QTest::newRow("fifo") << "mine.json" << QByteArray("FIFO") << false;
}

void TestServerWindow::namedRepliesFileIsOnlyRead()
{
    // A named --replies file was once autosaved over, or renamed as corrupt.
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    QFETCH(bool, usable);
    const ServerFilePaths files = paths();
    {
        ServerWindow first({}, files); // an own book the user made earlier
        first.replyBook()->setEntries({ReplyEntry{QStringLiteral("이전 답장"), true, 1.0}});
    }
    const QByteArray ownBook = readFile(files.replyBook);
    const QString named = m_case->filePath(name);
    if (content == "FIFO")
        QCOMPARE(::mkfifo(QFile::encodeName(named).constData(), 0600), 0);
    else if (content != "MISSING")
        QVERIFY(writeFile(named, content));

    ServerCommandLineOptions options;
    options.repliesPath = named;
    ServerWindow window(options, files);
    ReplyBookEditor* editor = window.replyBookEditor();
    if (usable) {
        QCOMPARE(editor->problem(), ReplyBookEditor::Problem::None);
        QVERIFY(editor->noticeLabel()->isVisibleTo(&window) ||
                !editor->noticeLabel()->text().isEmpty());
        QCOMPARE(window.replyBook()->entry(1).text, QStringLiteral("둘"));
    } else {
        QCOMPARE(editor->problem(), ReplyBookEditor::Problem::NamedFileFailed);
        QCOMPARE(window.replyBook()->entry(0).text, QStringLiteral("이전 답장")); // kept
        const BookFileResult& result = editor->problemResult();
        QCOMPARE(result.file.path, named);
        if (content == "FIFO")
            QCOMPARE(result.file.error, FileError::NotRegularFile);
        else if (content == "MISSING")
            QCOMPARE(result.file.error, FileError::NotFound);
        else
            QVERIFY(result.isCorrupt());
        // The log line reports the same: the format for bytes that are no book, else the file.
        QCOMPARE(result.isCorrupt() ? errorsLogged(window, result.format)
                                    : errorsLogged(window, result.file.error),
                 1);
    }
    window.replyBook()->addEntry(ReplyEntry{QStringLiteral("편집"), true, 1.0});
    // Never renamed, moved or written; the edit went to the window's own book.
    if (content == "MISSING") {
        QVERIFY(!QFileInfo::exists(named));
    } else if (content == "FIFO") {
        QVERIFY(QFileInfo(named).exists() && !QFileInfo(named).isFile());
    } else {
        QCOMPARE(readFile(named), content);
    }
    QCOMPARE(QDir(m_case->path())
                 .entryList({QStringLiteral("mine.*")}, QDir::AllEntries | QDir::System)
                 .size(),
             content == "MISSING" ? 0 : 1);
    QVERIFY(readFile(files.replyBook) != ownBook);
    QVERIFY(readFile(files.replyBook).contains("편집"));
}

void TestServerWindow::stopAndQuitAskWhileClientsAreConnected()
{
    auto window = std::make_unique<ServerWindow>(localOptions(), paths());
    QVERIFY(!window->confirmsDroppingClients()); // test mode
    window->setConfirmsDroppingClients(true);
    window->show();
    window->startListening();
    QTRY_COMPARE_WITH_TIMEOUT(window->state(), ServerWindow::State::Listening, kTimeoutMs);
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, window->engine()->listenPort());
    QTRY_COMPARE_WITH_TIMEOUT(window->connectionModel()->rowCount(), 1, kTimeoutMs);

    // Stop: asked, and Cancel keeps the server and the client.
    QTest::mouseClick(window->startStopButton(), Qt::LeftButton);
    QVERIFY(window->pendingConfirmation());
    window->pendingConfirmation()->button(QMessageBox::Cancel)->click();
    QTRY_VERIFY(!window->pendingConfirmation());
    QCOMPARE(window->state(), ServerWindow::State::Listening);
    QCOMPARE(client.state(), QAbstractSocket::ConnectedState);

    // Quit: asked too; Cancel keeps the window.
    QVERIFY(!window->close());
    QVERIFY(window->pendingConfirmation());
    window->pendingConfirmation()->button(QMessageBox::Cancel)->click();
    QTRY_VERIFY(!window->pendingConfirmation());
    QVERIFY(window->isVisible());
    QCOMPARE(window->state(), ServerWindow::State::Listening);

    // Stop, confirmed.
    window->stopListening();
    QVERIFY(window->pendingConfirmation());
    window->pendingConfirmation()->buttons().first()->click(); // the action ("Stop")
    QTRY_COMPARE_WITH_TIMEOUT(window->state(), ServerWindow::State::Stopped, kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::UnconnectedState, kTimeoutMs);

    // Nobody connected: Stop and Quit do not ask.
    window->startListening();
    QTRY_COMPARE_WITH_TIMEOUT(window->state(), ServerWindow::State::Listening, kTimeoutMs);
    window->stopListening();
    QVERIFY(!window->pendingConfirmation());
    QTRY_COMPARE_WITH_TIMEOUT(window->state(), ServerWindow::State::Stopped, kTimeoutMs);
    QVERIFY(window->close());

    // SIGTERM's way out does not ask either.
    auto second = std::make_unique<ServerWindow>(localOptions(), paths());
    second->setConfirmsDroppingClients(true);
    second->show();
    second->startListening();
    QTRY_COMPARE_WITH_TIMEOUT(second->state(), ServerWindow::State::Listening, kTimeoutMs);
    QTcpSocket other;
    other.connectToHost(QHostAddress::LocalHost, second->engine()->listenPort());
    QTRY_COMPARE_WITH_TIMEOUT(second->connectionModel()->rowCount(), 1, kTimeoutMs);
    second->quitWithoutAsking();
    QVERIFY(!second->pendingConfirmation());
    QTRY_VERIFY_WITH_TIMEOUT(!second->isVisible(), kTimeoutMs);
}

void TestServerWindow::disconnectAndBlockFromTheTable()
{
    ServerWindow window(localOptions(), paths());
    window.show();
    window.startListening();
    QTRY_COMPARE_WITH_TIMEOUT(window.state(), ServerWindow::State::Listening, kTimeoutMs);
    const quint16 port = window.engine()->listenPort();
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, port);
    QTRY_COMPARE_WITH_TIMEOUT(window.connectionModel()->rowCount(), 1, kTimeoutMs);
    window.connectionView()->selectRow(0);
    ConnectionPane* pane = window.connectionPane();
    QVERIFY(pane->disconnectAndBlockAction()->isEnabled());
    QVERIFY(window.connectionView()->actions().contains(pane->disconnectAndBlockAction()));
    pane->disconnectAndBlockSelected(std::chrono::minutes(3));
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::UnconnectedState, kTimeoutMs);
    QTRY_COMPARE(window.engine()->blockedAddresses().size(), 1);

    // Coming back is refused; the block list shows the address and lifts it.
    QTcpSocket again;
    again.connectToHost(QHostAddress::LocalHost, port);
    QTRY_COMPARE_WITH_TIMEOUT(again.state(), QAbstractSocket::UnconnectedState, kTimeoutMs);
    QTRY_COMPARE(errorsLogged(window, ConnectionError::Blocked), 3);
    window.blockListAction()->trigger();
    auto* dialog = window.findChild<BlockListDialog*>();
    QVERIFY(dialog);
    QTRY_COMPARE(dialog->list()->count(), 1);
    QVERIFY(dialog->list()->item(0)->text().contains(QStringLiteral("127.0.0.1")));
    dialog->list()->item(0)->setSelected(true);
    dialog->unblockSelected();
    QTRY_COMPARE(dialog->list()->count(), 0);
    QTcpSocket after;
    after.connectToHost(QHostAddress::LocalHost, port);
    QTRY_COMPARE_WITH_TIMEOUT(window.connectionModel()->rowCount(), 1, kTimeoutMs);
}

void TestServerWindow::defaultSizeFitsBesideTheClient()
{
    ServerWindow window(localOptions(), paths());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // With the client at its default 640 px, both fit side by side on a 1366x768 screen.
    QVERIFY2(window.width() + 640 <= 1366 && window.height() <= 700,
             qPrintable(QStringLiteral("%1x%2").arg(window.width()).arg(window.height())));
    QVERIFY2(window.minimumSizeHint().width() <= 683,
             qPrintable(QString::number(window.minimumSizeHint().width())));
    // The State column shows without scrolling.
    QHeaderView* header = window.connectionView()->horizontalHeader();
    const int stateRight = header->sectionViewportPosition(ConnectionTableModel::StateColumn) +
                           header->sectionSize(ConnectionTableModel::StateColumn);
    QVERIFY(stateRight <= window.connectionView()->viewport()->width());
}

// View → Traffic chart at the default size: the chart comes to the front with
// the window's width. Before, it opened beside the Commands dock in about 90 px.
void TestServerWindow::trafficChartOpensReadable()
{
    ServerWindow window(localOptions(), paths());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* chart = window.findChild<TrafficChart*>();
    QVERIFY(chart);
    QVERIFY(!chart->isVisible());
    window.trafficChartAction()->trigger();
    QTRY_VERIFY(chart->isVisible());
    QTRY_VERIFY2(chart->width() >= window.width() * 3 / 4,
                 qPrintable(QStringLiteral("%1 of %2").arg(chart->width()).arg(window.width())));
    QVERIFY2(chart->height() >= 150, qPrintable(QString::number(chart->height())));
    window.trafficChartAction()->trigger();
    QTRY_VERIFY(!chart->isVisible());
}

void TestServerWindow::openFileLimitShowsBeforeStart()
{
    ServerWindow window(localOptions(), paths());
    QCOMPARE(window.state(), ServerWindow::State::Stopped);
    const auto* label = window.findChild<QLabel*>(QStringLiteral("fileLimitLabel"));
    QVERIFY(label);
    // The number the window raised the limit to, not 0 before any counters arrived.
    const QString digits = label->text().section(QLatin1Char(' '), -1);
    QVERIFY2(digits.toULongLong() > 0, qPrintable(label->text()));
}

QTEST_MAIN(TestServerWindow)
#include "tst_serverwindow.moc"
