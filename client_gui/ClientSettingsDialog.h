#pragma once

// Settings → Settings…: the client's settings as forms built from the one
// ClientSettings table (same ranges, units and help as --help), on two
// pages: Connection (the framing is chosen with FramingChoice: common
// framings, or any through "Custom…") and Simulate vehicle.

#include "base/SettingsTable.h"

#include <QDialog>

class QTabWidget;

namespace chorus {

class FramingChoice;
class SettingsForm;

class ClientSettingsDialog : public QDialog
{
    Q_OBJECT
public:
    ClientSettingsDialog(const SettingValues& current, QWidget* parent = nullptr);

    // The rows the dialog edits: rows() on the Connection page, simulateRows() on the other.
    static QList<int> rows();
    static QList<int> simulateRows();
    // A value for every row of the dialog.
    SettingValues values() const;
    SettingsForm* form() const { return m_form; }
    SettingsForm* simulateForm() const { return m_simulateForm; }
    QTabWidget* pages() const { return m_pages; }
    FramingChoice* framingChoice() const { return m_framing; }

private:
    SettingsForm* m_form;
    SettingsForm* m_simulateForm;
    FramingChoice* m_framing;
    QTabWidget* m_pages;
};

} // namespace chorus
