#include "client/SimulatedVehicle.h"

#include "client/ClientEngine.h"
#include "wire/VehicleMessages.h"

#include <QRegularExpression>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace chorus {

namespace {

constexpr qsizetype kMaxCommandLineBytes = 4096;

bool isCommandName(QStringView word)
{
    if (word.isEmpty() || word.size() > kChorusMaxKeyLength || !word.front().isUpper() ||
        word.front().unicode() > 0x7F)
        return false;
    return std::all_of(word.begin(), word.end(), [](QChar c) {
        return (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
               (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('_');
    });
}

bool isArgumentKey(QStringView key)
{
    if (key.isEmpty() || key.size() > kChorusMaxKeyLength)
        return false;
    return std::all_of(key.begin(), key.end(), [](QChar c) {
        return c.unicode() < 0x80 && (c.isLetterOrNumber() || c == QLatin1Char('_'));
    });
}

} // namespace

std::optional<VehicleCommand> parseTextCommand(QByteArrayView line)
{
    if (line.size() > kMaxCommandLineBytes)
        return std::nullopt;
    const QString text = QString::fromUtf8(line).trimmed();
    if (text.toUtf8() != QByteArrayView(line).trimmed())
        return std::nullopt; // not valid UTF-8: not a command line
    static const QRegularExpression kSpaces(QStringLiteral("\\s+"));
    const QStringList words = text.split(kSpaces, Qt::SkipEmptyParts);
    if (words.isEmpty() || !isCommandName(words.constFirst()) ||
        words.size() - 1 > kChorusMaxCommandArgs)
        return std::nullopt;
    VehicleCommand command;
    command.name = words.constFirst();
    for (qsizetype i = 1; i < words.size(); ++i) {
        const QString& word = words.at(i);
        const qsizetype equals = word.indexOf(QLatin1Char('='));
        if (equals <= 0 || !isArgumentKey(QStringView(word).first(equals)))
            return std::nullopt;
        const QString value = word.mid(equals + 1);
        bool isNumber = false;
        const double number = value.toDouble(&isNumber);
        if (isNumber && std::isfinite(number))
            command.args.insert(word.first(equals), number);
        else
            command.args.insert(word.first(equals), value);
    }
    return command;
}

QByteArray textAck(const QString& name, MavResult result, std::optional<int> progress)
{
    QByteArray word =
        result == MavResult::Accepted ? QByteArray("OK") : mavResultName(result).toUpper().toUtf8();
    QByteArray line = word + ' ' + name.toUtf8();
    if (progress)
        line += ' ' + QByteArray::number(*progress) + '%';
    return line;
}

QByteArray textTelemetry(const VehicleValues& values)
{
    return "alt=" + QByteArray::number(values.alt, 'f', 2) +
           " bat=" + QByteArray::number(values.bat, 'f', 2) +
           " lat=" + QByteArray::number(values.lat, 'f', 6) +
           " lon=" + QByteArray::number(values.lon, 'f', 6);
}

QByteArray textHeartbeat(const VehicleValues& values)
{
    return "HEARTBEAT mode=" + values.mode.toUtf8() + " armed=" + (values.armed ? "1" : "0");
}

SimulatedVehicle::SimulatedVehicle(ClientEngine* engine, const SimulationConfig& config,
                                   QObject* parent)
    : QObject(parent), m_engine(engine), m_config(config), m_simulation(config.seed),
      m_telemetryTimer(new QTimer(this)), m_heartbeatTimer(new QTimer(this))
{
    m_clock.start();
    connect(m_engine, &ClientEngine::eventOccurred, this, &SimulatedVehicle::onEvent);
    connect(m_engine, &ClientEngine::commandReceived, this, &SimulatedVehicle::onCommand);
    connect(m_telemetryTimer, &QTimer::timeout, this, &SimulatedVehicle::sendTelemetry);
    connect(m_heartbeatTimer, &QTimer::timeout, this, &SimulatedVehicle::sendHeartbeat);
    applyTimers();
}

SimulatedVehicle::~SimulatedVehicle() = default;

void SimulatedVehicle::setConfig(const SimulationConfig& config)
{
    m_config = config;
    m_config.progressSteps = std::clamp(m_config.progressSteps, 0, kMaxProgressSteps);
    applyTimers();
}

void SimulatedVehicle::applyTimers()
{
    m_config.progressSteps = std::clamp(m_config.progressSteps, 0, kMaxProgressSteps);
    if (m_config.telemetryInterval.count() > 0)
        m_telemetryTimer->start(m_config.telemetryInterval);
    else
        m_telemetryTimer->stop();
    if (m_config.heartbeatInterval.count() > 0)
        m_heartbeatTimer->start(m_config.heartbeatInterval);
    else
        m_heartbeatTimer->stop();
}

void SimulatedVehicle::onEvent(const ClientEvent& event)
{
    if (event.kind != ClientEvent::Kind::Received && event.kind != ClientEvent::Kind::Direct &&
        event.kind != ClientEvent::Kind::Broadcast)
        return;
    if (std::optional<VehicleCommand> command = parseTextCommand(event.payload))
        take(*command);
}

void SimulatedVehicle::onCommand(const ChorusMessage& cmd, bool overUdp)
{
    VehicleCommand command;
    command.fromCmd = true;
    command.overUdp = overUdp;
    command.seq = cmd.seq;
    command.name = cmd.name;
    command.args = cmd.args;
    take(command);
}

void SimulatedVehicle::take(const VehicleCommand& command)
{
    ++m_counts.commands;
    emit commandReceived(command);
    if (m_pending >= kMaxPendingCommands) {
        sendAck(command, MavResult::TemporarilyRejected, std::nullopt);
        return;
    }
    catchUp();
    const MavResult result = m_simulation.decide(command.name, command.args, m_config.result);
    const bool works = result == MavResult::Accepted || result == MavResult::Failed;
    const int steps = works ? m_config.progressSteps : 0;
    const qint64 delay = m_config.ackDelay.count();
    ++m_pending;
    for (int i = 1; i <= steps; ++i) {
        const int progress = 100 * i / (steps + 1);
        QTimer::singleShot(
            std::chrono::milliseconds(delay * i / (steps + 1)), this,
            [this, command, progress] { sendAck(command, MavResult::InProgress, progress); });
    }
    QTimer::singleShot(m_config.ackDelay, this, [this, command, result] {
        --m_pending;
        catchUp();
        if (result == MavResult::Accepted)
            m_simulation.apply(command.name, command.args);
        sendAck(command, result, std::nullopt);
    });
}

bool SimulatedVehicle::canSend() const
{
    return m_engine->state() == ClientState::Connected && !m_engine->isNegotiating();
}

void SimulatedVehicle::sendAck(const VehicleCommand& command, MavResult result,
                               std::optional<int> progress)
{
    if (!canSend())
        return; // the link went: the server ends the command as link lost
    const bool sent =
        command.fromCmd && m_engine->isChorusMode()
            ? m_engine->sendVehicleMessage(makeAck(command.seq, result, progress), command.overUdp)
            : m_engine->send(textAck(command.name, result, progress)).status == SendStatus::Sent;
    if (!sent)
        return;
    ++m_counts.acks;
    emit acknowledged(command, result, progress);
}

void SimulatedVehicle::sendTelemetry()
{
    catchUp();
    if (!canSend()) {
        ++m_counts.skipped;
        return;
    }
    const VehicleValues& v = m_simulation.values();
    bool sent = false;
    if (m_engine->isChorusMode()) {
        const TelemetryValues values{{QStringLiteral("alt"), v.alt},
                                     {QStringLiteral("bat"), v.bat},
                                     {QStringLiteral("lat"), v.lat},
                                     {QStringLiteral("lon"), v.lon}};
        const TelemetryUnits units{{QStringLiteral("alt"), QStringLiteral("m")},
                                   {QStringLiteral("bat"), QStringLiteral("%")},
                                   {QStringLiteral("lat"), QStringLiteral("deg")},
                                   {QStringLiteral("lon"), QStringLiteral("deg")}};
        sent = m_engine->sendVehicleMessage(makeTelemetry(values, units));
    } else {
        sent = m_engine->send(textTelemetry(v)).status == SendStatus::Sent;
    }
    if (sent)
        ++m_counts.telemetry;
}

void SimulatedVehicle::sendHeartbeat()
{
    if (!canSend()) {
        ++m_counts.skipped;
        return;
    }
    const VehicleValues& v = m_simulation.values();
    const bool sent =
        m_engine->isChorusMode()
            ? m_engine->sendVehicleMessage(makeHeartbeat(QStringLiteral("active"), v.mode, v.armed))
            : m_engine->send(textHeartbeat(v)).status == SendStatus::Sent;
    if (sent)
        ++m_counts.heartbeats;
}

void SimulatedVehicle::catchUp()
{
    const qint64 now = m_clock.elapsed();
    m_simulation.advance(std::chrono::milliseconds(now - m_lastAdvanceMs));
    m_lastAdvanceMs = now;
}

} // namespace chorus
