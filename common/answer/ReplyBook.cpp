#include "answer/ReplyBook.h"

#include "base/AtomicFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QMutexLocker>
#include <QStringDecoder>

#include <algorithm>
#include <cmath>
#include <utility>

namespace chorus {

namespace {

// Files the user points us at are read whole; anything larger is not a reply book.
constexpr qint64 kMaxBookFileBytes = 16 * 1024 * 1024;
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

QByteArray stripUtf8Bom(const QByteArray& data)
{
    if (data.startsWith("\xEF\xBB\xBF"))
        return data.sliced(3);
    return data;
}

struct ParsedBook
{
    QList<ReplyEntry> entries;
    std::optional<PickMode> mode;
};

std::optional<ReplyEntry> entryFromJson(const QJsonValue& value, int index, QString* error)
{
    if (value.isString())
        return ReplyEntry{value.toString(), true, 1.0};
    if (!value.isObject()) {
        *error = ReplyBook::tr("entry %1 is neither a string nor an object").arg(index + 1);
        return std::nullopt;
    }
    const QJsonObject object = value.toObject();
    const QJsonValue text = object.value(QLatin1String("text"));
    if (!text.isString()) {
        *error = ReplyBook::tr("entry %1 has no \"text\" string").arg(index + 1);
        return std::nullopt;
    }
    ReplyEntry entry;
    entry.text = text.toString();
    const QJsonValue enabled = object.value(QLatin1String("enabled"));
    if (!enabled.isUndefined()) {
        if (!enabled.isBool()) {
            *error = ReplyBook::tr("entry %1: \"enabled\" must be true or false").arg(index + 1);
            return std::nullopt;
        }
        entry.enabled = enabled.toBool();
    }
    const QJsonValue weight = object.value(QLatin1String("weight"));
    if (!weight.isUndefined()) {
        if (!weight.isDouble() || !std::isfinite(weight.toDouble()) || weight.toDouble() < 0) {
            *error =
                ReplyBook::tr("entry %1: \"weight\" must be a number of 0 or more").arg(index + 1);
            return std::nullopt;
        }
        entry.weight = weight.toDouble();
    }
    return entry;
}

std::optional<ParsedBook> parseJson(const QByteArray& data, QString* error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(stripUtf8Bom(data), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = ReplyBook::tr("invalid JSON at byte %1: %2")
                     .arg(parseError.offset)
                     .arg(parseError.errorString());
        return std::nullopt;
    }
    ParsedBook book;
    QJsonArray array;
    if (document.isArray()) {
        array = document.array();
    } else if (document.isObject()) {
        const QJsonObject object = document.object();
        const QJsonValue entries = object.value(QLatin1String("entries"));
        if (!entries.isArray()) {
            *error = ReplyBook::tr("the JSON object has no \"entries\" array");
            return std::nullopt;
        }
        array = entries.toArray();
        // An unknown mode (a newer file) falls back to the default rather than
        // throwing the replies away.
        book.mode = pickModeFromName(object.value(QLatin1String("pickMode")).toString());
    } else {
        *error = ReplyBook::tr("expected a JSON object or array");
        return std::nullopt;
    }
    book.entries.reserve(array.size());
    for (int i = 0; i < array.size(); ++i) {
        auto entry = entryFromJson(array.at(i), i, error);
        if (!entry)
            return std::nullopt;
        book.entries.append(std::move(*entry));
    }
    return book;
}

std::optional<QList<ReplyEntry>> parsePlainText(const QByteArray& data, QString* error)
{
    const QByteArray bytes = stripUtf8Bom(data);
    if (bytes.contains('\0')) {
        *error = ReplyBook::tr("the file is binary, not text (it contains NUL bytes)");
        return std::nullopt;
    }
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(bytes);
    if (decoder.hasError()) {
        *error = ReplyBook::tr("the file is not valid UTF-8 text");
        return std::nullopt;
    }
    QList<ReplyEntry> entries;
    for (QStringView line : QStringView(text).split(QLatin1Char('\n'))) {
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        if (line.trimmed().isEmpty())
            continue;
        entries.append(ReplyEntry{line.toString(), true, 1.0});
    }
    return entries;
}

bool readWholeFile(const QString& path, QByteArray* data, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return false;
    }
    if (file.size() > kMaxBookFileBytes) {
        *error = ReplyBook::tr("the file is larger than %1 MiB").arg(kMaxBookFileBytes >> 20);
        return false;
    }
    *data = file.read(kMaxBookFileBytes + 1);
    if (file.error() != QFileDevice::NoError) {
        *error = file.errorString();
        return false;
    }
    return true;
}

// The book lives in the app-data folder, which may not exist on a first run:
// writeFileAtomically() creates it.
bool writeAtomically(const QString& path, const QByteArray& data, QString* error)
{
    return writeFileAtomically(path, data, error);
}

// "<path>.corrupt-<stamp>", with a counter if that name is taken already.
QString corruptBackupPath(const QString& path)
{
    const QString base = path + QStringLiteral(".corrupt-") +
                         QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString candidate = base;
    for (int n = 2; QFileInfo::exists(candidate) && n < 1000; ++n)
        candidate = base + QLatin1Char('-') + QString::number(n);
    return candidate;
}

} // namespace

