#pragma once

// The client's words: the engine reports codes (ClientError, ClientNotice,
// RepeatStop); this turns them into translated sentences for the history,
// the status bar and the state label. The one place a translator looks.

#include "client/ClientRepeatSender.h"
#include "client/ClientTypes.h"

#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>

#include <chrono>

namespace chorus {

class ClientEventText
{
    Q_DECLARE_TR_FUNCTIONS(chorus::ClientEventText)
public:
    // Notices, errors and refusals: the sentence. Messages: their Text view.
    static QString describe(const ClientEvent& event);
    // `bytes`: what a framing problem was about, shown in hex (the first
    // kMaxHexBytes of them).
    static QString error(ClientError error, const QString& reason, const QString& endpoint,
                         qint64 count = 0, qint64 limit = 0, QByteArrayView bytes = {});
    static constexpr qsizetype kMaxHexBytes = 32;
    // What the wait really is: tenths below 10 s ("0.5 s", "4.0 s"), whole seconds above.
    static QString delay(qint64 ms);
    static QString state(ClientState state);
    static QString repeatStop(RepeatStop why, ClientError sendError);
    // "sent 12 / answered 11, RTT 0.40 / 0.60 / 2.10 ms (min / median / max)"
    static QString repeatSummary(const RepeatStats& stats);
};

} // namespace chorus
