#pragma once

// Words for the (enum, reason) results that come up from common/: the window
// and the headless front end say the same thing the same way, translated.

#include "answer/ReplyBookFile.h"
#include "server/ServerTypes.h"

#include <QString>

namespace chorus {

// "Cannot read /x/replies.json: …", "/x/replies.txt is not a reply book (a NUL byte at byte 3)".
QString describeBookResult(const BookFileResult& result);
// "Cannot listen on [::1]:9999: The bound address is already in use".
QString describeListenFailure(const ListenFailure& failure);

} // namespace chorus
