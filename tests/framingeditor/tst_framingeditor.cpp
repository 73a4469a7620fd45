// FramingEditor / FramingDialog: every framing can be chosen and read back,
// presets fill Netty's parameters, and a bad delimiter keeps OK disabled.

#include "ByteLineEdit.h"
#include "FramingEditor.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QPushButton>
#include <QSpinBox>
#include <QtTest>

using namespace chorus;

class tst_FramingEditor : public QObject
{
    Q_OBJECT
private slots:
    void roundTrips_data();
    void roundTrips();
    void presetThenEditIsCustom();
    void badDelimiterDisablesOk();
};

void tst_FramingEditor::roundTrips_data()
{
    QTest::addColumn<QString>("text");
    for (const char* text : {"auto", "line", "raw", "cr", "delimiter:03", "delimiter:0D0A",
                             "delimiter:02..03", "u16be", "u32be", "modbus-tcp", "fixed:8",
                             "length:offset=1,size=4,endian=little,adjust=-4,strip=5,max=1000",
                             "length:offset=0,size=8,endian=big,adjust=0,strip=8"})
        QTest::newRow(text) << QString::fromLatin1(text);
}

void tst_FramingEditor::roundTrips()
{
    QFETCH(QString, text);
    const std::optional<FrameSpec> spec = parseFrameSpec(text);
    QVERIFY(spec.has_value());
    FramingEditor editor;
    editor.setSpec(*spec);
    const std::optional<FrameSpec> back = editor.spec();
    QVERIFY(back.has_value());
    QCOMPARE(back->toText(), text);
    QVERIFY(editor.problem().isEmpty());
}

void tst_FramingEditor::presetThenEditIsCustom()
{
    FramingEditor editor;
    editor.setSpec(FrameSpec::preset(LengthPreset::ModbusTcp));
    QCOMPARE(editor.spec()->toText(), QStringLiteral("modbus-tcp"));
    auto* strip = editor.findChildren<QSpinBox*>().at(3); // offset, adjust, strip, max, fixed
    QVERIFY(strip);
    QCOMPARE(editor.spec()->length.offset, 4);
    editor.presetCombo()->setCurrentIndex(editor.presetCombo()->findData(int(LengthPreset::U16Be)));
    QCOMPARE(editor.spec()->toText(), QStringLiteral("u16be"));
    // Changing a parameter by hand makes it a custom length field.
    const QList<QSpinBox*> spins = editor.findChildren<QSpinBox*>();
    for (QSpinBox* box : spins) {
        if (box->toolTip().startsWith(QLatin1String("initialBytesToStrip")))
            box->setValue(0);
    }
    QCOMPARE(editor.presetCombo()->currentData().toInt(), int(LengthPreset::Custom));
    QCOMPARE(editor.spec()->length.strip, 0);
    QCOMPARE(editor.spec()->length.size, 2);
}

void tst_FramingEditor::badDelimiterDisablesOk()
{
    FramingDialog dialog(FrameSpec::delimited("\x03"));
    auto* ok = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    QVERIFY(ok->isEnabled());
    dialog.editor()->delimiterEdit()->setText(QStringLiteral("0"));
    QVERIFY(!ok->isEnabled());
    QVERIFY(!dialog.editor()->spec().has_value());
    QVERIFY(!dialog.editor()->problem().isEmpty());
    dialog.editor()->delimiterEdit()->setText(QStringLiteral("17"));
    QVERIFY(ok->isEnabled());
    QVERIFY(dialog.spec() == FrameSpec::delimited("\x17"));
}

QTEST_MAIN(tst_FramingEditor)
#include "tst_framingeditor.moc"
