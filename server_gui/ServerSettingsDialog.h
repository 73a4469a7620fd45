#pragma once

// Server → Settings…: the engine's limits and threading, edited with a
// SettingsForm over ServerSettings::table(), so ranges, units and help are
// those of --help. The window saves what the dialog returns.

#include "base/SettingsTable.h"

#include <QDialog>

namespace chorus {

class SettingsForm;

class ServerSettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ServerSettingsDialog(const SettingValues& values, QWidget* parent = nullptr);

    // A value for every row the dialog edits (ServerSettings::engineSettingIds()).
    SettingValues values() const;
    void setValues(const SettingValues& values);
    SettingsForm* form() const { return m_form; }

private:
    SettingsForm* m_form;
};

} // namespace chorus
