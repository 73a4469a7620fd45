#pragma once

// The send row under the history: the send box, its input mode switch (Text
// or Hex) and Send stacked beside it, and a line under the box that says why
// input was refused (where it is wrong), shown only then. While the session's
// UDP channel is open, a TCP/UDP choice under them picks the way messages go.

#include "wire/ByteText.h"

#include <QByteArray>
#include <QList>
#include <QWidget>

#include <optional>

class QComboBox;
class QPushButton;

namespace chorus {

class ElidedLabel;
class SendBox;

class SendRow : public QWidget
{
    Q_OBJECT
public:
    explicit SendRow(QWidget* parent = nullptr);

    SendBox* box() const { return m_box; }
    QComboBox* modeSwitch() const { return m_mode; }
    QPushButton* sendButton() const { return m_send; }
    ElidedLabel* problemLabel() const { return m_problem; }
    QComboBox* channelSwitch() const { return m_channel; }

    // Shows the TCP/UDP choice while the UDP channel is open; hidden, it is TCP again.
    void setUdpChannelOpen(bool open);
    // UDP chosen (and shown): messages go over the session's UDP channel.
    bool sendsOverUdp() const;

    // The messages typed; nullopt on bad input, which is then shown in the
    // box and under it (*why: the words). The text stays in the box.
    std::optional<QList<QByteArray>> takeMessages(QString* why = nullptr);

signals:
    // Enter in the box, or Send.
    void sendRequested();
    // The user switched the input mode (not a recall).
    void modeChosen(chorus::ByteInput mode);

private:
    SendBox* m_box;
    QComboBox* m_mode;
    QPushButton* m_send;
    QComboBox* m_channel;
    ElidedLabel* m_problem;
};

} // namespace chorus
