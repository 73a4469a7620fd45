// chorus-fleet-bench: the 1,000-vehicle row of issue 13. chorus-server's
// window runs in this process (its GUI thread's event-loop lag measured by
// EventLoopLagMonitor, as --lag-report does), with UDP and the session log
// on; FleetVehicles, on a thread of their own, are N Chorus sessions whose
// UDP channels send telemetry R times a second and a heartbeat a second. At
// --command-at the window's engine sends TAKEOFF to every connection (what
// Commands > Send to all does); the vehicles ack it over TCP. At the end one
// JSON line: acks matched, telemetry read, lag percentiles, the session
// log's MB/s and dropped events. Exit 0 when every ack matched, lag p99 < 50
// ms and the log dropped nothing. Loopback only; bounded (--duration ≤ 120 s).
//
//   chorus-fleet-bench [--vehicles 1000] [--rate 10] [--duration 20] [--command-at 8]

#include "EventLoopLagMonitor.h"
#include "FleetVehicles.h"
#include "ServerWindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QTimer>

#include <chrono>

using namespace chorus;
using chorus::bench::FleetVehicles;

namespace {

constexpr double kLagLimitMs = 50;
constexpr int kMaxVehicles = 2000;
constexpr int kMaxRate = 50;
constexpr int kMaxDurationS = 120;
// Acks may come after --duration: waited for this much longer at most.
constexpr std::chrono::seconds kAckGrace{10};

struct Options
{
    int vehicles = 1000;
    int rate = 10;
    int duration = 20;
    int commandAt = 8;
};

bool parse(const QStringList& arguments, Options* options, QString* error)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        QString name = arguments.at(i);
        QString value;
        if (const qsizetype equals = name.indexOf(QLatin1Char('=')); equals >= 0) {
            value = name.mid(equals + 1);
            name.truncate(equals);
        } else if (i + 1 < arguments.size()) {
            value = arguments.at(++i);
        }
        bool ok = false;
        const int number = value.toInt(&ok);
        auto inRange = [&](int low, int high, int* field) {
            if (!ok || number < low || number > high) {
                *error = QStringLiteral("%1: a number from %2 to %3").arg(name).arg(low).arg(high);
                return false;
            }
            *field = number;
            return true;
        };
        if (name == QLatin1String("--vehicles")) {
            if (!inRange(1, kMaxVehicles, &options->vehicles))
                return false;
        } else if (name == QLatin1String("--rate")) {
            if (!inRange(1, kMaxRate, &options->rate))
                return false;
        } else if (name == QLatin1String("--duration")) {
            if (!inRange(2, kMaxDurationS, &options->duration))
                return false;
        } else if (name == QLatin1String("--command-at")) {
            if (!inRange(1, kMaxDurationS, &options->commandAt))
                return false;
        } else {
            *error = QStringLiteral("unknown option %1").arg(name);
            return false;
        }
    }
    if (options->commandAt >= options->duration) {
        *error = QStringLiteral("--command-at must come before the end of --duration");
        return false;
    }
    return true;
}

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // never the user's saved settings
    Options options;
    QString error;
    if (!parse(app.arguments(), &options, &error)) {
        QTextStream(stderr) << "chorus-fleet-bench: " << error << '\n';
        return 2;
    }
    QTemporaryDir logFolder;
    ServerCommandLineOptions serverOptions;
    serverOptions.overrides.set(settingId(ServerSetting::Listen), QStringLiteral("localhost"));
    serverOptions.overrides.set(settingId(ServerSetting::Port), qint64(0));
    serverOptions.overrides.set(settingId(ServerSetting::Udp), true);
    serverOptions.overrides.set(settingId(ServerSetting::SessionLog), logFolder.path());
    serverOptions.startAtOnce = true;

    EventLoopLagMonitor lag;
    ServerWindow window(serverOptions);
    window.show();
    ServerEngine* engine = window.engine();

    QThread fleetThread;
    fleetThread.setObjectName(QStringLiteral("fleet"));
    FleetVehicles* fleet = nullptr;
    QElapsedTimer clock;
    qint64 logBytesAtStart = 0;
    QObject::connect(engine, &ServerEngine::listening, &app, [&] {
        if (fleet)
            return;
        fleet = new FleetVehicles(engine->listenPort(), options.vehicles, options.rate);
        fleet->moveToThread(&fleetThread);
        QObject::connect(&fleetThread, &QThread::finished, fleet, &QObject::deleteLater);
        fleetThread.start();
        QMetaObject::invokeMethod(
            fleet, [fleet] { fleet->start(); }, Qt::QueuedConnection);
        lag.start();
        clock.start();
        logBytesAtStart = engine->sessionLog().bytesWritten();
        QTimer::singleShot(std::chrono::seconds(options.commandAt), &app, [engine] {
            CommandRequest takeoff;
            takeoff.name = QStringLiteral("TAKEOFF");
            takeoff.args = {{QStringLiteral("alt"), 10}};
            takeoff.ackTimeout = std::chrono::seconds(10);
            engine->sendCommand({}, takeoff);
        });
        QTimer::singleShot(std::chrono::seconds(options.duration), &app, [&] {
            // Acks still on their way get a bounded grace.
            auto* wait = new QTimer(&app);
            QElapsedTimer waited;
            waited.start();
            QObject::connect(wait, &QTimer::timeout, &app, [&, wait, waited] {
                const FleetCounters& c = engine->fleet().counters();
                if (c.acks + c.unknownAcks + c.lateAcks < c.commandsSent &&
                    waited.elapsed() < std::chrono::milliseconds(kAckGrace).count())
                    return;
                wait->stop();
                app.exit(0); // not quit(): that asks the window to close first
            });
            wait->start(100);
        });
    });
    QObject::connect(engine, &ServerEngine::startFailed, &app, [&app] { app.exit(3); });
    // A safety net: the run ends whatever happens.
    QTimer::singleShot(std::chrono::seconds(options.duration) + 3 * kAckGrace, &app,
                       [&app] { app.exit(4); });
    const int code = app.exec();

    const double seconds = double(clock.elapsed()) / 1000.0;
    const LagSummary lagSummary = lag.summary();
    lag.stop();
    if (fleet)
        QMetaObject::invokeMethod(
            fleet, [fleet] { fleet->stop(); }, Qt::BlockingQueuedConnection);
    engine->sessionLog().flush();
    const double logMb = double(engine->sessionLog().bytesWritten() - logBytesAtStart) / 1e6;
    const FleetCounters counters = engine->fleet().counters();
    QJsonObject report{
        {"test", "fleet"},
        {"vehicles", options.vehicles},
        {"rate_hz", options.rate},
        {"seconds", seconds},
        {"channels", fleet ? fleet->welcomed.load() : 0},
        {"telemetry_sent", qint64(fleet ? fleet->telemetrySent.load() : 0)},
        {"heartbeats_sent", qint64(fleet ? fleet->heartbeatsSent.load() : 0)},
        {"telemetry_read", qint64(counters.telemetryMessages)},
        {"heartbeats_read", qint64(counters.heartbeats)},
        {"commands", qint64(counters.commandsSent)},
        {"acks_matched", qint64(counters.acks)},
        {"acks_unknown", qint64(counters.unknownAcks + counters.lateAcks)},
        {"lag_samples", qint64(lagSummary.samples)},
        {"lag_p50_ms", lagSummary.p50Ms},
        {"lag_p99_ms", lagSummary.p99Ms},
        {"lag_max_ms", lagSummary.maxMs},
        {"log_mb", logMb},
        {"log_mb_per_s", seconds > 0 ? logMb / seconds : 0},
        {"log_lines", qint64(engine->sessionLog().linesWritten())},
        {"log_dropped", qint64(engine->sessionLog().dropped())},
    };
    const bool ok = code == 0 && counters.commandsSent == quint64(options.vehicles) &&
                    counters.acks == counters.commandsSent &&
                    counters.unknownAcks + counters.lateAcks == 0 &&
                    lagSummary.p99Ms < kLagLimitMs && engine->sessionLog().dropped() == 0;
    report.insert("ok", ok);
    QTextStream(stdout) << QJsonDocument(report).toJson(QJsonDocument::Compact) << '\n';
    fleetThread.quit();
    fleetThread.wait();
    return code != 0 ? code : (ok ? 0 : 1);
}
