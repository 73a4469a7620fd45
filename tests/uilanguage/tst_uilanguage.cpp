// UiLanguage: the saved choice, the translators it installs (ours and Qt's),
// both windows showing Korean, Help → Language, and --help in Korean under
// LANG=ko_KR.UTF-8 or the saved choice, English under LANG=C.

#include "ClientWindow.h"
#include "ConnectionTableModel.h"
#include "LanguageMenu.h"
#include "ServerSettings.h"
#include "ServerWindow.h"
#include "base/AtomicFile.h"
#include "base/SettingsFile.h"
#include "base/UiLanguage.h"

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QLibraryInfo>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace chorus;

namespace {

constexpr int kProcessTimeoutMs = 30000;

// The menu bar's titles, as shown.
QStringList menuTitles(QMainWindow& window)
{
    QStringList titles;
    for (QAction* action : window.menuBar()->actions())
        titles.append(action->text());
    return titles;
}

QAction* findAction(const QMenu* menu, const QString& text)
{
    for (QAction* action : menu->actions()) {
        if (action->text() == text)
            return action;
        if (QMenu* sub = action->menu())
            if (QAction* found = findAction(sub, text))
                return found;
    }
    return nullptr;
}

QString withoutSpaces(QString text)
{
    text.remove(QRegularExpression(QStringLiteral("\\s+")));
    return text;
}

} // namespace

class TestUiLanguage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void names_data();
    void names();
    void savedChoiceRoundTrips_data();
    void savedChoiceRoundTrips();
    void unknownSavedValueMeansSystem();
    void koreanTranslatorTranslates();
    void englishKeepsSourceTextsAndPlurals();
    void freeHelperTextsTranslate();
    void qtStandardButtonsInKorean();
    void serverWindowInKorean();
    void clientWindowInKorean();
    void languageMenuShowsTheSavedChoice();
    void restartWaitsForTheServersQuitAndEndsWithACancel();
    void helpFollowsTheLocale_data();
    void helpFollowsTheLocale();
    void helpFollowsTheSavedChoice_data();
    void helpFollowsTheSavedChoice();

private:
    QTemporaryDir m_dir;
    UiTranslators m_translators;
};

void TestUiLanguage::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
}

void TestUiLanguage::cleanup()
{
    m_translators.remove();
    QLocale::setDefault(QLocale::c());
}

void TestUiLanguage::names_data()
{
    QTest::addColumn<UiLanguage>("language");
    QTest::addColumn<QString>("name");
    QTest::newRow("system") << UiLanguage::System << QStringLiteral("system");
    QTest::newRow("ko") << UiLanguage::Korean << QStringLiteral("ko");
    QTest::newRow("en") << UiLanguage::English << QStringLiteral("en");
}

void TestUiLanguage::names()
{
    QFETCH(UiLanguage, language);
    QFETCH(QString, name);
    QCOMPARE(uiLanguageName(language), name);
    QCOMPARE(uiLanguageFromName(name), std::optional<UiLanguage>(language));
    QCOMPARE(uiLanguageFromName(QLatin1Char(' ') + name.toUpper()),
             std::optional<UiLanguage>(language));
}

void TestUiLanguage::savedChoiceRoundTrips_data()
{
    names_data();
}

void TestUiLanguage::savedChoiceRoundTrips()
{
    QFETCH(UiLanguage, language);
    const QString path = m_dir.filePath(QStringLiteral("roundtrip.conf"));
    // Other settings in the file stay as they are.
    SettingsFile other(path);
    QVERIFY(other.load().ok());
    other.setValue(QStringLiteral("listen/port"), 1234);
    QVERIFY(other.save().ok());

    QVERIFY(saveUiLanguage(path, language).ok());
    QCOMPARE(savedUiLanguage(path), language);
    SettingsFile reread(path);
    QVERIFY(reread.load().ok());
    QCOMPARE(reread.value(QStringLiteral("listen/port")).toInt(), 1234);
}

void TestUiLanguage::unknownSavedValueMeansSystem()
{
    const QString path = m_dir.filePath(QStringLiteral("unknown.conf"));
    SettingsFile file(path);
    QVERIFY(file.load().ok());
    file.setValue(QLatin1String(kUiLanguageKey), QStringLiteral("klingon"));
    QVERIFY(file.save().ok());
    QCOMPARE(savedUiLanguage(path), UiLanguage::System);
    QCOMPARE(savedUiLanguage(m_dir.filePath(QStringLiteral("missing.conf"))), UiLanguage::System);
}

