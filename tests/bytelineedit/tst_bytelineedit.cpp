// ByteLineEdit: Text and Hex input that refuses bad input with its position
// and never hands out a partial result.

#include "ByteLineEdit.h"

#include <QComboBox>
#include <QSignalSpy>
#include <QtTest>

using namespace chorus;

class tst_ByteLineEdit : public QObject
{
    Q_OBJECT
private slots:
    void takesBytes_data();
    void takesBytes();
    void refusesWithPosition_data();
    void refusesWithPosition();
    void editingClearsTheError();
};

void tst_ByteLineEdit::takesBytes_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("hex modbus") << int(ByteInput::Hex) << QStringLiteral("01 03 00 00 00 0A C5 CD")
                                << QByteArray::fromHex("01030000000AC5CD");
    QTest::newRow("text escapes") << int(ByteInput::Text) << QStringLiteral("A\\rB\\x03")
                                  << QByteArray("A\rB\x03");
    QTest::newRow("korean") << int(ByteInput::Text) << QStringLiteral("드론")
                            << QStringLiteral("드론").toUtf8();
}

void tst_ByteLineEdit::takesBytes()
{
    QFETCH(int, mode);
    QFETCH(QString, text);
    QFETCH(QByteArray, bytes);
    ByteLineEdit edit;
    edit.setMode(ByteInput(mode));
    QCOMPARE(edit.modeSwitch()->currentData().toInt(), mode);
    edit.setText(text);
    QSignalSpy problems(&edit, &ByteLineEdit::problem);
    QCOMPARE(edit.takeBytes().value_or("<refused>"), bytes);
    QCOMPARE(problems.count(), 0);
    QVERIFY(!edit.hasError());
}

void tst_ByteLineEdit::refusesWithPosition_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("cursor");
    QTest::newRow("odd hex") << int(ByteInput::Hex) << QStringLiteral("01 02 0") << 6;
    QTest::newRow("bad escape") << int(ByteInput::Text) << QStringLiteral("ab\\xZ1") << 2;
    QTest::newRow("unknown escape") << int(ByteInput::Text) << QStringLiteral("\\q") << 0;
}

void tst_ByteLineEdit::refusesWithPosition()
{
    QFETCH(int, mode);
    QFETCH(QString, text);
    QFETCH(int, cursor);
    ByteLineEdit edit;
    edit.setMode(ByteInput(mode));
    edit.setText(text);
    QSignalSpy problems(&edit, &ByteLineEdit::problem);
    QVERIFY(!edit.takeBytes().has_value());
    QCOMPARE(problems.count(), 1);
    QVERIFY(edit.hasError());
    QCOMPARE(edit.selectionStart(), cursor);
    QCOMPARE(edit.text(), text); // nothing typed is lost
}

void tst_ByteLineEdit::editingClearsTheError()
{
    ByteLineEdit edit;
    edit.setMode(ByteInput::Hex);
    edit.setText(QStringLiteral("0"));
    QVERIFY(!edit.takeBytes());
    QVERIFY(edit.hasError());
    edit.setFocus();
    edit.setCursorPosition(1);
    QTest::keyClick(&edit, Qt::Key_1);
    QVERIFY(!edit.hasError());
    QCOMPARE(edit.takeBytes().value_or("<refused>"), QByteArray("\x01"));
    edit.setText(QStringLiteral("0"));
    QVERIFY(!edit.takeBytes());
    edit.setMode(ByteInput::Text); // the same text is valid as Text
    QVERIFY(!edit.hasError());
    QCOMPARE(edit.takeBytes().value_or("<refused>"), QByteArray("0"));
}

QTEST_MAIN(tst_ByteLineEdit)
#include "tst_bytelineedit.moc"
