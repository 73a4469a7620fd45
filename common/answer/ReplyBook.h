#pragma once

// The list of replies the server picks from. Read by every engine thread on
// each incoming message while the window edits it: readers take an immutable
// snapshot through an atomic shared_ptr (no lock on the Random path); writers
// copy, modify and publish a new snapshot. Shuffle and Sequential keep a small
// cursor state behind their own mutex.

#include "answer/Placeholders.h"
#include "answer/ReplyBookFile.h"
#include "answer/ReplyEntry.h"

#include <QList>
#include <QMutex>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>
#include <random>
#include <vector>

namespace chorus {

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
    int enabledCount() const; // enabled entries that parse: those pick() can use
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
    // A rule's reply set compiles its entries with TemplateSyntax::Rule
    // (captures, checksums); the book itself keeps Book. Not an edit.
    void setTemplateSyntax(TemplateSyntax syntax);

    // --- picking (thread-safe, called by the engine for every message)
    // Returns the reply's bytes, placeholders expanded, or nullopt when no
    // valid entry is enabled (or, in Random mode, when every one of them has a
    // weight <= 0). An entry whose text does not parse in its format is never
    // picked (and not counted by enabledCount()).
    std::optional<QByteArray> pick(const ReplyContext& context);

    // --- files (formats and limits: ReplyBookFile.h). Reading never changes,
    // moves or blocks on the file; on any failure the book stays as it was.
    // load(): the file's replies (and the pick mode a JSON book carries)
    // replace the book's. Not an edit: nothing is autosaved.
    BookFileResult load(const QString& path);
    // As load(), but an edit: autosaved like any other change.
    BookFileResult importFile(const QString& path);
    FileResult save(const QString& path) const; // JSON with the pick mode, verified
    BookFileResult exportFile(const QString& path) const;
    // After every change, save here; saved() or saveFailed() tell how it went.
    // Empty: never written (the headless server, a window that could not read its book).
    void setAutoSavePath(const QString& path);
    QString autoSavePath() const;

signals:
    void changed();
    void saved(const QString& path);
    // The old file is unchanged; the edit stands in memory.
    void saveFailed(const chorus::FileResult& result);

private:
    struct Snapshot;
    void publish(QList<ReplyEntry> entries);
    void afterChange();
    // Publishes a file's book: its entries, and its pick mode when it has one.
    void adopt(ParsedBook book);

    mutable QMutex m_writeMutex; // serialises writers and the shuffle/sequential cursor
    std::shared_ptr<const Snapshot> m_snapshot; // accessed with std::atomic_load/store
    PickMode m_mode = PickMode::Random;         // writers' copy; pick() reads the snapshot's
    quint64 m_generation = 0;                   // bumped by every publish()
    std::vector<int> m_shuffleOrder;            // indices into the snapshot's enabled list
    std::size_t m_shufflePos = 0;
    std::size_t m_sequentialPos = 0;
    quint64 m_shuffleGeneration = 0; // generation m_shuffleOrder was built for
    QString m_autoSavePath;
    TemplateSyntax m_syntax = TemplateSyntax::Book;
};

} // namespace chorus
