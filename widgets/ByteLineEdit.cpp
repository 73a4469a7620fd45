#include "ByteLineEdit.h"

#include <QComboBox>

namespace chorus {

ByteLineEdit::ByteLineEdit(QWidget* parent) : QLineEdit(parent), m_mode(new QComboBox(parent))
{
    m_mode->addItem(tr("Text"), int(ByteInput::Text));
    m_mode->addItem(tr("Hex"), int(ByteInput::Hex));
    m_mode->setToolTip(tr("Text: characters, with \\r \\n \\t \\0 \\\\ and \\xNN for bytes.\n"
                          "Hex: pairs of hex digits, e.g. 01 03 00 00 00 0A C5 CD."));
    connect(m_mode, &QComboBox::currentIndexChanged, this, [this] {
        clearError();
        setPlaceholderText(mode() == ByteInput::Hex ? tr("hex bytes, e.g. 01 03 00 0A")
                                                    : tr("text; \\r \\n \\xNN for bytes"));
    });
    connect(this, &QLineEdit::textEdited, this, &ByteLineEdit::clearError);
    setPlaceholderText(tr("text; \\r \\n \\xNN for bytes"));
}

ByteInput ByteLineEdit::mode() const
{
    return ByteInput(m_mode->currentData().toInt());
}

void ByteLineEdit::setMode(ByteInput mode)
{
    m_mode->setCurrentIndex(m_mode->findData(int(mode)));
}

std::optional<QByteArray> ByteLineEdit::bytes(ByteParseError* error) const
{
    return parseBytes(text(), mode(), error);
}

std::optional<QByteArray> ByteLineEdit::takeBytes()
{
    ByteParseError error;
    std::optional<QByteArray> parsed = bytes(&error);
    if (parsed) {
        clearError();
        return parsed;
    }
    m_hasError = true;
    const QString message = describeParseError(error);
    setStyleSheet(QStringLiteral("QLineEdit { border: 1px solid #c02020; }"));
    setToolTip(message);
    setFocus();
    setCursorPosition(int(error.position));
    // Select the offending characters so the user sees exactly what is wrong.
    setSelection(int(error.position), error.kind == ByteParseErrorKind::BadEscapeDigits ? 4 : 1);
    emit problem(message);
    return std::nullopt;
}

void ByteLineEdit::clearError()
{
    if (!m_hasError)
        return;
    m_hasError = false;
    setStyleSheet(QString());
    setToolTip(QString());
}

} // namespace chorus
