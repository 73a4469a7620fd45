#pragma once

// The server's reply rules (docs/RULES.md): checked top to bottom for every
// message, the first enabled rule that matches answers; no match falls back
// to the reply book, or to silence.
//
// Read by every engine thread while the window edits it, the way ReplyBook
// is: readers take an immutable compiled snapshot through an atomic
// shared_ptr (no lock on the hot path); writers copy, modify, compile and
// publish a new one, which the very next message uses. Positive
// case-sensitive Exact rules are found through a hash index, so a thousand
// literal rules cost one lookup: only the non-literal rules above the
// earliest literal candidate are scanned, which keeps first-match order.
// Hit counters are atomics that survive edits of their rule.

#include "answer/ReplyBook.h"
#include "answer/Rule.h"
#include "answer/RuleBookFile.h"
#include "answer/RuleMatcher.h"

#include <QDateTime>
#include <QMutex>
#include <QObject>

#include <atomic>
#include <chrono>
#include <memory>
#include <optional>

namespace chorus {

// What answers one message, and with what.
struct RuleAnswer
{
    enum class Source { Rule, ReplyBook, Silent };
    Source source = Source::Silent;
    int ruleIndex = -1; // Source::Rule: the rule's row
    QString ruleName;   // its name, or "rule N" when it has none
    // The bytes to send; nullopt: nothing (a no-reply rule, an empty set or book, silence).
    std::optional<QByteArray> reply;
    std::chrono::milliseconds delay{0};
    bool close = false; // close the connection after the reply
    // Rules whose bounded regex match gave up on this message for the first
    // time (their names): the caller logs each once.
    QStringList limitHitRules;
    bool anyRules = false; // the book had rules (with none, the reply book is all there is)
};

// Why a rule is inactive, for the window's red cell.
struct RuleStatus
{
    RuleProblem problem = RuleProblem::None;
    QString errorString;
    qsizetype offset = -1; // in the pattern (BadPattern, BadRegex) or the reply (BadReply)
};

class RuleBook : public QObject
{
    Q_OBJECT
public:
    explicit RuleBook(QObject* parent = nullptr); // starts empty, falling back to the book
    ~RuleBook() override;

    // --- editing (any thread; emits changed() and autosaves when a path is set)
    QList<Rule> rules() const;
    void setRules(const QList<Rule>& rules);
    int count() const;
    Rule rule(int index) const;
    void addRule(const Rule& rule);
    void insertRule(int index, const Rule& rule);
    void updateRule(int index, const Rule& rule);
    void removeRule(int index);
    void moveRule(int from, int to);
    void duplicateRule(int index); // the copy goes below, with fresh counters
    void setEnabled(int index, bool enabled);
    QList<ReplySet> replySets() const;
    void setReplySets(const QList<ReplySet>& sets);

    // Unmatched messages get a reply-book reply (true) or none. A setting of
    // the server (--no-fallback), not of the rules file: not autosaved.
    bool fallbackToBook() const;
    void setFallbackToBook(bool fallback);

    RuleStatus status(int index) const;
    quint64 hits(int index) const;
    QDateTime lastHit(int index) const; // invalid: never
    quint64 limitHits(int index) const; // matches given up at the bound

    enum class Use { Serve, Preview }; // Preview (the window's Test box) counts nothing
    // Thread-safe: the engine calls it for every message. `book` is the
    // fallback (may be null: then silence).
    RuleAnswer answer(const QByteArray& message, const ReplyContext& context, ReplyBook* book,
                      Use use = Use::Serve) const;

    // Delayed replies that never went out because their connection closed first.
    void countDroppedDelayed(quint64 count) const
    {
        m_droppedDelayed.fetch_add(count, std::memory_order_relaxed);
    }
    quint64 droppedDelayed() const { return m_droppedDelayed.load(std::memory_order_relaxed); }

    // --- files (RuleBookFile.h). On any failure the rules stay as they were.
    // load(): the file's rules and sets replace these. Not an edit: not autosaved.
    BookFileResult load(const QString& path);
    // Appends the file's rules (sets of the same name are replaced). An edit.
    BookFileResult importFile(const QString& path);
    BookFileResult exportFile(const QString& path) const; // JSON, verified
    void setAutoSavePath(const QString& path);
    QString autoSavePath() const;

signals:
    void changed();
    void saved(const QString& path);
    void saveFailed(const chorus::FileResult& result);

private:
    struct Snapshot;
    struct Stats;
    // Called with m_writeMutex held.
    void publish(QList<Rule> rules, QList<quint64> ids, QList<ReplySet> sets);
    void republish(QList<Rule> rules, QList<quint64> ids);
    void afterChange();
    bool noteLimitHit(const Snapshot& snapshot, int index) const;

    mutable QMutex m_writeMutex;
    std::shared_ptr<const Snapshot> m_snapshot; // std::atomic_load/store
    quint64 m_nextId = 1;
    bool m_fallback = true;
    QString m_autoSavePath;
    mutable std::atomic<quint64> m_droppedDelayed{0};
};

} // namespace chorus
