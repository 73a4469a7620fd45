#include "ReplyBookEditor.h"

#include "ElidedLabel.h"
#include "ProblemText.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace chorus {

namespace {

// The Mode column's editor: Text or Hex from a list, committed when picked.
class ReplyModeDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem&,
                          const QModelIndex&) const override
    {
        auto* combo = new QComboBox(parent);
        combo->addItem(ReplyBookModel::tr("Text"), int(ReplyFormat::Text));
        combo->addItem(ReplyBookModel::tr("Hex"), int(ReplyFormat::Hex));
        connect(combo, &QComboBox::activated, this, [this, combo] {
            auto* self = const_cast<ReplyModeDelegate*>(this);
            emit self->commitData(combo);
            emit self->closeEditor(combo);
        });
        return combo;
    }
    void setEditorData(QWidget* editor, const QModelIndex& index) const override
    {
        auto* combo = static_cast<QComboBox*>(editor);
        combo->setCurrentIndex(combo->findData(index.data(Qt::EditRole).toInt()));
    }
    void setModelData(QWidget* editor, QAbstractItemModel* model,
                      const QModelIndex& index) const override
    {
        model->setData(index, static_cast<QComboBox*>(editor)->currentData(), Qt::EditRole);
    }
};

} // namespace

ReplyBookEditor::ReplyBookEditor(std::shared_ptr<ReplyBook> book, QWidget* parent)
    : QWidget(parent), m_book(std::move(book)), m_model(new ReplyBookModel(m_book, this)),
      m_view(new QTableView(this)), m_pickMode(new QComboBox(this)), m_warning(new QLabel(this)),
      m_problem(new QLabel(this)), m_notice(new QLabel(this))
{
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                            QAbstractItemView::AnyKeyPressed);
    m_view->horizontalHeader()->setSectionResizeMode(ReplyBookModel::EnabledColumn,
                                                     QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(ReplyBookModel::ModeColumn,
                                                     QHeaderView::ResizeToContents);
    m_view->setItemDelegateForColumn(ReplyBookModel::ModeColumn, new ReplyModeDelegate(m_view));
    m_view->horizontalHeader()->setSectionResizeMode(ReplyBookModel::TextColumn,
                                                     QHeaderView::Stretch);
    m_view->horizontalHeader()->setSectionResizeMode(ReplyBookModel::WeightColumn,
                                                     QHeaderView::ResizeToContents);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);

    // Two short toolbars rather than one long one: the editor stays whole at
    // the width it has beside the log in an 800-pixel window.
    auto* editBar = new QToolBar(this);
    editBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_add = editBar->addAction(tr("Add"), this, &ReplyBookEditor::addReply);
    m_add->setShortcut(QKeySequence::New);
    m_add->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_delete = editBar->addAction(tr("Delete"), this, &ReplyBookEditor::deleteSelected);
    m_delete->setShortcut(QKeySequence::Delete);
    m_delete->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_moveUp = editBar->addAction(tr("Move up"), this, [this] { moveSelected(-1); });
    m_moveDown = editBar->addAction(tr("Move down"), this, [this] { moveSelected(+1); });
    auto* fileBar = new QToolBar(this);
    fileBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    fileBar->addAction(tr("Import…"), this, &ReplyBookEditor::importFile);
    fileBar->addAction(tr("Export…"), this, &ReplyBookEditor::exportFile);
    fileBar->addSeparator();
    fileBar->addAction(tr("Reset to factory"), this, &ReplyBookEditor::resetToFactory);
    addActions({m_add, m_delete});

    m_pickMode->addItem(tr("Random"), QVariant::fromValue(int(PickMode::Random)));
    m_pickMode->addItem(tr("Shuffle"), QVariant::fromValue(int(PickMode::Shuffle)));
    m_pickMode->addItem(tr("Sequential"), QVariant::fromValue(int(PickMode::Sequential)));
    m_pickMode->setToolTip(tr("Random: uniform (or weighted). Shuffle: no repeat until every "
                              "enabled reply was used. Sequential: in order."));
    m_pickMode->setCurrentIndex(m_pickMode->findData(int(m_book->pickMode())));
    connect(m_pickMode, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_book->setPickMode(PickMode(m_pickMode->itemData(index).toInt()));
    });

    auto* pickLabel = new QLabel(tr("&Pick:"), this);
    pickLabel->setBuddy(m_pickMode);
    auto* pickRow = new QHBoxLayout;
    pickRow->addWidget(pickLabel);
    pickRow->addWidget(m_pickMode);
    pickRow->addStretch(1);

    for (QLabel* label : {m_warning, m_problem}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        label->setStyleSheet(QStringLiteral("color: #c02020; font-weight: bold;"));
        label->hide();
    }
    m_warning->setObjectName(QStringLiteral("noEnabledReplyWarning"));
    m_problem->setObjectName(QStringLiteral("replyBookProblem"));
    m_notice->setWordWrap(true);
    m_notice->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notice->hide();

    // One line, the rest in its tooltip: wrapped, it was cut off in the
    // pane's few rows of height.
    auto* hint = new ElidedLabel(this);
    hint->setObjectName(QStringLiteral("replyBookHint"));
    hint->setText(tr("Text: \\r \\n \\t \\0 \\\\ \\xNN give bytes; "
                     "placeholders {id} {peer} {time} {date} {count} {echo} (the "
                     "exact bytes received). Hex: 06 or 01 03 00 0A. Changes apply "
                     "to the very next reply and are saved at once."));
    hint->setEnabled(false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(editBar);
    layout->addWidget(fileBar);
    layout->addLayout(pickRow);
    layout->addWidget(m_problem);
    layout->addWidget(m_notice);
    layout->addWidget(m_warning);
    layout->addWidget(m_view, 1);
    layout->addWidget(hint);

    connect(m_book.get(), &ReplyBook::changed, this, &ReplyBookEditor::updateState);
    connect(m_book.get(), &ReplyBook::saveFailed, this, [this](const FileResult& result) {
        showProblem(Problem::SaveFailed,
                    tr("The reply book was not saved: %1. Your edits are kept in this window.")
                        .arg(result.describe()),
                    BookFileResult{result, BookFormatError::None, {}});
    });
    connect(m_book.get(), &ReplyBook::saved, this, [this] {
        if (m_problemKind == Problem::SaveFailed)
            clearProblem(); // the disk has room again: what is shown is saved
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ReplyBookEditor::updateState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ReplyBookEditor::updateState);
    updateState();
}

void ReplyBookEditor::showProblem(Problem problem, const QString& text,
                                  const BookFileResult& result)
{
    m_problemKind = problem;
    m_problemResult = result;
    m_problem->setText(text);
    m_problem->setVisible(problem != Problem::None);
    if (problem != Problem::None)
        emit problemShown(problem, text, result);
}

void ReplyBookEditor::clearProblem()
{
    m_problemKind = Problem::None;
    m_problemResult = {};
    m_problem->clear();
    m_problem->hide();
}

void ReplyBookEditor::showNotice(const QString& text)
{
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
}

void ReplyBookEditor::setUnansweredCount(quint64 count)
{
    if (count == m_unanswered)
        return;
    m_unanswered = count;
    updateState();
}

int ReplyBookEditor::currentRow() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.size() == 1 ? rows.constFirst().row() : -1;
}

