#include "ReplySetsDialog.h"

#include "wire/ByteText.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace chorus {

namespace {

QString entriesText(const QList<ReplyEntry>& entries)
{
    QStringList lines;
    for (const ReplyEntry& entry : entries) {
        if (entry.format == ReplyFormat::Hex)
            lines << formatText(parseHex(entry.text).value_or(QByteArray()));
        else
            lines << entry.text;
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace

ReplySetsDialog::ReplySetsDialog(const QList<ReplySet>& sets, QWidget* parent)
    : QDialog(parent), m_sets(sets), m_names(new QListWidget(this)), m_mode(new QComboBox(this)),
      m_entries(new QPlainTextEdit(this))
{
    setWindowTitle(tr("Reply sets"));
    for (PickMode mode : {PickMode::Random, PickMode::Shuffle, PickMode::Sequential})
        m_mode->addItem(pickModeName(mode), int(mode));
    m_entries->setPlaceholderText(tr("One reply per line: escaped text, {0}…{9}, {name}, "
                                     "{crc16modbus} …"));
    for (const ReplySet& set : m_sets)
        m_names->addItem(set.name);

    auto* add = new QPushButton(tr("Add…"), this);
    auto* remove = new QPushButton(tr("Delete"), this);
    connect(add, &QPushButton::clicked, this, &ReplySetsDialog::addSet);
    connect(remove, &QPushButton::clicked, this, &ReplySetsDialog::removeSet);
    connect(m_names, &QListWidget::currentRowChanged, this, &ReplySetsDialog::showSet);

    auto* left = new QVBoxLayout;
    left->addWidget(m_names, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    left->addLayout(buttons);
    auto* right = new QFormLayout;
    right->addRow(tr("Pick:"), m_mode);
    right->addRow(tr("Replies:"), m_entries);
    auto* columns = new QHBoxLayout;
    columns->addLayout(left, 1);
    columns->addLayout(right, 2);
    auto* box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(box, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(box);
    m_names->setCurrentRow(m_sets.isEmpty() ? -1 : 0);
    showSet(m_names->currentRow());
}

void ReplySetsDialog::keepCurrent()
{
    if (m_current < 0 || m_current >= m_sets.size())
        return;
    ReplySet& set = m_sets[m_current];
    set.mode = PickMode(m_mode->currentData().toInt());
    set.entries.clear();
    const QStringList lines = m_entries->toPlainText().split(QLatin1Char('\n'));
    for (const QString& line : lines) {
        if (!line.trimmed().isEmpty())
            set.entries.append(ReplyEntry{line, true, 1.0});
    }
}

void ReplySetsDialog::showSet(int row)
{
    keepCurrent();
    m_current = row;
    const bool valid = row >= 0 && row < m_sets.size();
    m_mode->setEnabled(valid);
    m_entries->setEnabled(valid);
    if (!valid) {
        m_entries->clear();
        return;
    }
    m_mode->setCurrentIndex(m_mode->findData(int(m_sets.at(row).mode)));
    m_entries->setPlainText(entriesText(m_sets.at(row).entries));
}

void ReplySetsDialog::addSet()
{
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, tr("New reply set"), tr("Name:"), QLineEdit::Normal, {}, &ok)
            .trimmed();
    if (!ok || name.isEmpty())
        return;
    keepCurrent();
    m_sets.append(ReplySet{name, PickMode::Random, {}});
    m_names->addItem(name);
    m_current = -1; // nothing to keep: the new row is shown fresh
    m_names->setCurrentRow(int(m_sets.size()) - 1);
}

void ReplySetsDialog::removeSet()
{
    const int row = m_names->currentRow();
    if (row < 0)
        return;
    m_current = -1;
    m_sets.removeAt(row);
    delete m_names->takeItem(row);
    showSet(m_names->currentRow());
}

QList<ReplySet> ReplySetsDialog::sets() const
{
    const_cast<ReplySetsDialog*>(this)->keepCurrent();
    return m_sets;
}

} // namespace chorus
