#include "client/ClientSessionRecorder.h"

#include "client/ClientEngine.h"
#include "client/SimulatedVehicle.h"
#include "wire/VehicleMessages.h"

namespace chorus {

ClientSessionRecorder::ClientSessionRecorder(ClientEngine* engine, const QString& folder,
                                             QObject* parent)
    : QObject(parent), m_engine(engine),
      m_writer(std::make_unique<SessionLogWriter>(folder, QStringLiteral("chorus-client")))
{
    connect(engine, &ClientEngine::eventOccurred, this, &ClientSessionRecorder::onEvent);
    connect(engine, &ClientEngine::stateChanged, this, [this](ClientState state) {
        if (state == ClientState::Disconnected)
            record(QStringLiteral("disconnect"), std::nullopt, {});
    });
}

ClientSessionRecorder::~ClientSessionRecorder() = default;

void ClientSessionRecorder::watch(SimulatedVehicle* vehicle)
{
    connect(vehicle, &SimulatedVehicle::commandReceived, this,
            [this](const VehicleCommand& command) {
                record(QStringLiteral("cmd"), std::nullopt,
                       {{QStringLiteral("cmd"), qint64(command.seq)},
                        {QStringLiteral("name"), command.name},
                        {QStringLiteral("args"), command.args}});
            });
    connect(vehicle, &SimulatedVehicle::acknowledged, this,
            [this](const VehicleCommand& command, MavResult result, std::optional<int> progress) {
                QJsonObject fields{{QStringLiteral("re"), qint64(command.seq)},
                                   {QStringLiteral("name"), command.name},
                                   {QStringLiteral("result"), mavResultName(result)}};
                if (progress)
                    fields.insert(QStringLiteral("progress"), *progress);
                record(QStringLiteral("ack"), std::nullopt, fields);
            });
}

QString ClientSessionRecorder::peer() const
{
    return m_engine->peerLabel();
}

void ClientSessionRecorder::onEvent(const ClientEvent& event)
{
    switch (event.kind) {
    case ClientEvent::Kind::Sent:
        record(QStringLiteral("out"), event.payload,
               {{QStringLiteral("id"), qint64(event.messageId)}});
        return;
    case ClientEvent::Kind::Received:
    case ClientEvent::Kind::Broadcast:
    case ClientEvent::Kind::Direct: {
        QJsonObject fields;
        if (event.kind != ClientEvent::Kind::Received)
            fields.insert(QStringLiteral("as"), event.kind == ClientEvent::Kind::Broadcast
                                                    ? QStringLiteral("broadcast")
                                                    : QStringLiteral("direct"));
        if (event.replyTo != 0)
            fields.insert(QStringLiteral("re"), qint64(event.replyTo));
        if (event.rttMs)
            fields.insert(QStringLiteral("rttMs"), *event.rttMs);
        record(QStringLiteral("in"), event.payload, fields);
        return;
    }
    case ClientEvent::Kind::Notice:
        if (event.notice == ClientNotice::Connected || event.notice == ClientNotice::RetryConnected)
            record(QStringLiteral("connect"), std::nullopt,
                   {{QStringLiteral("endpoint"), event.endpoint}});
        return;
    case ClientEvent::Kind::Error:
        record(QStringLiteral("note"), std::nullopt,
               {{QStringLiteral("error"), clientErrorName(event.error)},
                {QStringLiteral("reason"), event.reason}});
        return;
    default:
        return;
    }
}

void ClientSessionRecorder::record(const QString& kind, std::optional<QByteArray> bytes,
                                   const QJsonObject& fields)
{
    SessionRecord line;
    line.timeUs = SessionLogWriter::nowUs();
    line.kind = kind;
    line.peer = peer();
    line.bytes = std::move(bytes);
    line.fields = fields;
    if (m_writer->write(line) || m_reported)
        return;
    m_reported = true; // once: the log has stopped, the client goes on
    emit stopped(m_writer->problem());
}

} // namespace chorus