// An immutable view of the book that pick() reads without locking.
struct ReplyBook::Snapshot
{
    QList<ReplyEntry> entries;
    std::vector<int> enabled;       // indices into entries, in order
    std::vector<int> weighted;      // enabled entries with a weight > 0
    std::vector<double> cumulative; // running weight totals, parallel to weighted
    bool uniformWeights = true;     // every weighted entry weighs the same
    PickMode mode = PickMode::Random;
    quint64 generation = 0;
};

QString pickModeName(PickMode mode)
{
    switch (mode) {
    case PickMode::Random:
        return QStringLiteral("random");
    case PickMode::Shuffle:
        return QStringLiteral("shuffle");
    case PickMode::Sequential:
        return QStringLiteral("sequential");
    }
    return QStringLiteral("random");
}

std::optional<PickMode> pickModeFromName(QStringView name)
{
    const QStringView trimmed = name.trimmed();
    for (PickMode mode : {PickMode::Random, PickMode::Shuffle, PickMode::Sequential}) {
        if (trimmed.compare(pickModeName(mode), Qt::CaseInsensitive) == 0)
            return mode;
    }
    return std::nullopt;
}

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
        QString error;
        return parsePlainText(file.readAll(), &error).value_or(QList<ReplyEntry>());
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

std::optional<QString> ReplyBook::pick(const ReplyContext& context)
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
    return expandPlaceholders(snapshot->entries.at(index).text, context);
}

QString ReplyBook::expandPlaceholders(const QString& text, const ReplyContext& context)
{
    const auto isBrace = [](QChar c) { return c == QLatin1Char('{') || c == QLatin1Char('}'); };
    const QChar* const begin = text.constData();
    const QChar* const end = begin + text.size();
    const QChar* special = std::find_if(begin, end, isBrace);
    if (special == end)
        return text; // the common case: no copy at all

    QDateTime now; // resolved once, only if {time} or {date} appear
    const auto resolvedNow = [&]() -> const QDateTime& {
        if (!now.isValid())
            now = context.now.isValid() ? context.now : QDateTime::currentDateTime();
        return now;
    };

    QString out;
    out.reserve(text.size() + 32);
    const QChar* pos = begin;
    while (pos < end) {
        special = std::find_if(pos, end, isBrace);
        out.append(QStringView(pos, special));
        if (special == end)
            break;
        const QChar* next = special + 1;
        if (*special == QLatin1Char('}')) {
            out.append(QLatin1Char('}'));
            pos = (next < end && *next == QLatin1Char('}')) ? next + 1 : next; // "}}" -> "}"
            continue;
        }
        if (next < end && *next == QLatin1Char('{')) { // "{{" -> "{"
            out.append(QLatin1Char('{'));
            pos = next + 1;
            continue;
        }
        const QChar* close = std::find_if(next, end, isBrace);
        if (close == end || *close != QLatin1Char('}')) {
            out.append(QLatin1Char('{')); // no name follows: a literal brace
            pos = next;
            continue;
        }
        const QStringView name(next, close);
        if (name == u"id")
            out.append(QString::number(context.connectionId));
        else if (name == u"peer")
            out.append(context.peer);
        else if (name == u"count")
            out.append(QString::number(context.count));
        else if (name == u"echo")
            out.append(context.echo);
        else if (name == u"time")
            out.append(resolvedNow().toString(QStringLiteral("HH:mm:ss")));
        else if (name == u"date")
            out.append(resolvedNow().toString(QStringLiteral("yyyy-MM-dd")));
        else
            out.append(QStringView(special, close + 1)); // unknown: left as it is
        pos = close + 1;
    }
    return out;
}

bool ReplyBook::load(const QString& path, QString* warning)
{
    if (!QFileInfo::exists(path)) {
        {
            QMutexLocker lock(&m_writeMutex);
            m_mode = PickMode::Random;
            publish(factoryEntries());
        }
        emit changed();
        return true;
    }

    QByteArray data;
    QString reason;
    std::optional<ParsedBook> parsed;
    if (readWholeFile(path, &data, &reason))
        parsed = parseJson(data, &reason);

    if (!parsed) {
        // Keep the bad file for the user to inspect, out of the way of the next save.
        const QString backup = corruptBackupPath(path);
        const bool moved = QFile::rename(path, backup);
        {
            QMutexLocker lock(&m_writeMutex);
            m_mode = PickMode::Random;
            publish(factoryEntries());
        }
        emit changed();
        if (warning) {
            *warning = moved ? tr("The reply book %1 could not be read (%2). It was moved to %3 "
                                  "and the factory replies are used instead.")
                                   .arg(QDir::toNativeSeparators(path), reason,
                                        QDir::toNativeSeparators(backup))
                             : tr("The reply book %1 could not be read (%2) and could not be "
                                  "moved to %3 either. The factory replies are used instead.")
                                   .arg(QDir::toNativeSeparators(path), reason,
                                        QDir::toNativeSeparators(backup));
        }
        return false;
    }

    {
        QMutexLocker lock(&m_writeMutex);
        m_mode = parsed->mode.value_or(PickMode::Random);
        m_sequentialPos = 0;
        publish(std::move(parsed->entries));
    }
    emit changed();
    return true;
}

