#pragma once

// Repeat send: the quick link test users otherwise script by hand. Sends the
// same message every N ms, M times (0 = until stopped), and counts how many
// of its own messages were answered and how fast.

#include "client/ClientEngine.h"

#include <QObject>
#include <QSet>
#include <QString>

#include <chrono>
#include <vector>

class QTimer;

namespace chorus {

struct RepeatStats
{
    int sent = 0;
    int answered = 0;
    double minMs = 0;
    double medianMs = 0;
    double maxMs = 0;
};

class ClientRepeatSender : public QObject
{
    Q_OBJECT
public:
    explicit ClientRepeatSender(ClientEngine* engine, QObject* parent = nullptr);

    // count 0 = until stopped. Returns false (and emits stopped with the reason)
    // when it cannot start: empty text or not connected.
    bool start(const QString& text, std::chrono::milliseconds interval, int count);
    void stop(const QString& reason = {});
    bool isRunning() const;
    RepeatStats stats() const;
    // "sent 12 / answered 11, RTT 0.4 / 0.6 / 2.1 ms (min / median / max)"
    QString summary() const;

signals:
    void progress();
    void stopped(const QString& reason);

private:
    void sendOne();
    void onEvent(const ClientEvent& event);

    ClientEngine* m_engine;
    QTimer* m_timer;
    QString m_text;
    int m_count = 0;
    int m_sent = 0;
    QSet<quint64> m_awaiting;
    std::vector<double> m_rtts;
};

} // namespace chorus
