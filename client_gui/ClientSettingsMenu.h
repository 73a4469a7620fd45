#pragma once

// The client window's Settings menu: protocol, framing (the common ones and
// "Custom…", see FramingChoice.h), send terminator, keeping sessions, and the
// Settings dialog. It shows the values in effect and asks for changes; the
// window applies and saves them.

#include "ClientSettings.h"

#include <QMenu>
#include <QVariant>

class QAction;
class QActionGroup;

namespace chorus {

class ClientSettingsMenu : public QMenu
{
    Q_OBJECT
public:
    explicit ClientSettingsMenu(QWidget* parent = nullptr);

    void showValues(const SettingValues& values);
    QActionGroup* framingGroup() const { return m_framingGroup; }

signals:
    void changeRequested(chorus::ClientSetting setting, const QVariant& value);
    void dialogRequested();

private:
    static QActionGroup* addChoices(QMenu* menu, const QList<std::pair<QString, QString>>& choices);
    void chooseCustomFraming();

    QActionGroup* m_protocolGroup;
    QActionGroup* m_framingGroup;
    QActionGroup* m_terminatorGroup;
    QAction* m_customFraming;
    QAction* m_keepHistory;
    QString m_framing; // the spelling in effect
};

} // namespace chorus
