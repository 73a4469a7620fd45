#pragma once

// Repeat send, as a row under the send box: every N ms, M times (0 = until
// stopped), with the live count and round trips of the run.

#include <QByteArray>
#include <QList>
#include <QWidget>

class QPushButton;
class QSpinBox;

namespace chorus {

class ClientRepeatSender;
class ElidedLabel;

class RepeatBar : public QWidget
{
    Q_OBJECT
public:
    RepeatBar(ClientRepeatSender* sender, QWidget* parent = nullptr);

    QPushButton* startButton() const { return m_start; }
    ElidedLabel* summaryLabel() const { return m_summary; }
    bool isRunning() const;
    // Starts sending `messages` (as typed in the send box, already parsed).
    void start(const QList<QByteArray>& messages);
    void stop();

signals:
    // Why a run ended or did not start (translated), for the status bar.
    void stopped(const QString& why);

private:
    ClientRepeatSender* m_sender;
    QSpinBox* m_interval;
    QSpinBox* m_count;
    QPushButton* m_start;
    ElidedLabel* m_summary;
};

} // namespace chorus
