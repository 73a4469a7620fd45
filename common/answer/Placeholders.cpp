#include "answer/Placeholders.h"

#include <algorithm>

namespace chorus {

QString expandPlaceholders(const QString& text, const ReplyContext& context)
{
    const auto isBrace = [](QChar c) { return c == QLatin1Char('{') || c == QLatin1Char('}'); };
    const QChar* const begin = text.constData();
    const QChar* const end = begin + text.size();
    const QChar* special = std::find_if(begin, end, isBrace);
    if (special == end)
        return text; // the common case: no copy at all

    QDateTime now; // resolved once, only if {time} or {date} appear
    const auto resolvedNow = [&]() -> const QDateTime& {
        if (!now.isValid())
            now = context.now.isValid() ? context.now : QDateTime::currentDateTime();
        return now;
    };

    QString out;
    out.reserve(text.size() + 32);
    const QChar* pos = begin;
    while (pos < end) {
        special = std::find_if(pos, end, isBrace);
        out.append(QStringView(pos, special));
        if (special == end)
            break;
        const QChar* next = special + 1;
        if (*special == QLatin1Char('}')) {
            out.append(QLatin1Char('}'));
            pos = (next < end && *next == QLatin1Char('}')) ? next + 1 : next; // "}}" -> "}"
            continue;
        }
        if (next < end && *next == QLatin1Char('{')) { // "{{" -> "{"
            out.append(QLatin1Char('{'));
            pos = next + 1;
            continue;
        }
        const QChar* close = std::find_if(next, end, isBrace);
        if (close == end || *close != QLatin1Char('}')) {
            out.append(QLatin1Char('{')); // no name follows: a literal brace
            pos = next;
            continue;
        }
        const QStringView name(next, close);
        if (name == u"id")
            out.append(QString::number(context.connectionId));
        else if (name == u"peer")
            out.append(context.peer);
        else if (name == u"count")
            out.append(QString::number(context.count));
        else if (name == u"echo")
            out.append(context.echo);
        else if (name == u"time")
            out.append(resolvedNow().toString(QStringLiteral("HH:mm:ss")));
        else if (name == u"date")
            out.append(resolvedNow().toString(QStringLiteral("yyyy-MM-dd")));
        else
            out.append(QStringView(special, close + 1)); // unknown: left as it is
        pos = close + 1;
    }
    return out;
}

} // namespace chorus
