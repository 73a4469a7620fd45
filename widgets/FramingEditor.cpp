#include "FramingEditor.h"

#include "ByteLineEdit.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace chorus {

namespace {

// The pages of the stack, in the order of the kinds that have parameters.
enum Page { NoParameters, DelimiterPage, LengthPage, FixedPage };

Page pageFor(Framing framing)
{
    switch (framing) {
    case Framing::Delimiter:
        return DelimiterPage;
    case Framing::LengthField:
        return LengthPage;
    case Framing::Fixed:
        return FixedPage;
    default:
        return NoParameters;
    }
}

QSpinBox* spin(QWidget* parent, int minimum, int maximum, const QString& suffix = {})
{
    auto* box = new QSpinBox(parent);
    box->setRange(minimum, maximum);
    box->setSuffix(suffix);
    box->setGroupSeparatorShown(true);
    return box;
}

QHBoxLayout* withSwitch(ByteLineEdit* edit)
{
    auto* row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(edit, 1);
    row->addWidget(edit->modeSwitch());
    return row;
}

} // namespace

FramingEditor::FramingEditor(QWidget* parent)
    : QWidget(parent), m_kind(new QComboBox(this)), m_pages(new QStackedWidget(this)),
      m_commandLine(new QLabel(this))
{
    m_kind->addItem(tr("Auto: LF, CR LF, CR or an idle gap"), int(Framing::Auto));
    m_kind->addItem(tr("Line: LF or CR LF"), int(Framing::Line));
    m_kind->addItem(tr("CR: a carriage return ends a message"), int(Framing::Cr));
    m_kind->addItem(tr("Raw: each arrival is a message"), int(Framing::Raw));
    m_kind->addItem(tr("Delimiter: chosen bytes end a message"), int(Framing::Delimiter));
    m_kind->addItem(tr("Length field: a header says the length"), int(Framing::LengthField));
    m_kind->addItem(tr("Fixed size: N bytes a message"), int(Framing::Fixed));

    auto* none = new QLabel(tr("No parameters."), m_pages);
    none->setEnabled(false);
    m_pages->addWidget(none);
    m_pages->addWidget(buildDelimiterPage());
    m_pages->addWidget(buildLengthPage());
    auto* fixedPage = new QWidget(m_pages);
    auto* fixedForm = new QFormLayout(fixedPage);
    m_fixedSize = spin(fixedPage, 1, int(kMaxFrameBytes), tr(" bytes"));
    m_fixedSize->setValue(8);
    fixedForm->addRow(tr("Message size:"), m_fixedSize);
    m_pages->addWidget(fixedPage);

    m_commandLine->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_commandLine->setWordWrap(true);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_kind);
    layout->addWidget(m_pages);
    layout->addWidget(m_commandLine);

    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        showPage();
        refresh();
    });
    connect(m_fixedSize, &QSpinBox::valueChanged, this, &FramingEditor::refresh);
    showPage();
    refresh();
}

QWidget* FramingEditor::buildDelimiterPage()
{
    auto* page = new QWidget(m_pages);
    auto* form = new QFormLayout(page);
    m_end = new ByteLineEdit(page);
    m_end->setMode(ByteInput::Hex);
    m_end->setText(QStringLiteral("03"));
    m_start = new ByteLineEdit(page);
    m_start->setMode(ByteInput::Hex);
    m_start->setToolTip(tr("Optional. With a start (e.g. 02 = STX), a message is what lies "
                           "between start and end; bytes outside are reported in the log."));
    form->addRow(tr("End bytes:"), withSwitch(m_end));
    form->addRow(tr("Start bytes:"), withSwitch(m_start));
    for (ByteLineEdit* edit : {m_end, m_start}) {
        connect(edit, &QLineEdit::textChanged, this, &FramingEditor::refresh);
        connect(edit->modeSwitch(), &QComboBox::currentIndexChanged, this, &FramingEditor::refresh);
    }
    return page;
}