void TestUiLanguage::koreanTranslatorTranslates()
{
    QVERIFY(m_translators.install(UiLanguage::Korean));
    QCOMPARE(QLocale().language(), QLocale::Korean);
    const QString file = QCoreApplication::translate("chorus::ServerWindow", "&Server");
    QCOMPARE(file, QStringLiteral("서버(&S)"));
    // A text lupdate files under the namespace (a free helper's tr()).
    QCOMPARE(QCoreApplication::translate("chorus", "server full"),
             QStringLiteral("서버가 가득 참"));
    // Korean has one plural form.
    QCOMPARE(QCoreApplication::translate("chorus::FramingEditor", "%n byte(s)", nullptr, 3),
             QStringLiteral("3바이트"));
}

void TestUiLanguage::englishKeepsSourceTextsAndPlurals()
{
    m_translators.install(UiLanguage::English);
    QCOMPARE(QLocale().language(), QLocale::English);
    QCOMPARE(QCoreApplication::translate("chorus::ServerWindow", "&Server"),
             QStringLiteral("&Server"));
    QCOMPARE(QCoreApplication::translate("chorus::FramingEditor", "%n byte(s)", nullptr, 1),
             QStringLiteral("1 byte"));
    QCOMPARE(QCoreApplication::translate("chorus::FramingEditor", "%n byte(s)", nullptr, 2),
             QStringLiteral("2 bytes"));
}

// A file-local tr() helper in common/ translates in its class's context, but
// lupdate files the texts under the namespace ("chorus"): without the
// fallback (base/TranslateIn.h) these stayed English under Korean.
void TestUiLanguage::freeHelperTextsTranslate()
{
    QVERIFY(m_translators.install(UiLanguage::Korean));
    QByteArray data;
    const FileResult folder = readRegularFile(m_dir.path(), 1024, &data);
    QCOMPARE(folder.error, FileError::NotRegularFile);
    QCOMPARE(folder.reason, QCoreApplication::translate("chorus", "a folder"));
    QCOMPARE(folder.reason, QStringLiteral("폴더"));
}

void TestUiLanguage::qtStandardButtonsInKorean()
{
    const QString qtbase =
        QLibraryInfo::path(QLibraryInfo::TranslationsPath) + QStringLiteral("/qtbase_ko.qm");
    if (!QFile::exists(qtbase))
        QSKIP("qtbase_ko.qm is not installed (Debian: qt6-translations-l10n)");
    m_translators.install(UiLanguage::Korean);
    QDialogButtonBox box(QDialogButtonBox::Cancel);
    const QString cancel = box.button(QDialogButtonBox::Cancel)->text();
    QCOMPARE(cancel, QCoreApplication::translate("QPlatformTheme", "Cancel"));
    QVERIFY2(cancel != QLatin1String("Cancel"), qPrintable(cancel));
}

void TestUiLanguage::serverWindowInKorean()
{
    QVERIFY(m_translators.install(UiLanguage::Korean));
    const ServerFilePaths paths{m_dir.filePath(QStringLiteral("server/chorus-server.conf")),
                                m_dir.filePath(QStringLiteral("server/replies.json"))};
    ServerWindow window({}, paths);
    const QStringList titles = menuTitles(window);
    for (const char* source : {"&File", "&Server", "&View", "&Help"}) {
        const QString expected = QCoreApplication::translate("chorus::ServerWindow", source);
        QVERIFY2(expected != QLatin1String(source), source);
        QVERIFY2(titles.contains(expected), qPrintable(titles.join(QLatin1Char('|'))));
    }
    QCOMPARE(window.startStopButton()->text(),
             QCoreApplication::translate("chorus::ListenBar", "Start"));
    QCOMPARE(window.startStopButton()->text(), QStringLiteral("시작"));
}

void TestUiLanguage::clientWindowInKorean()
{
    QVERIFY(m_translators.install(UiLanguage::Korean));
    ClientWindowOptions options;
    options.settingsPath = m_dir.filePath(QStringLiteral("client/chorus-client.conf"));
    options.historyFolder = m_dir.filePath(QStringLiteral("client/history"));
    ClientWindow window(options);
    const QStringList titles = menuTitles(window);
    for (const char* source : {"&File", "&Edit", "&View", "&Connection", "&Help"}) {
        const QString expected = QCoreApplication::translate("chorus::ClientWindow", source);
        QVERIFY2(expected != QLatin1String(source), source);
        QVERIFY2(titles.contains(expected), qPrintable(titles.join(QLatin1Char('|'))));
    }
    QVERIFY(titles.contains(QStringLiteral("연결(&C)")));
    const auto buttons = window.findChildren<QPushButton*>();
    const QString connect = QCoreApplication::translate("chorus::ConnectionBar", "Connect");
    QCOMPARE(connect, QStringLiteral("연결"));
    QVERIFY(std::any_of(buttons.cbegin(), buttons.cend(),
                        [&](const QPushButton* b) { return b->text() == connect; }));
}

