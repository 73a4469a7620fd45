#pragma once

// Commands → Presets… (issue 13): edit the command presets (name, payload
// template with {parameters}, channel, ack timeout, retries, expected
// reply), import and export them as JSON. OK applies them at once; the
// window saves them (writeFileAtomically). Bad presets are named and OK
// refuses until they are fixed.

#include "command/CommandPreset.h"
#include "command/CommandPresetFile.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QSpinBox;

namespace chorus {

class CommandPresetsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit CommandPresetsDialog(const QList<CommandPreset>& presets, QWidget* parent = nullptr);

    const QList<CommandPreset>& presets() const { return m_presets; }
    QListWidget* list() const { return m_list; }
    QLabel* problemLabel() const { return m_problem; }

    // Import/export without a file dialog (tests; the buttons ask for a path first).
    PresetFileResult importFrom(const QString& path);
    PresetFileResult exportTo(const QString& path);

public slots:
    void accept() override;

private:
    void showPreset(int row);
    void storeEdits();
    void refill(int select);
    void showProblem(const QString& text);

    QList<CommandPreset> m_presets;
    int m_current = -1;
    QListWidget* m_list;
    QLineEdit* m_name;
    QLineEdit* m_payload;
    QComboBox* m_channel;
    QSpinBox* m_timeout;
    QSpinBox* m_retries;
    QLineEdit* m_expected;
    QLabel* m_problem;
};

} // namespace chorus
