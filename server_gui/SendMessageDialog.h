#pragma once

// "Send message…": one message to the selected connections, typed as Text
// (escapes \r \n \t \0 \\ \xNN) or Hex. OK refuses bad input whole: the
// dialog stays open with the error and its column shown, nothing is sent.

#include <QDialog>

class QLabel;

namespace chorus {

class ByteLineEdit;

class SendMessageDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SendMessageDialog(int connections, QWidget* parent = nullptr);

    ByteLineEdit* input() const { return m_input; }
    // Valid once accepted.
    const QByteArray& bytes() const { return m_bytes; }

    void accept() override;

private:
    ByteLineEdit* m_input;
    QLabel* m_problem;
    QByteArray m_bytes;
};

} // namespace chorus
