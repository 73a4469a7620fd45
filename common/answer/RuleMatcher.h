#pragma once

// A rule's pattern compiled once, when the rule book changes, and matched by
// every engine thread (const, no lock). Literal kinds compare bytes; regular
// expressions, and case-insensitive literals, run in PCRE2 with a bounded
// match (kRegexMatchLimit, kRegexDepthLimit): a pattern that needs more is
// given up and reported as MatchResult::LimitHit, never left to stall a
// thread. Text rules match the message as UTF-8 (PCRE2_UTF with
// PCRE2_MATCH_INVALID_UTF: bytes that are not UTF-8 never match a character
// but never fail the match either); hex rules match raw bytes, where a dot
// is any byte and $ only the end (PCRE2_DOTALL, PCRE2_DOLLAR_ENDONLY).

#include "answer/Placeholders.h"
#include "answer/Rule.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QString>

#include <memory>

namespace chorus {

// Bounds on one regular-expression match (PCRE2's match and depth limits).
// A short message against any sane pattern stays far below them; the
// catastrophic (a+)+$ against thirty a's and a b reaches them in milliseconds.
inline constexpr quint32 kRegexMatchLimit = 1000000;
inline constexpr quint32 kRegexDepthLimit = 250000;

enum class MatchResult { NoMatch, Match, LimitHit };

// Why a rule cannot be used; such a rule never matches.
enum class RuleProblem {
    None,
    BadPattern, // the pattern is not escaped text / hex (offset: where)
    BadRegex,   // PCRE2 refused the pattern (its message, offset in the pattern)
    BadReply,   // the reply template is not escaped text / hex (offset: where)
    UnknownSet, // the reply set it names does not exist
    BadDelay,   // outside 0..kMaxRuleDelayMs
};
QString ruleProblemName(RuleProblem problem); // "bad-pattern", ...

class RegexProgram; // PCRE2 code, shared by the rule's copies

class RuleMatcher
{
public:
    explicit RuleMatcher(const Rule& rule);
    ~RuleMatcher();
    RuleMatcher(const RuleMatcher&) = default;
    RuleMatcher& operator=(const RuleMatcher&) = default;

    bool isValid() const { return m_problem == RuleProblem::None; }
    RuleProblem problem() const { return m_problem; }
    // For people: PCRE2's message or the parse error, and where (index into the pattern).
    const QString& errorString() const { return m_errorString; }
    qsizetype errorOffset() const { return m_errorOffset; }

    // A positive, case-sensitive Exact rule: its bytes go in the book's hash index.
    bool isIndexedLiteral() const;
    // A positive, case-insensitive Exact text rule: indexed by its case-folded text.
    bool isIndexedFoldedLiteral() const;
    const QByteArray& literal() const { return m_literal; }
    QString foldedLiteral() const;

    // Fills *captures (group 0: the matched bytes; a negated rule: the whole message).
    MatchResult match(QByteArrayView message, RuleCaptures* captures) const;
    // Named groups of a regular expression (for {name}); empty otherwise.
    const QHash<QString, int>* groupNames() const;

private:
    MatchResult matchPattern(QByteArrayView message, RuleCaptures* captures) const;
    void fail(RuleProblem problem, const QString& text, qsizetype offset);

    MatchKind m_kind = MatchKind::Exact;
    bool m_negate = false;
    bool m_caseInsensitive = false;
    bool m_hex = false;
    QByteArray m_literal; // literal kinds: the pattern's bytes
    std::shared_ptr<const RegexProgram> m_regex;
    RuleProblem m_problem = RuleProblem::None;
    QString m_errorString;
    qsizetype m_errorOffset = -1;
};

} // namespace chorus
