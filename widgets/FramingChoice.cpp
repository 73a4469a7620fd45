#include "FramingChoice.h"
#include "base/TranslateIn.h"

#include "FramingEditor.h"

#include <QCoreApplication>

namespace chorus {

namespace {

// Items that open the dialog carry this marker in DialogRole instead of a spelling.
constexpr int DialogRole = Qt::UserRole + 1;
const QString kFixedItem = QStringLiteral("fixed");
const QString kCustomItem = QStringLiteral("custom");
const QString kKeptItem = QStringLiteral("kept"); // a framing from the dialog or from code

QString tr(const char* text)
{
    return translateIn({"chorus::FramingChoice", "chorus"}, text);
}

QString canonical(const QString& spelling)
{
    const std::optional<FrameSpec> spec = parseFrameSpec(spelling);
    return spec ? spec->toText() : spelling;
}

} // namespace

QList<CommonFraming> commonFramings()
{
    return {
        {canonical(QStringLiteral("auto")), tr("Auto (LF, CR LF, CR or idle gap)")},
        {canonical(QStringLiteral("line")), tr("Line (LF or CR LF)")},
        {canonical(QStringLiteral("cr")), tr("CR (a carriage return ends a message)")},
        {canonical(QStringLiteral("raw")), tr("Raw (each read is a message)")},
        {canonical(QStringLiteral("delimiter:03")), tr("Delimiter ETX (03)")},
        {canonical(QStringLiteral("delimiter:02..03")), tr("Envelope STX…ETX (02…03)")},
        {canonical(QStringLiteral("u16be")), tr("Length prefix u16 BE")},
        {canonical(QStringLiteral("u32be")), tr("Length prefix u32 BE")},
        {canonical(QStringLiteral("modbus-tcp")), tr("Modbus/TCP")},
    };
}

QString framingLabel(const QString& spelling)
{
    for (const CommonFraming& common : commonFramings()) {
        if (common.spelling == spelling)
            return common.label;
    }
    const std::optional<FrameSpec> spec = parseFrameSpec(spelling);
    return tr("Custom: %1").arg(spec ? spec->label() : spelling);
}

FramingChoice::FramingChoice(QWidget* parent) : QComboBox(parent)
{
    for (const CommonFraming& common : commonFramings())
        addItem(common.label, common.spelling);
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
