#pragma once

// A one-line input for bytes: Text (with the escapes \r \n \t \0 \\ \xNN) or
// Hex ("01 03 00 0A", spaces optional), chosen by the combo box it owns.
// bytes() parses without side effects; takeBytes() is what a Send button
// calls: on bad input it refuses (nothing partial is returned), moves the
// cursor to the error, marks the field and says why in its tooltip and the
// problem() signal, for the window's status line.

#include "wire/ByteText.h"

#include <QLineEdit>

#include <optional>

class QComboBox;

namespace chorus {

class ByteLineEdit : public QLineEdit
{
    Q_OBJECT
public:
    explicit ByteLineEdit(QWidget* parent = nullptr);

    // Text / Hex; put it beside the edit.
    QComboBox* modeSwitch() const { return m_mode; }
    ByteInput mode() const;
    void setMode(ByteInput mode);

    std::optional<QByteArray> bytes(ByteParseError* error = nullptr) const;
    // As bytes(), and on failure shows the error (cursor, mark, problem()).
    std::optional<QByteArray> takeBytes();
    bool hasError() const { return m_hasError; }

signals:
    void problem(const QString& message);

private:
    void clearError();

    QComboBox* m_mode;
    bool m_hasError = false;
};

} // namespace chorus
