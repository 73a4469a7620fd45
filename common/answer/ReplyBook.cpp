#include "answer/ReplyBook.h"

#include <QFile>
#include <QMutexLocker>

#include <algorithm>
#include <cmath>
#include <utility>

namespace chorus {

namespace {

// Keeps the cumulative sum finite whatever weights the user types.
constexpr double kMaxWeight = 1e9;

std::mt19937_64& threadRng()
{
    thread_local std::mt19937_64 rng = [] {
        std::random_device device;
        std::seed_seq seed{device(), device(), device(), device()};
        return std::mt19937_64(seed);
    }();
    return rng;
}

double effectiveWeight(double weight)
{
    if (!std::isfinite(weight) || weight <= 0.0)
        return 0.0;
    return std::min(weight, kMaxWeight);
}

} // namespace

// An immutable view of the book that pick() reads without locking.
struct ReplyBook::Snapshot
{
    QList<ReplyEntry> entries;
    std::vector<std::optional<ReplyTemplate>> compiled; // parallel to entries; nullopt: invalid
    std::vector<int> enabled;       // enabled valid entries: indices into entries, in order
    std::vector<int> weighted;      // enabled entries with a weight > 0
    std::vector<double> cumulative; // running weight totals, parallel to weighted
    bool uniformWeights = true;     // every weighted entry weighs the same
    PickMode mode = PickMode::Random;
    quint64 generation = 0;
};

ReplyBook::ReplyBook(QObject* parent) : QObject(parent)
{
    QMutexLocker lock(&m_writeMutex);
    publish(factoryEntries());
}

ReplyBook::~ReplyBook() = default;

QList<ReplyEntry> ReplyBook::factoryEntries()
{
    static const QList<ReplyEntry> factory = [] {
        QFile file(QStringLiteral(":/chorus/factory_replies.txt"));
        if (!file.open(QIODevice::ReadOnly))
            return QList<ReplyEntry>();
        BookFileResult result;
        const auto book = parseBook(file.readAll(), ReplyFileFormat::PlainText, &result);
        return book ? book->entries : QList<ReplyEntry>();
    }();
    return factory;
}

QList<ReplyEntry> ReplyBook::entries() const
{
    return std::atomic_load(&m_snapshot)->entries;
}

void ReplyBook::setEntries(const QList<ReplyEntry>& entries)
{
    {
        QMutexLocker lock(&m_writeMutex);
        if (std::atomic_load(&m_snapshot)->entries == entries)
            return;
        publish(entries);
    }
    afterChange();
}

int ReplyBook::count() const
{
    return int(std::atomic_load(&m_snapshot)->entries.size());
}

int ReplyBook::enabledCount() const
{
    return int(std::atomic_load(&m_snapshot)->enabled.size());
}

ReplyEntry ReplyBook::entry(int index) const
{
    const auto snapshot = std::atomic_load(&m_snapshot);
    if (index < 0 || index >= snapshot->entries.size())
        return {};
    return snapshot->entries.at(index);
}

void ReplyBook::addEntry(const ReplyEntry& entry)
{
    {
        QMutexLocker lock(&m_writeMutex);
        QList<ReplyEntry> entries = m_snapshot->entries;
        entries.append(entry);
        publish(std::move(entries));
    }
    afterChange();
}

void ReplyBook::insertEntry(int index, const ReplyEntry& entry)
{
    {
        QMutexLocker lock(&m_writeMutex);
        QList<ReplyEntry> entries = m_snapshot->entries;
        entries.insert(std::clamp(index, 0, int(entries.size())), entry);
        publish(std::move(entries));
    }
    afterChange();
}

void ReplyBook::updateEntry(int index, const ReplyEntry& entry)
{
    {
        QMutexLocker lock(&m_writeMutex);
        QList<ReplyEntry> entries = m_snapshot->entries;
        if (index < 0 || index >= entries.size() || entries.at(index) == entry)
            return;
        entries[index] = entry;
        publish(std::move(entries));
    }
    afterChange();
}

void ReplyBook::removeEntry(int index)
{
    {
        QMutexLocker lock(&m_writeMutex);
        QList<ReplyEntry> entries = m_snapshot->entries;
        if (index < 0 || index >= entries.size())
            return;
        entries.removeAt(index);
        publish(std::move(entries));
    }
    afterChange();
}

void ReplyBook::moveEntry(int from, int to)
{
    {
        QMutexLocker lock(&m_writeMutex);
        QList<ReplyEntry> entries = m_snapshot->entries;
        const int size = int(entries.size());
        if (from < 0 || from >= size || to < 0 || to >= size || from == to)
            return;
        entries.move(from, to);
        publish(std::move(entries));
    }
    afterChange();
}

void ReplyBook::setEnabled(int index, bool enabled)
{
    {
        QMutexLocker lock(&m_writeMutex);
        QList<ReplyEntry> entries = m_snapshot->entries;
        if (index < 0 || index >= entries.size() || entries.at(index).enabled == enabled)
            return;
        entries[index].enabled = enabled;
        publish(std::move(entries));
    }
    afterChange();
}

void ReplyBook::resetToFactory()
{
    setEntries(factoryEntries());
}

PickMode ReplyBook::pickMode() const
{
    return std::atomic_load(&m_snapshot)->mode;
}

void ReplyBook::setPickMode(PickMode mode)
{
    {
        QMutexLocker lock(&m_writeMutex);
        if (m_mode == mode)
            return;
        m_mode = mode;
        m_sequentialPos = 0;
        publish(m_snapshot->entries);
    }
    afterChange();
}

void ReplyBook::setTemplateSyntax(TemplateSyntax syntax)
{
    QMutexLocker lock(&m_writeMutex);
    if (m_syntax == syntax)
        return;
    m_syntax = syntax;
    publish(m_snapshot->entries);
}

std::optional<QByteArray> ReplyBook::pick(const ReplyContext& context)
{
    const std::shared_ptr<const Snapshot> snapshot = std::atomic_load(&m_snapshot);
    if (snapshot->enabled.empty())
        return std::nullopt;

    int index = -1;
    switch (snapshot->mode) {
    case PickMode::Random: {
        const std::size_t count = snapshot->weighted.size();
        if (count == 0)
            return std::nullopt; // every enabled entry weighs 0
        std::size_t slot = 0;
        if (snapshot->uniformWeights) {
            slot = std::uniform_int_distribution<std::size_t>(0, count - 1)(threadRng());
        } else {
            const double total = snapshot->cumulative.back();
            const double point = std::uniform_real_distribution<double>(0.0, total)(threadRng());
            slot = std::size_t(
                std::upper_bound(snapshot->cumulative.begin(), snapshot->cumulative.end(), point) -
                snapshot->cumulative.begin());
            slot = std::min(slot, count - 1); // point == total by rounding
        }
        index = snapshot->weighted[slot];
        break;
    }
    case PickMode::Shuffle: {
        QMutexLocker lock(&m_writeMutex);
        const std::size_t count = snapshot->enabled.size();
        if (m_shuffleGeneration != snapshot->generation || m_shufflePos >= m_shuffleOrder.size() ||
            m_shuffleOrder.size() != count) {
            const int previous =
                (m_shuffleGeneration == snapshot->generation && !m_shuffleOrder.empty())
                    ? m_shuffleOrder.back()
                    : -1;
            m_shuffleOrder.resize(count);
            for (std::size_t i = 0; i < count; ++i)
                m_shuffleOrder[i] = int(i);
            std::shuffle(m_shuffleOrder.begin(), m_shuffleOrder.end(), threadRng());
            // No immediate repeat across the cycle boundary either.
            if (count > 1 && m_shuffleOrder.front() == previous)
                std::swap(m_shuffleOrder.front(), m_shuffleOrder.back());
            m_shufflePos = 0;
            m_shuffleGeneration = snapshot->generation;
        }
        index = snapshot->enabled[std::size_t(m_shuffleOrder[m_shufflePos++])];
        break;
    }
    case PickMode::Sequential: {
        QMutexLocker lock(&m_writeMutex);
        const std::size_t position = m_sequentialPos % snapshot->enabled.size();
        m_sequentialPos = position + 1;
        index = snapshot->enabled[position];
        break;
    }
    }
    return snapshot->compiled[std::size_t(index)]->expand(context);
}

BookFileResult ReplyBook::load(const QString& path)
{
    BookFileResult result;
    std::optional<ParsedBook> book = readBookFile(path, &result);
    if (!book)
        return result;
    adopt(std::move(*book));
    emit changed();
    return result;
}

BookFileResult ReplyBook::importFile(const QString& path)
{
    BookFileResult result;
    std::optional<ParsedBook> book = readBookFile(path, &result);
    if (!book)
        return result;
    adopt(std::move(*book));
    afterChange();
    return result;
}

void ReplyBook::adopt(ParsedBook book)
{
    QMutexLocker lock(&m_writeMutex);
    if (book.mode && *book.mode != m_mode) {
        m_mode = *book.mode;
        m_sequentialPos = 0;
    }
    publish(std::move(book.entries));
}

FileResult ReplyBook::save(const QString& path) const
{
    const auto snapshot = std::atomic_load(&m_snapshot);
    return writeFileAtomically(
        path, serializeBook(snapshot->entries, ReplyFileFormat::Json, snapshot->mode));
}

BookFileResult ReplyBook::exportFile(const QString& path) const
{
    const auto snapshot = std::atomic_load(&m_snapshot);
    return writeBookFile(path, snapshot->entries, snapshot->mode);
}

void ReplyBook::setAutoSavePath(const QString& path)
{
    QMutexLocker lock(&m_writeMutex);
    m_autoSavePath = path;
}

QString ReplyBook::autoSavePath() const
{
    QMutexLocker lock(&m_writeMutex);
    return m_autoSavePath;
}

void ReplyBook::publish(QList<ReplyEntry> entries)
{
    // Called with m_writeMutex held.
    auto snapshot = std::make_shared<Snapshot>();
    snapshot->entries = std::move(entries);
    snapshot->mode = m_mode;
    snapshot->generation = ++m_generation;
    snapshot->compiled.reserve(std::size_t(snapshot->entries.size()));
    double total = 0.0;
    double firstWeight = -1.0;
    for (int i = 0; i < snapshot->entries.size(); ++i) {
        const ReplyEntry& entry = snapshot->entries.at(i);
        // Compiled once here, so pick() never parses; an invalid entry is never picked.
        snapshot->compiled.push_back(ReplyTemplate::compile(entry, nullptr, m_syntax));
        if (!entry.enabled || !snapshot->compiled.back())
            continue;
        snapshot->enabled.push_back(i);
        const double weight = effectiveWeight(entry.weight);
        if (weight <= 0.0)
            continue;
        if (firstWeight < 0)
            firstWeight = weight;
        else if (weight != firstWeight)
            snapshot->uniformWeights = false;
        total += weight;
        snapshot->weighted.push_back(i);
        snapshot->cumulative.push_back(total);
    }
    std::atomic_store(&m_snapshot, std::shared_ptr<const Snapshot>(std::move(snapshot)));
}

void ReplyBook::afterChange()
{
    emit changed();
    const QString path = autoSavePath();
    if (path.isEmpty())
        return;
    const FileResult result = save(path);
    if (result.ok())
        emit saved(path);
    else
        emit saveFailed(result);
}

} // namespace chorus
