#include "QuickMessageDialog.h"

#include "ByteLineEdit.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeySequenceEdit>
#include <QLineEdit>

namespace chorus {

namespace {
constexpr int kNameFromBytesChars = 24;
}

QuickMessageDialog::QuickMessageDialog(const QuickMessage& message, QWidget* parent)
    : QDialog(parent), m_message(message), m_name(new QLineEdit(message.name)),
      m_bytes(new ByteLineEdit),
      m_shortcut(new QKeySequenceEdit(QKeySequence(message.shortcut, QKeySequence::PortableText)))
{
    setWindowTitle(tr("Quick message"));
    m_name->setPlaceholderText(tr("Shown on the button"));
    m_bytes->setMode(message.input);
    // The bytes in the way they were typed: the Text view parses back to the same bytes.
    m_bytes->setText(message.input == ByteInput::Hex ? formatHex(message.bytes)
                                                     : formatText(message.bytes));
    auto* bytesRow = new QHBoxLayout;
    bytesRow->addWidget(m_bytes, 1);
    bytesRow->addWidget(m_bytes->modeSwitch());
    auto* form = new QFormLayout;
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Message"), bytesRow);
    form->addRow(tr("Shortcut"), m_shortcut);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QuickMessageDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

void QuickMessageDialog::accept()
{
    const std::optional<QByteArray> bytes = m_bytes->takeBytes();
    if (!bytes || bytes->isEmpty()) {
        m_bytes->setFocus();
        return; // the field says why
    }
    m_message.bytes = *bytes;
    m_message.input = m_bytes->mode();
    m_message.name = m_name->text().trimmed();
    if (m_message.name.isEmpty())
        m_message.name = formatTextLine(*bytes, kNameFromBytesChars);
    m_message.shortcut = m_shortcut->keySequence().toString(QKeySequence::PortableText);
    QDialog::accept();
}

} // namespace chorus
