#pragma once

// Words for a session log that cannot be replayed (client/SessionReplay.h),
// shared by the window and --console.

#include "client/SessionReplay.h"

#include <QString>

namespace chorus {

// "Cannot replay /path: line 3 is not a session-log record", translated.
QString describeReplayProblem(const ReplayScript& script);

} // namespace chorus
