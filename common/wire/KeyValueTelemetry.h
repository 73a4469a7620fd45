#pragma once

// Telemetry from text peers (docs/PROTOCOL.md §2.8.3): "alt=12.5m bat=87%".

#include "wire/VehicleTypes.h"

#include <QByteArrayView>

namespace chorus {

// A text peer's telemetry: "alt=12.5 bat=87% mode=3" -> {alt: 12.5, bat: 87, mode: 3}.
// Pairs are separated by spaces, tabs, commas or semicolons; words without
// '=' are ignored (the rest of the line is ordinary text). A value is a C
// locale number ("-1.5", "1e3"), optionally followed by a unit ("12.5m",
// "87%", "3.2V"), which goes into `units`. Keys are 1..64 code points of
// valid UTF-8 without control characters. The last value of a repeated key
// wins. Never throws; bounded by kChorusMaxTelemetryKeys.
struct KeyValueTelemetry
{
    TelemetryValues values;
    TelemetryUnits units;
    // key=value pairs refused: the value is not a finite number (alt=high,
    // alt=nan, alt=1e999), a bad key or unit, or keys beyond the limit.
    int refused = 0;

    bool isEmpty() const { return values.isEmpty(); }
};
KeyValueTelemetry parseKeyValueTelemetry(QByteArrayView text);

} // namespace chorus
