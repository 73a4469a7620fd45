#include "base/SettingsFile.h"
#include "base/TranslateIn.h"

#include <QCoreApplication>
#include <QDir>
#include <QSettings>
#include <QTemporaryDir>

#include <algorithm>

namespace chorus {

namespace {

// Settings files are small; anything larger is not ours.
constexpr qint64 kMaxSettingsBytes = 16 * 1024 * 1024;

QString tr(const char* text)
{
    return translateIn({"chorus::SettingsFile", "chorus"}, text);
}

// QSettings escapes control characters in what it writes, so a NUL or other
// control byte means a damaged file (a failed write can leave a block of
// zeros), which QSettings would otherwise read as "no values" without a word.
bool isSettingsText(const QByteArray& bytes)
{
    return std::none_of(bytes.cbegin(), bytes.cend(), [](char c) {
        const auto byte = uchar(c);
        return byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r';
    });
}

// Parses settings bytes read from path (named in errors).
FileResult parseSettings(const QString& path, const QByteArray& bytes, QVariantMap* values)
{
    if (!isSettingsText(bytes))
        return FileResult{FileError::ReadFailed, path,
                          tr("not a settings file: it holds NUL or control bytes")};
    // QSettings parses a private copy of exactly these bytes. Given the path
    // itself, it may answer from its per-process cache, which it only
    // refreshes when the size or modification time changed: a file replaced
    // within one timestamp tick by one of the same size read as the old one,
    // and save() then merged over stale values, dropping another window's change.
    QTemporaryDir scratch;
    if (!scratch.isValid())
        return FileResult{FileError::OpenFailed, path, scratch.errorString()};
    const QString copyPath = scratch.filePath(QStringLiteral("settings.conf"));
    if (FileResult copied = writeFileAtomically(copyPath, bytes); !copied.ok())
        return FileResult{FileError::OpenFailed, path, copied.describe()};
    QSettings settings(copyPath, QSettings::IniFormat);
    if (settings.status() != QSettings::NoError)
        return FileResult{FileError::ReadFailed, path, tr("not a valid settings file")};
    const QStringList keys = settings.allKeys();
    for (const QString& key : keys)
        values->insert(key, settings.value(key));
    return FileResult{FileError::None, path, {}};
}

// Whether a value QSettings wrote reads back as itself. INI gives numbers and
// bools back as text, a one-element list as its element and an empty list as
// nothing; every other type comes back as the type written.
bool readsBackAs(const QVariant& written, const QVariant& read)
{
    if (written.typeId() == read.typeId())
        return written == read;
    if (!read.isValid())
        return (written.typeId() == QMetaType::QStringList ||
                written.typeId() == QMetaType::QVariantList) &&
               written.toList().isEmpty();
    return written.toString() == read.toString();
}

bool readBackAs(const QVariantMap& written, const QVariantMap& read)
{
    if (written.keys() != read.keys())
        return false;
    for (auto it = written.cbegin(); it != written.cend(); ++it) {
        if (!readsBackAs(it.value(), read.value(it.key())))
            return false;
    }
    return true;
}

} // namespace

QString SettingsFile::defaultPath(const QString& organization, const QString& application)
{
    // The native format: on Linux that is the INI file ~/.config/<org>/<app>.conf
    // the programs have always used (IniFormat would name <app>.ini instead).
    return QSettings(organization, application).fileName();
}

SettingsFile::SettingsFile(const QString& path) : m_path(path) {}

FileResult SettingsFile::readValues(const QString& path, QVariantMap* values)
{
    // Read through readRegularFile first: it refuses FIFOs and folders without blocking.
    QByteArray bytes;
    const FileResult result = readRegularFile(path, kMaxSettingsBytes, &bytes);
    if (!result.ok())
        return result;
    return parseSettings(path, bytes, values);
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
    QVariantMap intended; // as QSettings holds them (its normalized keys)
    {
        QSettings encoder(scratchPath, QSettings::IniFormat);
        for (auto it = merged.cbegin(); it != merged.cend(); ++it)
            encoder.setValue(it.key(), it.value());
        encoder.sync();
        if (encoder.status() != QSettings::NoError)
            return FileResult{FileError::WriteFailed, m_path,
                              tr("the settings could not be encoded in %1").arg(scratchPath)};
        const QStringList keys = encoder.allKeys();
        for (const QString& key : keys)
            intended.insert(key, encoder.value(key));
    }
    QByteArray bytes;
    if (FileResult encoded = readRegularFile(scratchPath, kMaxSettingsBytes, &bytes);
        !encoded.ok() && !(encoded.error == FileError::NotFound && merged.isEmpty())) {
        encoded.path = m_path;
        return encoded;
    }
    // The encoder writes through QSaveFile, whose commit() (Qt 6.4) can report
    // success with the bytes cut short when the temporary folder is full:
    // only an encoding that reads back as what was meant replaces the file.
    QVariantMap decoded;
    if (const FileResult parsed = parseSettings(m_path, bytes, &decoded);
        !parsed.ok() || !readBackAs(intended, decoded))
        return FileResult{FileError::WriteFailed, m_path,
                          tr("the settings did not read back whole from %1 (is it full?)")
                              .arg(QDir::toNativeSeparators(QDir::tempPath()))};
    // Owner only: the settings may hold the access token (in clear, since the
    // client must send it as it is), as ssh and mosquitto keep their secrets.
    FileResult written = writeFileAtomically(m_path, bytes, FileAccess::OwnerOnly);
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
