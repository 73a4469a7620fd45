#pragma once

// One reply rule as the user writes it, and the reply sets rules may answer
// from: plain values shared by the rule book, its files and the window.
// The format is documented in docs/RULES.md.

#include "answer/ReplyEntry.h"

#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace chorus {

// How a rule's pattern meets a message.
enum class MatchKind { Exact, StartsWith, EndsWith, Contains, Regex };
QString matchKindName(MatchKind kind); // "exact", "startsWith", "endsWith", "contains", "regex"
std::optional<MatchKind> matchKindFromName(QStringView name);

// What a matching rule does.
enum class AnswerKind { Reply, ReplySet, NoReply };
QString answerKindName(AnswerKind kind); // "reply", "set", "none"
std::optional<AnswerKind> answerKindFromName(QStringView name);

// The longest delay a rule may set: a minute.
inline constexpr int kMaxRuleDelayMs = 60000;

struct Rule
{
    bool enabled = true;
    QString name;
    MatchKind match = MatchKind::Exact;
    // Text: escaped text (\r \n \t \0 \\ \xNN) matched against the message's
    // bytes, or for Regex a PCRE2 pattern over the message as UTF-8 text.
    // Hex: bytes ("01 03"), or for Regex a pattern over the raw bytes (no UTF).
    QString pattern;
    ReplyFormat patternFormat = ReplyFormat::Text;
    bool caseInsensitive = false; // text rules only (Unicode case folding)
    bool negate = false;          // matches every message the pattern does not
    AnswerKind answer = AnswerKind::Reply;
    QString reply; // AnswerKind::Reply: a template (Placeholders.h, rule syntax)
    ReplyFormat replyFormat = ReplyFormat::Text;
    QString replySet;   // AnswerKind::ReplySet: the set's name
    bool close = false; // close the connection after the reply (or at once for NoReply)
    int delayMs = 0;    // 0..kMaxRuleDelayMs

    bool operator==(const Rule& other) const
    {
        return enabled == other.enabled && name == other.name && match == other.match &&
               pattern == other.pattern && patternFormat == other.patternFormat &&
               caseInsensitive == other.caseInsensitive && negate == other.negate &&
               answer == other.answer && reply == other.reply && replyFormat == other.replyFormat &&
               replySet == other.replySet && close == other.close && delayMs == other.delayMs;
    }
    bool operator!=(const Rule& other) const { return !(*this == other); }
    // Same pattern and options: a compiled matcher (and its limit warning) still applies.
    bool sameMatch(const Rule& other) const
    {
        return match == other.match && pattern == other.pattern &&
               patternFormat == other.patternFormat && caseInsensitive == other.caseInsensitive;
    }
};

// A named list of replies a rule picks from, with its own pick mode.
struct ReplySet
{
    QString name;
    PickMode mode = PickMode::Random;
    QList<ReplyEntry> entries;

    bool operator==(const ReplySet& other) const
    {
        return name == other.name && mode == other.mode && entries == other.entries;
    }
    bool operator!=(const ReplySet& other) const { return !(*this == other); }
};

} // namespace chorus
