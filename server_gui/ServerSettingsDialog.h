#pragma once

// Server → Settings…: the engine's limits and threading, edited with a
// SettingsForm over ServerSettings::table(), so ranges, units and help are
// those of --help. The window saves what the dialog returns.

#include "base/SettingsTable.h"

#include <QDialog>

class QLabel;

namespace chorus {

class SettingsForm;

class ServerSettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ServerSettingsDialog(const SettingValues& values, QWidget* parent = nullptr);

    // A value for every row the dialog edits (engineSettingIds() and accessSettingIds()).
    SettingValues values() const;
    // Labels of the access rows whose text is not valid (a bad allow/deny rule).
    QStringList refusedEntries() const;
    void setValues(const SettingValues& values);
    SettingsForm* form() const { return m_form; }

private:
    SettingsForm* m_form;
    SettingsForm* m_accessForm;
    QLabel* m_problem = nullptr;
};

} // namespace chorus
