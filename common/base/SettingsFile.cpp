#include "base/SettingsFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QSettings>
#include <QTemporaryDir>

namespace chorus {

namespace {

// Settings files are small; anything larger is not ours.
constexpr qint64 kMaxSettingsBytes = 16 * 1024 * 1024;

QString tr(const char* text)
{
    return QCoreApplication::translate("chorus::SettingsFile", text);
}

} // namespace

QString SettingsFile::defaultPath(const QString& organization, const QString& application)
{
    // NativeFormat is the INI format on Unix too, in the file QSettings(org, app)
    // always used: <config>/<org>/<app>.conf. (IniFormat would name it .ini,
    // and every setting saved so far would be missed.)
    return QSettings(QSettings::NativeFormat, QSettings::UserScope, organization, application)
        .fileName();
}

SettingsFile::SettingsFile(const QString& path) : m_path(path) {}

FileResult SettingsFile::readValues(const QString& path, QVariantMap* values)
{
    // Read through readRegularFile first: it refuses FIFOs and folders without blocking.
    QByteArray bytes;
    FileResult result = readRegularFile(path, kMaxSettingsBytes, &bytes);
    if (!result.ok())
        return result;
    QSettings settings(path, QSettings::IniFormat);
    if (settings.status() != QSettings::NoError)
        return FileResult{FileError::ReadFailed, path, tr("not a valid settings file")};
    const QStringList keys = settings.allKeys();
    for (const QString& key : keys)
        values->insert(key, settings.value(key));
    return result;
}

FileResult SettingsFile::load()
{
    m_values.clear();
    m_changed.clear();
    FileResult result = readValues(m_path, &m_values);
    if (result.error == FileError::NotFound)
        return FileResult{FileError::None, m_path, {}};
    return result;
}

FileResult SettingsFile::save()
{
    if (m_changed.isEmpty())
        return FileResult{FileError::None, m_path, {}};
    // Merge with what another window of this program may have saved meanwhile.
    QVariantMap merged;
    const FileResult read = readValues(m_path, &merged);
    if (!read.ok() && read.error != FileError::NotFound && read.error != FileError::ReadFailed)
        return read;
    for (const QString& key : std::as_const(m_changed)) {
        if (m_values.contains(key))
            merged.insert(key, m_values.value(key));
        else
            merged.remove(key);
    }

    // QSettings does the INI encoding (@ByteArray, @Variant, lists) into a
    // private temporary; its bytes then go to the real file the safe way.
    QTemporaryDir scratch;
    if (!scratch.isValid())
        return FileResult{FileError::OpenFailed, m_path, scratch.errorString()};
    const QString scratchPath = scratch.filePath(QStringLiteral("settings.conf"));
    {
        QSettings encoder(scratchPath, QSettings::IniFormat);
        for (auto it = merged.cbegin(); it != merged.cend(); ++it)
            encoder.setValue(it.key(), it.value());
        encoder.sync();
        if (encoder.status() != QSettings::NoError)
            return FileResult{FileError::WriteFailed, m_path,
                              tr("the settings could not be encoded in %1").arg(scratchPath)};
    }
    QByteArray bytes;
    if (FileResult encoded = readRegularFile(scratchPath, kMaxSettingsBytes, &bytes);
        !encoded.ok() && !(encoded.error == FileError::NotFound && merged.isEmpty())) {
        encoded.path = m_path;
        return encoded;
    }
    FileResult written = writeFileAtomically(m_path, bytes);
    if (written.ok()) {
        m_values = merged;
        m_changed.clear();
    }
    return written;
}

QVariant SettingsFile::value(const QString& key, const QVariant& fallback) const
{
    return m_values.value(key, fallback);
}

void SettingsFile::setValue(const QString& key, const QVariant& value)
{
    const auto it = m_values.constFind(key);
    if (it != m_values.cend() && *it == value)
        return;
    m_values.insert(key, value);
    m_changed.insert(key);
}

void SettingsFile::remove(const QString& key)
{
    if (m_values.remove(key) > 0)
        m_changed.insert(key);
}

} // namespace chorus
