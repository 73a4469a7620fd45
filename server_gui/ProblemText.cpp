#include "ProblemText.h"
#include "base/TranslateIn.h"

#include "base/Endpoint.h"

#include <QCoreApplication>
#include <QDir>

namespace chorus {

namespace {
QString tr(const char* text)
{
    return translateIn({"chorus::ProblemText", "chorus"}, text);
}
} // namespace

QString describeBookResult(const BookFileResult& result)
{
    if (!result.file.ok())
        return result.file.describe();
    const QString where = QDir::toNativeSeparators(result.file.path);
    switch (result.format) {
    case BookFormatError::None:
        return {};
    case BookFormatError::InvalidJson:
    case BookFormatError::NotABook:
    case BookFormatError::BadEntry:
        return tr("%1 is not a reply book (%2)").arg(where, result.formatReason);
    case BookFormatError::BinaryText:
        return tr("%1 is not text, one reply per line: it is binary (%2)")
            .arg(where, result.formatReason);
    case BookFormatError::InvalidUtf8:
        return tr("%1 is not UTF-8 text, one reply per line (%2)").arg(where, result.formatReason);
    case BookFormatError::MultiLineAsText:
    case BookFormatError::InvalidEntryAsText:
        return tr("Cannot write %1 as plain text: %2; export to a .json file instead")
            .arg(where, result.formatReason);
    }
    return {};
}

QString describeListenFailure(const ListenFailure& failure)
{
    if (failure.tlsError != TlsSetupError::None)
        return tr("Cannot start TLS: %1 (%2); check Server → Settings → TLS certificate and key")
            .arg(tlsSetupErrorName(failure.tlsError), failure.reason);
    if (failure.address.isNull())
        return tr("Cannot listen: %1").arg(failure.reason);
    return tr("Cannot listen on %1: %2")
        .arg(endpointText(failure.address, failure.port), failure.reason);
}

} // namespace chorus