void TestUiLanguage::languageMenuShowsTheSavedChoice()
{
    const QString path = m_dir.filePath(QStringLiteral("menu/chorus-client.conf"));
    QVERIFY(saveUiLanguage(path, UiLanguage::Korean).ok());
    ClientWindowOptions options;
    options.settingsPath = path;
    options.historyFolder = m_dir.filePath(QStringLiteral("menu/history"));
    ClientWindow window(options);
    auto* menu = window.findChild<LanguageMenu*>();
    QVERIFY(menu);
    QCOMPARE(menu->saved(), UiLanguage::Korean);
    QVERIFY(menu->action(UiLanguage::Korean)->isChecked());
    QVERIFY(!menu->action(UiLanguage::English)->isChecked());
    // Each language is named in itself, whatever the interface language.
    QCOMPARE(menu->action(UiLanguage::Korean)->text(), QStringLiteral("한국어"));
    QCOMPARE(menu->action(UiLanguage::English)->text(), QStringLiteral("English"));
    QVERIFY(!LanguageMenu::restartRequested());
}

// Help → Language → Restart now closes the windows; a running server asks
// first. Before, Cancel there left the restart pending, and the window's next
// close (hours later, say) restarted the program by surprise.
void TestUiLanguage::restartWaitsForTheServersQuitAndEndsWithACancel()
{
    ServerCommandLineOptions options;
    options.overrides.set(settingId(ServerSetting::Listen), QStringLiteral("localhost"));
    options.overrides.set(settingId(ServerSetting::Port), qint64(0));
    const ServerFilePaths paths{m_dir.filePath(QStringLiteral("restart/chorus-server.conf")),
                                m_dir.filePath(QStringLiteral("restart/replies.json"))};
    auto window = std::make_unique<ServerWindow>(options, paths);
    window->setConfirmsDroppingClients(true);
    window->show();
    window->startListening();
    QTRY_COMPARE(window->state(), ServerWindow::State::Listening);
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, window->engine()->listenPort());
    QTRY_COMPARE(window->connectionModel()->rowCount(), 1);
    auto* menu = window->findChild<LanguageMenu*>();
    QVERIFY(menu);
    const UiLanguage other =
        menu->saved() == UiLanguage::English ? UiLanguage::Korean : UiLanguage::English;

    // Restart now → the server asks before quitting; Cancel keeps it and the restart ends.
    menu->action(other)->trigger();
    QVERIFY(menu->pendingQuestion());
    menu->pendingQuestion()->button(QMessageBox::Yes)->click();
    QTRY_VERIFY(window->pendingConfirmation());
    QVERIFY(LanguageMenu::restartRequested());
    window->pendingConfirmation()->button(QMessageBox::Cancel)->click();
    QTRY_VERIFY(!window->pendingConfirmation());
    QVERIFY(!LanguageMenu::restartRequested());
    QVERIFY(window->isVisible());
    QCOMPARE(window->state(), ServerWindow::State::Listening);
    QCOMPARE(savedUiLanguage(paths.settings), other);

    // Restart now again, and Quit: the window closes and the restart stands.
    menu->action(UiLanguage::System)->trigger();
    QVERIFY(menu->pendingQuestion());
    menu->pendingQuestion()->button(QMessageBox::Yes)->click();
    QTRY_VERIFY(window->pendingConfirmation());
    window->pendingConfirmation()->buttons().first()->click(); // the action ("Quit")
    QTRY_VERIFY(!window->isVisible());
    QVERIFY(LanguageMenu::restartRequested());
    QTRY_COMPARE(client.state(), QAbstractSocket::UnconnectedState);
    LanguageMenu::cancelRestart();
}

namespace {

// Runs a program's --help with LANG and a fresh home (no saved settings
// unless `savedLanguage` is given); returns its standard output.
QByteArray helpOutput(const QString& program, const QString& lang, const QString& home,
                      const QString& settingsName, std::optional<UiLanguage> savedLanguage)
{
    if (savedLanguage) {
        const QString conf = home + QStringLiteral("/.config/Chorus/") + settingsName;
        if (!saveUiLanguage(conf, *savedLanguage).ok())
            return {};
    }
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANGUAGE", "XDG_CONFIG_HOME"})
        env.remove(QLatin1String(name));
    env.insert(QStringLiteral("LANG"), lang);
    env.insert(QStringLiteral("HOME"), home);
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    process.setProcessEnvironment(env);
    process.start(program, {QStringLiteral("--help")});
    if (!process.waitForFinished(kProcessTimeoutMs) || process.exitCode() != 0)
        return {};
    return process.readAllStandardOutput();
}

} // namespace

