#pragma once

// Reply rules files (docs/RULES.md), read and written; no state, no QObject.
// The format is detected from the content, not the name:
//   JSON (the first character other than a BOM or whitespace is '{'):
//     {"version":1,
//      "rules":[{"name":"ping","enabled":true,"match":"exact","text":"PING",
//                "caseInsensitive":false,"negate":false,
//                "answer":"reply","reply":{"text":"PONG"},"close":false,"delayMs":0}],
//      "sets":[{"name":"temps","pickMode":"shuffle","entries":[{"text":"21.5"}]}]}
//     A rule's pattern is "text" (escaped text, or a regex) or "hex"; its
//     reply {"text": ...} or {"hex": ...}; a set's entries are reply book
//     entries (ReplyBookFile.h, version 2). Omitted fields take the defaults
//     of Rule (Rule.h). What the window autosaves and exports.
//   request;reply (anything else): UTF-8, one rule per line, split at the
//     first ';': an exact text match and its text reply, each escaped text
//     (a side that is not is taken literally); blank lines and lines
//     starting with '#' are skipped. NetAssist's device files read as is.
// A rule whose regex or reply does not compile is kept (and shown inactive);
// only a file that is no rules file at all is refused. Reading goes through
// readRegularFile() (never blocks, never changes the file); writing through
// writeFileAtomically() (verified). Errors reuse the reply book's kinds.

#include "answer/ReplyBookFile.h"
#include "answer/Rule.h"

#include <QByteArray>
#include <QList>

#include <optional>

namespace chorus {

// The largest rules file read: 64 MiB (some hundred thousand rules).
inline constexpr qint64 kMaxRulesFileBytes = qint64(64) * 1024 * 1024;

enum class RulesFileFormat { Json, RequestReply };
RulesFileFormat detectRulesFormat(const QByteArray& data);

struct ParsedRules
{
    QList<Rule> rules;
    QList<ReplySet> sets;
};

std::optional<ParsedRules> parseRules(const QByteArray& data, BookFileResult* result);
QByteArray serializeRules(const ParsedRules& rules); // JSON, indented
std::optional<ParsedRules> readRulesFile(const QString& path, BookFileResult* result);
BookFileResult writeRulesFile(const QString& path, const ParsedRules& rules);

} // namespace chorus
