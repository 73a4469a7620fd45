#pragma once

// A program's saved settings: the same INI file QSettings would use
// (~/.config/Chorus/<program>.conf), read with QSettings but written through
// writeFileAtomically(), so a full disk can never leave it empty or cut short
// (QSettings writes with QSaveFile, whose commit() Qt 6.4 can report as a
// success after a failed write).
//
// Like QSettings, save() merges: it re-reads the file and writes only the
// keys changed through this object, so two windows of one program that save
// in turn keep each other's changes. The file is written owner-only (0600):
// it may hold the access token.

#include "base/AtomicFile.h"

#include <QSet>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVariantMap>

namespace chorus {

class SettingsFile
{
public:
    // The file QSettings(organization, application) uses; honours
    // QStandardPaths::setTestModeEnabled().
    static QString defaultPath(const QString& organization, const QString& application);

    explicit SettingsFile(const QString& path);

    const QString& path() const { return m_path; }
    // Reads the file. A missing file is not an error (no values). A file
    // QSettings cannot parse, or that holds NUL or other control bytes (not
    // text), gives ReadFailed; its values are not used.
    FileResult load();
    // Writes the keys changed since load()/save() over what the file holds now.
    FileResult save();
    bool hasUnsavedChanges() const { return !m_changed.isEmpty(); }

    bool contains(const QString& key) const { return m_values.contains(key); }
    QVariant value(const QString& key, const QVariant& fallback = {}) const;
    void setValue(const QString& key, const QVariant& value);
    void remove(const QString& key);
    QStringList keys() const { return m_values.keys(); }

private:
    static FileResult readValues(const QString& path, QVariantMap* values);

    QString m_path;
    QVariantMap m_values;
    QSet<QString> m_changed; // set or removed since the last load/save
};

} // namespace chorus
