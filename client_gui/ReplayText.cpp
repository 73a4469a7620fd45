#include "ReplayText.h"
#include "base/TranslateIn.h"

namespace chorus {

QString describeReplayProblem(const ReplayScript& script)
{
    // lupdate files these texts under "chorus" (a free function's namespace).
    auto tr = [](const char* text) { return translateIn({"chorus::ReplayText", "chorus"}, text); };
    switch (script.error) {
    case ReplayError::None:
        return {};
    case ReplayError::FileUnreadable: {
        FileResult file;
        file.error = script.fileError;
        file.path = script.path;
        file.reason = script.reason;
        return tr("Cannot replay: %1").arg(file.describe());
    }
    case ReplayError::MalformedLine:
        return tr("Cannot replay %1: line %2 is not a session-log record (a JSON object with "
                  "\"t\", \"kind\" and whole hex bytes); nothing was sent")
            .arg(script.path)
            .arg(script.line);
    case ReplayError::NoOutRecords:
        return tr("Cannot replay %1: it holds no sent message (no \"out\" line)").arg(script.path);
    }
    return {};
}

} // namespace chorus
