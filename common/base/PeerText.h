#pragma once

// Words that go to a peer and to people at once: a Chorus bye's reason, an
// "error: …" line to a text peer, the message of a Chorus error. The peer gets
// them in English whatever language the server shows: wire data is the same in
// every language (a device's parser or a test script reads them), while the
// log and the windows show the same words translated.
//
// Made from a source text marked for lupdate in the context it is filed under:
//   PeerText::in("chorus::Connection", QT_TR_NOOP("nothing received for %1 s")).arg(5)
//   -> wire "nothing received for 5 s", shown "5초 동안 아무것도 받지 못함" (in Korean)
// Text that is already data (what the user typed, what a peer said) is the
// same on both sides: PeerText::verbatim().

#include <QCoreApplication>
#include <QString>

namespace chorus {

struct PeerText
{
    QString wire;  // the English source text with its arguments: what the peer gets
    QString shown; // translated, for the log and the windows

    static PeerText in(const char* context, const char* source)
    {
        return {QString::fromUtf8(source), QCoreApplication::translate(context, source)};
    }
    static PeerText verbatim(const QString& text) { return {text, text}; }

    // QString::arg on both sides (a number is written the same on both:
    // QString::arg does not use the locale unless the text says %L1). Any of
    // QString::arg's forms, field width and base included.
    template <typename... Args> PeerText arg(const Args&... args) const
    {
        return {wire.arg(args...), shown.arg(args...)};
    }
    PeerText arg(const PeerText& value) const
    {
        return {wire.arg(value.wire), shown.arg(value.shown)};
    }

    bool isEmpty() const { return wire.isEmpty(); }
};

} // namespace chorus
