#pragma once

// Appends log lines to a file the user chose (window "Log to file…" and
// --log-file), messages in the Text view (escapes such as \x01 and \r, one
// line each). The first write error closes the file and is reported once,
// so a full disk never turns into a stream of dialogs; the log pane and the
// server go on.

#include "base/AtomicFile.h"
#include "server/ServerTypes.h"

#include <QFile>
#include <QObject>

namespace chorus {

class LogFileWriter : public QObject
{
    Q_OBJECT
public:
    explicit LogFileWriter(QObject* parent = nullptr);
    ~LogFileWriter() override;

    // Opens (creating or appending). A FIFO or folder is refused without blocking.
    FileResult open(const QString& path);
    void close();
    bool isOpen() const { return m_file.isOpen(); }
    QString path() const { return m_file.fileName(); }

public slots:
    // Returns false (and emits failed() once) when the write fails.
    bool write(const QList<chorus::LogEntry>& entries);

signals:
    // WriteFailed with the system's reason; the file is closed.
    void failed(const chorus::FileResult& result);

private:
    QFile m_file;
};

} // namespace chorus