bool ReplyBook::save(const QString& path, QString* error) const
{
    const auto snapshot = std::atomic_load(&m_snapshot);
    return writeAtomically(
        path, serialize(snapshot->entries, ReplyFileFormat::Json, snapshot->mode), error);
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

std::optional<QList<ReplyEntry>> ReplyBook::parse(const QByteArray& data, ReplyFileFormat format,
                                                  QString* error)
{
    QString reason;
    std::optional<QList<ReplyEntry>> result;
    if (format == ReplyFileFormat::Json) {
        if (auto parsed = parseJson(data, &reason))
            result = std::move(parsed->entries);
    } else {
        result = parsePlainText(data, &reason);
    }
    if (!result && error)
        *error = reason;
    return result;
}

QByteArray ReplyBook::serialize(const QList<ReplyEntry>& entries, ReplyFileFormat format,
                                PickMode mode)
{
    if (format == ReplyFileFormat::PlainText) {
        QByteArray out;
        for (const ReplyEntry& entry : entries)
            out.append(entry.text.toUtf8()).append('\n');
        return out;
    }
    QJsonArray array;
    for (const ReplyEntry& entry : entries) {
        QJsonObject object;
        object.insert(QLatin1String("text"), entry.text);
        object.insert(QLatin1String("enabled"), entry.enabled);
        object.insert(QLatin1String("weight"), std::isfinite(entry.weight) ? entry.weight : 0.0);
        array.append(object);
    }
    QJsonObject root;
    root.insert(QLatin1String("version"), 1);
    root.insert(QLatin1String("pickMode"), pickModeName(mode));
    root.insert(QLatin1String("entries"), array);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

ReplyFileFormat ReplyBook::formatForPath(const QString& path)
{
    return path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive) ? ReplyFileFormat::Json
                                                                      : ReplyFileFormat::PlainText;
}

bool ReplyBook::importFile(const QString& path, QString* error)
{
    QByteArray data;
    QString reason;
    if (!readWholeFile(path, &data, &reason)) {
        if (error)
            *error = tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(path), reason);
        return false;
    }
    std::optional<ParsedBook> parsed;
    if (formatForPath(path) == ReplyFileFormat::Json) {
        parsed = parseJson(data, &reason);
    } else if (auto entries = parsePlainText(data, &reason)) {
        parsed = ParsedBook{std::move(*entries), std::nullopt};
    }
    if (!parsed) {
        if (error)
            *error = tr("Cannot import %1: %2").arg(QDir::toNativeSeparators(path), reason);
        return false;
    }
    {
        QMutexLocker lock(&m_writeMutex);
        if (parsed->mode)
            m_mode = *parsed->mode; // a JSON export carries its pick mode along
        publish(std::move(parsed->entries));
    }
    afterChange();
    return true;
}

bool ReplyBook::exportFile(const QString& path, QString* error) const
{
    const auto snapshot = std::atomic_load(&m_snapshot);
    const ReplyFileFormat format = formatForPath(path);
    if (format == ReplyFileFormat::PlainText) {
        // One reply per line cannot hold a reply that spans lines: refuse rather than split it.
        for (const ReplyEntry& entry : snapshot->entries) {
            if (entry.text.contains(QLatin1Char('\n')) || entry.text.contains(QLatin1Char('\r'))) {
                if (error)
                    *error = tr("The reply \"%1\" spans several lines and cannot be exported as "
                                "plain text; export to a .json file instead.")
                                 .arg(entry.text.left(40).simplified());
                return false;
            }
        }
    }
    return writeAtomically(path, serialize(snapshot->entries, format, snapshot->mode), error);
}

void ReplyBook::publish(QList<ReplyEntry> entries)
{
    // Called with m_writeMutex held.
    auto snapshot = std::make_shared<Snapshot>();
    snapshot->entries = std::move(entries);
    snapshot->mode = m_mode;
    snapshot->generation = ++m_generation;
    double total = 0.0;
    double firstWeight = -1.0;
    for (int i = 0; i < snapshot->entries.size(); ++i) {
        const ReplyEntry& entry = snapshot->entries.at(i);
        if (!entry.enabled)
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
    QString error;
    if (!save(path, &error))
        emit saveFailed(error);
}

} // namespace chorus
