#pragma once

// Where a message becomes its reply, for TCP connections and UDP peers alike:
// both call this, so whatever decides replies (the reply book today, rules
// ahead of it later) is decided once, the same way for every transport.

#include "answer/ReplyBook.h"

#include <optional>

namespace chorus {

inline std::optional<QByteArray> replyFor(ReplyBook& book, const ReplyContext& context)
{
    return book.pick(context);
}

} // namespace chorus
