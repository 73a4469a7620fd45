// The Korean and English .ts files are complete and current: lupdate, run on
// a copy with the very command line the chorus_lupdate target uses, changes
// nothing (no source string missing, none obsolete), no entry is unfinished,
// and every translation keeps its source's placeholders.

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

constexpr int kLupdateTimeoutMs = 120000;

struct LupdateCommand
{
    QString tsPath;
    QStringList arguments; // without -ts
};

// translations/lupdate-commands.txt: file<TAB>argument<TAB>… (empty fields skipped).
QList<LupdateCommand> lupdateCommands()
{
    QFile file(QStringLiteral(CHORUS_BINARY_DIR "/translations/lupdate-commands.txt"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<LupdateCommand> commands;
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (const QByteArray& line : lines) {
        QStringList fields = QString::fromUtf8(line).split(QLatin1Char('\t'), Qt::SkipEmptyParts);
        if (fields.isEmpty())
            continue;
        const QString ts = fields.takeFirst();
        commands.append({ts, fields});
    }
    return commands;
}

struct Entry
{
    QString context;
    QString source;
    QStringList translations; // one, or one per numerus form
    QString type;             // "", "unfinished", "obsolete", "vanished"
};

QList<Entry> readEntries(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QXmlStreamReader xml(&file);
    QList<Entry> entries;
    QString context;
    Entry entry;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            entry = Entry{context, {}, {}, {}};
        } else if (name == QLatin1String("source")) {
            entry.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            entry.type = xml.attributes().value(QLatin1String("type")).toString();
            // Plain text, or <numerusform> children.
            QString text;
            while (!xml.atEnd()) {
                xml.readNext();
                if (xml.isCharacters())
                    text += xml.text();
                else if (xml.isStartElement() && xml.name() == QLatin1String("numerusform"))
                    entry.translations.append(xml.readElementText());
                else if (xml.isEndElement() && xml.name() == QLatin1String("translation"))
                    break;
            }
            if (entry.translations.isEmpty())
                entry.translations.append(text);
            entries.append(entry);
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return entries;
}

// "%1", "%L2", "%n" in a text, sorted ("%L1" counts as "%1").
QStringList placeholders(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("%L?([0-9]|n)"));
    QStringList found;
    auto it = pattern.globalMatch(text);
    while (it.hasNext())
        found.append(it.next().captured(1));
    found.sort();
    return found;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void lupdateChangesNothing_data();
    void lupdateChangesNothing();
    void nothingUnfinishedOrObsolete_data();
    void nothingUnfinishedOrObsolete();
    void placeholdersKept_data();
    void placeholdersKept();

private:
    void addFiles();
};

void TestTranslations::initTestCase()
{
    QVERIFY2(!lupdateCommands().isEmpty(), "translations/lupdate-commands.txt is missing or empty");
}

void TestTranslations::addFiles()
{
    QTest::addColumn<QString>("tsPath");
    QTest::addColumn<QStringList>("arguments");
    for (const LupdateCommand& command : lupdateCommands())
        QTest::newRow(qPrintable(command.tsPath.section(QLatin1Char('/'), -1)))
            << command.tsPath << command.arguments;
}

void TestTranslations::lupdateChangesNothing_data()
{
    addFiles();
}

void TestTranslations::lupdateChangesNothing()
{
    QFETCH(QString, tsPath);
    QFETCH(QStringList, arguments);
    const QString lupdate = QStringLiteral(CHORUS_LUPDATE_EXE);
    if (!QFile::exists(lupdate))
        QSKIP("lupdate is not installed (Debian: qt6-l10n-tools)");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString copy = dir.filePath(QStringLiteral("copy.ts"));
    QVERIFY(QFile::copy(tsPath, copy));
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(lupdate, arguments + QStringList{QStringLiteral("-ts"), copy});
    QVERIFY(process.waitForFinished(kLupdateTimeoutMs));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);

    QFile before(tsPath);
    QFile after(copy);
    QVERIFY(before.open(QIODevice::ReadOnly));
    QVERIFY(after.open(QIODevice::ReadOnly));
    const QByteArray beforeBytes = before.readAll();
    const QByteArray afterBytes = after.readAll();
    if (beforeBytes != afterBytes) {
        // Name what changed: the strings lupdate added (new in the sources)
        // or dropped (gone from them).
        QString error;
        QSet<QString> old;
        for (const Entry& e : readEntries(tsPath, &error))
            old.insert(e.context + QLatin1Char('|') + e.source);
        QSet<QString> now;
        for (const Entry& e : readEntries(copy, &error))
            now.insert(e.context + QLatin1Char('|') + e.source);
        const QStringList added = (now - old).values();
        const QStringList dropped = (old - now).values();
        QFAIL(qPrintable(QStringLiteral("%1 is not current: run `cmake --build build --target "
                                        "chorus_lupdate` and translate. New in the sources: %2. "
                                        "Gone from them: %3.")
                             .arg(tsPath, added.mid(0, 10).join(QLatin1String("; ")),
                                  dropped.mid(0, 10).join(QLatin1String("; ")))));
    }
}

void TestTranslations::nothingUnfinishedOrObsolete_data()
{
    addFiles();
}

void TestTranslations::nothingUnfinishedOrObsolete()
{
    QFETCH(QString, tsPath);
    QString error;
    const QList<Entry> entries = readEntries(tsPath, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(!entries.isEmpty());
    QStringList open;
    for (const Entry& entry : entries) {
        if (!entry.type.isEmpty() || entry.translations.join(QString()).isEmpty())
            open.append(QStringLiteral("[%1] %2: %3").arg(entry.type, entry.context, entry.source));
    }
    QVERIFY2(open.isEmpty(), qPrintable(QStringLiteral("%1 entries not done, e.g. %2")
                                            .arg(open.size())
                                            .arg(open.mid(0, 5).join(QLatin1String(" | ")))));
}

void TestTranslations::placeholdersKept_data()
{
    addFiles();
}

void TestTranslations::placeholdersKept()
{
    QFETCH(QString, tsPath);
    QString error;
    const QList<Entry> entries = readEntries(tsPath, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    for (const Entry& entry : entries) {
        const QStringList expected = placeholders(entry.source);
        for (const QString& translation : entry.translations) {
            QStringList got = placeholders(translation);
            // A singular form may say "one" instead of %n.
            if (entry.translations.size() > 1 && !got.contains(QLatin1String("n")))
                got.append(QStringLiteral("n")), got.sort();
            QVERIFY2(got == expected,
                     qPrintable(QStringLiteral("%1: \"%2\" → \"%3\"")
                                    .arg(entry.context, entry.source, translation)));
        }
    }
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
