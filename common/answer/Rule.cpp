#include "answer/Rule.h"

namespace chorus {

QString matchKindName(MatchKind kind)
{
    switch (kind) {
    case MatchKind::Exact:
        return QStringLiteral("exact");
    case MatchKind::StartsWith:
        return QStringLiteral("startsWith");
    case MatchKind::EndsWith:
        return QStringLiteral("endsWith");
    case MatchKind::Contains:
        return QStringLiteral("contains");
    case MatchKind::Regex:
        return QStringLiteral("regex");
    }
    return {};
}

std::optional<MatchKind> matchKindFromName(QStringView name)
{
    for (MatchKind kind : {MatchKind::Exact, MatchKind::StartsWith, MatchKind::EndsWith,
                           MatchKind::Contains, MatchKind::Regex}) {
        if (name.compare(matchKindName(kind), Qt::CaseInsensitive) == 0)
            return kind;
    }
    return std::nullopt;
}

QString answerKindName(AnswerKind kind)
{
    switch (kind) {
    case AnswerKind::Reply:
        return QStringLiteral("reply");
    case AnswerKind::ReplySet:
        return QStringLiteral("set");
    case AnswerKind::NoReply:
        return QStringLiteral("none");
    }
    return {};
}

std::optional<AnswerKind> answerKindFromName(QStringView name)
{
    for (AnswerKind kind : {AnswerKind::Reply, AnswerKind::ReplySet, AnswerKind::NoReply}) {
        if (name.compare(answerKindName(kind), Qt::CaseInsensitive) == 0)
            return kind;
    }
    return std::nullopt;
}

} // namespace chorus
