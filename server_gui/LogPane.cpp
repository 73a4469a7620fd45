#include "LogPane.h"

#include "ByteTextDelegate.h"
#include "ConnectionTableModel.h"
#include "base/AtomicFile.h"
#include "base/Endpoint.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QRegularExpression>
#include <QScrollBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <functional>

namespace chorus {

namespace {

// The most live connections the filter's list offers (a server may hold 10,000).
constexpr int kMaxConnectionChoices = 200;

// Refills its list with the live connections each time it opens.
class ConnectionFilterCombo : public QComboBox
{
public:
    using QComboBox::QComboBox;
    std::function<void()> beforePopup;

    void showPopup() override
    {
        if (beforePopup)
            beforePopup();
        QComboBox::showPopup();
    }
};

} // namespace

LogPane::LogPane(QWidget* parent)
    : QWidget(parent), m_model(new LogModel(this)), m_filter(new LogFilterModel(this)),
      m_view(new QListView(this)), m_filterEdit(new QLineEdit(this)),
      m_connectionCombo(new ConnectionFilterCombo(this)), m_severityCombo(new QComboBox(this)),
      m_onlySelected(new QCheckBox(tr("Only selected"), this)),
      m_pauseScroll(new QCheckBox(tr("Pause auto-scroll"), this)),
      m_logToFileButton(new QToolButton(this)), m_fileStatus(new QLabel(this))
{
    m_filter->setSourceModel(m_model);
    m_view->setModel(m_filter);
    // Uniform rows let the view skip measuring every line: thousands stay cheap.
    m_view->setUniformItemSizes(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    QFont mono = QFont(QStringLiteral("Monospace"));
    mono.setStyleHint(QFont::TypeWriter);
    m_view->setFont(mono);
    m_view->setItemDelegate(
        new ByteTextDelegate(LogModel::EscapeSpansRole, LogModel::LineCountRole, m_view));

    m_filterEdit->setPlaceholderText(tr("Filter log (text or #ID)"));
    m_filterEdit->setClearButtonEnabled(true);
    m_filterEdit->setObjectName(QStringLiteral("logFilter"));
    connect(m_filterEdit, &QLineEdit::textChanged, this,
            [this](const QString& text) { keepFollowing([&] { m_filter->setTextFilter(text); }); });
    m_onlySelected->setToolTip(tr("Show only the lines about the connections selected in the "
                                  "table"));
    connect(m_onlySelected, &QCheckBox::toggled, this,
            [this] { keepFollowing([this] { applyConnectionFilter(); }); });

    // Editable: pick "All connections" or a live connection, or type "#7, #12".
    static_cast<ConnectionFilterCombo*>(m_connectionCombo)->beforePopup = [this] {
        refreshConnectionChoices();
    };
    m_connectionCombo->setEditable(true);
    m_connectionCombo->setInsertPolicy(QComboBox::NoInsert);
    m_connectionCombo->addItem(tr("All connections"));
    m_connectionCombo->setMinimumContentsLength(12);
    m_connectionCombo->setToolTip(tr("Show only lines about these connections, e.g. #7 or 7, 12"));
    m_connectionCombo->setObjectName(QStringLiteral("logConnectionFilter"));
    connect(m_connectionCombo, &QComboBox::currentTextChanged, this,
            [this] { keepFollowing([this] { applyConnectionFilter(); }); });

    // Tool buttons, not push buttons: three actions and two boxes fit one
    // row at the width the pane has in an 800-pixel window.
    auto* clearButton = new QToolButton(this);
    clearButton->setText(tr("Clear"));
    connect(clearButton, &QToolButton::clicked, m_model, &LogModel::clear);
    auto* saveButton = new QToolButton(this);
    saveButton->setText(tr("Save…"));
    connect(saveButton, &QToolButton::clicked, this, &LogPane::saveAs);
    m_logToFileButton->setText(tr("Log to file…"));
    connect(m_logToFileButton, &QToolButton::clicked, this, &LogPane::chooseLogFile);
    connect(&m_fileWriter, &LogFileWriter::failed, this, [this](const FileResult& result) {
        m_logFileProblem = result;
        showFileStatus(tr("%1. Logging to the file stopped.").arg(result.describe()), true);
        m_logToFileButton->setText(tr("Log to file…"));
        emit logFileChanged(QString());
    });

    m_fileStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_fileStatus->setWordWrap(true);
    m_fileStatus->hide();

    // Two rows: the filters (text, connection, status severity) and the actions.
    m_filterEdit->setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('0')) * 12);
    auto* filterBar = new QHBoxLayout;
    filterBar->addWidget(m_filterEdit, 1);
    filterBar->addWidget(m_connectionCombo);
    // Vehicle status texts (PROTOCOL.md §2.8.4): how severe a line must be to show.
    m_severityCombo->setObjectName(QStringLiteral("logSeverityFilter"));
    m_severityCombo->setToolTip(tr("Vehicle status lines shown, by severity"));
    m_severityCombo->addItem(tr("Status: all"), int(StatusSeverity::Debug));
    m_severityCombo->addItem(tr("Status: info and up"), int(StatusSeverity::Info));
    m_severityCombo->addItem(tr("Status: warning and up"), int(StatusSeverity::Warning));
    m_severityCombo->addItem(tr("Status: error and up"), int(StatusSeverity::Error));
    connect(m_severityCombo, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setSeverityFilter(StatusSeverity(m_severityCombo->currentData().toInt()));
    });
    filterBar->addWidget(m_severityCombo);
    auto* actionBar = new QHBoxLayout;
    actionBar->addWidget(m_onlySelected);
    actionBar->addWidget(m_pauseScroll);
    actionBar->addStretch(1);
    actionBar->addWidget(clearButton);
    actionBar->addWidget(saveButton);
    actionBar->addWidget(m_logToFileButton);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filterBar);
    layout->addLayout(actionBar);
    layout->addWidget(m_fileStatus);
    layout->addWidget(m_view, 1);
}

