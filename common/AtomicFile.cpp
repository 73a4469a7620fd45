#include "AtomicFile.h"

#include <QCoreApplication>
#include <QSaveFile>

namespace chorus {

bool writeFileAtomically(const QString& path, const QByteArray& data, QString* error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        if (error)
            *error = QCoreApplication::translate("chorus::AtomicFile", "Cannot write %1: %2")
                         .arg(path, file.errorString());
        file.cancelWriting();
        return false;
    }
    return true;
}

} // namespace chorus