void TestUiLanguage::helpFollowsTheLocale_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QString>("settingsName");
    QTest::addColumn<QByteArray>("context");
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QString>("lang");
    QTest::addColumn<bool>("korean");
    const QByteArray serverHelp =
        "Auto framing: silence that ends a message sent without a line end.";
    const QByteArray clientHelp = "Server TCP port.";
    for (const auto& [lang, korean] :
         {std::pair{QStringLiteral("ko_KR.UTF-8"), true}, std::pair{QStringLiteral("C"), false}}) {
        QTest::addRow("server %s", qPrintable(lang))
            << QStringLiteral(CHORUS_SERVER_EXE) << QStringLiteral("chorus-server.conf")
            << QByteArray("chorus::ServerSettings") << serverHelp << lang << korean;
        QTest::addRow("client %s", qPrintable(lang))
            << QStringLiteral(CHORUS_CLIENT_EXE) << QStringLiteral("chorus-client.conf")
            << QByteArray("chorus::ClientSettings") << clientHelp << lang << korean;
    }
}

void TestUiLanguage::helpFollowsTheLocale()
{
    QFETCH(QString, program);
    QFETCH(QString, settingsName);
    QFETCH(QByteArray, context);
    QFETCH(QByteArray, source);
    QFETCH(QString, lang);
    QFETCH(bool, korean);
    QTemporaryDir home;
    QVERIFY(home.isValid());
    const QString out =
        QString::fromUtf8(helpOutput(program, lang, home.path(), settingsName, std::nullopt));
    QVERIFY(!out.isEmpty());

    QVERIFY(m_translators.install(UiLanguage::Korean));
    const QString koreanText = QCoreApplication::translate(context, source);
    QVERIFY(koreanText != QLatin1String(source));
    const QString expected = korean ? koreanText : QString::fromUtf8(source);
    const QString other = korean ? QString::fromUtf8(source) : koreanText;
    QVERIFY2(withoutSpaces(out).contains(withoutSpaces(expected)), qPrintable(out));
    QVERIFY(!withoutSpaces(out).contains(withoutSpaces(other)));
}

void TestUiLanguage::helpFollowsTheSavedChoice_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QString>("settingsName");
    QTest::addColumn<QByteArray>("context");
    QTest::addColumn<QByteArray>("source");
    QTest::addRow("server") << QStringLiteral(CHORUS_SERVER_EXE)
                            << QStringLiteral("chorus-server.conf")
                            << QByteArray("chorus::ServerSettings")
                            << QByteArray("Auto framing: silence that ends a message sent "
                                          "without a line end.");
    QTest::addRow("client") << QStringLiteral(CHORUS_CLIENT_EXE)
                            << QStringLiteral("chorus-client.conf")
                            << QByteArray("chorus::ClientSettings")
                            << QByteArray("Server TCP port.");
}

void TestUiLanguage::helpFollowsTheSavedChoice()
{
    QFETCH(QString, program);
    QFETCH(QString, settingsName);
    QFETCH(QByteArray, context);
    QFETCH(QByteArray, source);
    QVERIFY(m_translators.install(UiLanguage::Korean));
    const QString koreanText = QCoreApplication::translate(context, source);
    m_translators.remove();

    // Help → Language: 한국어 under LANG=C, English under LANG=ko_KR.UTF-8.
    QTemporaryDir koreanHome;
    const QString inKorean = QString::fromUtf8(helpOutput(
        program, QStringLiteral("C"), koreanHome.path(), settingsName, UiLanguage::Korean));
    QVERIFY2(withoutSpaces(inKorean).contains(withoutSpaces(koreanText)), qPrintable(inKorean));
    QTemporaryDir englishHome;
    const QString inEnglish =
        QString::fromUtf8(helpOutput(program, QStringLiteral("ko_KR.UTF-8"), englishHome.path(),
                                     settingsName, UiLanguage::English));
    QVERIFY2(withoutSpaces(inEnglish).contains(withoutSpaces(QString::fromUtf8(source))),
             qPrintable(inEnglish));
}

QTEST_MAIN(TestUiLanguage)
#include "tst_uilanguage.moc"
