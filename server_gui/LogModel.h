#pragma once

// The log pane's lines: a bounded list (oldest dropped first) fed by the
// engine's logBatch, so hours of traffic keep memory and repaint cost flat.
// LogFilterModel filters it by text and by connection id.

#include "server/ServerTypes.h"

#include <QAbstractListModel>
#include <QSet>
#include <QSortFilterProxyModel>

#include <deque>

namespace chorus {

class LogModel : public QAbstractListModel
{
    Q_OBJECT
public:
    static constexpr int kDefaultCapacity = 5000;
    enum Role { ConnectionIdRole = Qt::UserRole + 1, LevelRole, KindRole };

    explicit LogModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

    int capacity() const { return m_capacity; }
    void setCapacity(int lines); // drops the oldest lines if needed
    const LogEntry& entryAt(int row) const { return m_entries[std::size_t(row)]; }
    quint64 droppedCount() const { return m_dropped; }
    // Every kept line, formatted, one per line (LF), for Save….
    QByteArray toUtf8() const;

public slots:
    void append(const QList<chorus::LogEntry>& entries);
    void clear();

private:
    void dropOldest(int count);

    std::deque<LogEntry> m_entries;
    int m_capacity = kDefaultCapacity;
    quint64 m_dropped = 0;
};

class LogFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit LogFilterModel(QObject* parent = nullptr);

    void setTextFilter(const QString& text); // case-insensitive substring of the line
    // Empty: every connection. Else only lines about these ids.
    void setConnectionFilter(const QSet<quint64>& ids);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QString m_text;
    QSet<quint64> m_ids;
};

} // namespace chorus
