#pragma once

// The framings a window offers in one combo box: Auto, Line, CR, Raw,
// Delimiter 03 (ETX), STX…ETX, u16 BE, u32 BE, Modbus/TCP, then "Fixed
// size…" and "Custom…", which open a FramingDialog. A framing chosen there
// (or set from code) that is not one of the fixed items is shown by its
// label and kept as an item of its own, so the combo always shows what is
// in force. Each item's data is the framing's --framing spelling.

#include "FramingEditor.h"
#include "wire/FrameSpec.h"

#include <QComboBox>
#include <QList>
#include <QPointer>
#include <QString>

namespace chorus {

// A framing offered by name (the fixed items of FramingChoice, and the
// client's Settings menu).
struct CommonFraming
{
    QString spelling; // canonical (FrameSpec::toText())
    QString label;    // translated
};
QList<CommonFraming> commonFramings();
// The label of a common framing, or "Custom: <FrameSpec::label()>".
QString framingLabel(const QString& spelling);

class FramingChoice : public QComboBox
{
    Q_OBJECT
public:
    explicit FramingChoice(QWidget* parent = nullptr);

    FrameSpec spec() const { return m_spec; }
    QString spelling() const { return m_spec.toText(); }
    // Selects it (adding its item if needed) without emitting specChosen().
    void setSpec(const FrameSpec& spec);
    // The dialog "Fixed size…" or "Custom…" opened and not yet closed.
    FramingDialog* pendingDialog() const { return m_dialog; }

signals:
    // A framing was picked (from the list, or accepted in the dialog).
    void specChosen(const chorus::FrameSpec& spec);

private:
    void onIndexChanged(int index);
    void openDialog(const FrameSpec& start);
    int dialogItem(const QString& which) const;
    void select(int index);

    FrameSpec m_spec;
    QPointer<FramingDialog> m_dialog;
    bool m_selecting = false;
};

} // namespace chorus