QWidget* FramingEditor::buildLengthPage()
{
    auto* page = new QWidget(m_pages);
    auto* form = new QFormLayout(page);
    m_preset = new QComboBox(page);
    m_preset->addItem(tr("u16 BE prefix (2-byte length, then the message)"),
                      int(LengthPreset::U16Be));
    m_preset->addItem(tr("u32 BE prefix (4-byte length, then the message)"),
                      int(LengthPreset::U32Be));
    m_preset->addItem(tr("Modbus/TCP (MBAP header, whole ADU)"), int(LengthPreset::ModbusTcp));
    m_preset->addItem(tr("Custom"), int(LengthPreset::Custom));
    // Netty's LengthFieldBasedFrameDecoder parameters, under its names.
    m_offset = spin(page, 0, 1024, tr(" bytes"));
    m_offset->setToolTip(tr("lengthFieldOffset: bytes before the length field"));
    m_size = new QComboBox(page);
    for (int size : {1, 2, 3, 4, 8})
        m_size->addItem(tr("%n byte(s)", nullptr, size), size);
    m_size->setToolTip(tr("lengthFieldLength"));
    m_endian = new QComboBox(page);
    m_endian->addItem(tr("Big endian (network order)"), true);
    m_endian->addItem(tr("Little endian"), false);
    m_adjust = spin(page, -int(kMaxFrameBytes), int(kMaxFrameBytes), tr(" bytes"));
    m_adjust->setToolTip(tr("lengthAdjustment: added to the field's value (negative when the "
                            "length counts the header)"));
    m_strip = spin(page, 0, 1024 + 8, tr(" bytes"));
    m_strip->setToolTip(tr("initialBytesToStrip: removed from the start of each frame"));
    m_maxFrame = spin(page, 0, int(kMaxFrameBytes), tr(" bytes"));
    m_maxFrame->setSpecialValueText(tr("the message limit"));
    m_maxFrame->setToolTip(tr("maxFrameLength: longer frames are discarded and logged"));
    form->addRow(tr("Preset:"), m_preset);
    form->addRow(tr("Field offset:"), m_offset);
    form->addRow(tr("Field size:"), m_size);
    form->addRow(tr("Byte order:"), m_endian);
    form->addRow(tr("Length adjustment:"), m_adjust);
    form->addRow(tr("Bytes to strip:"), m_strip);
    form->addRow(tr("Maximum frame:"), m_maxFrame);

    connect(m_preset, &QComboBox::currentIndexChanged, this, &FramingEditor::applyPreset);
    for (QSpinBox* box : {m_offset, m_adjust, m_strip, m_maxFrame})
        connect(box, &QSpinBox::valueChanged, this, [this] {
            if (!m_settingPreset)
                m_preset->setCurrentIndex(m_preset->findData(int(LengthPreset::Custom)));
            refresh();
        });
    for (QComboBox* box : {m_size, m_endian})
        connect(box, &QComboBox::currentIndexChanged, this, [this] {
            if (!m_settingPreset)
                m_preset->setCurrentIndex(m_preset->findData(int(LengthPreset::Custom)));
            refresh();
        });
    applyPreset();
    return page;
}

void FramingEditor::applyPreset()
{
    const auto preset = LengthPreset(m_preset->currentData().toInt());
    if (preset == LengthPreset::Custom) {
        refresh();
        return;
    }
    const LengthFieldSpec length = FrameSpec::preset(preset).length;
    m_settingPreset = true;
    m_offset->setValue(length.offset);
    m_size->setCurrentIndex(m_size->findData(length.size));
    m_endian->setCurrentIndex(m_endian->findData(length.bigEndian));
    m_adjust->setValue(int(length.adjust));
    m_strip->setValue(length.strip);
    m_maxFrame->setValue(int(length.maxFrame));
    m_settingPreset = false;
    refresh();
}

void FramingEditor::showPage()
{
    m_pages->setCurrentIndex(pageFor(Framing(m_kind->currentData().toInt())));
}

