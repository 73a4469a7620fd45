// ServerWindow: the wiring of the Rules tab (docs/RULES.md), kept apart so
// the window's own file only names it.

#include "ConnectionTableModel.h"
#include "RulesPane.h"
#include "ServerWindow.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QTableView>

namespace chorus {

void ServerWindow::wireRules()
{
    connect(m_rulesPane, &RulesPane::problemShown, this,
            [this](const QString& text, bool isError, const BookFileResult& result) {
                addLocalLog(isError ? LogLevel::Error : LogLevel::Warning, LogKind::Error, text,
                            result.file.ok() ? LogError(result.format)
                                             : LogError(result.file.error));
            });
    m_rulesPane->setFallbackToBook(m_settings.value(ServerSetting::Fallback).toBool());
    connect(m_rulesPane, &RulesPane::fallbackChosen, this,
            [this](bool on) { chooseSetting(ServerSetting::Fallback, on); });
    const QString ownRules =
        m_paths.rules.isEmpty()
            ? QFileInfo(m_paths.replyBook).dir().filePath(QStringLiteral("rules.json"))
            : m_paths.rules;
    m_rulesPane->loadAtStart(ownRules, m_options.rulesPath);

    m_ruleHitsAction = new QAction(tr("Rule hits…"), this);
    m_ruleHitsAction->setToolTip(tr("How many times each reply rule answered this connection"));
    connectionView()->addAction(m_ruleHitsAction);
    connect(m_ruleHitsAction, &QAction::triggered, this, [this] {
        QStringList parts;
        const QList<quint64> ids = selectedConnectionIds();
        for (int row = 0; row < m_connectionModel->rowCount(); ++row) {
            const ConnectionSnapshot& snapshot = m_connectionModel->snapshotAt(row);
            if (ids.contains(snapshot.id))
                parts << tr("#%1 %2:%3\n%4")
                             .arg(snapshot.id)
                             .arg(snapshot.peerAddress)
                             .arg(snapshot.peerPort)
                             .arg(RulesPane::describeRuleHits(snapshot));
        }
        if (parts.isEmpty())
            parts << tr("Select a connection first.");
        QMessageBox::information(this, tr("Rule hits"), parts.join(QStringLiteral("\n\n")));
    });
}

} // namespace chorus
