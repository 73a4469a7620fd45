#include "wire/KeyValueTelemetry.h"

#include "wire/ChorusCodecDetail.h"

#include <QStringDecoder>

#include <cmath>

namespace chorus {

namespace {

bool isPairSeparator(char c)
{
    return c == ' ' || c == '\t' || c == ',' || c == ';' || c == '\r' || c == '\n';
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// Length of the C-locale number at the start of `text` ("-1.5e3"), 0 if none.
qsizetype numberPrefixLength(QByteArrayView text)
{
    qsizetype i = 0;
    const qsizetype n = text.size();
    if (i < n && (text[i] == '+' || text[i] == '-'))
        ++i;
    const qsizetype digitsStart = i;
    while (i < n && isDigit(text[i]))
        ++i;
    qsizetype digits = i - digitsStart;
    if (i < n && text[i] == '.') {
        ++i;
        const qsizetype fractionStart = i;
        while (i < n && isDigit(text[i]))
            ++i;
        digits += i - fractionStart;
    }
    if (digits == 0)
        return 0;
    if (i < n && (text[i] == 'e' || text[i] == 'E')) {
        qsizetype j = i + 1;
        if (j < n && (text[j] == '+' || text[j] == '-'))
            ++j;
        const qsizetype exponentStart = j;
        while (j < n && isDigit(text[j]))
            ++j;
        if (j > exponentStart)
            i = j; // an incomplete exponent ("12e") is not part of the number
    }
    return i;
}

// Strict UTF-8: a key or unit that is not valid UTF-8 is refused, not mangled.
std::optional<QString> strictUtf8(QByteArrayView bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return std::nullopt;
    return text;
}

} // namespace

KeyValueTelemetry parseKeyValueTelemetry(QByteArrayView text)
{
    KeyValueTelemetry out;
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        while (i < n && isPairSeparator(text[i]))
            ++i;
        const qsizetype start = i;
        while (i < n && !isPairSeparator(text[i]))
            ++i;
        const QByteArrayView word = text.sliced(start, i - start);
        const qsizetype equals = word.indexOf('=');
        if (equals < 0)
            continue; // ordinary text between the pairs
        const std::optional<QString> key = strictUtf8(word.first(equals));
        const QByteArrayView valueText = word.sliced(equals + 1);
        const qsizetype numberLength = numberPrefixLength(valueText);
        const std::optional<QString> unit = strictUtf8(valueText.sliced(numberLength));
        if (!key || key->isEmpty() || detail::codePointCount(*key) > kChorusMaxKeyLength ||
            detail::hasControlCharacter(*key) || numberLength == 0 || !unit ||
            detail::codePointCount(*unit) > kChorusMaxUnitLength ||
            detail::hasControlCharacter(*unit) || unit->contains(QLatin1Char('=')) ||
            (!unit->isEmpty() && unit->front().isDigit())) {
            ++out.refused;
            continue;
        }
        bool ok = false;
        const double value = valueText.first(numberLength).toByteArray().toDouble(&ok);
        if (!ok || !std::isfinite(value)) {
            ++out.refused;
            continue;
        }
        if (!out.values.contains(*key) && out.values.size() >= kChorusMaxTelemetryKeys) {
            ++out.refused;
            continue;
        }
        out.values.insert(*key, value);
        if (!unit->isEmpty())
            out.units.insert(*key, *unit);
        else
            out.units.remove(*key);
    }
    return out;
}

} // namespace chorus
