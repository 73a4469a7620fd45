#include "SendMessageDialog.h"

#include "ByteLineEdit.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace chorus {

SendMessageDialog::SendMessageDialog(int connections, QWidget* parent)
    : QDialog(parent), m_input(new ByteLineEdit(this)), m_problem(new QLabel(this))
{
    setWindowTitle(tr("Send message"));
    auto* label =
        new QLabel(tr("Message to %n connection(s), sent once in each peer's own framing:", nullptr,
                      connections),
                   this);
    label->setWordWrap(true);
    m_input->setObjectName(QStringLiteral("sendMessageInput"));
    m_input->setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('0')) * 40);
    m_problem->setStyleSheet(QStringLiteral("color: #c02020;"));
    m_problem->setWordWrap(true);
    m_problem->hide();
    connect(m_input, &ByteLineEdit::problem, this, [this](const QString& text) {
        m_problem->setText(text);
        m_problem->show();
    });
    connect(m_input, &QLineEdit::textEdited, m_problem, &QWidget::hide);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Send"));
    buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    connect(m_input, &QLineEdit::textChanged, this, [buttons](const QString& text) {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!text.isEmpty());
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &SendMessageDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* row = new QHBoxLayout;
    row->addWidget(m_input, 1);
    row->addWidget(m_input->modeSwitch());
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addLayout(row);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
}

void SendMessageDialog::accept()
{
    const std::optional<QByteArray> bytes = m_input->takeBytes();
    if (!bytes || bytes->isEmpty())
        return; // the input shows why; nothing is sent
    m_bytes = *bytes;
    QDialog::accept();
}

} // namespace chorus
