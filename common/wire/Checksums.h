#pragma once

// Checksums a reply rule can append over the bytes written so far (docs/RULES.md).
// Each is given by its catalogue name (Greg Cook's CRC catalogue, the
// reference for these parameters), the bytes it appends, and the check value
// it gives for the ASCII bytes "123456789":
//
//   {crc16modbus}  CRC-16/MODBUS: poly 0x8005 reflected (0xA001), init 0xFFFF,
//                  no final xor; 2 bytes, little-endian (low byte first, as
//                  Modbus RTU sends it).                       check 0x4B37 -> 37 4B
//   {crc16ccitt}   CRC-16/CCITT-FALSE (also CRC-16/IBM-3740): poly 0x1021,
//                  init 0xFFFF, not reflected, no final xor; 2 bytes,
//                  big-endian.                                check 0x29B1 -> 29 B1
//   {crc32}        CRC-32 (ISO-HDLC, zlib's crc32()): poly 0x04C11DB7
//                  reflected, init and final xor 0xFFFFFFFF; 4 bytes,
//                  big-endian.                         check 0xCBF43926 -> CB F4 39 26
//   {sum8}         the sum of the bytes modulo 256; 1 byte.      check 0xDD
//   {xor8}         the XOR of the bytes (an LRC as in NMEA); 1 byte. check 0x31
//   {len}          the number of bytes so far, as decimal text ("9").

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringView>

#include <optional>

namespace chorus {

quint16 crc16Modbus(QByteArrayView bytes);
quint16 crc16Ccitt(QByteArrayView bytes);
quint32 crc32(QByteArrayView bytes);
quint8 sum8(QByteArrayView bytes);
quint8 xor8(QByteArrayView bytes);

enum class ChecksumKind { Crc16Modbus, Crc16Ccitt, Crc32, Sum8, Xor8, Length };
// "crc16modbus", "crc16ccitt", "crc32", "sum8", "xor8", "len"
QString checksumName(ChecksumKind kind);
std::optional<ChecksumKind> checksumFromName(QStringView name);
// The bytes the placeholder puts after `bytes`, in the byte order above.
QByteArray checksumBytes(ChecksumKind kind, QByteArrayView bytes);

} // namespace chorus
