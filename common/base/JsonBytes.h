#pragma once

// JSON text for files and lines Chorus writes and reads back.
//
// Qt 6.4's JSON reader drops a U+FEFF at the start of a string value that has
// no escapes (its fast path decodes with QString::fromUtf8, which takes the
// character for a byte order mark), while QJsonDocument::toJson writes the
// character raw. So every U+FEFF is written as the escape \ufeff: valid JSON
// (RFC 8259 §7), read back exactly by any reader. The bytes EF BB BF can only
// stand for U+FEFF and can only occur inside strings (keys included), so the
// replacement never touches the document's structure.

#include <QByteArray>
#include <QJsonDocument>

namespace chorus {

QByteArray jsonBytes(const QJsonDocument& document,
                     QJsonDocument::JsonFormat format = QJsonDocument::Indented);

} // namespace chorus
