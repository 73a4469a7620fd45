#pragma once

// The language of the interface: Korean, English, or whatever the system
// locale asks for. The choice is saved in the program's settings file under
// "ui/language" (system, ko, en) and applied by installing translators: ours
// (chorus_<lang>.qm, embedded at :/i18n) and Qt's own (qtbase_<lang>.qm from
// QLibraryInfo::TranslationsPath: standard buttons, file dialogs).
// Wire data, log file formats and option names never change with it.

#include "base/AtomicFile.h"

#include <QLocale>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

class QTranslator;

namespace chorus {

enum class UiLanguage {
    System,  // follow the system locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG)
    Korean,  // 한국어
    English, // English
};

// The settings key and its saved spellings.
inline constexpr const char* kUiLanguageKey = "ui/language";
QString uiLanguageName(UiLanguage language); // "system", "ko", "en"
std::optional<UiLanguage> uiLanguageFromName(const QString& name);

// The locale for numbers, dates and messages: the system's for System.
QLocale uiLocale(UiLanguage language);

// The choice saved in the settings file at path (System when none or unreadable).
UiLanguage savedUiLanguage(const QString& settingsPath);
// Saves the choice into the settings file at path (verified, merged).
FileResult saveUiLanguage(const QString& settingsPath, UiLanguage language);

// Installs the translators for a language into the running application
// (a QCoreApplication must exist) and makes its locale the default, so
// QLocale() formats numbers and dates for it. Installing again replaces the
// previous ones (Qt then sends QEvent::LanguageChange to every widget).
class UiTranslators
{
public:
    UiTranslators();
    ~UiTranslators();
    UiTranslators(const UiTranslators&) = delete;
    UiTranslators& operator=(const UiTranslators&) = delete;

    // Whether our own translation was found for the language (English needs
    // none for our strings: false there is not a failure).
    bool install(UiLanguage language);
    void remove();

private:
    std::vector<std::unique_ptr<QTranslator>> m_installed;
};

} // namespace chorus
