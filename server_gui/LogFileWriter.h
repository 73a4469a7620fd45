#pragma once

// Appends log lines to a file the user chose (window "Log to file…" and
// --log-file). The first write error closes the file and is reported once,
// so a full disk never turns into a stream of dialogs.

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

    // Opens (creating or appending); on failure returns false with the reason.
    bool open(const QString& path, QString* error = nullptr);
    void close();
    bool isOpen() const { return m_file.isOpen(); }
    QString path() const { return m_file.fileName(); }

public slots:
    // Returns false (and emits failed() once) when the write fails.
    bool write(const QList<chorus::LogEntry>& entries);

signals:
    void failed(const QString& path, const QString& reason);

private:
    QFile m_file;
};

} // namespace chorus
