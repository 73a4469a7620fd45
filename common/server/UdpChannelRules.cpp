// UdpChannel: datagrams answered by the reply rules, as a TCP connection's
// messages are (ConnectionRules.cpp): the same RuleBook with its captures,
// delays, no-reply rules and hit counters, and the reply book behind it. A
// delayed reply waits on a single-shot timer bound to the channel and goes to
// the endpoint its datagram came from; a peer that leaves the table first
// (expiry, Disconnect, Block, Stop) drops it, counted in the rule book. UDP
// has no link to close: a "close" rule ends the peer's row (its next
// datagram makes a new one).

#include "server/UdpChannel.h"

#include "answer/RuleBook.h"
#include "server/ServerWorker.h"

#include <QTimer>

namespace chorus {

void UdpChannel::answer(UdpPeer* peer, const QByteArray& message, const ReplyContext& context)
{
    RuleAnswer answer;
    if (m_shared->rules) {
        answer = m_shared->rules->answer(message, context, m_shared->book.get());
    } else {
        answer.source = RuleAnswer::Source::ReplyBook;
        answer.reply = m_shared->book->pick(context);
    }
    ConnectionSnapshot& s = peer->snapshot;
    for (const QString& name : answer.limitHitRules) {
        // Once per rule (the book remembers): no flood, so outside the problem budget.
        log(LogLevel::Warning, LogKind::Error, s.id,
            tr("rule \"%1\": its regular expression gave up on a message at the match limit; "
               "counted as no match")
                .arg(name));
    }
    switch (answer.source) {
    case RuleAnswer::Source::Silent:
        ++s.unanswered;
        ++m_ledger->unanswered;
        markChanged(peer);
        if (m_ledger->logMessages && m_ledger->messageLogBudget > 0) {
            --m_ledger->messageLogBudget;
            log(LogLevel::Info, LogKind::Notice, s.id, tr("no rule matched: no reply"));
        }
        return;
    case RuleAnswer::Source::ReplyBook:
        if (!answer.reply) {
            ++s.unanswered;
            ++m_ledger->unanswered;
            markChanged(peer);
            return;
        }
        sendReply(peer, *answer.reply, peer->terminator,
                  answer.anyRules ? tr("sent from the reply book") : QString());
        return;
    case RuleAnswer::Source::Rule:
        break;
    }
    ++s.ruleHits[answer.ruleName];
    markChanged(peer);
    const QString note =
        m_ledger->logMessages ? tr("sent by rule \"%1\"").arg(answer.ruleName) : QString();
    if (answer.delay.count() > 0) {
        const quint64 token = ++m_nextDelayToken;
        m_delayed.insert(token, DelayedDatagram{s.id, answer.reply, peer->terminator, answer.close,
                                                note, answer.ruleName});
        ++peer->delayedReplies;
        QTimer::singleShot(answer.delay, Qt::PreciseTimer, this,
                           [this, token] { sendDelayed(token); });
        return;
    }
    if (answer.reply)
        sendReply(peer, *answer.reply, peer->terminator, note);
    if (answer.close)
        forget({s.id}, ConnectionError::ClosedByRule,
               tr("closed by rule \"%1\"").arg(answer.ruleName));
}

void UdpChannel::sendReply(UdpPeer* peer, const QByteArray& reply, Terminator terminator,
                           const QString& note)
{
    // The ledger's cache of framed replies, as for a TCP peer's lines.
    if (writeTo(peer,
                terminator == Terminator::None ? reply : m_ledger->terminated(reply, terminator),
                true))
        logTraffic(LogKind::Sent, peer->snapshot.id, reply, note);
}

void UdpChannel::sendDelayed(quint64 token)
{
    const auto it = m_delayed.find(token);
    if (it == m_delayed.end())
        return; // dropped when its peer left the table
    const DelayedDatagram delayed = it.value();
    m_delayed.erase(it);
    UdpPeer* peer = m_peers.byId(delayed.peerId);
    if (!peer) {
        if (m_shared->rules)
            m_shared->rules->countDroppedDelayed(1);
        return;
    }
    --peer->delayedReplies;
    if (delayed.reply)
        sendReply(peer, *delayed.reply, delayed.terminator, delayed.note);
    if (delayed.close)
        forget({delayed.peerId}, ConnectionError::ClosedByRule,
               tr("closed by rule \"%1\"").arg(delayed.ruleName));
}

void UdpChannel::dropDelayedReplies(const UdpPeer& peer)
{
    if (peer.delayedReplies <= 0)
        return;
    int count = 0;
    for (auto it = m_delayed.begin(); it != m_delayed.end();) {
        if (it->peerId == peer.snapshot.id) {
            it = m_delayed.erase(it);
            ++count;
        } else {
            ++it;
        }
    }
    if (count == 0)
        return;
    if (m_shared->rules)
        m_shared->rules->countDroppedDelayed(quint64(count));
    log(LogLevel::Info, LogKind::Notice, peer.snapshot.id,
        tr("%n delayed replies dropped: the peer left the table", nullptr, count));
}

} // namespace chorus
