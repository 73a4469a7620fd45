#include "command/TelemetryStore.h"

#include <algorithm>
#include <cmath>

namespace chorus {

namespace {

double millisecondsBetween(std::chrono::steady_clock::time_point from,
                           std::chrono::steady_clock::time_point to)
{
    return std::chrono::duration<double, std::milli>(to - from).count();
}

} // namespace

TelemetryStore::AddResult TelemetryStore::add(quint64 connectionId, const TelemetryValues& values,
                                              const TelemetryUnits& units, Clock::time_point at)
{
    AddResult result;
    Peer& peer = m_peers[connectionId];
    for (auto it = values.constBegin(); it != values.constEnd(); ++it) {
        const double value = it.value();
        if (!std::isfinite(value)) {
            ++result.refusedNonFinite;
            continue;
        }
        auto found = peer.keys.find(it.key());
        if (found == peer.keys.end()) {
            if (peer.keys.size() >= kMaxKeysPerPeer || m_totalKeys >= kMaxKeysTotal) {
                ++result.refusedOverLimit;
                continue;
            }
            KeyState fresh;
            fresh.min = fresh.max = value;
            fresh.windowStart = at;
            found = peer.keys.insert(it.key(), fresh);
            ++m_totalKeys;
        }
        KeyState& key = *found;
        key.value = value;
        key.last = at;
        key.min = std::min(key.min, value);
        key.max = std::max(key.max, value);
        ++key.samples;
        if (at - key.windowStart >= kRateWindow) {
            const double seconds = millisecondsBetween(key.windowStart, at) / 1000.0;
            key.lastWindowRate = seconds > 0 ? double(key.windowSamples) / seconds : 0;
            key.windowStart = at;
            key.windowSamples = 0;
        }
        ++key.windowSamples;
        ++result.stored;
    }
    // A unit stays until another is given for its key.
    for (auto it = units.constBegin(); it != units.constEnd(); ++it) {
        if (auto found = peer.keys.find(it.key()); found != peer.keys.end())
            found->unit = it.value();
    }
    m_refusedNonFinite += quint64(result.refusedNonFinite);
    m_refusedOverLimit += quint64(result.refusedOverLimit);
    return result;
}

void TelemetryStore::setHeartbeat(quint64 connectionId, const VehicleHeartbeat& heartbeat)
{
    m_peers[connectionId].heartbeat = heartbeat;
}

void TelemetryStore::remove(quint64 connectionId)
{
    const auto it = m_peers.find(connectionId);
    if (it == m_peers.end())
        return;
    m_totalKeys -= it->keys.size();
    m_peers.erase(it);
}

QList<TelemetryRow> TelemetryStore::rows(quint64 connectionId, Clock::time_point now) const
{
    QList<TelemetryRow> out;
    const auto peer = m_peers.constFind(connectionId);
    if (peer == m_peers.constEnd())
        return out;
    out.reserve(peer->keys.size());
    for (auto it = peer->keys.constBegin(); it != peer->keys.constEnd(); ++it) {
        const KeyState& key = *it;
        TelemetryRow row;
        row.key = it.key();
        row.value = key.value;
        row.unit = key.unit;
        row.ageMs = std::max(0.0, millisecondsBetween(key.last, now));
        if (key.lastWindowRate >= 0) {
            row.ratePerSecond = key.lastWindowRate;
        } else {
            const double seconds = millisecondsBetween(key.windowStart, key.last) / 1000.0;
            row.ratePerSecond = seconds > 0 ? double(key.windowSamples - 1) / seconds : 0;
        }
        row.min = key.min;
        row.max = key.max;
        row.samples = key.samples;
        out.append(row);
    }
    return out;
}

std::optional<double> TelemetryStore::latest(quint64 connectionId, const QString& key) const
{
    const auto peer = m_peers.constFind(connectionId);
    if (peer == m_peers.constEnd())
        return std::nullopt;
    const auto it = peer->keys.constFind(key);
    if (it == peer->keys.constEnd())
        return std::nullopt;
    return it->value;
}

VehicleHeartbeat TelemetryStore::heartbeat(quint64 connectionId) const
{
    return m_peers.value(connectionId).heartbeat;
}

} // namespace chorus
