#include "base/UiLanguage.h"

#include "base/SettingsFile.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace chorus {

QString uiLanguageName(UiLanguage language)
{
    switch (language) {
    case UiLanguage::Korean:
        return QStringLiteral("ko");
    case UiLanguage::English:
        return QStringLiteral("en");
    case UiLanguage::System:
        break;
    }
    return QStringLiteral("system");
}

std::optional<UiLanguage> uiLanguageFromName(const QString& name)
{
    const QString key = name.trimmed().toLower();
    if (key == QLatin1String("system"))
        return UiLanguage::System;
    if (key == QLatin1String("ko"))
        return UiLanguage::Korean;
    if (key == QLatin1String("en"))
        return UiLanguage::English;
    return std::nullopt;
}

QLocale uiLocale(UiLanguage language)
{
    switch (language) {
    case UiLanguage::Korean:
        return QLocale(QLocale::Korean, QLocale::SouthKorea);
    case UiLanguage::English:
        return QLocale(QLocale::English, QLocale::UnitedStates);
    case UiLanguage::System:
        break;
    }
    return QLocale::system();
}

UiLanguage savedUiLanguage(const QString& settingsPath)
{
    SettingsFile file(settingsPath);
    if (!file.load().ok())
        return UiLanguage::System;
    return uiLanguageFromName(file.value(QLatin1String(kUiLanguageKey)).toString())
        .value_or(UiLanguage::System);
}

FileResult saveUiLanguage(const QString& settingsPath, UiLanguage language)
{
    SettingsFile file(settingsPath);
    if (FileResult loaded = file.load(); !loaded.ok())
        return loaded; // never overwrite a file we could not read
    file.setValue(QLatin1String(kUiLanguageKey), uiLanguageName(language));
    return file.save();
}

UiTranslators::UiTranslators() = default;

UiTranslators::~UiTranslators()
{
    remove();
}

void UiTranslators::remove()
{
    // Once the application object is gone its translators went with it (and
    // Qt warns about removing one without it): main() may keep these longer.
    if (QCoreApplication::instance()) {
        for (const std::unique_ptr<QTranslator>& translator : m_installed)
            QCoreApplication::removeTranslator(translator.get());
    }
    m_installed.clear();
}

bool UiTranslators::install(UiLanguage language)
{
    remove();
    const QLocale locale = uiLocale(language);
    QLocale::setDefault(locale);
    // Qt's strings first, ours last: the last installed is asked first.
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt.get());
        m_installed.push_back(std::move(qt));
    }
    auto ours = std::make_unique<QTranslator>();
    if (!ours->load(locale, QStringLiteral("chorus"), QStringLiteral("_"),
                    QStringLiteral(":/i18n")))
        return false;
    QCoreApplication::installTranslator(ours.get());
    m_installed.push_back(std::move(ours));
    return true;
}

} // namespace chorus
