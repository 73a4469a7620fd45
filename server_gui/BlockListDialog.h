#pragma once

// Server → Blocked addresses…: the addresses "Disconnect and block" keeps
// out, each with its end time, and Unblock / Unblock all. Follows the
// engine's list while open.

#include "server/ServerTypes.h"

#include <QDialog>

class QListWidget;
class QPushButton;

namespace chorus {

class ServerEngine;

class BlockListDialog : public QDialog
{
    Q_OBJECT
public:
    explicit BlockListDialog(ServerEngine* engine, QWidget* parent = nullptr);

    QListWidget* list() const { return m_list; }

public slots:
    void showBlocked(const QList<chorus::BlockedAddress>& blocked);
    void unblockSelected();

private:
    ServerEngine* m_engine;
    QListWidget* m_list;
    QPushButton* m_unblock;
    QPushButton* m_unblockAll;
};

} // namespace chorus
