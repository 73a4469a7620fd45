#pragma once

// One reply of the book and how the book picks among them: the plain values
// the book, its files and the window's editor share.

#include <QString>
#include <QStringView>

#include <optional>

namespace chorus {

struct ReplyEntry
{
    QString text;
    bool enabled = true;
    double weight = 1.0; // only used by PickMode::Random; <= 0 never picked

    bool operator==(const ReplyEntry& other) const
    {
        return text == other.text && enabled == other.enabled && weight == other.weight;
    }
};

// Saved in the book file (not in the program's settings): it travels with the
// replies through export and import, and the headless server reads it there.
enum class PickMode { Random, Shuffle, Sequential };
QString pickModeName(PickMode mode); // "random", "shuffle", "sequential"
std::optional<PickMode> pickModeFromName(QStringView name);

} // namespace chorus
