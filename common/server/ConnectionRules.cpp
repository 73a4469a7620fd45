// Connection: answers decided by the reply rules (docs/RULES.md), for its TCP
// link and its session's UDP channel alike (a "close" rule ends the whole
// session either way: the channel lives only with the link). A rule's
// reply goes out at once or after its delay on a single-shot timer bound to
// the connection; closing drops what is still waiting (counted in the rule
// book, logged), so a delayed reply never reaches a closed or reused socket.

#include "server/Connection.h"

#include <QAbstractSocket>
#include <QTimer>

namespace chorus {

void Connection::answerByRules(const QByteArray& message, const ReplyContext& context,
                               std::optional<quint64> seq, Terminator terminator, bool overUdp)
{
    const RuleAnswer answer = m_rules->answer(message, context, m_book.get());
    for (const QString& name : answer.limitHitRules) {
        // Once per rule (the book remembers): no flood, so outside the problem budget.
        log(LogLevel::Warning, LogKind::Error,
            tr("rule \"%1\": its regular expression gave up on a message at the match limit; "
               "counted as no match")
                .arg(name));
    }
    switch (answer.source) {
    case RuleAnswer::Source::Silent:
        ++m_snapshot.unanswered;
        ++m_ledger->unanswered;
        markChanged();
        if (m_ledger->logMessages && m_ledger->messageLogBudget > 0) {
            --m_ledger->messageLogBudget;
            log(LogLevel::Info, LogKind::Notice, tr("no rule matched: no reply"));
        }
        return;
    case RuleAnswer::Source::ReplyBook: {
        if (!answer.reply) {
            ++m_snapshot.unanswered;
            ++m_ledger->unanswered;
            return;
        }
        // Without rules the book is all there is: the plain "sent" says enough.
        static const QString bookNote = tr("sent from the reply book");
        writeReply(*answer.reply, seq, answer.anyRules ? bookNote : QString(), terminator, overUdp);
        return;
    }
    case RuleAnswer::Source::Rule:
        break;
    }
    ++m_snapshot.ruleHits[answer.ruleName];
    markChanged();
    const QString note =
        m_ledger->logMessages ? tr("sent by rule \"%1\"").arg(answer.ruleName) : QString();
    if (answer.delay.count() > 0) {
        const quint64 token = ++m_nextDelayToken;
        m_delayed.insert(token,
                         DelayedReply{answer.reply, seq, terminator, answer.close, note, overUdp});
        QTimer::singleShot(answer.delay, Qt::PreciseTimer, this,
                           [this, token] { sendDelayed(token); });
        return;
    }
    if (answer.reply)
        writeReply(*answer.reply, seq, note, terminator, overUdp);
    if (answer.close)
        close(ConnectionError::ClosedByRule,
              peerText(QT_TR_NOOP("closed by rule \"%1\"")).arg(answer.ruleName));
}

void Connection::writeReply(const QByteArray& reply, std::optional<quint64> seq,
                            const QString& note, Terminator terminator, bool overUdp)
{
    m_sentNote = note;
    if (overUdp) {
        // The session's UDP channel carries Chorus messages only (PROTOCOL.md §5.4).
        if (const std::optional<QString> text = chorusText(reply)) {
            sendSessionDatagram(encodeChorusMessage(makeReply(seq.value_or(0), *text)),
                                Traffic::User);
            logTraffic(LogKind::Sent, reply, false);
        }
    } else if (!seq) {
        writeFramed(reply, Traffic::User, terminator);
    } else if (const std::optional<QString> text = chorusText(reply)) {
        writeChorus(makeReply(*seq, *text), Traffic::User, reply);
    }
    m_sentNote.clear();
}

void Connection::sendDelayed(quint64 token)
{
    const auto it = m_delayed.find(token);
    if (it == m_delayed.end())
        return; // dropped when the connection began closing
    const DelayedReply delayed = it.value();
    m_delayed.erase(it);
    if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState) {
        m_rules->countDroppedDelayed(1);
        return;
    }
    if (delayed.reply)
        writeReply(*delayed.reply, delayed.seq, delayed.note, delayed.terminator, delayed.overUdp);
    if (delayed.close)
        close(ConnectionError::ClosedByRule, peerText(QT_TR_NOOP("closed by a reply rule")));
}

void Connection::dropDelayedReplies()
{
    if (m_delayed.isEmpty())
        return;
    const qsizetype count = m_delayed.size();
    m_delayed.clear();
    if (m_rules)
        m_rules->countDroppedDelayed(quint64(count));
    log(LogLevel::Info, LogKind::Notice,
        tr("%n delayed replies dropped: the connection is closing", nullptr, int(count)));
}

} // namespace chorus
