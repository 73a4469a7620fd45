#include "wire/FrameSpec.h"
#include "base/TranslateIn.h"

#include "wire/ByteText.h"

#include <QCoreApplication>
#include <QStringList>

namespace chorus {

namespace {

QString tr(const char* text)
{
    return translateIn({"chorus::FrameSpec", "chorus"}, text);
}

QString compactHex(const QByteArray& bytes)
{
    return QString::fromLatin1(bytes.toHex().toUpper());
}

// "03", "0D 0A", "0d0a" or escaped text ("\x17", "\r\n").
std::optional<QByteArray> parseDelimiterBytes(QStringView text, FrameSpecError* error)
{
    std::optional<QByteArray> bytes = parseHex(text);
    if (!bytes && text.contains(QLatin1Char('\\')))
        bytes = parseEscapedText(text);
    if (!bytes) {
        if (error)
            *error = {FrameSpecErrorKind::BadBytes, text.toString()};
        return std::nullopt;
    }
    if (bytes->isEmpty() || bytes->size() > kMaxDelimiterBytes) {
        if (error)
            *error = {bytes->isEmpty() ? FrameSpecErrorKind::EmptyDelimiter
                                       : FrameSpecErrorKind::BadValue,
                      text.toString()};
        return std::nullopt;
    }
    return bytes;
}

std::optional<qint64> numberIn(QStringView text, qint64 minimum, qint64 maximum)
{
    bool ok = false;
    const qint64 value = text.trimmed().toLongLong(&ok);
    if (!ok || value < minimum || value > maximum)
        return std::nullopt;
    return value;
}

std::optional<LengthFieldSpec> parseLengthSpec(QStringView text, FrameSpecError* error)
{
    LengthFieldSpec spec;
    auto fail = [error](FrameSpecErrorKind kind, QStringView part) {
        if (error)
            *error = {kind, part.toString()};
        return std::nullopt;
    };
    for (QStringView part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const qsizetype equals = part.indexOf(QLatin1Char('='));
        if (equals < 0)
            return fail(FrameSpecErrorKind::UnknownKey, part);
        const QStringView key = part.first(equals).trimmed();
        const QStringView value = part.sliced(equals + 1).trimmed();
        std::optional<qint64> number;
        if (key == u"offset") {
            if (!(number = numberIn(value, 0, 1024)))
                return fail(FrameSpecErrorKind::BadValue, part);
            spec.offset = int(*number);
        } else if (key == u"size") {
            number = numberIn(value, 1, 8);
            if (!number || *number == 5 || *number == 6 || *number == 7)
                return fail(FrameSpecErrorKind::BadValue, part);
            spec.size = int(*number);
        } else if (key == u"endian") {
            if (value.compare(u"big", Qt::CaseInsensitive) == 0)
                spec.bigEndian = true;
            else if (value.compare(u"little", Qt::CaseInsensitive) == 0)
                spec.bigEndian = false;
            else
                return fail(FrameSpecErrorKind::BadValue, part);
        } else if (key == u"adjust") {
            if (!(number = numberIn(value, -kMaxFrameBytes, kMaxFrameBytes)))
                return fail(FrameSpecErrorKind::BadValue, part);
            spec.adjust = *number;
        } else if (key == u"strip") {
            if (!(number = numberIn(value, 0, 1024 + 8)))
                return fail(FrameSpecErrorKind::BadValue, part);
            spec.strip = int(*number);
        } else if (key == u"max") {
            if (!(number = numberIn(value, 1, kMaxFrameBytes)))
                return fail(FrameSpecErrorKind::BadValue, part);
            spec.maxFrame = *number;
        } else {
            return fail(FrameSpecErrorKind::UnknownKey, part);
        }
    }
    return spec;
}

} // namespace

QString framingName(Framing framing)
{
    switch (framing) {
    case Framing::Auto:
        return QStringLiteral("auto");
    case Framing::Line:
        return QStringLiteral("line");
    case Framing::Raw:
        return QStringLiteral("raw");
    case Framing::Cr:
        return QStringLiteral("cr");
    case Framing::Delimiter:
        return QStringLiteral("delimiter");
    case Framing::LengthField:
        return QStringLiteral("length");
    case Framing::Fixed:
        return QStringLiteral("fixed");
    }
    return QStringLiteral("auto");
}

std::optional<Framing> framingFromName(QStringView name)
{
    const QStringView trimmed = name.trimmed();
    for (Framing framing : {Framing::Auto, Framing::Line, Framing::Raw, Framing::Cr}) {
        if (trimmed.compare(framingName(framing), Qt::CaseInsensitive) == 0)
            return framing;
    }
    return std::nullopt;
}

bool LengthFieldSpec::operator==(const LengthFieldSpec& other) const
{
    return offset == other.offset && size == other.size && bigEndian == other.bigEndian &&
           adjust == other.adjust && strip == other.strip && maxFrame == other.maxFrame &&
           preset == other.preset;
}

FrameSpec FrameSpec::delimited(const QByteArray& end, const QByteArray& start)
{
    FrameSpec spec(Framing::Delimiter);
    spec.delimiter = end;
    spec.start = start;
    return spec;
}

FrameSpec FrameSpec::lengthField(const LengthFieldSpec& length)
{
    FrameSpec spec(Framing::LengthField);
    spec.length = length;
    return spec;
}

FrameSpec FrameSpec::preset(LengthPreset preset)
{
    LengthFieldSpec length;
    length.preset = preset;
    switch (preset) {
    case LengthPreset::Custom:
        break;
    case LengthPreset::U16Be:
        length.size = 2;
        length.strip = 2;
        break;
    case LengthPreset::U32Be:
        length.size = 4;
        length.strip = 4;
        break;
    case LengthPreset::ModbusTcp:
        // MBAP: transaction id (2), protocol id (2), length (2) of what follows
        // (unit id + PDU), unit id (1). The message is the whole ADU.
        length.offset = 4;
        length.size = 2;
        break;
    }
    return lengthField(length);
}

FrameSpec FrameSpec::fixed(qsizetype size)
{
    FrameSpec spec(Framing::Fixed);
    spec.fixedSize = size;
    return spec;
}

bool FrameSpec::isTextual() const
{
    return framing == Framing::Auto || framing == Framing::Line || framing == Framing::Cr;
}

QString FrameSpec::toText() const
{
    switch (framing) {
    case Framing::Auto:
    case Framing::Line:
    case Framing::Raw:
    case Framing::Cr:
        return framingName(framing);
    case Framing::Delimiter:
        return start.isEmpty() ? QStringLiteral("delimiter:") + compactHex(delimiter)
                               : QStringLiteral("delimiter:") + compactHex(start) +
                                     QStringLiteral("..") + compactHex(delimiter);
    case Framing::LengthField:
        switch (length.preset) {
        case LengthPreset::U16Be:
            return QStringLiteral("u16be");
        case LengthPreset::U32Be:
            return QStringLiteral("u32be");
        case LengthPreset::ModbusTcp:
            return QStringLiteral("modbus-tcp");
        case LengthPreset::Custom:
            break;
        }
        {
            QString text =
                QStringLiteral("length:offset=%1,size=%2,endian=%3,adjust=%4,strip=%5")
                    .arg(length.offset)
                    .arg(length.size)
                    .arg(length.bigEndian ? QStringLiteral("big") : QStringLiteral("little"))
                    .arg(length.adjust)
                    .arg(length.strip);
            if (length.maxFrame > 0) // 0: the connection's message limit, the default
                text += QStringLiteral(",max=%1").arg(length.maxFrame);
            return text;
        }
    case Framing::Fixed:
        return QStringLiteral("fixed:%1").arg(fixedSize);
    }
    return QStringLiteral("auto");
}

QString FrameSpec::label() const
{
    switch (framing) {
    case Framing::Auto:
        return tr("auto");
    case Framing::Line:
        return tr("line");
    case Framing::Raw:
        return tr("raw");
    case Framing::Cr:
        return QStringLiteral("CR");
    case Framing::Delimiter:
        return start.isEmpty()
                   ? tr("delimiter %1").arg(formatHex(delimiter))
                   : QStringLiteral("%1…%2").arg(formatHex(start), formatHex(delimiter));
    case Framing::LengthField:
        switch (length.preset) {
        case LengthPreset::U16Be:
            return QStringLiteral("u16 BE");
        case LengthPreset::U32Be:
            return QStringLiteral("u32 BE");
        case LengthPreset::ModbusTcp:
            return QStringLiteral("Modbus/TCP");
        case LengthPreset::Custom:
            break;
        }
        return tr("length @%1+%2 %3")
            .arg(length.offset)
            .arg(length.size)
            .arg(length.bigEndian ? QStringLiteral("BE") : QStringLiteral("LE"));
    case Framing::Fixed:
        return tr("fixed %1").arg(fixedSize);
    }
    return {};
}

bool FrameSpec::operator==(const FrameSpec& other) const
{
    if (framing != other.framing)
        return false;
    switch (framing) {
    case Framing::Delimiter:
        return delimiter == other.delimiter && start == other.start;
    case Framing::LengthField:
        return length == other.length;
    case Framing::Fixed:
        return fixedSize == other.fixedSize;
    default:
        return true;
    }
}

std::optional<FrameSpec> parseFrameSpec(QStringView text, FrameSpecError* error)
{
    const QStringView trimmed = text.trimmed();
    if (error)
        *error = {};
    if (const std::optional<Framing> simple = framingFromName(trimmed))
        return FrameSpec(*simple);
    const qsizetype colon = trimmed.indexOf(QLatin1Char(':'));
    const QStringView name = (colon < 0 ? trimmed : trimmed.first(colon)).trimmed();
    const QStringView value = colon < 0 ? QStringView() : trimmed.sliced(colon + 1).trimmed();
    const auto is = [&name](const char* word) {
        return name.compare(QLatin1String(word), Qt::CaseInsensitive) == 0;
    };
    if (colon < 0) {
        if (is("u16be"))
            return FrameSpec::preset(LengthPreset::U16Be);
        if (is("u32be"))
            return FrameSpec::preset(LengthPreset::U32Be);
        if (is("modbus-tcp"))
            return FrameSpec::preset(LengthPreset::ModbusTcp);
    } else if (is("delimiter")) {
        const qsizetype dots = value.indexOf(QLatin1String(".."));
        const std::optional<QByteArray> end =
            parseDelimiterBytes(dots < 0 ? value : value.sliced(dots + 2), error);
        if (!end)
            return std::nullopt;
        QByteArray start;
        if (dots >= 0) {
            const std::optional<QByteArray> parsed = parseDelimiterBytes(value.first(dots), error);
            if (!parsed)
                return std::nullopt;
            start = *parsed;
        }
        return FrameSpec::delimited(*end, start);
    } else if (is("length")) {
        const std::optional<LengthFieldSpec> length = parseLengthSpec(value, error);
        if (!length)
            return std::nullopt;
        return FrameSpec::lengthField(*length);
    } else if (is("fixed")) {
        const std::optional<qint64> size = numberIn(value, 1, kMaxFrameBytes);
        if (!size) {
            if (error)
                *error = {FrameSpecErrorKind::BadValue, value.toString()};
            return std::nullopt;
        }
        return FrameSpec::fixed(*size);
    }
    if (error)
        *error = {FrameSpecErrorKind::UnknownFraming, trimmed.toString()};
    return std::nullopt;
}

QString describeFrameSpecError(const FrameSpecError& error)
{
    switch (error.kind) {
    case FrameSpecErrorKind::None:
        return {};
    case FrameSpecErrorKind::UnknownFraming:
        return tr("\"%1\" is not a framing: use auto, line, raw, cr, delimiter:HEX, "
                  "delimiter:HEX..HEX, length:KEY=VALUE,…, fixed:N, u16be, u32be or modbus-tcp")
            .arg(error.detail);
    case FrameSpecErrorKind::BadBytes:
        return tr("\"%1\" is neither hex bytes (03, 0D0A) nor escaped text (\\x17)")
            .arg(error.detail);
    case FrameSpecErrorKind::EmptyDelimiter:
        return tr("the delimiter is empty");
    case FrameSpecErrorKind::UnknownKey:
        return tr("\"%1\": length keys are offset, size, endian, adjust, strip and max")
            .arg(error.detail);
    case FrameSpecErrorKind::BadValue:
        return tr("\"%1\" is out of range").arg(error.detail);
    }
    return {};
}

} // namespace chorus
