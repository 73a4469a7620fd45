#include "LanguageMenu.h"

#include <QActionGroup>
#include <QApplication>
#include <QMessageBox>

namespace chorus {

namespace {
bool g_restartRequested = false;
}

LanguageMenu::LanguageMenu(const QString& settingsPath, QWidget* parent)
    : QMenu(tr("&Language"), parent), m_settingsPath(settingsPath),
      m_saved(savedUiLanguage(settingsPath)), m_group(new QActionGroup(this))
{
    // Each language is named in itself, so it can be found whatever the
    // interface shows now.
    const QLocale system = QLocale::system();
    const std::pair<UiLanguage, QString> entries[] = {
        {UiLanguage::System, tr("&System (%1)").arg(system.nativeLanguageName())},
        {UiLanguage::Korean, QStringLiteral("한국어")},
        {UiLanguage::English, QStringLiteral("English")},
    };
    for (const auto& [language, text] : entries) {
        QAction* action = addAction(text);
        action->setCheckable(true);
        action->setChecked(language == m_saved);
        action->setData(uiLanguageName(language));
        m_group->addAction(action);
        m_actions[language] = action;
        connect(action, &QAction::triggered, this,
                [this, language = language] { choose(language); });
    }
    setStatusTip(tr("The language of menus, dialogs and messages"));
}

bool LanguageMenu::restartRequested()
{
    return g_restartRequested;
}

void LanguageMenu::cancelRestart()
{
    g_restartRequested = false;
}

void LanguageMenu::choose(UiLanguage language)
{
    if (language == m_saved)
        return;
    QWidget* window = parentWidget() ? parentWidget()->window() : nullptr;
    if (const FileResult saved = saveUiLanguage(m_settingsPath, language); !saved.ok()) {
        m_actions.at(m_saved)->setChecked(true);
        QMessageBox::warning(window, tr("Language"),
                             tr("The language choice was not saved: %1").arg(saved.describe()));
        return;
    }
    m_saved = language;
    emit languageSaved(language);
    if (m_question)
        return; // already asking
    // Not exec(): a server window keeps serving while the question is open.
    m_question = new QMessageBox(QMessageBox::Question, tr("Language"),
                                 tr("The new language applies from the next start. Restart now?"),
                                 QMessageBox::Yes | QMessageBox::No, window);
    m_question->setDefaultButton(QMessageBox::Yes);
    m_question->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_question, &QMessageBox::finished, this, [this](int result) {
        m_question = nullptr;
        if (result == QMessageBox::Yes)
            restartNow();
    });
    m_question->open();
}

void LanguageMenu::restartNow()
{
    // Every window closes (a client may have several). One that asks first (a
    // running server) closes later; if its user keeps it, the window calls
    // cancelRestart(), so a later close does not restart by surprise.
    g_restartRequested = true;
    QApplication::closeAllWindows();
}

} // namespace chorus
