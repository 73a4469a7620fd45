#pragma once

// "Send command…" (issue 13): a preset, the values of its {parameters}, and
// the peers: the selected connections or all. The request is built with
// makeCommandRequest, so a missing value or a bad payload is shown here and
// nothing is sent.

#include "command/CommandPreset.h"

#include <QDialog>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace chorus {

class SendCommandDialog : public QDialog
{
    Q_OBJECT
public:
    SendCommandDialog(const QList<CommandPreset>& presets, int selectedCount,
                      QWidget* parent = nullptr);

    // Valid after accept().
    const CommandRequest& request() const { return m_request; }
    bool toAll() const;

    QComboBox* presetCombo() const { return m_preset; }
    QLineEdit* argumentEdit(const QString& parameter) const;
    QLabel* problemLabel() const { return m_problem; }

public slots:
    void accept() override;

private:
    void rebuildArguments();

    QList<CommandPreset> m_presets;
    QComboBox* m_preset;
    QFormLayout* m_arguments;
    QList<std::pair<QString, QLineEdit*>> m_edits;
    QRadioButton* m_selected;
    QRadioButton* m_all;
    QLabel* m_problem;
    CommandRequest m_request;
};

} // namespace chorus
