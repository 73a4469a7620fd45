#pragma once

// The strip above the history that says how many of the session's entries
// have left memory (HistoryModel's limit) and reads them back from the kept
// files (SessionKeeper::readOlder) a block at a time: "Load older".

#include "base/AtomicFile.h"

#include <QWidget>

class QLabel;
class QListView;
class QPushButton;

namespace chorus {

class HistoryModel;
class SessionKeeper;

class OlderEntriesBar : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kLoadBlock = 1000; // entries one click reads back

    OlderEntriesBar(HistoryModel* model, SessionKeeper* keeper, QListView* view,
                    QWidget* parent = nullptr);

    QLabel* label() const { return m_label; }
    QPushButton* loadButton() const { return m_load; }

    // Reads the block before the first row back and scrolls to it; returns
    // how many entries came back.
    int loadOlder();
    // Shows the model's count now (also on every change of it).
    void refresh();

signals:
    void loadFailed(const chorus::FileResult& result);

private:
    HistoryModel* m_model;
    SessionKeeper* m_keeper;
    QListView* m_view;
    QLabel* m_label;
    QPushButton* m_load;
};

} // namespace chorus