bool LogPane::isAtBottom() const
{
    const QScrollBar* bar = m_view->verticalScrollBar();
    return bar->value() >= bar->maximum() - 2;
}

template <typename Change> void LogPane::keepFollowing(Change change)
{
    // Follow the tail only if the user has not scrolled away from it. A filter
    // change goes through here too: when a filter shrinks the list and is
    // cleared again, the view would otherwise be left mid-list and stop following.
    const bool follow = !m_pauseScroll->isChecked() && isAtBottom();
    change();
    if (follow)
        m_view->scrollToBottom();
}

void LogPane::appendEntries(const QList<LogEntry>& entries)
{
    if (m_fileWriter.isOpen())
        m_fileWriter.write(entries);
    keepFollowing([&] { m_model->append(entries); });
}

std::optional<QSet<quint64>> LogPane::parseConnectionIds(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty() || trimmed == tr("All connections"))
        return QSet<quint64>{};
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    QSet<quint64> ids;
    for (QString part : trimmed.split(separators, Qt::SkipEmptyParts)) {
        if (part.startsWith(QLatin1Char('#')))
            part.remove(0, 1);
        bool ok = false;
        const quint64 id = part.toULongLong(&ok);
        if (!ok || id == 0)
            return std::nullopt;
        ids.insert(id);
    }
    return ids;
}

void LogPane::setConnectionModel(const ConnectionTableModel* model)
{
    m_connections = model;
}

QList<quint64> LogPane::refreshConnectionChoices()
{
    QList<quint64> ids;
    if (m_connections) {
        for (int row = 0; row < m_connections->rowCount(); ++row)
            ids.append(m_connections->idAt(row));
        std::sort(ids.begin(), ids.end());
        if (ids.size() > kMaxConnectionChoices)
            ids.remove(kMaxConnectionChoices, ids.size() - kMaxConnectionChoices);
    }
    const QSignalBlocker blocker(m_connectionCombo);
    const QString current = m_connectionCombo->currentText();
    while (m_connectionCombo->count() > 1)
        m_connectionCombo->removeItem(m_connectionCombo->count() - 1);
    for (quint64 id : std::as_const(ids)) {
        const ConnectionSnapshot& s = m_connections->snapshotAt(m_connections->rowForId(id));
        const QString peer = endpointText(s.peerAddress, s.peerPort);
        m_connectionCombo->addItem(s.name.isEmpty() ? tr("#%1 (%2)").arg(id).arg(peer)
                                                    : tr("#%1 %2 (%3)").arg(id).arg(s.name, peer),
                                   QVariant::fromValue(id));
    }
    m_connectionCombo->setEditText(current);
    return ids;
}

void LogPane::setSelectedConnections(const QSet<quint64>& ids)
{
    m_selectedIds = ids;
    if (m_onlySelected->isChecked())
        keepFollowing([this] { applyConnectionFilter(); });
}

