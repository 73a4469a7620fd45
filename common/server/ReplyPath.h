#pragma once

// A reply from the reply book alone: for a connection given no rule book.
// The engine always gives one, and then RuleBook::answer decides for TCP
// connections (ConnectionRules.cpp), UDP peers (UdpChannelRules.cpp) and
// sessions' UDP channels (ConnectionUdp.cpp) alike, the book behind it.

#include "answer/ReplyBook.h"

#include <optional>

namespace chorus {

inline std::optional<QByteArray> replyFor(ReplyBook& book, const ReplyContext& context)
{
    return book.pick(context);
}

} // namespace chorus
