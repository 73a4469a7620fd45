#include "ReplySetsDialog.h"

#include "answer/Placeholders.h"
#include "wire/ByteText.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextBlock>
#include <QTextCursor>
#include <QVBoxLayout>

#include <algorithm>

namespace chorus {

namespace {

QString entryLine(const ReplyEntry& entry)
{
    if (entry.format == ReplyFormat::Hex)
        return formatText(parseHex(entry.text).value_or(QByteArray()));
    return entry.text;
}

QString entriesText(const QList<ReplyEntry>& entries)
{
    QStringList lines;
    for (const ReplyEntry& entry : entries)
        lines << entryLine(entry);
    return lines.join(QLatin1Char('\n'));
}

} // namespace

ReplySetsDialog::ReplySetsDialog(const QList<ReplySet>& sets, QWidget* parent)
    : QDialog(parent), m_sets(sets), m_names(new QListWidget(this)), m_mode(new QComboBox(this)),
      m_entries(new QPlainTextEdit(this)), m_message(new QLabel(this))
{
    m_message->setObjectName(QStringLiteral("replySetsMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b00020"));
    m_message->hide();
    setWindowTitle(tr("Reply sets"));
    for (PickMode mode : {PickMode::Random, PickMode::Shuffle, PickMode::Sequential})
        m_mode->addItem(pickModeName(mode), int(mode));
    m_entries->setPlaceholderText(tr("One reply per line: escaped text, {0}…{9}, {name}, "
                                     "{crc16modbus} …"));
    for (const ReplySet& set : m_sets)
        m_names->addItem(set.name);

    auto* add = new QPushButton(tr("Add…"), this);
    auto* remove = new QPushButton(tr("Delete"), this);
    add->setObjectName(QStringLiteral("addReplySet"));
    remove->setObjectName(QStringLiteral("deleteReplySet"));
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
    layout->addWidget(m_message);
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
    // A line shown as it was keeps its entry as it was: a hex entry stays hex
    // (its bytes may read as a placeholder in text), weight and enabled stay.
    QList<ReplyEntry> unused = set.entries;
    QList<ReplyEntry> entries;
    const QStringList lines = m_entries->toPlainText().split(QLatin1Char('\n'));
    for (const QString& line : lines) {
        if (line.trimmed().isEmpty())
            continue;
        const auto same = std::find_if(unused.begin(), unused.end(), [&](const ReplyEntry& entry) {
            return entryLine(entry) == line;
        });
        if (same != unused.end()) {
            entries.append(*same);
            unused.erase(same);
        } else {
            entries.append(ReplyEntry{line, true, 1.0, ReplyFormat::Text});
        }
    }
    set.entries = entries;
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
        QInputDialog::getText(this, tr("New reply set"), tr("Name:"), QLineEdit::Normal, {}, &ok);
    if (ok)
        addSetNamed(name);
}

bool ReplySetsDialog::addSetNamed(const QString& text)
{
    const QString name = text.trimmed();
    if (name.isEmpty()) {
        showMessage(tr("A reply set needs a name."));
        return false;
    }
    for (int i = 0; i < m_sets.size(); ++i) {
        if (m_sets.at(i).name == name) {
            // Rules pick a set by name: two sets of one name would be ambiguous.
            m_names->setCurrentRow(i);
            showMessage(tr("A reply set named \"%1\" exists already; it is selected.").arg(name));
            return false;
        }
    }
    keepCurrent();
    m_sets.append(ReplySet{name, PickMode::Random, {}});
    m_names->addItem(name);
    m_current = -1; // nothing to keep: the new row is shown fresh
    m_names->setCurrentRow(int(m_sets.size()) - 1);
    m_message->hide();
    return true;
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

void ReplySetsDialog::accept()
{
    keepCurrent();
    m_problem.reset();
    for (int i = 0; i < m_sets.size() && !m_problem; ++i) {
        const QList<ReplyEntry>& entries = m_sets.at(i).entries;
        for (int line = 0; line < entries.size(); ++line) {
            ByteParseError error;
            if (!ReplyTemplate::compile(entries.at(line), &error, TemplateSyntax::Rule)) {
                m_problem = Problem{i, line, error};
                break;
            }
        }
    }
    if (!m_problem) {
        QDialog::accept();
        return;
    }
    // Nothing half-saved: show where the problem is and stay open.
    const Problem& problem = *m_problem;
    m_names->setCurrentRow(problem.set);
    // Blank lines are not entries: find the block of the problem's entry.
    QTextBlock block = m_entries->document()->firstBlock();
    for (int entry = -1; block.isValid(); block = block.next()) {
        if (!block.text().trimmed().isEmpty() && ++entry == problem.line)
            break;
    }
    QTextCursor cursor(block);
    cursor.setPosition(block.position() +
                       int(std::min<qsizetype>(problem.error.position, block.length() - 1)));
    m_entries->setTextCursor(cursor);
    m_entries->setFocus();
    showMessage(tr("Reply set \"%1\", line %2, character %3: %4")
                    .arg(m_sets.at(problem.set).name)
                    .arg(problem.line + 1)
                    .arg(problem.error.position + 1)
                    .arg(describeParseError(problem.error)));
}

void ReplySetsDialog::showMessage(const QString& text)
{
    m_message->setText(text);
    m_message->show();
}

QList<ReplySet> ReplySetsDialog::sets() const
{
    const_cast<ReplySetsDialog*>(this)->keepCurrent();
    return m_sets;
}

} // namespace chorus
