#pragma once

// The log pane: a bounded LogModel behind a text/connection filter, with
// pause auto-scroll, clear, save (text with escapes, or JSON lines with the
// exact bytes) and continuous logging to a file. Messages are shown in the
// window's view (Text, Hex, Mixed), escapes in their own colour.

#include "LogFileWriter.h"
#include "LogModel.h"

#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QToolButton;

namespace chorus {

class ConnectionTableModel;

class LogPane : public QWidget
{
    Q_OBJECT
public:
    explicit LogPane(QWidget* parent = nullptr);

    LogModel* model() const { return m_model; }
    LogFilterModel* filterModel() const { return m_filter; }
    QListView* view() const { return m_view; }
    QCheckBox* onlySelectedCheck() const { return m_onlySelected; }
    QComboBox* connectionCombo() const { return m_connectionCombo; }
    // Vehicle status lines shown: all, or down to a severity (issue 13).
    QComboBox* severityCombo() const { return m_severityCombo; }

    QLineEdit* filterEdit() const { return m_filterEdit; }
    QCheckBox* pauseScrollCheck() const { return m_pauseScroll; }

    // "All connections" or empty -> empty set; "#7", "7, #12" -> those ids; else nullopt.
    static std::optional<QSet<quint64>> parseConnectionIds(const QString& text);

    // Continuous logging; on failure shows why in the pane and returns the result.
    FileResult startLogToFile(const QString& path);
    void stopLogToFile();
    QString logFilePath() const; // empty when not logging to a file
    // The last failure of the log file (open or write); None while it works.
    const FileResult& logFileProblem() const { return m_logFileProblem; }

    // The live connections the connection filter offers (read when its list opens).
    void setConnectionModel(const ConnectionTableModel* model);
    // Fills the filter's list from the live connections now; returns their ids.
    QList<quint64> refreshConnectionChoices();
    // The connections selected in the table, for "Only selected connection".
    void setSelectedConnections(const QSet<quint64>& ids);

    ByteView byteView() const { return m_model->byteView(); }
    // Re-renders every kept line in this view (Mixed: the dump under each line).
    void setByteView(ByteView view);
    // Save… without the dialog: .jsonl is JSON lines, anything else text.
    FileResult saveTo(const QString& path);

public slots:
    void appendEntries(const QList<chorus::LogEntry>& entries);
    void saveAs();
    void chooseLogFile();

signals:
    void logFileChanged(const QString& path); // empty: stopped

private:
    void applyConnectionFilter();
    void showFileStatus(const QString& text, bool error);
    bool isAtBottom() const;
    // Runs a change of what the view shows, keeping it at the end if it was there.
    template <typename Change> void keepFollowing(Change change);

    LogModel* m_model;
    LogFilterModel* m_filter;
    LogFileWriter m_fileWriter;
    QListView* m_view;
    QLineEdit* m_filterEdit;
    QComboBox* m_connectionCombo;
    QComboBox* m_severityCombo;
    QCheckBox* m_onlySelected;
    QCheckBox* m_pauseScroll;
    QToolButton* m_logToFileButton;
    QLabel* m_fileStatus;
    QSet<quint64> m_selectedIds;
    const ConnectionTableModel* m_connections = nullptr;
    FileResult m_logFileProblem;
};

} // namespace chorus
