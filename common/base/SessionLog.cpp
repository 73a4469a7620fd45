#include "base/SessionLog.h"

#include "base/AtomicFile.h"
#include "base/JsonBytes.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace chorus {

namespace {

constexpr qint64 kMaxReadBytes = 1024LL * 1024 * 1024;

QString reasonOf(int errorNumber)
{
    return QString::fromLocal8Bit(std::strerror(errorNumber));
}

// "41 52 4D" -> bytes; nullopt when it is not whole hex pairs.
std::optional<QByteArray> fromHex(const QString& text)
{
    QByteArray digits = text.toLatin1();
    digits.replace(' ', QByteArray());
    if (digits.size() % 2 != 0)
        return std::nullopt;
    for (char c : std::as_const(digits))
        if (!std::isxdigit(static_cast<unsigned char>(c)))
            return std::nullopt;
    return QByteArray::fromHex(digits);
}

} // namespace

QString sessionLogErrorName(SessionLogError error)
{
    switch (error) {
    case SessionLogError::None:
        return {};
    case SessionLogError::CreateFolderFailed:
        return QStringLiteral("create-folder-failed");
    case SessionLogError::OpenFailed:
        return QStringLiteral("open-failed");
    case SessionLogError::WriteFailed:
        return QStringLiteral("write-failed");
    }
    return {};
}

SessionLogWriter::SessionLogWriter(const QString& folder, const QString& name, qint64 maxFileBytes,
                                   int maxFiles)
    : m_folder(folder), m_name(name), m_maxFileBytes(std::max<qint64>(maxFileBytes, 1024)),
      m_maxFiles(std::max(maxFiles, 1))
{
    // Never reuse a number already in the folder: earlier files stay as they are.
    const QStringList existing =
        QDir(folder).entryList({m_name + QStringLiteral("-*.jsonl")}, QDir::Files, QDir::Name);
    for (const QString& file : existing) {
        bool ok = false;
        const int number = file.mid(m_name.size() + 1, 6).toInt(&ok);
        if (ok)
            m_nextNumber = std::max(m_nextNumber, number + 1);
    }
}

SessionLogWriter::~SessionLogWriter()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

qint64 SessionLogWriter::nowUs()
{
    using namespace std::chrono;
    return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
}

QByteArray SessionLogWriter::encode(const SessionRecord& record)
{
    QJsonObject line;
    line.insert(QStringLiteral("t"), QJsonValue(record.timeUs)); // an integer on the wire
    line.insert(QStringLiteral("kind"), record.kind);
    if (!record.peer.isEmpty())
        line.insert(QStringLiteral("peer"), record.peer);
    if (record.bytes)
        line.insert(QStringLiteral("hex"), QString::fromLatin1(record.bytes->toHex(' ').toUpper()));
    if (!record.fields.isEmpty())
        line.insert(QStringLiteral("fields"), record.fields);
    return jsonBytes(QJsonDocument(line), QJsonDocument::Compact) + '\n';
}

std::optional<SessionRecord> SessionLogWriter::decode(const QByteArray& line)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(line, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    const QJsonObject object = document.object();
    if (!object.value(QStringLiteral("t")).isDouble() ||
        !object.value(QStringLiteral("kind")).isString())
        return std::nullopt;
    SessionRecord record;
    record.timeUs = object.value(QStringLiteral("t")).toInteger();
    record.kind = object.value(QStringLiteral("kind")).toString();
    record.peer = object.value(QStringLiteral("peer")).toString();
    if (object.contains(QStringLiteral("hex"))) {
        record.bytes = fromHex(object.value(QStringLiteral("hex")).toString());
        if (!record.bytes)
            return std::nullopt;
    }
    record.fields = object.value(QStringLiteral("fields")).toObject();
    return record;
}

bool SessionLogWriter::write(const SessionRecord& record)
{
    return write(QList<SessionRecord>{record}) == 1;
}

int SessionLogWriter::write(const QList<SessionRecord>& records)
{
    int written = 0;
    QByteArray chunk;
    QList<qsizetype> lineEnds; // in chunk, after each whole line
    qsizetype next = 0;
    QByteArray line;
    while (next < records.size() || !line.isEmpty()) {
        if (!m_problem.ok())
            return written;
        if (line.isEmpty())
            line = encode(records.at(next++));
        if (m_fd < 0 || (m_fileBytes > 0 && m_fileBytes + line.size() > m_maxFileBytes)) {
            if (!openNext())
                return written;
        }
        // As many lines as fit in this file go out in one write().
        chunk.clear();
        lineEnds.clear();
        while (!line.isEmpty() &&
               (chunk.isEmpty() || m_fileBytes + chunk.size() + line.size() <= m_maxFileBytes)) {
            chunk += line;
            lineEnds.append(chunk.size());
            line = next < records.size() ? encode(records.at(next++)) : QByteArray();
        }
        const int lines = writeChunk(chunk, lineEnds);
        written += lines;
        if (lines < lineEnds.size())
            return written;
    }
    return written;
}

