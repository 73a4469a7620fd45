#include "SessionStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>

#include <algorithm>

namespace chorus {

namespace {
const QString kStampFormat = QStringLiteral("yyyyMMdd-hhmmss");
constexpr int kMaxNumberPerSecond = 1000;

QFileInfoList sessionFiles(const QDir& dir)
{
    // Names sort by start time; the number after the stamp breaks ties.
    QFileInfoList files =
        dir.entryInfoList({QStringLiteral("*.jsonl")}, QDir::Files | QDir::NoDotAndDotDot);
    std::sort(files.begin(), files.end(), [](const QFileInfo& a, const QFileInfo& b) {
        const QString stampA = a.completeBaseName().section(QLatin1Char('-'), 0, 1);
        const QString stampB = b.completeBaseName().section(QLatin1Char('-'), 0, 1);
        if (stampA != stampB)
            return stampA < stampB;
        return a.completeBaseName().section(QLatin1Char('-'), 2).toInt() <
               b.completeBaseName().section(QLatin1Char('-'), 2).toInt();
    });
    return files;
}
} // namespace

QString SessionStore::defaultFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/history");
}

QString SessionStore::serverFolderName(const QString& host, quint16 port)
{
    QString safeHost = host.trimmed().toLower();
    safeHost.replace(QRegularExpression(QStringLiteral("[^a-z0-9._-]")), QStringLiteral("_"));
    return QStringLiteral("%1_%2").arg(safeHost).arg(port);
}

SessionStore::SessionStore(const QString& folder) : m_folder(folder) {}

FileResult SessionStore::reserve(const QString& host, quint16 port, const QDateTime& start,
                                 QString* path) const
{
    path->clear();
    const QString folder = m_folder + QLatin1Char('/') + serverFolderName(host, port);
    if (!QDir().mkpath(folder))
        return FileResult{FileError::CreateFolderFailed, folder, folder};
    const QString stamp = start.toString(kStampFormat);
    for (int n = 1; n <= kMaxNumberPerSecond; ++n) {
        const QString candidate = QStringLiteral("%1/%2-%3.jsonl").arg(folder, stamp).arg(n);
        QFile file(candidate);
        if (file.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
            *path = candidate;
            return FileResult{FileError::None, candidate, {}};
        }
        if (!file.exists())
            return FileResult{FileError::OpenFailed, candidate, file.errorString()};
    }
    return FileResult{
        FileError::OpenFailed, folder,
        QCoreApplication::translate("chorus::SessionStore", "no free session number")};
}

void SessionStore::prune(const QString& host, quint16 port, const QString& keep) const
{
    const QDir dir(m_folder + QLatin1Char('/') + serverFolderName(host, port));
    QFileInfoList files = sessionFiles(dir);
    qsizetype excess = files.size() - kMaxSessionsPerServer;
    for (const QFileInfo& file : files) {
        if (excess <= 0)
            break;
        if (file.absoluteFilePath() == QFileInfo(keep).absoluteFilePath())
            continue;
        if (QFile::remove(file.absoluteFilePath()))
            --excess;
    }
}

QList<SessionFileInfo> SessionStore::recentSessions(int limit) const
{
    QList<SessionFileInfo> sessions;
    const QDir root(m_folder);
    for (const QFileInfo& server : root.entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        for (const QFileInfo& file : sessionFiles(QDir(server.absoluteFilePath()))) {
            if (file.size() == 0)
                continue; // reserved, nothing saved yet
            SessionFileInfo info;
            info.path = file.absoluteFilePath();
            info.server = server.fileName();
            info.started = QDateTime::fromString(
                file.completeBaseName().section(QLatin1Char('-'), 0, 1), kStampFormat);
            info.bytes = file.size();
            sessions.append(info);
        }
    }
    std::sort(sessions.begin(), sessions.end(),
              [](const SessionFileInfo& a, const SessionFileInfo& b) {
                  if (a.started != b.started)
                      return a.started > b.started;
                  return a.path > b.path;
              });
    if (sessions.size() > limit)
        sessions.resize(limit);
    return sessions;
}

} // namespace chorus
