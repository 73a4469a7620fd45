// docs/PROTOCOL.md §1.2 shows each framing with hex examples in ```frames
// blocks; this keeps them true. Each block is one decoder, run line by line:
//   framing SPEC       a FrameDecoder for that --framing spelling
//   in HEX             one read
//   idle               the idle gap passes (flushAfterGap)
//   end                the stream ends (flushIdle(force))
//   message HEX (T)    the next thing decoded is this message, ended by T
//                      (terminatorName(); left out: not checked)
//   outside HEX        the next thing decoded is these bytes outside an envelope
//   incomplete HEX     the next thing decoded is this unfinished frame
//   reply HEX, out HEX a reply framed for the peer at this point is `out`
// Nothing decoded may be left unmentioned at the end of a block.

#include "wire/ByteText.h"
#include "wire/FrameCodec.h"
#include "wire/FrameSpec.h"

#include <QFile>
#include <QSet>
#include <QTest>

using namespace chorus;

namespace {

struct Example
{
    int line = 0; // of its first line in PROTOCOL.md
    QStringList lines;
};

QList<Example> documentedExamples()
{
    QFile file(QStringLiteral(CHORUS_SOURCE_DIR "/docs/PROTOCOL.md"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<Example> examples;
    bool inBlock = false;
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = QString::fromUtf8(lines.at(i)).trimmed();
        if (!inBlock && line == QLatin1String("```frames")) {
            inBlock = true;
            examples.append(Example{int(i) + 2, {}});
        } else if (inBlock && line.startsWith(QLatin1String("```"))) {
            inBlock = false;
        } else if (inBlock && !line.isEmpty()) {
            examples.last().lines.append(line);
        }
    }
    return examples;
}

// "message  41 0D (CR)" -> word "message", bytes 41 0D, note "CR".
struct ExampleLine
{
    QString word;
    QString rest;
    QString note;
};

ExampleLine split(const QString& line)
{
    ExampleLine out;
    const qsizetype space = line.indexOf(QLatin1Char(' '));
    out.word = space < 0 ? line : line.left(space);
    out.rest = space < 0 ? QString() : line.mid(space + 1).trimmed();
    if (out.rest.endsWith(QLatin1Char(')'))) {
        const qsizetype open = out.rest.lastIndexOf(QLatin1Char('('));
        out.note = out.rest.mid(open + 1).chopped(1);
        out.rest = out.rest.left(open).trimmed();
    }
    return out;
}

} // namespace

class TestFramingExamples : public QObject
{
    Q_OBJECT
private slots:
    void everyFramingHasAnExample();
    void examplesDecodeAndReplyAsShown_data();
    void examplesDecodeAndReplyAsShown();
};

void TestFramingExamples::everyFramingHasAnExample()
{
    QSet<int> framings;
    QSet<int> presets;
    for (const Example& example : documentedExamples()) {
        QVERIFY(!example.lines.isEmpty());
        const ExampleLine first = split(example.lines.first());
        QCOMPARE(first.word, QStringLiteral("framing"));
        const std::optional<FrameSpec> spec = parseFrameSpec(first.rest);
        QVERIFY2(spec, qPrintable(first.rest));
        framings.insert(int(spec->framing));
        if (spec->framing == Framing::LengthField)
            presets.insert(int(spec->length.preset));
    }
    for (Framing framing : {Framing::Auto, Framing::Line, Framing::Raw, Framing::Cr,
                            Framing::Delimiter, Framing::LengthField, Framing::Fixed})
        QVERIFY2(framings.contains(int(framing)), qPrintable(QString::number(int(framing))));
    for (LengthPreset preset :
         {LengthPreset::Custom, LengthPreset::U16Be, LengthPreset::U32Be, LengthPreset::ModbusTcp})
        QVERIFY2(presets.contains(int(preset)), qPrintable(QString::number(int(preset))));
}

void TestFramingExamples::examplesDecodeAndReplyAsShown_data()
{
    QTest::addColumn<QStringList>("lines");
    const QList<Example> examples = documentedExamples();
    QVERIFY(examples.size() >= 10);
    for (const Example& example : examples) {
        QTest::addRow("PROTOCOL.md:%d %s", example.line,
                      qPrintable(example.lines.value(0).section(QLatin1Char(' '), -1)))
            << example.lines;
    }
}

void TestFramingExamples::examplesDecodeAndReplyAsShown()
{
    QFETCH(QStringList, lines);
    const ExampleLine first = split(lines.first());
    QCOMPARE(first.word, QStringLiteral("framing"));
    const std::optional<FrameSpec> spec = parseFrameSpec(first.rest);
    QVERIFY2(spec, qPrintable(first.rest));
    FrameDecoder decoder(*spec);
    QList<FramedMessage> decoded; // in stream order, not yet matched by a line
    std::optional<QByteArray> reply;
    auto bytesOf = [](const QString& text) {
        ByteParseError error;
        const std::optional<QByteArray> bytes = parseHex(text, &error);
        if (!bytes)
            qWarning("not hex: %s (at %d)", qPrintable(text), int(error.position));
        return bytes;
    };
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const ExampleLine line = split(lines.at(i));
        const QByteArray where = QStringLiteral("line \"%1\"").arg(lines.at(i)).toUtf8();
        if (line.word == QLatin1String("idle") || line.word == QLatin1String("end")) {
            const std::optional<FramedMessage> flushed = line.word == QLatin1String("idle")
                                                             ? decoder.flushAfterGap()
                                                             : decoder.flushIdle(true);
            if (flushed)
                decoded.append(*flushed);
            continue;
        }
        const std::optional<QByteArray> bytes = bytesOf(line.rest);
        QVERIFY2(bytes, where.constData());
        if (line.word == QLatin1String("in")) {
            decoder.feed(*bytes, decoded);
        } else if (line.word == QLatin1String("message") || line.word == QLatin1String("outside") ||
                   line.word == QLatin1String("incomplete")) {
            QVERIFY2(!decoded.isEmpty(), where.constData());
            const FramedMessage next = decoded.takeFirst();
            const FrameProblem problem =
                line.word == QLatin1String("outside")      ? FrameProblem::OutsideEnvelope
                : line.word == QLatin1String("incomplete") ? FrameProblem::Incomplete
                                                           : FrameProblem::None;
            QVERIFY2(next.problem == problem, where.constData());
            QCOMPARE(next.payload.toHex(' '), bytes->toHex(' '));
            if (!line.note.isEmpty())
                QCOMPARE(terminatorName(next.terminator), line.note);
        } else if (line.word == QLatin1String("reply")) {
            reply = *bytes;
        } else if (line.word == QLatin1String("out")) {
            QVERIFY2(reply, "out without a reply before it");
            const std::optional<QByteArray> framed = decoder.frameOutgoing(*reply);
            QVERIFY2(framed, where.constData());
            QCOMPARE(framed->toHex(' '), bytes->toHex(' '));
            reply.reset();
        } else {
            QFAIL(where.constData());
        }
    }
    // Everything decoded is shown in the example.
    QVERIFY2(decoded.isEmpty(), qPrintable(QString::number(decoded.size())));
}

QTEST_GUILESS_MAIN(TestFramingExamples)
#include "tst_framingexamples.moc"
