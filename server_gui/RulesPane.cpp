#include "RulesPane.h"

#include "ByteLineEdit.h"
#include "ProblemText.h"
#include "ReplySetsDialog.h"
#include "RuleTableModel.h"
#include "server/ServerTypes.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

#include <chrono>

namespace chorus {

namespace {

// Hits and Last hit are read from the book's counters this often.
constexpr std::chrono::milliseconds kHitsRefresh{1000};

// A choice column's editor: the model's ChoicesRole list, committed when picked.
class ChoiceDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem&,
                          const QModelIndex& index) const override
    {
        auto* combo = new QComboBox(parent);
        for (const QVariant& choice : index.data(RuleTableModel::ChoicesRole).toList()) {
            const QVariantList pair = choice.toList();
            combo->addItem(pair.value(0).toString(), pair.value(1));
        }
        connect(combo, &QComboBox::activated, this, [this, combo] {
            auto* self = const_cast<ChoiceDelegate*>(this);
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

RulesPane::RulesPane(std::shared_ptr<RuleBook> rules, std::shared_ptr<ReplyBook> book,
                     QWidget* parent)
    : QWidget(parent), m_rules(std::move(rules)), m_book(std::move(book)),
      m_model(new RuleTableModel(m_rules, this)), m_view(new QTableView(this)),
      m_fallback(new QCheckBox(tr("Unmatched: reply book"), this)),
      m_testEdit(new ByteLineEdit(this)), m_testButton(new QPushButton(tr("Test"), this)),
      m_testResult(new QLabel(this)), m_problem(new QLabel(this)), m_hitsTimer(new QTimer(this))
{
    m_view->setObjectName(QStringLiteral("rulesView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                            QAbstractItemView::SelectedClicked);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    auto* choices = new ChoiceDelegate(m_view);
    for (int column : {RuleTableModel::MatchColumn, RuleTableModel::PatternFormatColumn,
                       RuleTableModel::AnswerColumn, RuleTableModel::ReplyFormatColumn})
        m_view->setItemDelegateForColumn(column, choices);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(RuleTableModel::PatternColumn,
                                                     QHeaderView::Interactive);
    m_view->horizontalHeader()->setSectionResizeMode(RuleTableModel::ReplyColumn,
                                                     QHeaderView::Interactive);
    m_view->setColumnWidth(RuleTableModel::PatternColumn, 140);
    m_view->setColumnWidth(RuleTableModel::ReplyColumn, 140);

    auto* bar = new QToolBar(this);
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_add = bar->addAction(tr("Add"), this, &RulesPane::addRule);
    m_duplicate =
        bar->addAction(tr("Duplicate"), this, [this] { m_rules->duplicateRule(selectedRow()); });
    m_delete = bar->addAction(tr("Delete"), this, [this] { m_rules->removeRule(selectedRow()); });
    m_moveUp = bar->addAction(tr("Up"), this, [this] { moveSelected(-1); });
    m_moveDown = bar->addAction(tr("Down"), this, [this] { moveSelected(1); });
    bar->addSeparator();
    bar->addAction(tr("Sets…"), this, &RulesPane::editReplySets)
        ->setToolTip(tr("Named reply sets a rule can pick from"));
    bar->addAction(tr("Import…"), this,
                   [this] {
                       const QString path = QFileDialog::getOpenFileName(
                           this, tr("Import rules"), {}, tr("Rules (*.json *.txt);;All files (*)"));
                       if (!path.isEmpty())
                           importFrom(path);
                   })
        ->setToolTip(tr("Adds the rules of a JSON file or a request;reply list"));
    bar->addAction(tr("Export…"), this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export rules"), QStringLiteral("rules.json"), tr("JSON (*.json)"));
        if (!path.isEmpty())
            exportTo(path);
    });

    m_testEdit->setObjectName(QStringLiteral("ruleTestEdit"));
    m_testEdit->setPlaceholderText(tr("Test a message…"));
    m_testEdit->setToolTip(tr("Type a message (Text or Hex) and press Test: which rule answers "
                              "and the exact reply bytes, without a client."));
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_testResult->setWordWrap(true);
    connect(m_testButton, &QPushButton::clicked, this, &RulesPane::runTest);
    connect(m_testEdit, &QLineEdit::returnPressed, this, &RulesPane::runTest);
    connect(m_testEdit, &ByteLineEdit::problem, this, [this](const QString& text) {
        m_testResult->setText(tr("Not tested: %1.").arg(text));
    });
    auto* testRow = new QHBoxLayout;
    testRow->addWidget(m_testEdit, 1);
    testRow->addWidget(m_testEdit->modeSwitch());
    testRow->addWidget(m_testButton);

    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b00020"));
    m_problem->hide();
    m_fallback->setToolTip(tr("Messages no rule matches get a reply-book reply; unchecked, they "
                              "get no reply (--no-fallback)."));
    m_fallback->setChecked(m_rules->fallbackToBook());
    // The tab shares the window's width with the log: every row may shrink.
    m_testEdit->setMinimumWidth(40);
    connect(m_fallback, &QCheckBox::toggled, this, [this](bool on) {
        m_rules->setFallbackToBook(on);
        emit fallbackChosen(on);
    });

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(bar);
    layout->addWidget(m_problem);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_fallback);
    layout->addLayout(testRow);
    layout->addWidget(m_testResult);

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &RulesPane::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &RulesPane::updateActions);
    connect(m_rules.get(), &RuleBook::saveFailed, this, [this](const FileResult& result) {
        showProblem(tr("The rules were not saved: %1. The edit stands in memory; Export… "
                       "keeps it.")
                        .arg(result.describe()),
                    true, BookFileResult{result, {}, {}});
    });
    connect(m_rules.get(), &RuleBook::saved, m_problem, &QWidget::hide);
    connect(m_hitsTimer, &QTimer::timeout, m_model, &RuleTableModel::refreshHits);
    m_hitsTimer->start(kHitsRefresh);
    updateActions();
}

RulesPane::~RulesPane() = default;

void RulesPane::loadAtStart(const QString& ownPath, const QString& namedPath)
{
    const BookFileResult own = m_rules->load(ownPath);
    bool autosave = true;
    if (own.isCorrupt()) {
        QString movedTo;
        const FileResult aside = setAsideCorruptBook(ownPath, &movedTo);
        if (aside.ok()) {
            showProblem(tr("The saved rules were unreadable (%1). They were moved to %2 and the "
                           "server starts with no rules.")
                            .arg(describeBookResult(own), QDir::toNativeSeparators(movedTo)),
                        false, own);
        } else {
            autosave = false;
            showProblem(tr("The saved rules were unreadable (%1) and could not be moved aside; "
                           "edits are not saved, so the file stays as it is.")
                            .arg(describeBookResult(own)),
                        true, own);
        }
    } else if (!own.ok() && own.file.error != FileError::NotFound) {
        autosave = false; // never overwrite what could not be read
        showProblem(tr("The saved rules were not read: %1. Edits are not saved, so the file "
                       "stays as it is; Export… keeps them.")
                        .arg(describeBookResult(own)),
                    true, own);
    }
    if (autosave)
        m_rules->setAutoSavePath(ownPath);
    if (namedPath.isEmpty())
        return;
    const BookFileResult named = m_rules->load(namedPath);
    if (!named.ok())
        showProblem(tr("--rules: %1. The saved rules are kept.").arg(describeBookResult(named)),
                    true, named);
}

void RulesPane::setFallbackToBook(bool fallback)
{
    const QSignalBlocker blocker(m_fallback); // not a choice of the user: not saved again
    m_fallback->setChecked(fallback);
    m_rules->setFallbackToBook(fallback);
}

QString RulesPane::describeRuleHits(const ConnectionSnapshot& snapshot)
{
    if (snapshot.ruleHits.isEmpty())
        return tr("No rule has answered this connection.");
    QStringList lines;
    for (auto it = snapshot.ruleHits.cbegin(); it != snapshot.ruleHits.cend(); ++it)
        lines << tr("%1: %n replies", nullptr, int(it.value())).arg(it.key());
    return lines.join(QLatin1Char('\n'));
}

void RulesPane::importFrom(const QString& path)
{
    const BookFileResult result = m_rules->importFile(path);
    if (!result.ok())
        showProblem(
            tr("Not imported: %1. The rules are unchanged.").arg(describeBookResult(result)), false,
            result);
}

void RulesPane::exportTo(const QString& path)
{
    const BookFileResult result = m_rules->exportFile(path);
    if (!result.ok())
        showProblem(tr("Not exported: %1.").arg(describeBookResult(result)), true, result);
}

void RulesPane::addRule()
{
    Rule rule;
    rule.name = tr("rule %1").arg(m_rules->count() + 1);
    rule.pattern = QStringLiteral("PING");
    rule.reply = QStringLiteral("PONG");
    const int row = selectedRow() < 0 ? m_rules->count() : selectedRow() + 1;
    m_rules->insertRule(row, rule);
    m_view->selectRow(row);
    m_view->edit(m_model->index(row, RuleTableModel::PatternColumn));
}

void RulesPane::moveSelected(int delta)
{
    const int row = selectedRow();
    const int to = row + delta;
    if (row < 0 || to < 0 || to >= m_rules->count())
        return;
    m_rules->moveRule(row, to);
    m_view->selectRow(to);
}

void RulesPane::runTest()
{
    const std::optional<QByteArray> message = m_testEdit->takeBytes();
    if (!message)
        return; // the edit shows where
    ReplyContext context;
    context.peer = tr("test");
    context.count = 1;
    context.echo = *message;
    const RuleAnswer answer =
        m_rules->answer(*message, context, m_book.get(), RuleBook::Use::Preview);
    m_lastTestReply = answer.reply;
    QString who;
    switch (answer.source) {
    case RuleAnswer::Source::Rule:
        who = tr("Rule %1 \"%2\"").arg(answer.ruleIndex + 1).arg(answer.ruleName);
        if (answer.delay.count() > 0)
            who += tr(", after %1 ms").arg(answer.delay.count());
        if (answer.close)
            who += tr(", then closes");
        break;
    case RuleAnswer::Source::ReplyBook:
        who = tr("No rule: the reply book");
        break;
    case RuleAnswer::Source::Silent:
        who = tr("No rule: no reply");
        break;
    }
    if (!answer.reply) {
        m_testResult->setText(tr("%1 — nothing is sent.").arg(who));
        return;
    }
    m_testResult->setText(tr("%1 → %2 bytes\nhex: %3\ntext: %4")
                              .arg(who)
                              .arg(answer.reply->size())
                              .arg(formatHex(*answer.reply), formatText(*answer.reply)));
    if (m_view->currentIndex().row() != answer.ruleIndex && answer.ruleIndex >= 0)
        m_view->selectRow(answer.ruleIndex);
}

void RulesPane::editReplySets()
{
    ReplySetsDialog dialog(m_rules->replySets(), this);
    if (dialog.exec() == QDialog::Accepted)
        m_rules->setReplySets(dialog.sets());
}

void RulesPane::showProblem(const QString& text, bool isError, const BookFileResult& result)
{
    m_problem->setText(text);
    m_problem->show();
    emit problemShown(text, isError, result);
}

int RulesPane::selectedRow() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.first().row();
}

void RulesPane::updateActions()
{
    const int row = selectedRow();
    m_duplicate->setEnabled(row >= 0);
    m_delete->setEnabled(row >= 0);
    m_moveUp->setEnabled(row > 0);
    m_moveDown->setEnabled(row >= 0 && row + 1 < m_rules->count());
}

} // namespace chorus
