#pragma once

// The Commands pane (issue 13): every command sent, per peer, with its
// state and ack round trip; filters by peer and state; a summary line per
// command name; Send command… and Presets… buttons. Rows come in batches
// from Fleet::commandsChanged.

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace chorus {

class CommandFilterModel;
class CommandTableModel;

class CommandsPane : public QWidget
{
    Q_OBJECT
public:
    explicit CommandsPane(QWidget* parent = nullptr);

    CommandTableModel* model() const { return m_model; }
    CommandFilterModel* filter() const { return m_filter; }
    QTableView* view() const { return m_view; }
    QComboBox* peerFilter() const { return m_peerFilter; }
    QComboBox* stateFilter() const { return m_stateFilter; }
    QLabel* summaryLabel() const { return m_summary; }
    QPushButton* sendButton() const { return m_send; }
    QPushButton* presetsButton() const { return m_presets; }

    // The peer filter's "Selected connection" follows the table's selection.
    void setSelectedConnection(quint64 id);

private:
    void updateSummary();
    void applyPeerFilter();

    CommandTableModel* m_model;
    CommandFilterModel* m_filter;
    QTableView* m_view;
    QComboBox* m_peerFilter;
    QComboBox* m_stateFilter;
    QLabel* m_summary;
    QPushButton* m_send;
    QPushButton* m_presets;
    quint64 m_selected = 0;
};

} // namespace chorus
