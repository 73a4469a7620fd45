// Checksums against their published check values ("123456789" in Greg Cook's
// CRC catalogue) and a Modbus RTU frame whose CRC is known from the spec.

#include "wire/Checksums.h"

#include <QtTest>

using namespace chorus;

class tst_Checksums : public QObject
{
    Q_OBJECT
private slots:
    void checkValues_data();
    void checkValues();
    void modbusRtuFrame();
    void names();
};

void tst_Checksums::checkValues_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QByteArray>("appended");
    QTest::newRow("crc16modbus 0x4B37, little-endian")
        << int(ChecksumKind::Crc16Modbus) << QByteArray::fromHex("374B");
    QTest::newRow("crc16ccitt 0x29B1, big-endian")
        << int(ChecksumKind::Crc16Ccitt) << QByteArray::fromHex("29B1");
    QTest::newRow("crc32 0xCBF43926, big-endian")
        << int(ChecksumKind::Crc32) << QByteArray::fromHex("CBF43926");
    QTest::newRow("sum8 0xDD") << int(ChecksumKind::Sum8) << QByteArray::fromHex("DD");
    QTest::newRow("xor8 0x31") << int(ChecksumKind::Xor8) << QByteArray::fromHex("31");
    QTest::newRow("len 9") << int(ChecksumKind::Length) << QByteArray("9");
}

void tst_Checksums::checkValues()
{
    QFETCH(int, kind);
    QFETCH(QByteArray, appended);
    QCOMPARE(checksumBytes(ChecksumKind(kind), "123456789"), appended);
}

void tst_Checksums::modbusRtuFrame()
{
    // Read holding registers: slave 1, function 3, address 0, count 10 -> CRC C5 CD on the wire.
    const QByteArray request = QByteArray::fromHex("01030000000A");
    QCOMPARE(checksumBytes(ChecksumKind::Crc16Modbus, request), QByteArray::fromHex("C5CD"));
    QCOMPARE(crc16Modbus(request), quint16(0xCDC5));
    QCOMPARE(crc16Modbus({}), quint16(0xFFFF));
    QCOMPARE(crc32({}), quint32(0));
}

void tst_Checksums::names()
{
    for (ChecksumKind kind :
         {ChecksumKind::Crc16Modbus, ChecksumKind::Crc16Ccitt, ChecksumKind::Crc32,
          ChecksumKind::Sum8, ChecksumKind::Xor8, ChecksumKind::Length})
        QCOMPARE(checksumFromName(checksumName(kind)), kind);
    QVERIFY(!checksumFromName(u"crc16"));
}

QTEST_GUILESS_MAIN(tst_Checksums)
#include "tst_checksums.moc"
