#pragma once

// The engine's limits and threading, editable from the window (Server →
// Settings…). Values are kept in QSettings by ServerWindow; this dialog only
// edits a ServerConfig.

#include "server/ServerTypes.h"

#include <QDialog>

class QCheckBox;
class QSpinBox;

namespace chorus {

class ServerSettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ServerSettingsDialog(const ServerConfig& config, QWidget* parent = nullptr);

    // `base` with the dialog's values applied.
    ServerConfig apply(ServerConfig base) const;
    void setValues(const ServerConfig& config);

private:
    QSpinBox* m_idleGap = nullptr;
    QSpinBox* m_maxMessageKiB = nullptr;
    QSpinBox* m_highWaterKiB = nullptr;
    QSpinBox* m_ioThreads = nullptr;
    QSpinBox* m_maxConnections = nullptr;
    QCheckBox* m_logMessages = nullptr;
};

} // namespace chorus
