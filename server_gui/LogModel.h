#pragma once

// The log pane's lines: a bounded list (oldest dropped first) fed by the
// engine's logBatch, so hours of traffic keep memory and repaint cost flat.
// Lines about a message render its bytes in the pane's view (Text with
// escapes, Hex, Mixed); switching the view re-renders every line kept.
// LogFilterModel filters it by text (as shown) and by connection id.

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
    enum Role {
        ConnectionIdRole = Qt::UserRole + 1,
        LevelRole,
        KindRole,
        EscapeSpansRole, // Text view: QList<EscapeSpan> in the displayed line
        PayloadRole,     // the message's kept bytes (QByteArray); invalid: no message
        LineCountRole,   // lines the displayed text has (Mixed: the dump under the line)
    };

    explicit LogModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

    int capacity() const { return m_capacity; }
    void setCapacity(int lines); // drops the oldest lines if needed
    const LogEntry& entryAt(int row) const { return m_entries[std::size_t(row)]; }
    quint64 droppedCount() const { return m_dropped; }
    ByteView byteView() const { return m_view; }
    // Renders every line in this view from now on (the lines kept too).
    void setByteView(ByteView view);

    // Every kept line for Save…: text, one line each (LF), messages in the Text view.
    QByteArray toUtf8() const;
    // The same as JSON lines (.jsonl): each message's bytes as "hex", exactly.
    QByteArray toJsonLines() const;

public slots:
    void append(const QList<chorus::LogEntry>& entries);
    void clear();

private:
    void dropOldest(int count);

    std::deque<LogEntry> m_entries;
    int m_capacity = kDefaultCapacity;
    quint64 m_dropped = 0;
    ByteView m_view = ByteView::Text;
};

class LogFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit LogFilterModel(QObject* parent = nullptr);

    void setTextFilter(const QString& text); // case-insensitive substring of the line
    // Empty: every connection. Else only lines about these ids.
    void setConnectionFilter(const QSet<quint64>& ids);
    // Vehicle status lines less severe than this are hidden (Debug: all); other lines stay.
    void setSeverityFilter(StatusSeverity threshold);
    StatusSeverity severityFilter() const { return m_severity; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QString m_text;
    QSet<quint64> m_ids;
    StatusSeverity m_severity = StatusSeverity::Debug;
};

} // namespace chorus
