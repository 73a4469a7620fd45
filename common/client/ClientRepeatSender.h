#pragma once

// Repeat send: the quick link test users otherwise script by hand. Sends the
// same message every N ms, M times (0 = until stopped), and counts how many
// of its own messages were answered and how fast.

#include "client/ClientEngine.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QSet>

#include <chrono>
#include <vector>

class QTimer;

namespace chorus {

struct RepeatStats
{
    int sent = 0;
    int answered = 0;
    double minMs = 0;
    double medianMs = 0; // nearest rank (base/Percentiles.h)
    double maxMs = 0;
};

// Why a repeat run ended (or did not start).
enum class RepeatStop {
    Finished,     // sent the count asked for
    ByUser,       // stop() without a reason
    LinkDown,     // the connection went down
    EmptyMessage, // did not start: nothing to send
    NotConnected, // did not start: not connected
    SendRefused,  // the engine refused a message (the ClientError says why)
};

class ClientRepeatSender : public QObject
{
    Q_OBJECT
public:
    explicit ClientRepeatSender(ClientEngine* engine, QObject* parent = nullptr);

    // Sends `messages` (as ClientEngine::send) every interval; count 0 = until
    // stopped. Returns false (and emits stopped with the reason) when it
    // cannot start: nothing to send or not connected.
    bool start(const QList<QByteArray>& messages, std::chrono::milliseconds interval, int count);
    void stop();
    bool isRunning() const;
    RepeatStats stats() const;

signals:
    void progress();
    // sendError: the engine's reason when `why` is SendRefused.
    void stopped(chorus::RepeatStop why, chorus::ClientError sendError);

private:
    void finish(RepeatStop why, ClientError sendError = ClientError::None);
    void sendOne();
    void onEvent(const ClientEvent& event);

    ClientEngine* m_engine;
    QTimer* m_timer;
    QList<QByteArray> m_messages;
    int m_count = 0;
    int m_sent = 0;
    QSet<quint64> m_awaiting;
    std::vector<double> m_rtts;
};

} // namespace chorus

Q_DECLARE_METATYPE(chorus::RepeatStop)
