// The server window's table headers at the default window size, in Korean and
// in English: every column's header text fits the room the style gives its
// label, with the sort arrow's room taken off (any column can be sorted by a
// click). Korean glyphs are wider than the digits the column widths were
// counted in, so "받은 메시지"-length headers were cut by a few pixels.

#include "ConnectionTableModel.h"
#include "ServerWindow.h"
#include "base/UiLanguage.h"

#include <QHeaderView>
#include <QLabel>
#include <QSettings>
#include <QStandardPaths>
#include <QStyle>
#include <QStyleOptionHeader>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace chorus;

Q_DECLARE_METATYPE(chorus::UiLanguage)

namespace {

// "column 'text': needs N px, label has M px" for each visible section of
// `header` whose text does not fit its label, as the style lays it out.
QStringList cutSections(const QHeaderView* header)
{
    QStringList cut;
    const QAbstractItemModel* model = header->model();
    const QFontMetrics metrics = header->fontMetrics();
    for (int logical = 0; logical < header->count(); ++logical) {
        if (header->isSectionHidden(logical))
            continue;
        QStyleOptionHeader option;
        option.initFrom(header);
        option.state |= QStyle::State_Horizontal;
        option.orientation = Qt::Horizontal;
        option.section = logical;
        option.rect = QRect(0, 0, header->sectionSize(logical), header->height());
        option.text = model->headerData(logical, Qt::Horizontal, Qt::DisplayRole).toString();
        option.fontMetrics = metrics;
        option.sortIndicator = header->isSortIndicatorShown() ? QStyleOptionHeader::SortDown
                                                              : QStyleOptionHeader::None;
        const QRect label =
            header->style()->subElementRect(QStyle::SE_HeaderLabel, &option, header);
        const int needs = metrics.horizontalAdvance(option.text);
        if (needs > label.width())
            cut.append(QStringLiteral("column %1 '%2': needs %3 px, label has %4 px")
                           .arg(logical)
                           .arg(option.text)
                           .arg(needs)
                           .arg(label.width()));
    }
    return cut;
}

} // namespace

class TestServerWindowHeaders : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void headersShowWholeText_data();
    void headersShowWholeText();
    void messageCountHeadersExplainThemselves_data();
    void messageCountHeadersExplainThemselves();
    void wrappedLabelsShowWholeText_data();
    void wrappedLabelsShowWholeText();

private:
    QTemporaryDir m_dir;
    UiTranslators m_translators;
};

void TestServerWindowHeaders::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
}

void TestServerWindowHeaders::cleanup()
{
    m_translators.remove();
    QLocale::setDefault(QLocale::c());
}

void TestServerWindowHeaders::headersShowWholeText_data()
{
    QTest::addColumn<UiLanguage>("language");
    QTest::newRow("ko") << UiLanguage::Korean;
    QTest::newRow("en") << UiLanguage::English;
}

void TestServerWindowHeaders::headersShowWholeText()
{
    QFETCH(UiLanguage, language);
    m_translators.install(language);
    const QString folder = m_dir.filePath(QString::fromLatin1(QTest::currentDataTag()));
    ServerWindow window({}, {folder + QStringLiteral("/chorus-server.conf"),
                             folder + QStringLiteral("/replies.json")});
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // The window keeps its default width: the client still fits beside it.
    QVERIFY2(window.width() + 640 <= 1366, qPrintable(QString::number(window.width())));

    // The connection table, whether or not a column is scrolled into view.
    QStringList cut = cutSections(window.connectionView()->horizontalHeader());
    // The other tables the window shows at its default size (the book, the
    // commands); tables on tabs not shown have no laid-out size to check.
    const auto views = window.findChildren<QTableView*>();
    int checked = 0;
    for (const QTableView* view : views) {
        if (view == window.connectionView() || !view->isVisible())
            continue;
        ++checked;
        for (const QString& section : cutSections(view->horizontalHeader()))
            cut.append(view->objectName() + QLatin1Char(' ') + section);
    }
    QVERIFY2(checked > 0, "no other table shown");
    QVERIFY2(cut.isEmpty(), qPrintable(cut.join(QStringLiteral("\n"))));
}

void TestServerWindowHeaders::messageCountHeadersExplainThemselves_data()
{
    headersShowWholeText_data();
}

// The short headers (받음 / 보냄, Msgs in / out) say in their tooltip what
// they count, so they need not be spelled out in the column's width.
void TestServerWindowHeaders::messageCountHeadersExplainThemselves()
{
    QFETCH(UiLanguage, language);
    m_translators.install(language);
    ConnectionTableModel model;
    for (const int column :
         {ConnectionTableModel::MessagesInColumn, ConnectionTableModel::MessagesOutColumn}) {
        const QString title = model.headerData(column, Qt::Horizontal).toString();
        const QString tip = model.headerData(column, Qt::Horizontal, Qt::ToolTipRole).toString();
        QVERIFY2(tip.size() > title.size(), qPrintable(title + QLatin1String(" / ") + tip));
    }
}

// Word-wrapped labels at the default size and at half a 1366x768 screen: each
// has the height its text needs at its width. The reply book's hint was cut
// off after two of its four lines.
void TestServerWindowHeaders::wrappedLabelsShowWholeText_data()
{
    QTest::addColumn<UiLanguage>("language");
    QTest::addColumn<QSize>("size");
    QTest::newRow("ko default") << UiLanguage::Korean << QSize();
    QTest::newRow("en default") << UiLanguage::English << QSize();
    QTest::newRow("ko half screen") << UiLanguage::Korean << QSize(683, 740);
    QTest::newRow("en half screen") << UiLanguage::English << QSize(683, 740);
}

void TestServerWindowHeaders::wrappedLabelsShowWholeText()
{
    QFETCH(UiLanguage, language);
    QFETCH(QSize, size);
    m_translators.install(language);
    const QString folder = m_dir.filePath(QString::fromLatin1(QTest::currentDataTag()));
    ServerWindow window({}, {folder + QStringLiteral("/chorus-server.conf"),
                             folder + QStringLiteral("/replies.json")});
    if (size.isValid())
        window.resize(size);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QStringList cut;
    for (const QLabel* label : window.findChildren<QLabel*>()) {
        if (!label->isVisible() || !label->wordWrap() || label->text().isEmpty())
            continue;
        const int needs = label->heightForWidth(label->width());
        if (label->height() < needs)
            cut.append(QStringLiteral("'%1': needs %2 px, has %3 px")
                           .arg(label->text().left(30))
                           .arg(needs)
                           .arg(label->height()));
    }
    QVERIFY2(cut.isEmpty(), qPrintable(cut.join(QStringLiteral("\n"))));
}

QTEST_MAIN(TestServerWindowHeaders)
#include "tst_serverwindowheaders.moc"
