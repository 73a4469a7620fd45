#include "RuleTableModel.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

namespace chorus {

namespace {

QVariant checkState(bool on)
{
    return on ? Qt::Checked : Qt::Unchecked;
}

QVariantList formatChoices()
{
    return {QVariantList{RuleTableModel::tr("Text"), int(ReplyFormat::Text)},
            QVariantList{RuleTableModel::tr("Hex"), int(ReplyFormat::Hex)}};
}

QString formatLabel(ReplyFormat format)
{
    return format == ReplyFormat::Hex ? RuleTableModel::tr("Hex") : RuleTableModel::tr("Text");
}

} // namespace

RuleTableModel::RuleTableModel(std::shared_ptr<RuleBook> book, QObject* parent)
    : QAbstractTableModel(parent), m_book(std::move(book)), m_rules(m_book->rules())
{
    connect(m_book.get(), &RuleBook::changed, this, &RuleTableModel::syncFromBook);
}

QString RuleTableModel::matchKindLabel(MatchKind kind)
{
    switch (kind) {
    case MatchKind::Exact:
        return tr("exact");
    case MatchKind::StartsWith:
        return tr("starts with");
    case MatchKind::EndsWith:
        return tr("ends with");
    case MatchKind::Contains:
        return tr("contains");
    case MatchKind::Regex:
        return tr("regex");
    }
    return {};
}

QString RuleTableModel::answerKindLabel(AnswerKind kind)
{
    switch (kind) {
    case AnswerKind::Reply:
        return tr("reply");
    case AnswerKind::ReplySet:
        return tr("reply set");
    case AnswerKind::NoReply:
        return tr("no reply");
    }
    return {};
}

QString RuleTableModel::describeStatus(const RuleStatus& status)
{
    switch (status.problem) {
    case RuleProblem::None:
        return {};
    case RuleProblem::BadRegex:
        return tr("Invalid regular expression at %1: %2 — this rule is inactive until fixed.")
            .arg(status.offset)
            .arg(status.errorString);
    case RuleProblem::BadPattern:
        return tr("The pattern does not parse at %1: %2 — this rule is inactive until fixed.")
            .arg(status.offset)
            .arg(status.errorString);
    case RuleProblem::BadReply:
        return tr("The reply does not parse at %1: %2 — this rule is inactive until fixed.")
            .arg(status.offset)
            .arg(status.errorString);
    case RuleProblem::UnknownSet:
        return tr("No reply set of that name — this rule is inactive until one exists.");
    case RuleProblem::BadDelay:
        return tr("The delay must be 0 to %1 ms.").arg(kMaxRuleDelayMs);
    }
    return {};
}

int RuleTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rules.size());
}

int RuleTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool RuleTableModel::isBadCell(int row, int column, RuleStatus* status) const
{
    *status = m_book->status(row);
    switch (status->problem) {
    case RuleProblem::BadPattern:
    case RuleProblem::BadRegex:
        return column == PatternColumn;
    case RuleProblem::BadReply:
    case RuleProblem::UnknownSet:
        return column == ReplyColumn;
    case RuleProblem::BadDelay:
        return column == DelayColumn;
    case RuleProblem::None:
        return false;
    }
    return false;
}

