#pragma once

// The latest telemetry of every connection (issue 13): per key its value,
// unit, age, rate and min/max, and the last heartbeat's state. Bounded:
// at most kMaxKeysPerPeer keys per connection and kMaxKeysTotal over all;
// keys beyond them, and NaN/Inf values, are refused and counted. A plain
// value type, used in the engine's (GUI) thread.

#include "wire/VehicleTypes.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QString>

#include <chrono>
#include <optional>

namespace chorus {

struct TelemetryRow
{
    QString key;
    double value = 0;
    QString unit;
    double ageMs = 0;         // since the last sample
    double ratePerSecond = 0; // samples per second, over the last few seconds
    double min = 0;
    double max = 0;
    quint64 samples = 0;
};

struct VehicleHeartbeat
{
    std::optional<std::chrono::steady_clock::time_point> last;
    QString state;
    QString mode;
    std::optional<bool> armed;
};

class TelemetryStore
{
public:
    using Clock = std::chrono::steady_clock;
    static constexpr qsizetype kMaxKeysPerPeer = 256;
    static constexpr qsizetype kMaxKeysTotal = 200000;
    // The rate is counted over windows of this length (the last full one shown).
    static constexpr std::chrono::milliseconds kRateWindow{5000};

    struct AddResult
    {
        int stored = 0;
        int refusedNonFinite = 0;
        int refusedOverLimit = 0;
    };
    AddResult add(quint64 connectionId, const TelemetryValues& values, const TelemetryUnits& units,
                  Clock::time_point at);
    void setHeartbeat(quint64 connectionId, const VehicleHeartbeat& heartbeat);
    void remove(quint64 connectionId);

    // Sorted by key.
    QList<TelemetryRow> rows(quint64 connectionId, Clock::time_point now) const;
    std::optional<double> latest(quint64 connectionId, const QString& key) const;
    VehicleHeartbeat heartbeat(quint64 connectionId) const;
    QList<quint64> connections() const { return m_peers.keys(); }

    qsizetype totalKeys() const { return m_totalKeys; }
    quint64 refusedNonFinite() const { return m_refusedNonFinite; }
    quint64 refusedOverLimit() const { return m_refusedOverLimit; }

private:
    struct KeyState
    {
        double value = 0;
        QString unit;
        Clock::time_point last;
        double min = 0;
        double max = 0;
        quint64 samples = 0;
        Clock::time_point windowStart;
        quint64 windowSamples = 0;
        double lastWindowRate = -1; // -1: no full window yet
    };
    struct Peer
    {
        QMap<QString, KeyState> keys;
        VehicleHeartbeat heartbeat;
    };
    QHash<quint64, Peer> m_peers;
    qsizetype m_totalKeys = 0;
    quint64 m_refusedNonFinite = 0;
    quint64 m_refusedOverLimit = 0;
};

} // namespace chorus
