#pragma once

// Turns SIGINT/SIGTERM into a Qt signal on the thread that owns the watcher
// (self-pipe: the async-signal handler only write()s one byte; a
// QSocketNotifier reads it in the event loop), so the server can stop its
// engine and quit cleanly instead of dying mid-write.

#include <QObject>

#include <initializer_list>

class QSocketNotifier;

namespace chorus {

class UnixSignalWatcher : public QObject
{
    Q_OBJECT
public:
    // Only one watcher may exist at a time (the handler is process-wide).
    explicit UnixSignalWatcher(std::initializer_list<int> signalNumbers, QObject* parent = nullptr);
    ~UnixSignalWatcher() override;

    bool isValid() const { return m_notifier != nullptr; }

signals:
    void signalReceived(int signalNumber);

private:
    void readPipe();

    QSocketNotifier* m_notifier = nullptr;
    QList<int> m_signals;
};

} // namespace chorus
