#include "server/ConnectionLedger.h"

namespace chorus {

QByteArray ConnectionLedger::terminated(const QByteArray& body, Terminator terminator)
{
    if (body.size() > 1024)
        return encodeMessage(QByteArrayView(body), terminator); // not worth keeping
    for (const Framed& entry : m_framed) {
        // The book hands out the same shared bytes for a reply without
        // placeholders: most hits are one pointer comparison.
        if (entry.terminator == terminator && !entry.bytes.isNull() &&
            (entry.body.constData() == body.constData() ? entry.body.size() == body.size()
                                                        : entry.body == body))
            return entry.bytes;
    }
    Framed& slot = m_framed[m_nextFramed];
    m_nextFramed = (m_nextFramed + 1) % kFramedCacheSize;
    slot.body = body;
    slot.terminator = terminator;
    slot.bytes = encodeMessage(QByteArrayView(body), terminator);
    return slot.bytes;
}

} // namespace chorus