void LogPane::applyConnectionFilter()
{
    m_connectionCombo->setEnabled(!m_onlySelected->isChecked());
    if (m_onlySelected->isChecked()) {
        // No selection: show nothing rather than everything, so the box means what it says.
        m_filter->setConnectionFilter(m_selectedIds.isEmpty() ? QSet<quint64>{0xffffffffffffffffULL}
                                                              : m_selectedIds);
        return;
    }
    // A live connection picked from the list, else what was typed.
    const QString text = m_connectionCombo->currentText();
    const int picked = m_connectionCombo->findText(text);
    const auto ids =
        picked > 0
            ? std::optional<QSet<quint64>>({m_connectionCombo->itemData(picked).value<quint64>()})
            : parseConnectionIds(text);
    m_connectionCombo->setStyleSheet(ids ? QString()
                                         : QStringLiteral("QComboBox { color: #c02020; }"));
    m_filter->setConnectionFilter(ids.value_or(QSet<quint64>{}));
}

void LogPane::setByteView(ByteView view)
{
    keepFollowing([&] {
        m_model->setByteView(view);
        // Mixed rows hold several lines: the view must measure each one.
        m_view->setUniformItemSizes(view != ByteView::Mixed);
        m_view->doItemsLayout();
    });
}

void LogPane::saveAs()
{
    QString filter;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save log"), QStringLiteral("chorus-server.log"),
        tr("Log text, messages with escapes (*.log *.txt);;JSON lines, messages as exact hex "
           "bytes (*.jsonl);;All files (*)"),
        &filter);
    if (path.isEmpty())
        return;
    // The JSON filter picked with a name that says nothing: it is JSON lines.
    const bool json = filter.contains(QLatin1String("*.jsonl")) &&
                      !path.endsWith(QLatin1String(".log"), Qt::CaseInsensitive) &&
                      !path.endsWith(QLatin1String(".txt"), Qt::CaseInsensitive);
    saveTo(json && !path.endsWith(QLatin1String(".jsonl"), Qt::CaseInsensitive)
               ? path + QLatin1String(".jsonl")
               : path);
}

FileResult LogPane::saveTo(const QString& path)
{
    const bool json = path.endsWith(QLatin1String(".jsonl"), Qt::CaseInsensitive);
    const FileResult saved =
        writeFileAtomically(path, json ? m_model->toJsonLines() : m_model->toUtf8());
    if (!saved.ok()) {
        showFileStatus(tr("The log was not saved: %1.").arg(saved.describe()), true);
        return saved;
    }
    showFileStatus(tr("Saved %n line(s) to %1", nullptr, m_model->rowCount()).arg(path), false);
    return saved;
}

void LogPane::chooseLogFile()
{
    if (m_fileWriter.isOpen()) {
        stopLogToFile();
        return;
    }
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Log to file"), QStringLiteral("chorus-server.log"),
        tr("Log files (*.log *.txt);;All files (*)"), nullptr,
        QFileDialog::DontConfirmOverwrite); // we append, never overwrite
    if (!path.isEmpty())
        startLogToFile(path);
}

FileResult LogPane::startLogToFile(const QString& path)
{
    const FileResult opened = m_fileWriter.open(path);
    if (!opened.ok()) {
        m_logFileProblem = opened;
        showFileStatus(tr("Not logging to a file: %1.").arg(opened.describe()), true);
        return opened;
    }
    m_logFileProblem = {};
    showFileStatus(tr("Logging to %1").arg(path), false);
    m_logToFileButton->setText(tr("Stop logging to file"));
    emit logFileChanged(path);
    return opened;
}

void LogPane::stopLogToFile()
{
    if (!m_fileWriter.isOpen())
        return;
    const QString path = m_fileWriter.path();
    m_fileWriter.close();
    showFileStatus(tr("Stopped logging to %1").arg(path), false);
    m_logToFileButton->setText(tr("Log to file…"));
    emit logFileChanged(QString());
}

QString LogPane::logFilePath() const
{
    return m_fileWriter.isOpen() ? m_fileWriter.path() : QString();
}

void LogPane::showFileStatus(const QString& text, bool error)
{
    m_fileStatus->setText(text);
    m_fileStatus->setStyleSheet(error ? QStringLiteral("color: #c02020;") : QString());
    m_fileStatus->show();
}

} // namespace chorus
