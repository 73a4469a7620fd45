#pragma once

// Help → Language: 한국어, English or the system's language. The choice is
// saved in the program's settings file (base/UiLanguage) and applies when the
// program starts again, which the menu offers to do at once: most texts are
// set once when a window is built, so only a fresh start shows every one of
// them in the new language.

#include "base/UiLanguage.h"

#include <QMenu>
#include <QMessageBox>
#include <QPointer>

#include <map>

class QActionGroup;

namespace chorus {

class LanguageMenu : public QMenu
{
    Q_OBJECT

public:
    LanguageMenu(const QString& settingsPath, QWidget* parent);

    QAction* action(UiLanguage language) const { return m_actions.at(language); }
    UiLanguage saved() const { return m_saved; }

    // Whether the user asked for a restart in the new language; main() starts
    // the program again once its windows have closed.
    static bool restartRequested();
    // The user kept a window open after all (said Cancel to a running
    // server's quit question): no restart when it closes later.
    static void cancelRestart();
    // The "Restart now?" question while it is open.
    QMessageBox* pendingQuestion() const { return m_question; }

signals:
    // The choice was saved (before the question about restarting).
    void languageSaved(chorus::UiLanguage language);

private:
    void choose(UiLanguage language);
    void restartNow();

    QString m_settingsPath;
    UiLanguage m_saved = UiLanguage::System;
    QActionGroup* m_group = nullptr;
    std::map<UiLanguage, QAction*> m_actions;
    QPointer<QMessageBox> m_question;
};

} // namespace chorus
