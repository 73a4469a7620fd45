#include "server/ConnectionLedger.h"

namespace chorus {

QByteArray ConnectionLedger::encoded(const QString& text, Terminator terminator)
{
    if (text.size() > 1024)
        return encodeMessage(text, terminator); // not worth keeping
    for (const EncodedText& entry : m_encoded) {
        if (entry.terminator == terminator && !entry.bytes.isNull() && entry.text == text)
            return entry.bytes;
    }
    EncodedText& slot = m_encoded[m_nextEncoded];
    m_nextEncoded = (m_nextEncoded + 1) % kEncodedCacheSize;
    slot.text = text;
    slot.terminator = terminator;
    slot.bytes = encodeMessage(text, terminator);
    return slot.bytes;
}

} // namespace chorus
