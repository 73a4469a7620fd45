#pragma once

// The list of replies the server picks from. Read by every engine thread on
// each incoming message while the window edits it: readers take an immutable
// snapshot through an atomic shared_ptr (no lock on the Random path); writers
// copy, modify and publish a new snapshot. Shuffle and Sequential keep a small
// cursor state behind their own mutex.

#include <QDateTime>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>
#include <random>
#include <vector>

namespace chorus {

struct ReplyEntry
{
    QString text;
    bool enabled = true;
    double weight = 1.0; // only used by PickMode::Random; <= 0 never picked

    bool operator==(const ReplyEntry& other) const
    {
        return text == other.text && enabled == other.enabled && weight == other.weight;
    }
};

enum class PickMode { Random, Shuffle, Sequential };
QString pickModeName(PickMode mode); // "random", "shuffle", "sequential"
std::optional<PickMode> pickModeFromName(QStringView name);

// What placeholders in a reply expand to.
struct ReplyContext
{
    quint64 connectionId = 0; // {id}
    QString peer;             // {peer}   "address:port"
    quint64 count = 0;        // {count}  messages from this peer so far (including this one)
    QString echo;             // {echo}   the message being answered
    QDateTime now;            // {time} HH:mm:ss, {date} yyyy-MM-dd; invalid -> current time
};

enum class ReplyFileFormat { PlainText, Json };

class ReplyBook : public QObject
{
    Q_OBJECT
public:
    explicit ReplyBook(QObject* parent = nullptr); // starts with the factory list
    ~ReplyBook() override;

    // The seven Korean replies of the original program, from :/chorus/factory_replies.txt.
    static QList<ReplyEntry> factoryEntries();

    // --- editing (any thread; emits changed() and autosaves when a path is set)
    QList<ReplyEntry> entries() const;
    void setEntries(const QList<ReplyEntry>& entries);
    int count() const;
    int enabledCount() const;
    ReplyEntry entry(int index) const;
    void addEntry(const ReplyEntry& entry);
    void insertEntry(int index, const ReplyEntry& entry);
    void updateEntry(int index, const ReplyEntry& entry);
    void removeEntry(int index);
    void moveEntry(int from, int to);
    void setEnabled(int index, bool enabled);
    void resetToFactory();

    PickMode pickMode() const;
    void setPickMode(PickMode mode);

    // --- picking (thread-safe, called by the engine for every message)
    // Returns the expanded reply, or nullopt when no entry is enabled (or, in
    // Random mode, when every enabled entry has a weight <= 0).
    std::optional<QString> pick(const ReplyContext& context);
    static QString expandPlaceholders(const QString& text, const ReplyContext& context);

    // --- persistence (JSON document {"version":1,"pickMode":..,"entries":[{text,enabled,weight}]})
    // Corrupt or unreadable file: keeps the factory list, renames the bad file to
    // "<path>.corrupt-<yyyyMMdd-HHmmss>" and returns false with a warning.
    // A missing file is not an error (factory list, returns true).
    bool load(const QString& path, QString* warning = nullptr);
    bool save(const QString& path, QString* error = nullptr) const; // atomic (QSaveFile)
    // After every change, save to this path (atomic). Failures are reported by saveFailed().
    void setAutoSavePath(const QString& path);
    QString autoSavePath() const;

    // --- import / export (plain text: one reply per line, blank lines skipped; JSON: as save())
    static std::optional<QList<ReplyEntry>> parse(const QByteArray& data, ReplyFileFormat format,
                                                  QString* error = nullptr);
    static QByteArray serialize(const QList<ReplyEntry>& entries, ReplyFileFormat format,
                                PickMode mode = PickMode::Random);
    static ReplyFileFormat formatForPath(const QString& path);      // .json -> Json, else PlainText
    bool importFile(const QString& path, QString* error = nullptr); // replaces the entries
    bool exportFile(const QString& path, QString* error = nullptr) const; // atomic

signals:
    void changed();
    void saveFailed(const QString& reason);

private:
    struct Snapshot;
    void publish(QList<ReplyEntry> entries);
    void afterChange();

    mutable QMutex m_writeMutex; // serialises writers and the shuffle/sequential cursor
    std::shared_ptr<const Snapshot> m_snapshot; // accessed with std::atomic_load/store
    PickMode m_mode = PickMode::Random;         // writers' copy; pick() reads the snapshot's
    quint64 m_generation = 0;                   // bumped by every publish()
    std::vector<int> m_shuffleOrder;            // indices into the snapshot's enabled list
    std::size_t m_shufflePos = 0;
    std::size_t m_sequentialPos = 0;
    quint64 m_shuffleGeneration = 0; // generation m_shuffleOrder was built for
    QString m_autoSavePath;
};

} // namespace chorus
