#include "LogPane.h"

#include "base/AtomicFile.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QVBoxLayout>

namespace chorus {

LogPane::LogPane(QWidget* parent)
    : QWidget(parent), m_model(new LogModel(this)), m_filter(new LogFilterModel(this)),
      m_view(new QListView(this)), m_filterEdit(new QLineEdit(this)),
      m_connectionCombo(new QComboBox(this)),
      m_onlySelected(new QCheckBox(tr("Only selected connection"), this)),
      m_pauseScroll(new QCheckBox(tr("Pause auto-scroll"), this)),
      m_logToFileButton(new QPushButton(tr("Log to file…"), this)), m_fileStatus(new QLabel(this))
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

    m_filterEdit->setPlaceholderText(tr("Filter log (text or #ID)"));
    m_filterEdit->setClearButtonEnabled(true);
    m_filterEdit->setObjectName(QStringLiteral("logFilter"));
    connect(m_filterEdit, &QLineEdit::textChanged, m_filter, &LogFilterModel::setTextFilter);
    connect(m_onlySelected, &QCheckBox::toggled, this, &LogPane::applyConnectionFilter);

    // Editable: pick "All connections" or a recently selected "#N", or type "#7, #12".
    m_connectionCombo->setEditable(true);
    m_connectionCombo->setInsertPolicy(QComboBox::NoInsert);
    m_connectionCombo->addItem(tr("All connections"));
    m_connectionCombo->setMinimumContentsLength(12);
    m_connectionCombo->setToolTip(tr("Show only lines about these connections, e.g. #7 or 7, 12"));
    m_connectionCombo->setObjectName(QStringLiteral("logConnectionFilter"));
    connect(m_connectionCombo, &QComboBox::currentTextChanged, this,
            &LogPane::applyConnectionFilter);

    auto* clearButton = new QPushButton(tr("Clear"), this);
    connect(clearButton, &QPushButton::clicked, m_model, &LogModel::clear);
    auto* saveButton = new QPushButton(tr("Save…"), this);
    connect(saveButton, &QPushButton::clicked, this, &LogPane::saveAs);
    connect(m_logToFileButton, &QPushButton::clicked, this, &LogPane::chooseLogFile);
    connect(&m_fileWriter, &LogFileWriter::failed, this,
            [this](const QString& path, const QString& reason) {
                showFileStatus(
                    tr("Writing %1 failed: %2. Logging to the file stopped.").arg(path, reason),
                    true);
                m_logToFileButton->setText(tr("Log to file…"));
                emit logFileChanged(QString());
            });

    m_fileStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_fileStatus->setWordWrap(true);
    m_fileStatus->hide();

    // Two rows: the filters get room to type in, the actions stay visible.
    m_filterEdit->setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('0')) * 18);
    auto* filterBar = new QHBoxLayout;
    filterBar->addWidget(m_filterEdit, 1);
    filterBar->addWidget(m_connectionCombo);
    filterBar->addWidget(m_onlySelected);
    auto* actionBar = new QHBoxLayout;
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

void LogPane::appendEntries(const QList<LogEntry>& entries)
{
    if (m_fileWriter.isOpen())
        m_fileWriter.write(entries);
    // Follow the tail only if the user has not scrolled away from it.
    const QScrollBar* bar = m_view->verticalScrollBar();
    const bool atBottom = bar->value() >= bar->maximum() - 2;
    m_model->append(entries);
    if (!m_pauseScroll->isChecked() && atBottom)
        m_view->scrollToBottom();
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

void LogPane::setSelectedConnections(const QSet<quint64>& ids)
{
    m_selectedIds = ids;
    // Offer recently selected connections in the filter combo (a few, newest first).
    constexpr int kRecentConnections = 20;
    if (ids.size() == 1) {
        const QString item = QStringLiteral("#%1").arg(*ids.cbegin());
        const int existing = m_connectionCombo->findText(item);
        if (existing != 1) {
            const QSignalBlocker blocker(m_connectionCombo);
            const QString current = m_connectionCombo->currentText();
            if (existing > 0)
                m_connectionCombo->removeItem(existing);
            m_connectionCombo->insertItem(1, item);
            while (m_connectionCombo->count() > kRecentConnections + 1)
                m_connectionCombo->removeItem(m_connectionCombo->count() - 1);
            m_connectionCombo->setEditText(current);
        }
    }
    if (m_onlySelected->isChecked())
        applyConnectionFilter();
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
    const auto ids = parseConnectionIds(m_connectionCombo->currentText());
    m_connectionCombo->setStyleSheet(ids ? QString()
                                         : QStringLiteral("QComboBox { color: #c02020; }"));
    m_filter->setConnectionFilter(ids.value_or(QSet<quint64>{}));
}

void LogPane::saveAs()
{
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save log"), QStringLiteral("chorus-server.log"),
                                     tr("Log files (*.log *.txt);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!writeFileAtomically(path, m_model->toUtf8(), &error)) {
        QMessageBox::warning(this, tr("Save log"), tr("Could not save the log. %1").arg(error));
        return;
    }
    showFileStatus(tr("Saved %n line(s) to %1", nullptr, m_model->rowCount()).arg(path), false);
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

bool LogPane::startLogToFile(const QString& path)
{
    QString error;
    if (!m_fileWriter.open(path, &error)) {
        showFileStatus(tr("Cannot log to %1: %2").arg(path, error), true);
        return false;
    }
    showFileStatus(tr("Logging to %1").arg(path), false);
    m_logToFileButton->setText(tr("Stop logging to file"));
    emit logFileChanged(path);
    return true;
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
