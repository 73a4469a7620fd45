// decodeChorusLine on any bytes: never crashes; a line that decodes encodes to
// a line that decodes to the same message.

#include "FuzzTarget.h"

#include "wire/ChorusProtocol.h"

using namespace chorus;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArrayView line(reinterpret_cast<const char*>(data), qsizetype(size));
    const ChorusDecodeResult result = decodeChorusLine(line, 4096);
    looksLikeChorusHello(line);
    if (!result.ok()) {
        if (!result.blank)
            fuzzCheck(!encodeChorusMessage(result.toErrorMessage()).isEmpty(),
                      "every refusal has an error reply");
        return 0;
    }
    const QByteArray encoded = encodeChorusMessage(result.message);
    fuzzCheck(encoded.endsWith('\n') && encoded.count('\n') == 1, "one line out");
    const ChorusDecodeResult again = decodeChorusLine(encoded, 0);
    fuzzCheck(again.ok(), "what we encode decodes");
    fuzzCheck(again.message == result.message, "and gives the same message back");
    return 0;
}
