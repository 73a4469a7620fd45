#pragma once

// The conversation as a list model: one entry per message or notice, appended
// in batches so a fast sender costs one insert per flush, not one per message.
// At most maxEntries() stay in memory: the oldest leave from the top (the kept
// file has them, SessionKeeper) and firstIndex() counts them.
// A message entry keeps its bytes; the model shows them in one view (Text,
// Hex or Mixed, wire/ByteText.h), and switching the view re-renders them all.
//
// Saved files (JSON array, or one JSON object per line):
//   {"time":"2024-05-01T12:00:01.123+09:00","kind":"received",
//    "text":"\\x01\\x02 ok","hex":"0102206f6b","rtt_ms":0.8}
// "hex" is the message's bytes (messages only), "text" their Text view for
// people (for notices and errors: the words). A file without "hex" (before
// issue 9) loads its messages as the UTF-8 of "text".

#include "base/AtomicFile.h"
#include "client/ClientTypes.h"
#include "wire/ByteText.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <cmath>
#include <deque>
#include <limits>
#include <optional>

namespace chorus {

struct HistoryEntry
{
    enum class Kind : quint8 { Sent, Received, Notice, Error, Broadcast, Direct };
    Kind kind = Kind::Notice;
    bool queued = false; // Sent entries typed while down, not on the wire yet
    qint64 timeMs = 0;   // ms since epoch (local display)
    double rttMs = std::numeric_limits<double>::quiet_NaN(); // Received: NaN = unmatched
    quint64 messageId = 0; // Sent: the engine's id (to turn "queued" into "sent")
    // What the engine reported, for notices and errors of this run (not saved).
    ClientNotice notice = ClientNotice::None;
    ClientError error = ClientError::None;
    QString text;       // notices and errors: the words
    QByteArray payload; // messages: the bytes, exactly

    bool hasRtt() const { return !std::isnan(rttMs); }
    bool isMessage() const
    {
        return kind == Kind::Sent || kind == Kind::Received || kind == Kind::Broadcast ||
               kind == Kind::Direct;
    }
};

QString historyKindName(HistoryEntry::Kind kind); // "sent", "received", "notice", ...
// What an entry shows: a message's bytes in `view`, or a notice's words.
QString historyEntryBody(const HistoryEntry& entry, ByteView view);
// Plain text: "2024-05-01 12:00:01.123  server: body  (12.3 ms)"; a body of
// several lines (the Mixed view) starts on the next line.
QString historyEntryText(const HistoryEntry& entry, ByteView view = ByteView::Text);

class HistoryModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        KindRole = Qt::UserRole + 1, // int(HistoryEntry::Kind)
        TimeRole,                    // QDateTime
        RttRole,                     // double ms, or invalid QVariant when unmatched
        QueuedRole,                  // bool
        MessageIdRole,               // quint64
        NoticeRole,                  // int(ClientNotice)
        ErrorRole,                   // int(ClientError)
        PayloadRole,                 // QByteArray: a message's bytes; invalid for notices
        ByteViewRole,                // int(ByteView) the model shows messages in
    };
    // Qt::DisplayRole: historyEntryBody() in the model's view.

    explicit HistoryModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    const HistoryEntry& entry(int row) const { return m_entries[size_t(row)]; }
    int count() const { return int(m_entries.size()); }

    void append(const HistoryEntry& entry);
    void append(const QList<HistoryEntry>& entries);
    // Turns engine events into entries (ClientEventText words the notices):
    // one row insert for the whole batch. A Sent event for a queued message
    // updates that entry instead of adding one, and a reconnect run (the
    // Retry* notices) is one entry that each retry updates in place.
    void applyEvents(const QList<ClientEvent>& events);
    void clear();
    // The row of the running reconnect run's entry; -1 when there is none.
    int retryRow() const;

    // At most `maxEntries` entries in memory (0: no limit). An append beyond it
    // drops the oldest rows (entriesAboutToBeDropped first, so the kept file can
    // take them); lowering it drops at once.
    void setMaxEntries(int maxEntries);
    int maxEntries() const { return m_maxEntries; }
    // The session's number of row 0: how many of this session's entries came
    // before it and are not in memory (dropped from view). 0 after clear().
    qint64 firstIndex() const { return m_firstIndex; }
    qint64 sessionCount() const { return m_firstIndex + count(); }
    // Puts entries that came just before row 0 (read back from the kept file,
    // oldest first) at the top. Loaded entries may take the model up to twice
    // its limit (the rest are not taken; returns how many were); appends then
    // drop as many as they add, so the loaded rows leave first.
    int prependOlder(const QList<HistoryEntry>& entries);
    // The session index of the oldest entry that may still change (a queued
    // message, the running reconnect notice); sessionCount() when none.
    qint64 firstUnsettledIndex() const;

    // How messages are shown (and found, and copied). Switching re-renders
    // every entry (a layout change: heights differ between views).
    void setByteView(ByteView view);
    ByteView byteView() const { return m_view; }

    // Rows in the given order, in the model's view (what Copy puts on the clipboard).
    QString toPlainText(const QList<int>& rows) const;
    // Every entry in `view`: Save as text uses the Text view (escapes).
    QString toPlainText(ByteView view) const;
    QByteArray toJson() const; // a JSON array of entries
    // One compact JSON object per line: the last `maxEntries` (all when < 0).
    QByteArray toJsonLines(int maxEntries = -1) const;
    // Written with writeFileAtomically(): verified, the old file kept on failure.
    FileResult saveText(const QString& path) const;
    FileResult saveJson(const QString& path) const;
    FileResult saveJsonLines(const QString& path, int maxEntries = -1) const;
    // Reads a file written by saveJson (array) or saveJsonLines, at most
    // kMaxReadBytes; bad lines are skipped and counted in *skipped.
    static FileResult readEntries(const QString& path, QList<HistoryEntry>* entries,
                                  int* skipped = nullptr);
    static constexpr qint64 kMaxReadBytes = 256 * 1024 * 1024;

    static QJsonObject toJsonObject(const HistoryEntry& entry);
    // One compact JSON object and a newline: a line of a kept session file.
    static QByteArray toJsonLine(const HistoryEntry& entry);
    static std::optional<HistoryEntry> fromJsonObject(const QJsonObject& object);

    // Row of the next/previous entry whose body in the model's view contains
    // `text` (case-insensitive), from `fromRow` exclusive, wrapping around; -1 if none.
    int find(const QString& text, int fromRow, bool forward) const;

signals:
    void entriesAppended(int first, int last);
    // Rows first..last (always from 0) are about to leave memory.
    void entriesAboutToBeDropped(int first, int last);
    void firstIndexChanged(qint64 firstIndex);

private:
    // Drops the oldest rows beyond the limit (`countBefore`: the count before the
    // last append, which loaded older rows may have taken over the limit).
    void dropOldest(int countBefore);

    std::deque<HistoryEntry> m_entries;
    QHash<quint64, qint64> m_queuedIndexes; // message id -> session index while queued
    qint64 m_retryIndex = -1;               // session index of the reconnect run's entry
    qint64 m_firstIndex = 0;
    int m_maxEntries = 0;
    ByteView m_view = ByteView::Text;
};

} // namespace chorus
