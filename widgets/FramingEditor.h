#pragma once

// Chooses a framing and its parameters (FrameSpec): Auto, Line, Raw, CR,
// Delimiter (end bytes, optional start bytes), Length field (Netty's
// parameters, with the u16 BE, u32 BE and Modbus/TCP presets) or Fixed size.
// It shows the command-line spelling of the choice as it is edited, so what a
// user picks in a window can be given to --framing as is.

#include "wire/FrameSpec.h"

#include <QDialog>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QSpinBox;
class QStackedWidget;

namespace chorus {

class ByteLineEdit;

class FramingEditor : public QWidget
{
    Q_OBJECT
public:
    explicit FramingEditor(QWidget* parent = nullptr);

    void setSpec(const FrameSpec& spec);
    // nullopt (and problem() says why) while the parameters are not valid.
    std::optional<FrameSpec> spec() const;
    QString problem() const;

    QComboBox* kindCombo() const { return m_kind; }
    QComboBox* presetCombo() const { return m_preset; }
    ByteLineEdit* delimiterEdit() const { return m_end; }
    ByteLineEdit* startEdit() const { return m_start; }
    QSpinBox* fixedSizeSpin() const { return m_fixedSize; }

signals:
    void changed();

private:
    QWidget* buildDelimiterPage();
    QWidget* buildLengthPage();
    void showPage();
    void applyPreset();
    void refresh();

    QComboBox* m_kind;
    QStackedWidget* m_pages;
    ByteLineEdit* m_end = nullptr;
    ByteLineEdit* m_start = nullptr;
    QComboBox* m_preset = nullptr;
    QSpinBox* m_offset = nullptr;
    QComboBox* m_size = nullptr;
    QComboBox* m_endian = nullptr;
    QSpinBox* m_adjust = nullptr;
    QSpinBox* m_strip = nullptr;
    QSpinBox* m_maxFrame = nullptr;
    QSpinBox* m_fixedSize = nullptr;
    QLabel* m_commandLine;
    bool m_settingPreset = false;
};

// FramingEditor in a dialog with OK (enabled only for a valid framing) and Cancel.
class FramingDialog : public QDialog
{
    Q_OBJECT
public:
    explicit FramingDialog(const FrameSpec& spec, QWidget* parent = nullptr);
    FramingEditor* editor() const { return m_editor; }
    FrameSpec spec() const;

private:
    FramingEditor* m_editor;
};

} // namespace chorus
