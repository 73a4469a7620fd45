#include "FramingChoice.h"

#include "FramingEditor.h"
#include "wire/FrameSpec.h"

#include <QCoreApplication>
#include <QListView>

namespace chorus {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("chorus::FramingChoice", text);
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
    m_customIndex = count();
    addItem(QString(), QString());
    m_editIndex = count();
    addItem(tr("Custom…"), QString());
    setToolTip(tr("Where a received message ends, and how a sent one is framed"));
    connect(this, &QComboBox::activated, this, &FramingChoice::onActivated);
    setSpelling(commonFramings().constFirst().spelling);
}

void FramingChoice::setSpelling(const QString& spelling)
{
    m_spelling = canonical(spelling);
    showSpelling();
}

void FramingChoice::showSpelling()
{
    int index = findData(m_spelling);
    const bool custom = index < 0 || index == m_customIndex;
    setItemText(m_customIndex, custom ? framingLabel(m_spelling) : QString());
    setItemData(m_customIndex, custom ? m_spelling : QString());
    if (auto* list = qobject_cast<QListView*>(view()))
        list->setRowHidden(m_customIndex, !custom);
    setCurrentIndex(custom ? m_customIndex : index);
}

void FramingChoice::onActivated(int index)
{
    if (index == m_editIndex) {
        FramingDialog dialog(parseFrameSpec(m_spelling).value_or(FrameSpec()), this);
        if (dialog.exec() == QDialog::Accepted)
            m_spelling = dialog.spec().toText();
        showSpelling();
    } else {
        m_spelling = itemData(index).toString();
    }
    emit chosen(m_spelling);
}

} // namespace chorus
