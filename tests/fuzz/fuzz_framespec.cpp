// parseFrameSpec on any text: never crashes; a spelling that parses prints as a
// canonical spelling that parses to the same framing.

#include "FuzzTarget.h"

#include "wire/FrameSpec.h"

using namespace chorus;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));
    FrameSpecError error;
    const std::optional<FrameSpec> spec = parseFrameSpec(text, &error);
    if (!spec) {
        fuzzCheck(error.kind != FrameSpecErrorKind::None, "a refusal says why");
        return 0;
    }
    const std::optional<FrameSpec> again = parseFrameSpec(spec->toText());
    fuzzCheck(again.has_value() && *again == *spec, "the canonical spelling round-trips");
    fuzzCheck(!spec->label().isEmpty(), "every framing has a label");
    return 0;
}
