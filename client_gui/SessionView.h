#pragma once

// A saved session, read only: File → Recent sessions opens one in its own
// window beside the live conversation, drawn like the history pane, with its
// own Text / Hex / Mixed choice.

#include "base/AtomicFile.h"
#include "wire/ByteText.h"

#include <QDialog>

class QListView;

namespace chorus {

class ByteViewChoice;
class HistoryModel;

class SessionView : public QDialog
{
    Q_OBJECT
public:
    // Reads `path`; on failure the result says why and the view is empty.
    SessionView(const QString& path, QWidget* parent = nullptr);

    const FileResult& loadResult() const { return m_load; }
    HistoryModel* model() const { return m_model; }
    ByteViewChoice* viewChoice() const { return m_viewChoice; }
    void setByteView(ByteView view);
    QString path() const { return m_path; }
    // Lines of the file that were not readable entries.
    int skippedLines() const { return m_skipped; }

private:
    QString m_path;
    HistoryModel* m_model;
    QListView* m_view;
    ByteViewChoice* m_viewChoice;
    FileResult m_load;
    int m_skipped = 0;
};

} // namespace chorus
