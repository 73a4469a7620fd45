#pragma once

// Settings → Settings…: the client's settings as a form built from the one
// ClientSettings table (same ranges, units and help as --help); the framing
// is chosen with FramingChoice (common framings, or any through "Custom…").

#include "base/SettingsTable.h"

#include <QDialog>

namespace chorus {

class FramingChoice;
class SettingsForm;

class ClientSettingsDialog : public QDialog
{
    Q_OBJECT
public:
    ClientSettingsDialog(const SettingValues& current, QWidget* parent = nullptr);

    // The rows the dialog edits.
    static QList<int> rows();
    // A value for every row of the dialog.
    SettingValues values() const;
    SettingsForm* form() const { return m_form; }
    FramingChoice* framingChoice() const { return m_framing; }

private:
    SettingsForm* m_form;
    FramingChoice* m_framing;
};

} // namespace chorus
