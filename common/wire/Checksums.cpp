#include "wire/Checksums.h"

#include <zlib.h>

namespace chorus {

quint16 crc16Modbus(QByteArrayView bytes)
{
    quint16 crc = 0xFFFF;
    for (const char byte : bytes) {
        crc ^= quint8(byte);
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc & 1) ? quint16((crc >> 1) ^ 0xA001) : quint16(crc >> 1);
    }
    return crc;
}

quint16 crc16Ccitt(QByteArrayView bytes)
{
    quint16 crc = 0xFFFF;
    for (const char byte : bytes) {
        crc ^= quint16(quint8(byte) << 8);
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc & 0x8000) ? quint16((crc << 1) ^ 0x1021) : quint16(crc << 1);
    }
    return crc;
}

quint32 crc32(QByteArrayView bytes)
{
    // zlib's: the well-kept implementation of this exact CRC (ISO-HDLC).
    uLong crc = ::crc32(0L, Z_NULL, 0);
    const auto* data = reinterpret_cast<const Bytef*>(bytes.data());
    qsizetype left = bytes.size();
    while (left > 0) {
        const uInt chunk = uInt(std::min<qsizetype>(left, 1 << 30));
        crc = ::crc32(crc, data, chunk);
        data += chunk;
        left -= chunk;
    }
    return quint32(crc);
}

quint8 sum8(QByteArrayView bytes)
{
    quint8 sum = 0;
    for (const char byte : bytes)
        sum = quint8(sum + quint8(byte));
    return sum;
}

quint8 xor8(QByteArrayView bytes)
{
    quint8 value = 0;
    for (const char byte : bytes)
        value ^= quint8(byte);
    return value;
}

QString checksumName(ChecksumKind kind)
{
    switch (kind) {
    case ChecksumKind::Crc16Modbus:
        return QStringLiteral("crc16modbus");
    case ChecksumKind::Crc16Ccitt:
        return QStringLiteral("crc16ccitt");
    case ChecksumKind::Crc32:
        return QStringLiteral("crc32");
    case ChecksumKind::Sum8:
        return QStringLiteral("sum8");
    case ChecksumKind::Xor8:
        return QStringLiteral("xor8");
    case ChecksumKind::Length:
        return QStringLiteral("len");
    }
    return {};
}

std::optional<ChecksumKind> checksumFromName(QStringView name)
{
    for (ChecksumKind kind :
         {ChecksumKind::Crc16Modbus, ChecksumKind::Crc16Ccitt, ChecksumKind::Crc32,
          ChecksumKind::Sum8, ChecksumKind::Xor8, ChecksumKind::Length}) {
        if (name == checksumName(kind))
            return kind;
    }
    return std::nullopt;
}

QByteArray checksumBytes(ChecksumKind kind, QByteArrayView bytes)
{
    switch (kind) {
    case ChecksumKind::Crc16Modbus: {
        const quint16 crc = crc16Modbus(bytes);
        const char out[] = {char(crc & 0xFF), char(crc >> 8)};
        return QByteArray(out, sizeof out);
    }
    case ChecksumKind::Crc16Ccitt: {
        const quint16 crc = crc16Ccitt(bytes);
        const char out[] = {char(crc >> 8), char(crc & 0xFF)};
        return QByteArray(out, sizeof out);
    }
    case ChecksumKind::Crc32: {
        const quint32 crc = crc32(bytes);
        const char out[] = {char(crc >> 24), char((crc >> 16) & 0xFF), char((crc >> 8) & 0xFF),
                            char(crc & 0xFF)};
        return QByteArray(out, sizeof out);
    }
    case ChecksumKind::Sum8:
        return QByteArray(1, char(sum8(bytes)));
    case ChecksumKind::Xor8:
        return QByteArray(1, char(xor8(bytes)));
    case ChecksumKind::Length:
        return QByteArray::number(bytes.size());
    }
    return {};
}

} // namespace chorus
