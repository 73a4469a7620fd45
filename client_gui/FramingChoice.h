#pragma once

// Choosing the client's framing in a window: the common framings by name
// (shared by the Settings menu and the Settings dialog) and "Custom…", which
// opens FramingDialog for any other (a delimiter, a length field, a size).
// Values are FrameSpec spellings, as --framing takes them.

#include <QComboBox>
#include <QList>
#include <QString>

namespace chorus {

struct CommonFraming
{
    QString spelling; // canonical (FrameSpec::toText())
    QString label;    // translated
};
QList<CommonFraming> commonFramings();
// The label of a common framing, or "Custom: <FrameSpec::label()>".
QString framingLabel(const QString& spelling);

class FramingChoice : public QComboBox
{
    Q_OBJECT
public:
    explicit FramingChoice(QWidget* parent = nullptr);

    // A spelling that is not a common framing is shown as a custom item.
    void setSpelling(const QString& spelling);
    QString spelling() const { return m_spelling; }

signals:
    void chosen(const QString& spelling);

private:
    void onActivated(int index);
    void showSpelling();

    QString m_spelling;
    int m_customIndex; // the item that shows a custom framing (hidden when none)
    int m_editIndex;   // "Custom…"
};

} // namespace chorus
