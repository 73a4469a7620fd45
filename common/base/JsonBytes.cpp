#include "base/JsonBytes.h"

namespace chorus {

QByteArray jsonBytes(const QJsonDocument& document, QJsonDocument::JsonFormat format)
{
    QByteArray bytes = document.toJson(format);
    if (bytes.contains("\xEF\xBB\xBF"))
        bytes.replace("\xEF\xBB\xBF", "\\ufeff");
    return bytes;
}

} // namespace chorus