void ReplyBookEditor::updateState()
{
    const bool noneEnabled = m_book->enabledCount() == 0;
    if (noneEnabled) {
        m_warning->setText(tr("No enabled reply: messages are not answered; %n unanswered so far",
                              nullptr, int(qMin<quint64>(m_unanswered, INT_MAX))));
    }
    m_warning->setVisible(noneEnabled);
    if (m_pickMode->currentData().toInt() != int(m_book->pickMode())) {
        const QSignalBlocker blocker(m_pickMode);
        m_pickMode->setCurrentIndex(m_pickMode->findData(int(m_book->pickMode())));
    }
    const int row = currentRow();
    m_delete->setEnabled(m_view->selectionModel()->hasSelection());
    m_moveUp->setEnabled(row > 0);
    m_moveDown->setEnabled(row >= 0 && row < m_model->rowCount() - 1);
}

void ReplyBookEditor::addReply()
{
    // After the selection, or at the end; then straight into editing the text.
    const QModelIndexList selected = m_view->selectionModel()->selectedRows();
    int row = m_model->rowCount();
    for (const QModelIndex& index : selected)
        row = index.row() + 1;
    m_model->insertEntry(row, ReplyEntry{tr("New reply"), true, 1.0});
    const QModelIndex index = m_model->index(row, ReplyBookModel::TextColumn);
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    m_view->edit(index);
}

void ReplyBookEditor::deleteSelected()
{
    QList<int> rows;
    for (const QModelIndex& index : m_view->selectionModel()->selectedRows())
        rows.append(index.row());
    m_model->removeEntries(rows);
}

void ReplyBookEditor::moveSelected(int delta)
{
    const int row = currentRow();
    if (row < 0 || !m_model->moveEntry(row, row + delta))
        return;
    m_view->selectionModel()->setCurrentIndex(
        m_model->index(row + delta, ReplyBookModel::TextColumn),
        QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void ReplyBookEditor::importFile()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import replies"), QString(),
        tr("Reply books (*.txt *.json);;Plain text, one reply per line (*.txt);;"
           "JSON (*.json);;All files (*)"));
    if (!path.isEmpty())
        importFrom(path);
}

void ReplyBookEditor::importFrom(const QString& path)
{
    const BookFileResult result = m_book->importFile(path);
    if (result.ok()) {
        if (m_problemKind == Problem::ImportFailed)
            clearProblem();
        return;
    }
    showProblem(Problem::ImportFailed,
                tr("Not imported: %1. The replies are unchanged.").arg(describeBookResult(result)),
                result);
}

void ReplyBookEditor::exportFile()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export replies"), QStringLiteral("replies.txt"),
        tr("Plain text, one reply per line (*.txt);;JSON with weights and state (*.json)"));
    if (!path.isEmpty())
        exportTo(path);
}

void ReplyBookEditor::exportTo(const QString& path)
{
    const BookFileResult result = m_book->exportFile(path);
    if (result.ok()) {
        if (m_problemKind == Problem::ExportFailed)
            clearProblem();
        showNotice(tr("Exported %n reply(ies) to %1.", nullptr, m_book->count())
                       .arg(QDir::toNativeSeparators(path)));
        return;
    }
    showProblem(Problem::ExportFailed, tr("Not exported: %1.").arg(describeBookResult(result)),
                result);
}

void ReplyBookEditor::resetToFactory()
{
    const auto answer = QMessageBox::question(
        this, tr("Reset to factory"),
        tr("Replace all %n reply(ies) with the seven factory replies?", nullptr, m_book->count()),
        QMessageBox::Reset | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer == QMessageBox::Reset)
        m_book->resetToFactory();
}

} // namespace chorus
