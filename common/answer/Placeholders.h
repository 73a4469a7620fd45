#pragma once

// Placeholders in a reply: {id} {peer} {count} {echo} {time} {date}. "{{" and
// "}}" are literal braces; an unknown name is left as it is.

#include <QDateTime>
#include <QString>

namespace chorus {

// What placeholders in a reply expand to.
struct ReplyContext
{
    quint64 connectionId = 0; // {id}
    QString peer;             // {peer}   "address:port"
    quint64 count = 0;        // {count}  user messages from this peer so far (including this one)
    QString echo;             // {echo}   the message being answered
    QDateTime now;            // {time} HH:mm:ss, {date} yyyy-MM-dd; invalid -> current time
};

// Returns text unchanged (no copy) when it holds no brace.
QString expandPlaceholders(const QString& text, const ReplyContext& context);

} // namespace chorus
