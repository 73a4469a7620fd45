#pragma once

// lupdate files each tr("…") under the scope it is written in: a member
// function's class, or for a free function its namespace ("chorus",
// "chorus::detail"). Files whose tr() is a free helper translating in a
// class's context look the text up there first, then in the scopes lupdate
// may have filed it under, so every string in the .ts files is found.

#include <QCoreApplication>
#include <QString>

#include <initializer_list>

namespace chorus {

inline QString translateIn(std::initializer_list<const char*> contexts, const char* text,
                           const char* disambiguation = nullptr, int n = -1)
{
    const QString source = QString::fromUtf8(text);
    for (const char* context : contexts) {
        QString translated = QCoreApplication::translate(context, text, disambiguation, n);
        if (translated != source || n >= 0)
            return translated;
    }
    return source;
}

} // namespace chorus