void FramingEditor::setSpec(const FrameSpec& spec)
{
    m_kind->setCurrentIndex(std::max(0, m_kind->findData(int(spec.framing))));
    switch (spec.framing) {
    case Framing::Delimiter:
        m_end->setMode(ByteInput::Hex);
        m_end->setText(formatHex(spec.delimiter));
        m_start->setMode(ByteInput::Hex);
        m_start->setText(formatHex(spec.start));
        break;
    case Framing::LengthField:
        m_preset->setCurrentIndex(m_preset->findData(int(spec.length.preset)));
        if (spec.length.preset == LengthPreset::Custom) {
            m_offset->setValue(spec.length.offset);
            m_size->setCurrentIndex(m_size->findData(spec.length.size));
            m_endian->setCurrentIndex(m_endian->findData(spec.length.bigEndian));
            m_adjust->setValue(int(spec.length.adjust));
            m_strip->setValue(spec.length.strip);
            m_maxFrame->setValue(int(spec.length.maxFrame));
        }
        break;
    case Framing::Fixed:
        m_fixedSize->setValue(int(spec.fixedSize));
        break;
    default:
        break;
    }
    showPage();
    refresh();
}

std::optional<FrameSpec> FramingEditor::spec() const
{
    const auto framing = Framing(m_kind->currentData().toInt());
    switch (framing) {
    case Framing::Delimiter: {
        const std::optional<QByteArray> end = m_end->bytes();
        const std::optional<QByteArray> start = m_start->bytes();
        if (!end || !start || end->isEmpty() || end->size() > kMaxDelimiterBytes ||
            start->size() > kMaxDelimiterBytes)
            return std::nullopt;
        return FrameSpec::delimited(*end, *start);
    }
    case Framing::LengthField: {
        const auto preset = LengthPreset(m_preset->currentData().toInt());
        if (preset != LengthPreset::Custom)
            return FrameSpec::preset(preset);
        LengthFieldSpec length;
        length.offset = m_offset->value();
        length.size = m_size->currentData().toInt();
        length.bigEndian = m_endian->currentData().toBool();
        length.adjust = m_adjust->value();
        length.strip = m_strip->value();
        length.maxFrame = m_maxFrame->value();
        return FrameSpec::lengthField(length);
    }
    case Framing::Fixed:
        return FrameSpec::fixed(m_fixedSize->value());
    default:
        return FrameSpec(framing);
    }
}

QString FramingEditor::problem() const
{
    if (Framing(m_kind->currentData().toInt()) != Framing::Delimiter)
        return {};
    ByteParseError error;
    if (const std::optional<QByteArray> end = m_end->bytes(&error); !end)
        return tr("End bytes: %1").arg(describeParseError(error));
    else if (end->isEmpty())
        return tr("End bytes: give at least one byte");
    else if (end->size() > kMaxDelimiterBytes)
        return tr("End bytes: at most %1 bytes").arg(kMaxDelimiterBytes);
    if (const std::optional<QByteArray> start = m_start->bytes(&error); !start)
        return tr("Start bytes: %1").arg(describeParseError(error));
    else if (start->size() > kMaxDelimiterBytes)
        return tr("Start bytes: at most %1 bytes").arg(kMaxDelimiterBytes);
    return {};
}

void FramingEditor::refresh()
{
    if (const std::optional<FrameSpec> current = spec()) {
        m_commandLine->setStyleSheet(QString());
        m_commandLine->setText(tr("Command line: --framing %1").arg(current->toText()));
    } else {
        m_commandLine->setStyleSheet(QStringLiteral("color: #c02020;"));
        m_commandLine->setText(problem());
    }
    emit changed();
}

FramingDialog::FramingDialog(const FrameSpec& spec, QWidget* parent)
    : QDialog(parent), m_editor(new FramingEditor(this))
{
    setWindowTitle(tr("Framing"));
    m_editor->setSpec(spec);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_editor, &FramingEditor::changed, this, [this, buttons] {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(m_editor->spec().has_value());
    });
    buttons->button(QDialogButtonBox::Ok)->setEnabled(m_editor->spec().has_value());
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_editor);
    layout->addWidget(buttons);
}

FrameSpec FramingDialog::spec() const
{
    return m_editor->spec().value_or(FrameSpec());
}

} // namespace chorus
