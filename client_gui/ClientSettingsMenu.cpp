#include "ClientSettingsMenu.h"

#include "FramingChoice.h"
#include "FramingEditor.h"

#include <QActionGroup>

namespace chorus {

namespace {
void checkChoice(QActionGroup* group, const QVariant& value)
{
    for (QAction* action : group->actions())
        action->setChecked(action->data() == value);
}
} // namespace

ClientSettingsMenu::ClientSettingsMenu(QWidget* parent) : QMenu(tr("&Settings"), parent)
{
    m_protocolGroup = addChoices(
        addMenu(tr("&Protocol")),
        {{QStringLiteral("auto"), tr("&Auto (plain text; Chorus only to a known chorus-server)")},
         {QStringLiteral("chorus"), tr("&Chorus (say hello; a welcome is required)")},
         {QStringLiteral("plain"), tr("&Plain text only")}});
    QList<std::pair<QString, QString>> framings;
    for (const CommonFraming& common : commonFramings())
        framings.append({common.spelling, common.label});
    QMenu* framingMenu = addMenu(tr("&Framing"));
    m_framingGroup = addChoices(framingMenu, framings);
    // None of them is checked while a custom framing is in effect.
    m_framingGroup->setExclusionPolicy(QActionGroup::ExclusionPolicy::ExclusiveOptional);
    framingMenu->addSeparator();
    m_customFraming = framingMenu->addAction(tr("Custom…"));
    m_customFraming->setCheckable(true);
    connect(m_customFraming, &QAction::triggered, this, &ClientSettingsMenu::chooseCustomFraming);
    m_terminatorGroup =
        addChoices(addMenu(tr("Send &terminator (text framings)")),
                   {{QStringLiteral("lf"), tr("&LF")},
                    {QStringLiteral("crlf"), tr("CR&LF")},
                    {QStringLiteral("cr"), tr("&CR")},
                    {QStringLiteral("none"), tr("&None (as the reference client)")}});
    connect(m_protocolGroup, &QActionGroup::triggered, this, [this](QAction* action) {
        emit changeRequested(ClientSetting::Protocol, action->data());
    });
    connect(m_framingGroup, &QActionGroup::triggered, this, [this](QAction* action) {
        emit changeRequested(ClientSetting::Framing, action->data());
    });
    connect(m_terminatorGroup, &QActionGroup::triggered, this, [this](QAction* action) {
        emit changeRequested(ClientSetting::Terminator, action->data());
    });
    m_keepHistory = addAction(tr("&Keep each session's history"));
    m_keepHistory->setCheckable(true);
    connect(m_keepHistory, &QAction::triggered, this,
            [this](bool on) { emit changeRequested(ClientSetting::KeepHistory, on); });
    addSeparator();
    addAction(tr("&Settings…"), this, &ClientSettingsMenu::dialogRequested);
}

QActionGroup* ClientSettingsMenu::addChoices(QMenu* menu,
                                             const QList<std::pair<QString, QString>>& choices)
{
    auto* group = new QActionGroup(menu);
    for (const auto& [value, label] : choices) {
        QAction* action = menu->addAction(label);
        action->setCheckable(true);
        action->setData(value);
        group->addAction(action);
    }
    return group;
}

void ClientSettingsMenu::showValues(const SettingValues& values)
{
    auto value = [&values](ClientSetting setting) { return values.get(settingId(setting)); };
    checkChoice(m_protocolGroup, value(ClientSetting::Protocol));
    checkChoice(m_terminatorGroup, value(ClientSetting::Terminator));
    m_framing = value(ClientSetting::Framing).toString();
    checkChoice(m_framingGroup, m_framing);
    const bool custom = m_framingGroup->checkedAction() == nullptr;
    m_customFraming->setChecked(custom);
    m_customFraming->setText(custom ? framingLabel(m_framing) + QStringLiteral("…")
                                    : tr("Custom…"));
    m_keepHistory->setChecked(value(ClientSetting::KeepHistory).toBool());
}

void ClientSettingsMenu::chooseCustomFraming()
{
    FramingDialog dialog(parseFrameSpec(m_framing).value_or(FrameSpec()), parentWidget());
    if (dialog.exec() == QDialog::Accepted)
        emit changeRequested(ClientSetting::Framing, dialog.spec().toText());
    else
        m_customFraming->setChecked(m_framingGroup->checkedAction() == nullptr);
}

} // namespace chorus
