#include "answer/RuleBook.h"

#include <QCoreApplication>
#include <QMutexLocker>

#include <algorithm>
#include <climits>
#include <map>

namespace chorus {

// A rule's counters: shared by the snapshots that hold the same rule, so an
// edit elsewhere (or of its reply) keeps them.
struct RuleBook::Stats
{
    std::atomic<quint64> hits{0};
    std::atomic<qint64> lastHitMs{0}; // 0: never
    std::atomic<quint64> limitHits{0};
    std::atomic<bool> limitLogged{false};
    Rule matchedBy; // the pattern limitLogged is about (writers only)
};

struct CompiledRule
{
    Rule rule;
    RuleMatcher matcher;
    std::optional<ReplyTemplate> reply;
    std::shared_ptr<ReplyBook> set;
    RuleStatus status;
    QString label; // the name, or "rule N"
    bool usable = false;
};

// An immutable view of the rules that answer() reads without locking.
struct RuleBook::Snapshot
{
    QList<Rule> rules;
    QList<quint64> ids; // parallel to rules: stable through moves and edits
    QList<ReplySet> sets;
    std::vector<CompiledRule> compiled;
    std::vector<std::shared_ptr<Stats>> stats;
    std::map<QString, std::shared_ptr<ReplyBook>> setBooks;
    QHash<QByteArray, int> literalIndex; // first positive case-sensitive Exact rule per bytes
    QHash<QString, int> foldedIndex;     // the same for case-insensitive text rules
    std::vector<int> scanned;            // every other usable enabled rule, in order
    bool fallback = true;
};

RuleBook::RuleBook(QObject* parent) : QObject(parent)
{
    QMutexLocker lock(&m_writeMutex);
    publish({}, {}, {});
}

RuleBook::~RuleBook() = default;

void RuleBook::publish(QList<Rule> rules, QList<quint64> ids, QList<ReplySet> sets)
{
    auto snapshot = std::make_shared<Snapshot>();
    const std::shared_ptr<const Snapshot> old = std::atomic_load(&m_snapshot);
    snapshot->rules = std::move(rules);
    snapshot->ids = std::move(ids);
    snapshot->sets = std::move(sets);
    snapshot->fallback = m_fallback;

    // A set keeps its book (and its shuffle or sequence position) while it is unchanged.
    for (const ReplySet& set : snapshot->sets) {
        if (snapshot->setBooks.count(set.name))
            continue; // the first set of a name wins
        std::shared_ptr<ReplyBook> book;
        if (old) {
            const auto it = old->setBooks.find(set.name);
            const auto same = std::find(old->sets.cbegin(), old->sets.cend(), set);
            if (it != old->setBooks.end() && same != old->sets.cend())
                book = it->second;
        }
        if (!book) {
            book = std::make_shared<ReplyBook>();
            book->setTemplateSyntax(TemplateSyntax::Rule);
            book->setPickMode(set.mode);
            book->setEntries(set.entries);
        }
        snapshot->setBooks.emplace(set.name, std::move(book));
    }

    std::map<quint64, std::shared_ptr<Stats>> oldStats;
    if (old) {
        for (int i = 0; i < old->ids.size(); ++i)
            oldStats.emplace(old->ids.at(i), old->stats.at(std::size_t(i)));
    }
    snapshot->compiled.reserve(std::size_t(snapshot->rules.size()));
    for (int i = 0; i < snapshot->rules.size(); ++i) {
        const Rule& rule = snapshot->rules.at(i);
        CompiledRule compiled{rule, RuleMatcher(rule), std::nullopt, nullptr, {}, {}, false};
        compiled.label = rule.name.isEmpty() ? tr("rule %1").arg(i + 1) : rule.name;
        RuleStatus& status = compiled.status;
        if (!compiled.matcher.isValid()) {
            status = {compiled.matcher.problem(), compiled.matcher.errorString(),
                      compiled.matcher.errorOffset()};
        } else if (rule.delayMs < 0 || rule.delayMs > kMaxRuleDelayMs) {
            status = {RuleProblem::BadDelay, tr("a delay from 0 to %1 ms").arg(kMaxRuleDelayMs),
                      -1};
        } else if (rule.answer == AnswerKind::Reply) {
            ByteParseError error;
            compiled.reply =
                ReplyTemplate::compile(rule.reply, rule.replyFormat, &error, TemplateSyntax::Rule);
            if (!compiled.reply)
                status = {RuleProblem::BadReply, describeParseError(error), error.position};
        } else if (rule.answer == AnswerKind::ReplySet) {
            const auto it = snapshot->setBooks.find(rule.replySet);
            if (it == snapshot->setBooks.end())
                status = {RuleProblem::UnknownSet, tr("no reply set \"%1\"").arg(rule.replySet),
                          -1};
            else
                compiled.set = it->second;
        }
        compiled.usable = status.problem == RuleProblem::None;

        const quint64 id = snapshot->ids.at(i);
        std::shared_ptr<Stats> stats;
        if (const auto it = oldStats.find(id); it != oldStats.end())
            stats = it->second;
        else
            stats = std::make_shared<Stats>();
        if (!stats->matchedBy.sameMatch(rule)) { // a new pattern may be warned about again
            stats->limitLogged.store(false);
            stats->matchedBy = rule;
        }
        snapshot->stats.push_back(std::move(stats));

        if (rule.enabled && compiled.usable && !compiled.matcher.isIndexedLiteral() &&
            !compiled.matcher.isIndexedFoldedLiteral())
            snapshot->scanned.push_back(i);
        snapshot->compiled.push_back(std::move(compiled));
    }
    // QHash::insert replaces: walk backwards so the first rule of each key is the one kept.
    for (int i = int(snapshot->compiled.size()) - 1; i >= 0; --i) {
        const CompiledRule& compiled = snapshot->compiled.at(std::size_t(i));
        if (!compiled.rule.enabled || !compiled.usable)
            continue;
        if (compiled.matcher.isIndexedLiteral())
            snapshot->literalIndex.insert(compiled.matcher.literal(), i);
        else if (compiled.matcher.isIndexedFoldedLiteral())
            snapshot->foldedIndex.insert(compiled.matcher.foldedLiteral(), i);
    }
    std::atomic_store(&m_snapshot, std::shared_ptr<const Snapshot>(std::move(snapshot)));
}

void RuleBook::republish(QList<Rule> rules, QList<quint64> ids)
{
    publish(std::move(rules), std::move(ids), m_snapshot->sets);
}

bool RuleBook::noteLimitHit(const Snapshot& snapshot, int index) const
{
    Stats& stats = *snapshot.stats.at(std::size_t(index));
    stats.limitHits.fetch_add(1, std::memory_order_relaxed);
    return !stats.limitLogged.exchange(true);
}

RuleAnswer RuleBook::answer(const QByteArray& message, const ReplyContext& context, ReplyBook* book,
                            Use use) const
{
    const std::shared_ptr<const Snapshot> snapshot = std::atomic_load(&m_snapshot);
    RuleAnswer out;
    out.anyRules = !snapshot->rules.isEmpty();
    RuleCaptures captures;
    int chosen = -1;

    // The earliest literal candidate; only the scanned rules above it can come first.
    int candidate = INT_MAX;
    if (!snapshot->literalIndex.isEmpty()) {
        const auto it = snapshot->literalIndex.constFind(message);
        if (it != snapshot->literalIndex.cend())
            candidate = it.value();
    }
    if (!snapshot->foldedIndex.isEmpty()) {
        const auto it = snapshot->foldedIndex.constFind(QString::fromUtf8(message).toCaseFolded());
        if (it != snapshot->foldedIndex.cend())
            candidate = std::min(candidate, it.value());
    }
    const auto tryRule = [&](int index) {
        const MatchResult result =
            snapshot->compiled.at(std::size_t(index)).matcher.match(message, &captures);
        if (result == MatchResult::LimitHit) {
            if (use == Use::Serve && noteLimitHit(*snapshot, index))
                out.limitHitRules.append(snapshot->compiled.at(std::size_t(index)).label);
            return false;
        }
        return result == MatchResult::Match;
    };
    for (const int index : snapshot->scanned) {
        if (index > candidate)
            break;
        if (tryRule(index)) {
            chosen = index;
            break;
        }
    }
    if (chosen < 0 && candidate != INT_MAX) {
        if (tryRule(candidate)) {
            chosen = candidate;
        } else {
            // Case folding said equal, the caseless match did not: check the rest in order.
            for (int i = candidate + 1; i < int(snapshot->compiled.size()); ++i) {
                const CompiledRule& rule = snapshot->compiled.at(std::size_t(i));
                if (rule.rule.enabled && rule.usable && tryRule(i)) {
                    chosen = i;
                    break;
                }
            }
        }
    }

    if (chosen < 0) {
        if (snapshot->fallback && book) {
            out.source = RuleAnswer::Source::ReplyBook;
            out.reply = book->pick(context);
        }
        return out;
    }
    const CompiledRule& rule = snapshot->compiled.at(std::size_t(chosen));
    out.source = RuleAnswer::Source::Rule;
    out.ruleIndex = chosen;
    out.ruleName = rule.label;
    out.delay = std::chrono::milliseconds(rule.rule.delayMs);
    out.close = rule.rule.close;
    if (rule.rule.answer != AnswerKind::NoReply) {
        captures.names = rule.matcher.groupNames();
        ReplyContext withCaptures = context;
        withCaptures.captures = &captures;
        out.reply = rule.reply ? std::optional<QByteArray>(rule.reply->expand(withCaptures))
                               : rule.set->pick(withCaptures);
    }
    if (use == Use::Serve) {
        Stats& stats = *snapshot->stats.at(std::size_t(chosen));
        stats.hits.fetch_add(1, std::memory_order_relaxed);
        stats.lastHitMs.store(QDateTime::currentMSecsSinceEpoch(), std::memory_order_relaxed);
    }
    return out;
}

// --- editing

QList<Rule> RuleBook::rules() const
{
    return std::atomic_load(&m_snapshot)->rules;
}

void RuleBook::setRules(const QList<Rule>& rules)
{
    {
        QMutexLocker lock(&m_writeMutex);
        if (m_snapshot->rules == rules)
            return;
        QList<quint64> ids;
        for (int i = 0; i < rules.size(); ++i)
            ids.append(m_nextId++);
        republish(rules, ids);
    }
    afterChange();
}

int RuleBook::count() const
{
    return int(std::atomic_load(&m_snapshot)->rules.size());
}

Rule RuleBook::rule(int index) const
{
    const auto snapshot = std::atomic_load(&m_snapshot);
    return index >= 0 && index < snapshot->rules.size() ? snapshot->rules.at(index) : Rule{};
}

void RuleBook::addRule(const Rule& rule)
{
    insertRule(count(), rule);
}

void RuleBook::insertRule(int index, const Rule& rule)
{
    {
        QMutexLocker lock(&m_writeMutex);
        QList<Rule> rules = m_snapshot->rules;
        QList<quint64> ids = m_snapshot->ids;
        const int at = std::clamp(index, 0, int(rules.size()));
        rules.insert(at, rule);
        ids.insert(at, m_nextId++);
        republish(std::move(rules), std::move(ids));
    }
    afterChange();
}

void RuleBook::updateRule(int index, const Rule& rule)
{
    {
        QMutexLocker lock(&m_writeMutex);
        QList<Rule> rules = m_snapshot->rules;
        if (index < 0 || index >= rules.size() || rules.at(index) == rule)
            return;
        rules[index] = rule;
        republish(std::move(rules), m_snapshot->ids);
    }
    afterChange();
}

void RuleBook::removeRule(int index)
{
    {
        QMutexLocker lock(&m_writeMutex);
        QList<Rule> rules = m_snapshot->rules;
        QList<quint64> ids = m_snapshot->ids;
        if (index < 0 || index >= rules.size())
            return;
        rules.removeAt(index);
        ids.removeAt(index);
        republish(std::move(rules), std::move(ids));
    }
    afterChange();
}

void RuleBook::moveRule(int from, int to)
{
    {
        QMutexLocker lock(&m_writeMutex);
        QList<Rule> rules = m_snapshot->rules;
        QList<quint64> ids = m_snapshot->ids;
        const int size = int(rules.size());
        if (from < 0 || from >= size || to < 0 || to >= size || from == to)
            return;
        rules.move(from, to);
        ids.move(from, to);
        republish(std::move(rules), std::move(ids));
    }
    afterChange();
}

void RuleBook::duplicateRule(int index)
{
    const Rule copy = rule(index);
    if (index >= 0 && index < count())
        insertRule(index + 1, copy);
}

void RuleBook::setEnabled(int index, bool enabled)
{
    Rule changed = rule(index);
    changed.enabled = enabled;
    updateRule(index, changed);
}

QList<ReplySet> RuleBook::replySets() const
{
    return std::atomic_load(&m_snapshot)->sets;
}

void RuleBook::setReplySets(const QList<ReplySet>& sets)
{
    {
        QMutexLocker lock(&m_writeMutex);
        if (m_snapshot->sets == sets)
            return;
        publish(m_snapshot->rules, m_snapshot->ids, sets);
    }
    afterChange();
}

bool RuleBook::fallbackToBook() const
{
    return std::atomic_load(&m_snapshot)->fallback;
}

void RuleBook::setFallbackToBook(bool fallback)
{
    {
        QMutexLocker lock(&m_writeMutex);
        if (m_fallback == fallback)
            return;
        m_fallback = fallback;
        publish(m_snapshot->rules, m_snapshot->ids, m_snapshot->sets);
    }
    emit changed(); // not in the file: nothing to save
}

RuleStatus RuleBook::status(int index) const
{
    const auto snapshot = std::atomic_load(&m_snapshot);
    if (index < 0 || index >= int(snapshot->compiled.size()))
        return {};
    return snapshot->compiled.at(std::size_t(index)).status;
}

quint64 RuleBook::hits(int index) const
{
    const auto snapshot = std::atomic_load(&m_snapshot);
    if (index < 0 || index >= int(snapshot->stats.size()))
        return 0;
    return snapshot->stats.at(std::size_t(index))->hits.load(std::memory_order_relaxed);
}

QDateTime RuleBook::lastHit(int index) const
{
    const auto snapshot = std::atomic_load(&m_snapshot);
    if (index < 0 || index >= int(snapshot->stats.size()))
        return {};
    const qint64 ms = snapshot->stats.at(std::size_t(index))->lastHitMs.load();
    return ms == 0 ? QDateTime() : QDateTime::fromMSecsSinceEpoch(ms);
}

quint64 RuleBook::limitHits(int index) const
{
    const auto snapshot = std::atomic_load(&m_snapshot);
    if (index < 0 || index >= int(snapshot->stats.size()))
        return 0;
    return snapshot->stats.at(std::size_t(index))->limitHits.load();
}

// --- files

BookFileResult RuleBook::load(const QString& path)
{
    BookFileResult result;
    std::optional<ParsedRules> parsed = readRulesFile(path, &result);
    if (!parsed)
        return result;
    {
        QMutexLocker lock(&m_writeMutex);
        QList<quint64> ids;
        for (int i = 0; i < parsed->rules.size(); ++i)
            ids.append(m_nextId++);
        publish(std::move(parsed->rules), std::move(ids), std::move(parsed->sets));
    }
    emit changed();
    return result;
}

BookFileResult RuleBook::importFile(const QString& path)
{
    BookFileResult result;
    std::optional<ParsedRules> parsed = readRulesFile(path, &result);
    if (!parsed)
        return result;
    {
        QMutexLocker lock(&m_writeMutex);
        QList<Rule> rules = m_snapshot->rules;
        QList<quint64> ids = m_snapshot->ids;
        for (const Rule& rule : parsed->rules) {
            rules.append(rule);
            ids.append(m_nextId++);
        }
        QList<ReplySet> sets = m_snapshot->sets;
        for (const ReplySet& set : parsed->sets) {
            const auto same = std::find_if(sets.begin(), sets.end(),
                                           [&](const ReplySet& s) { return s.name == set.name; });
            if (same != sets.end())
                *same = set;
            else
                sets.append(set);
        }
        publish(std::move(rules), std::move(ids), std::move(sets));
    }
    afterChange();
    return result;
}

BookFileResult RuleBook::exportFile(const QString& path) const
{
    const auto snapshot = std::atomic_load(&m_snapshot);
    return writeRulesFile(path, ParsedRules{snapshot->rules, snapshot->sets});
}

void RuleBook::setAutoSavePath(const QString& path)
{
    QMutexLocker lock(&m_writeMutex);
    m_autoSavePath = path;
}

QString RuleBook::autoSavePath() const
{
    QMutexLocker lock(&m_writeMutex);
    return m_autoSavePath;
}

void RuleBook::afterChange()
{
    emit changed();
    const QString path = autoSavePath();
    if (path.isEmpty())
        return;
    const BookFileResult result = exportFile(path);
    if (result.file.ok())
        emit saved(path);
    else
        emit saveFailed(result.file);
}

} // namespace chorus