int SessionLogWriter::writeChunk(const QByteArray& chunk, const QList<qsizetype>& lineEnds)
{
    qsizetype done = 0;
    while (done < chunk.size()) {
        const ssize_t n = ::write(m_fd, chunk.constData() + done, std::size_t(chunk.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            const int why = n < 0 ? errno : ENOSPC;
            // Cut back to the last whole line: every line before stays.
            const auto whole = std::upper_bound(lineEnds.begin(), lineEnds.end(), done);
            const qsizetype kept = whole == lineEnds.begin() ? 0 : *(whole - 1);
            if (::ftruncate(m_fd, m_fileBytes + kept) != 0) {
                // Nothing more can be done; the reader skips a cut line.
            }
            m_fileBytes += kept;
            m_bytesWritten += kept;
            fail(SessionLogError::WriteFailed, m_files.constLast(), why);
            return int(whole - lineEnds.begin());
        }
        done += n;
    }
    m_fileBytes += chunk.size();
    m_bytesWritten += chunk.size();
    return int(lineEnds.size());
}

bool SessionLogWriter::resume()
{
    m_problem = {};
    return openNext();
}

bool SessionLogWriter::openNext()
{
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
    if (!QDir().mkpath(m_folder)) {
        fail(SessionLogError::CreateFolderFailed, m_folder, EACCES);
        return false;
    }
    const QString path = QDir(m_folder).filePath(
        QStringLiteral("%1-%2.jsonl").arg(m_name).arg(m_nextNumber, 6, 10, QLatin1Char('0')));
    // O_EXCL: a new file, never one that is there already.
    const int fd = ::open(QFile::encodeName(path).constData(),
                          O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0644);
    if (fd < 0) {
        fail(SessionLogError::OpenFailed, path, errno);
        return false;
    }
    ++m_nextNumber;
    m_fd = fd;
    m_fileBytes = 0;
    m_files.append(path);
    while (m_files.size() > m_maxFiles) {
        // One that cannot be removed stays (the folder then holds one more); not fatal.
        ::unlink(QFile::encodeName(m_files.takeFirst()).constData());
    }
    return true;
}

void SessionLogWriter::fail(SessionLogError error, const QString& path, int errorNumber)
{
    m_problem = {error, path, reasonOf(errorNumber)};
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
}

QByteArray telemetryCsv(const QList<SessionRecord>& records)
{
    QStringList keys;
    for (const SessionRecord& record : records) {
        if (record.kind != QLatin1String("telemetry"))
            continue;
        const QJsonObject values = record.fields.value(QStringLiteral("values")).toObject();
        for (auto it = values.begin(); it != values.end(); ++it)
            if (!keys.contains(it.key()))
                keys.append(it.key());
    }
    keys.sort();
    auto quoted = [](QString cell) {
        if (cell.contains(QLatin1Char(',')) || cell.contains(QLatin1Char('"')) ||
            cell.contains(QLatin1Char('\n')) || cell.contains(QLatin1Char('\r')))
            cell = QLatin1Char('"') + cell.replace(QLatin1Char('"'), QStringLiteral("\"\"")) +
                   QLatin1Char('"');
        return cell;
    };
    QByteArray csv = "time_us,peer";
    for (const QString& key : std::as_const(keys))
        csv += ',' + quoted(key).toUtf8();
    csv += '\n';
    for (const SessionRecord& record : records) {
        if (record.kind != QLatin1String("telemetry"))
            continue;
        const QJsonObject values = record.fields.value(QStringLiteral("values")).toObject();
        csv += QByteArray::number(record.timeUs) + ',' + quoted(record.peer).toUtf8();
        for (const QString& key : std::as_const(keys)) {
            csv += ',';
            const QJsonValue value = values.value(key);
            if (value.isDouble())
                csv += QByteArray::number(value.toDouble(), 'g', 17);
        }
        csv += '\n';
    }
    return csv;
}

QList<SessionRecord> readSessionLog(const QStringList& files, int* badLines)
{
    QList<SessionRecord> records;
    int bad = 0;
    for (const QString& path : files) {
        QByteArray data;
        if (!readRegularFile(path, kMaxReadBytes, &data).ok()) {
            ++bad;
            continue;
        }
        for (const QByteArray& line : data.split('\n')) {
            if (line.trimmed().isEmpty())
                continue;
            if (std::optional<SessionRecord> record = SessionLogWriter::decode(line))
                records.append(*record);
            else
                ++bad;
        }
    }
    if (badLines)
        *badLines = bad;
    return records;
}

} // namespace chorus