QVariant RuleTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rules.size())
        return {};
    const Rule& rule = m_rules.at(index.row());
    const int column = index.column();
    RuleStatus status;
    if (role == Qt::ForegroundRole || role == Qt::ToolTipRole || role == ProblemRole) {
        if (isBadCell(index.row(), column, &status)) {
            if (role == Qt::ForegroundRole)
                return QBrush(QColor(Qt::red));
            if (role == ProblemRole)
                return int(status.problem);
            return describeStatus(status);
        }
        if (role == ProblemRole)
            return int(RuleProblem::None);
        if (role == Qt::ToolTipRole && column == ReplyColumn)
            return tr("Placeholders: {0}…{9} and {name} (captures), {echo} {id} {peer} {count} "
                      "{time} {date}, and over the reply so far {crc16modbus} {crc16ccitt} "
                      "{crc32} {sum8} {xor8} {len} (docs/RULES.md).");
        return {};
    }
    if (role == Qt::CheckStateRole) {
        switch (column) {
        case EnabledColumn:
            return checkState(rule.enabled);
        case CaseColumn:
            return checkState(rule.caseInsensitive);
        case NegateColumn:
            return checkState(rule.negate);
        case CloseColumn:
            return checkState(rule.close);
        default:
            return {};
        }
    }
    if (role == ChoicesRole) {
        QVariantList choices;
        switch (column) {
        case MatchColumn:
            for (MatchKind kind : {MatchKind::Exact, MatchKind::StartsWith, MatchKind::EndsWith,
                                   MatchKind::Contains, MatchKind::Regex})
                choices.append(QVariant(QVariantList{matchKindLabel(kind), int(kind)}));
            return choices;
        case AnswerColumn:
            for (AnswerKind kind : {AnswerKind::Reply, AnswerKind::ReplySet, AnswerKind::NoReply})
                choices.append(QVariant(QVariantList{answerKindLabel(kind), int(kind)}));
            return choices;
        case PatternFormatColumn:
        case ReplyFormatColumn:
            return formatChoices();
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    const bool edit = role == Qt::EditRole;
    switch (column) {
    case NameColumn:
        return rule.name;
    case MatchColumn:
        return edit ? QVariant(int(rule.match)) : QVariant(matchKindLabel(rule.match));
    case PatternColumn:
        return rule.pattern;
    case PatternFormatColumn:
        return edit ? QVariant(int(rule.patternFormat)) : QVariant(formatLabel(rule.patternFormat));
    case AnswerColumn:
        return edit ? QVariant(int(rule.answer)) : QVariant(answerKindLabel(rule.answer));
    case ReplyColumn:
        if (rule.answer == AnswerKind::ReplySet)
            return rule.replySet;
        if (rule.answer == AnswerKind::NoReply && !edit)
            return tr("—");
        return rule.reply;
    case ReplyFormatColumn:
        if (rule.answer != AnswerKind::Reply && !edit)
            return QString();
        return edit ? QVariant(int(rule.replyFormat)) : QVariant(formatLabel(rule.replyFormat));
    case DelayColumn:
        return rule.delayMs;
    case HitsColumn:
        return QVariant::fromValue(m_book->hits(index.row()));
    case LastHitColumn: {
        const QDateTime last = m_book->lastHit(index.row());
        return last.isValid() ? last.toString(QStringLiteral("HH:mm:ss")) : QString();
    }
    default:
        return {};
    }
}

bool RuleTableModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!index.isValid() || index.row() >= m_rules.size())
        return false;
    Rule rule = m_rules.at(index.row());
    const bool checked = value.toInt() == Qt::Checked;
    if (role == Qt::CheckStateRole) {
        switch (index.column()) {
        case EnabledColumn:
            rule.enabled = checked;
            break;
        case CaseColumn:
            rule.caseInsensitive = checked;
            break;
        case NegateColumn:
            rule.negate = checked;
            break;
        case CloseColumn:
            rule.close = checked;
            break;
        default:
            return false;
        }
    } else if (role == Qt::EditRole) {
        switch (index.column()) {
        case NameColumn:
            rule.name = value.toString().trimmed();
            break;
        case MatchColumn:
            rule.match = MatchKind(std::clamp(value.toInt(), 0, int(MatchKind::Regex)));
            break;
        case PatternColumn:
            rule.pattern = value.toString();
            break;
        case PatternFormatColumn:
            rule.patternFormat = ReplyFormat(std::clamp(value.toInt(), 0, 1));
            break;
        case AnswerColumn:
            rule.answer = AnswerKind(std::clamp(value.toInt(), 0, int(AnswerKind::NoReply)));
            break;
        case ReplyColumn:
            if (rule.answer == AnswerKind::ReplySet)
                rule.replySet = value.toString().trimmed();
            else
                rule.reply = value.toString();
            break;
        case ReplyFormatColumn:
            rule.replyFormat = ReplyFormat(std::clamp(value.toInt(), 0, 1));
            break;
        case DelayColumn:
            rule.delayMs = std::clamp(value.toInt(), 0, kMaxRuleDelayMs);
            break;
        default:
            return false;
        }
    } else {
        return false;
    }
    m_book->updateRule(index.row(), rule); // changed() brings it back here
    return true;
}

Qt::ItemFlags RuleTableModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    switch (index.column()) {
    case EnabledColumn:
    case CaseColumn:
    case NegateColumn:
    case CloseColumn:
        return flags | Qt::ItemIsUserCheckable;
    case HitsColumn:
    case LastHitColumn:
        return flags;
    case ReplyFormatColumn:
        return m_rules.value(index.row()).answer == AnswerKind::Reply ? flags | Qt::ItemIsEditable
                                                                      : flags;
    case ReplyColumn:
        return m_rules.value(index.row()).answer == AnswerKind::NoReply
                   ? flags
                   : flags | Qt::ItemIsEditable;
    default:
        return flags | Qt::ItemIsEditable;
    }
}

QVariant RuleTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (role == Qt::DisplayRole)
            return section + 1;
        return {};
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case EnabledColumn:
            return tr("Enabled: rules are checked top to bottom; the first enabled match answers.");
        case PatternFormatColumn:
            return tr("Text: escaped text (or a regular expression over UTF-8); Hex: bytes (or a "
                      "regular expression over bytes).");
        case CaseColumn:
            return tr("Case-insensitive (text rules)");
        case NegateColumn:
            return tr("Negate: matches every message the pattern does not");
        case CloseColumn:
            return tr("Close the connection after the reply");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case EnabledColumn:
        return tr("On");
    case NameColumn:
        return tr("Name");
    case MatchColumn:
        return tr("Match");
    case PatternColumn:
        return tr("Pattern");
    case PatternFormatColumn:
        return tr("As");
    case CaseColumn:
        return tr("Aa");
    case NegateColumn:
        return tr("Not");
    case AnswerColumn:
        return tr("Answer");
    case ReplyColumn:
        return tr("Reply");
    case ReplyFormatColumn:
        return tr("As");
    case DelayColumn:
        return tr("Delay (ms)");
    case CloseColumn:
        return tr("Close");
    case HitsColumn:
        return tr("Hits");
    case LastHitColumn:
        return tr("Last hit");
    default:
        return {};
    }
}

void RuleTableModel::refreshHits()
{
    if (!m_rules.isEmpty())
        emit dataChanged(index(0, HitsColumn), index(int(m_rules.size()) - 1, LastHitColumn),
                         {Qt::DisplayRole});
}

void RuleTableModel::syncFromBook()
{
    const QList<Rule> rules = m_book->rules();
    if (rules.size() != m_rules.size()) {
        beginResetModel();
        m_rules = rules;
        endResetModel();
        return;
    }
    m_rules = rules;
    if (!m_rules.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_rules.size()) - 1, ColumnCount - 1));
}

} // namespace chorus
