#pragma once

// Edits one quick-send message: its name, its bytes (Text with escapes, or
// Hex: a ByteLineEdit) and an optional shortcut. OK is refused while the
// bytes do not parse (the field shows where).

#include "QuickMessages.h"

#include <QDialog>

class QKeySequenceEdit;
class QLineEdit;

namespace chorus {

class ByteLineEdit;

class QuickMessageDialog : public QDialog
{
    Q_OBJECT
public:
    explicit QuickMessageDialog(const QuickMessage& message, QWidget* parent = nullptr);

    QuickMessage message() const { return m_message; }
    QLineEdit* nameEdit() const { return m_name; }
    ByteLineEdit* bytesEdit() const { return m_bytes; }

    void accept() override;

private:
    QuickMessage m_message;
    QLineEdit* m_name;
    ByteLineEdit* m_bytes;
    QKeySequenceEdit* m_shortcut;
};

} // namespace chorus
