// ByteText: the Text and Hex views of any bytes parse back to the same bytes,
// and any text given to the inputs is either refused with a position inside it
// or accepted, never a crash.

#include "FuzzTarget.h"

#include "wire/ByteText.h"

using namespace chorus;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    fuzzCheck(parseEscapedText(formatText(bytes)) == bytes.toByteArray(), "Text view round trip");
    fuzzCheck(parseHex(formatHex(bytes)) == bytes.toByteArray(), "Hex view round trip");
    fuzzCheck(formatTextLine(bytes, 40).size() <= 40, "one line within its width");
    formatMixed(bytes);

    const QString typed = QString::fromUtf8(bytes);
    for (ByteInput input : {ByteInput::Text, ByteInput::Hex}) {
        ByteParseError error;
        if (!parseBytes(typed, input, &error))
            fuzzCheck(error.position >= 0 && error.position <= typed.size(),
                      "the error position is inside the input");
    }
    return 0;
}
