#include "wire/ChorusCodecDetail.h"

namespace chorus::detail {

qsizetype unpairedSurrogate(const QString& text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            ++i;
        else if (c.isSurrogate())
            return i;
    }
    return -1;
}

qsizetype codePointCount(QStringView text)
{
    qsizetype count = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            ++i;
        ++count;
    }
    return count;
}

bool hasControlCharacter(QStringView text)
{
    for (QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x20 || (u >= 0x7f && u <= 0x9f))
            return true;
    }
    return false;
}

void checkName(FieldReader& reader, const char* key, const QString& name, bool allowEmpty)
{
    if (!allowEmpty && name.trimmed().isEmpty()) {
        reader.fail(ChorusErrorCode::BadValue,
                    tr("field \"%1\" must not be empty").arg(QLatin1String(key)));
    } else if (codePointCount(name) > kChorusMaxNameLength) {
        reader.fail(ChorusErrorCode::BadValue,
                    tr("field \"%1\" is %2 characters long; at most %3 are allowed")
                        .arg(QLatin1String(key))
                        .arg(codePointCount(name))
                        .arg(kChorusMaxNameLength));
    } else if (hasControlCharacter(name)) {
        reader.fail(ChorusErrorCode::BadValue,
                    tr("field \"%1\" must not contain control characters").arg(QLatin1String(key)));
    }
}

} // namespace chorus::detail
