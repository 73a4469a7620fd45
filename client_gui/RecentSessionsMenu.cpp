#include "RecentSessionsMenu.h"

#include <QLocale>

namespace chorus {

RecentSessionsMenu::RecentSessionsMenu(const SessionStore& store, std::function<void()> beforeShow,
                                       QWidget* parent)
    : QMenu(tr("&Recent sessions"), parent), m_store(store), m_beforeShow(std::move(beforeShow))
{
    connect(this, &QMenu::aboutToShow, this, &RecentSessionsMenu::populate);
}

void RecentSessionsMenu::populate()
{
    clear();
    if (m_beforeShow)
        m_beforeShow();
    const QList<SessionFileInfo> sessions = m_store.recentSessions(kShown);
    if (sessions.isEmpty()) {
        addAction(tr("(no saved sessions)"))->setEnabled(false);
        return;
    }
    for (const SessionFileInfo& session : sessions) {
        const QString label =
            tr("%1 — %2 (%3)")
                .arg(session.server,
                     session.started.toString(QStringLiteral("yyyy-MM-dd hh:mm:ss")),
                     QLocale().formattedDataSize(session.bytes, 1,
                                                 QLocale::DataSizeTraditionalFormat));
        const QString path = session.path;
        addAction(label, this, [this, path] { emit openRequested(path); });
    }
}

} // namespace chorus
