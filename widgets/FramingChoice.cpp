#include "FramingChoice.h"

#include "FramingEditor.h"

namespace chorus {

namespace {

// Items that open the dialog carry this marker in DialogRole instead of a spelling.
constexpr int DialogRole = Qt::UserRole + 1;
const QString kFixedItem = QStringLiteral("fixed");
const QString kCustomItem = QStringLiteral("custom");
const QString kKeptItem = QStringLiteral("kept"); // a framing from the dialog or from code

} // namespace

FramingChoice::FramingChoice(QWidget* parent) : QComboBox(parent)
{
    const auto add = [this](const QString& label, const FrameSpec& spec) {
        addItem(label, spec.toText());
    };
    add(tr("Auto (LF, CR LF, CR or idle gap)"), Framing::Auto);
    add(tr("Line (LF or CR LF)"), Framing::Line);
    add(tr("CR (carriage return)"), Framing::Cr);
    add(tr("Raw (each arrival)"), Framing::Raw);
    add(tr("Delimiter 03 (ETX)"), FrameSpec::delimited(QByteArray("\x03", 1)));
    add(tr("STX…ETX envelope (02…03)"),
        FrameSpec::delimited(QByteArray("\x03", 1), QByteArray("\x02", 1)));
    add(tr("u16 BE length prefix"), FrameSpec::preset(LengthPreset::U16Be));
    add(tr("u32 BE length prefix"), FrameSpec::preset(LengthPreset::U32Be));
    add(tr("Modbus/TCP"), FrameSpec::preset(LengthPreset::ModbusTcp));
    addItem(tr("Fixed size…"));
    setItemData(count() - 1, kFixedItem, DialogRole);
    addItem(tr("Custom…"));
    setItemData(count() - 1, kCustomItem, DialogRole);
    setToolTip(tr("Where a message ends. Fixed size… and Custom… open the framing editor "
                  "(any delimiter, length field or size)."));
    connect(this, &QComboBox::currentIndexChanged, this, &FramingChoice::onIndexChanged);
}

int FramingChoice::dialogItem(const QString& which) const
{
    return findData(which, DialogRole);
}

void FramingChoice::select(int index)
{
    m_selecting = true;
    setCurrentIndex(index);
    m_selecting = false;
}

void FramingChoice::setSpec(const FrameSpec& spec)
{
    m_spec = spec;
    int index = findData(spec.toText());
    if (index < 0 || itemData(index, DialogRole).isValid()) {
        // Not a fixed item: the one kept item shows it, just above "Fixed size…".
        const int kept = dialogItem(kKeptItem);
        if (kept >= 0)
            removeItem(kept);
        index = dialogItem(kFixedItem);
        insertItem(index, spec.label(), spec.toText());
        setItemData(index, kKeptItem, DialogRole);
        setItemData(index, tr("--framing %1").arg(spec.toText()), Qt::ToolTipRole);
    }
    select(index);
}

void FramingChoice::onIndexChanged(int index)
{
    if (m_selecting || index < 0)
        return;
    const QString which = itemData(index, DialogRole).toString();
    if (which == kFixedItem) {
        openDialog(m_spec.framing == Framing::Fixed ? m_spec : FrameSpec::fixed(8));
        return;
    }
    if (which == kCustomItem) {
        openDialog(m_spec);
        return;
    }
    const std::optional<FrameSpec> spec = parseFrameSpec(itemData(index).toString());
    if (!spec)
        return;
    m_spec = *spec;
    emit specChosen(m_spec);
}

void FramingChoice::openDialog(const FrameSpec& start)
{
    // Until the dialog says otherwise, the combo keeps showing what is in force.
    setSpec(m_spec);
    if (m_dialog)
        return;
    m_dialog = new FramingDialog(start, this);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &QDialog::accepted, this, [this, dialog = m_dialog] {
        setSpec(dialog->spec());
        emit specChosen(m_spec);
    });
    m_dialog->open();
}

} // namespace chorus
