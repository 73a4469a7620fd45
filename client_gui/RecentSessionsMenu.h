#pragma once

// File → Recent sessions: the newest saved sessions of every server, read
// from the SessionStore each time the menu opens.

#include "SessionStore.h"

#include <QMenu>

#include <functional>

namespace chorus {

class RecentSessionsMenu : public QMenu
{
    Q_OBJECT
public:
    static constexpr int kShown = 15;

    // beforeShow runs first (the window saves its own session so it is listed as it is).
    RecentSessionsMenu(const SessionStore& store, std::function<void()> beforeShow,
                       QWidget* parent = nullptr);

signals:
    void openRequested(const QString& path);

private:
    void populate();

    SessionStore m_store;
    std::function<void()> m_beforeShow;
};

} // namespace chorus
