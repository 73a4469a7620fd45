// TLS end to end on loopback: the server's TLS listener beside the plain one
// and the client's Use TLS with pinned certificates. Certificates are made at
// test time with `openssl` (apt: openssl) in a QTemporaryDir; without it the
// tests skip with a message. Covered: handshake (and the table's TLS
// version), first contact (untrusted, then trusted and pinned to a file),
// a changed certificate refused with both fingerprints, an expired
// certificate, a plain client on the TLS port, a TLS client on a plain port,
// certificate files the server cannot use, and a TLS peer's held-back input
// waiting in the kernel rather than in the server's memory.

#include "EngineHarness.h"
#include "client/ClientEngine.h"
#include "client/TlsTrustStore.h"
#include "server/TlsServerSetup.h"

#include <QProcess>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace chorus;
using namespace chorus::testing;

namespace {

struct CertificatePair
{
    QString certificate;
    QString key;
};

bool runOpenssl(const QStringList& arguments, const QString& folder)
{
    QProcess openssl;
    openssl.setWorkingDirectory(folder);
    openssl.start(QStringLiteral("openssl"), arguments);
    return openssl.waitForFinished(30000) && openssl.exitStatus() == QProcess::NormalExit &&
           openssl.exitCode() == 0;
}

// A self-signed pair, valid from now for a year (the README's command, with EC for speed).
std::optional<CertificatePair> makePair(const QString& folder, const QString& name)
{
    const CertificatePair pair{folder + QLatin1Char('/') + name + QStringLiteral("-cert.pem"),
                               folder + QLatin1Char('/') + name + QStringLiteral("-key.pem")};
    if (!runOpenssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                     QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                     QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                     QStringLiteral("-keyout"), pair.key, QStringLiteral("-out"), pair.certificate,
                     QStringLiteral("-days"), QStringLiteral("365"), QStringLiteral("-subj"),
                     QStringLiteral("/CN=%1").arg(name)},
                    folder))
        return std::nullopt;
    return pair;
}

// A self-signed pair that was valid on 1-2 January 2020 only (`openssl ca`
// sets both dates; `req -days` takes no negative number in OpenSSL 3.0).
std::optional<CertificatePair> makeExpiredPair(const QString& folder)
{
    const QString ca = folder + QStringLiteral("/ca");
    QDir().mkpath(ca);
    QFile config(ca + QStringLiteral("/ca.cnf"));
    QFile index(ca + QStringLiteral("/index.txt"));
    QFile serial(ca + QStringLiteral("/serial"));
    if (!config.open(QIODevice::WriteOnly) || !index.open(QIODevice::WriteOnly) ||
        !serial.open(QIODevice::WriteOnly))
        return std::nullopt;
    config.write("[ca]\ndefault_ca = test_ca\n[test_ca]\ndatabase = index.txt\n"
                 "new_certs_dir = .\nserial = serial\ndefault_md = sha256\npolicy = any\n"
                 "unique_subject = no\n[any]\ncommonName = supplied\n");
    serial.write("01\n");
    config.close();
    index.close();
    serial.close();
    const CertificatePair pair{ca + QStringLiteral("/expired-cert.pem"),
                               ca + QStringLiteral("/expired-key.pem")};
    if (!runOpenssl({QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-newkey"),
                     QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                     QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                     QStringLiteral("-keyout"), pair.key, QStringLiteral("-out"),
                     QStringLiteral("req.csr"), QStringLiteral("-subj"),
                     QStringLiteral("/CN=expired")},
                    ca))
        return std::nullopt;
    if (!runOpenssl({QStringLiteral("ca"), QStringLiteral("-batch"), QStringLiteral("-config"),
                     QStringLiteral("ca.cnf"), QStringLiteral("-selfsign"),
                     QStringLiteral("-keyfile"), pair.key, QStringLiteral("-in"),
                     QStringLiteral("req.csr"), QStringLiteral("-out"), pair.certificate,
                     QStringLiteral("-startdate"), QStringLiteral("20200101000000Z"),
                     QStringLiteral("-enddate"), QStringLiteral("20200102000000Z")},
                    ca))
        return std::nullopt;
    return pair;
}

QString fingerprintOf(const QString& certificatePath)
{
    QFile file(certificatePath);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(file.readAll());
    return certificates.isEmpty() ? QString() : certificateFingerprint(certificates.first());
}

ServerConfig tlsConfig(const CertificatePair& pair)
{
    ServerConfig config = loopbackConfig();
    config.tls.certificatePath = pair.certificate;
    config.tls.keyPath = pair.key;
    config.tls.port = 0;
    return config;
}

// A client engine whose events are recorded.
struct ClientProbe
{
    explicit ClientProbe(quint16 port, bool tls, ClientProtocol protocol = ClientProtocol::Plain)
    {
        ClientConfig config;
        config.host = QStringLiteral("127.0.0.1");
        config.port = port;
        config.useTls = tls;
        config.protocol = protocol;
        engine.setConfig(config);
        QObject::connect(&engine, &ClientEngine::eventOccurred, &engine,
                         [this](const ClientEvent& event) { events.append(event); });
    }

    std::optional<ClientEvent> errorEvent(ClientError error) const
    {
        for (const ClientEvent& event : events) {
            if (event.kind == ClientEvent::Kind::Error && event.error == error)
                return event;
        }
        return std::nullopt;
    }
    QList<QByteArray> received() const
    {
        QList<QByteArray> out;
        for (const ClientEvent& event : events) {
            if (event.kind == ClientEvent::Kind::Received)
                out.append(event.payload);
        }
        return out;
    }

    ClientEngine engine;
    QList<ClientEvent> events;
};

} // namespace

class TestTls : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void handshakeFirstContactThenPinned();
    void changedCertificateIsRefused();
    void expiredCertificateIsRefused();
    void plainClientOnTheTlsPort_data();
    void plainClientOnTheTlsPort();
    void tlsClientOnAPlainPort();
    void brokenHandshakeIsLoggedWithItsReason();
    void heldBackInputWaitsInTheKernel();
    void unusableFilesStopTheStart_data();
    void unusableFilesStopTheStart();

private:
    QTemporaryDir m_dir;
    std::optional<CertificatePair> m_pair;
    std::optional<CertificatePair> m_other;
};

void TestTls::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
        QSKIP("openssl is not installed (apt install openssl): no test certificates");
    QVERIFY2(QSslSocket::supportsSsl(),
             qPrintable(QSslSocket::availableBackends().join(QLatin1String(", "))));
    QVERIFY(m_dir.isValid());
    m_pair = makePair(m_dir.path(), QStringLiteral("chorus-test"));
    m_other = makePair(m_dir.path(), QStringLiteral("impostor"));
    QVERIFY(m_pair && m_other);
}

void TestTls::handshakeFirstContactThenPinned()
{
    EngineHarness harness(tlsConfig(*m_pair));
    QVERIFY(harness.start() != 0);
    const quint16 tlsPort = harness.engine.tlsPort();
    QVERIFY(tlsPort != 0);
    QVERIFY(tlsPort != harness.engine.listenPort());

    const QString trustFile = m_dir.path() + QStringLiteral("/trust/tls-trust.json");
    auto store = std::make_shared<TlsTrustStore>(trustFile);
    QVERIFY(store->load().ok());

    // First contact: nothing of ours is sent; the certificate is shown.
    ClientProbe first(tlsPort, true);
    first.engine.setTlsTrustStore(store);
    first.engine.connectToServer();
    QTRY_VERIFY(first.errorEvent(ClientError::TlsCertificateUntrusted));
    const ClientEvent untrusted = *first.errorEvent(ClientError::TlsCertificateUntrusted);
    QVERIFY(untrusted.certificate);
    QCOMPARE(untrusted.certificate->fingerprint, fingerprintOf(m_pair->certificate));
    QVERIFY(untrusted.certificate->subject.contains(QLatin1String("CN=chorus-test")));
    QCOMPARE(untrusted.certificate->endpoint, QStringLiteral("127.0.0.1:%1").arg(tlsPort));
    QCOMPARE(first.engine.state(), ClientState::Disconnected);

    // The user trusts it: pinned in the file, and the next connect talks.
    QVERIFY(first.engine.trustCertificate(*untrusted.certificate).ok());
    QVERIFY(QFile::exists(trustFile));
    first.engine.connectToServer();
    QTRY_COMPARE(first.engine.state(), ClientState::Connected);
    QVERIFY(first.engine.send(QByteArray("hello")).status == SendStatus::Sent);
    QTRY_COMPARE(first.received().size(), 1);
    QVERIFY(first.engine.tlsProtocol().startsWith(QLatin1String("TLS 1.")));

    // The table shows the peer uses TLS, and which version.
    // (The newest row: the first contact's connection is gone.)
    auto newestRow = [&harness] {
        ConnectionSnapshot newest;
        for (const ConnectionSnapshot& row : std::as_const(harness.rows))
            newest = row.id > newest.id ? row : newest;
        return newest;
    };
    QTRY_VERIFY(!newestRow().tlsProtocol.isEmpty());
    QVERIFY(newestRow().tls);
    QCOMPARE(newestRow().tlsProtocol, first.engine.tlsProtocol());

    // Another client with the same file trusts it at once.
    auto reloaded = std::make_shared<TlsTrustStore>(trustFile);
    QVERIFY(reloaded->load().ok());
    QCOMPARE(reloaded->pinnedFingerprint(untrusted.certificate->endpoint),
             std::optional<QString>(untrusted.certificate->fingerprint));
    ClientProbe second(tlsPort, true);
    second.engine.setTlsTrustStore(reloaded);
    second.engine.connectToServer();
    QTRY_COMPARE(second.engine.state(), ClientState::Connected);

    // The plain port still works beside it.
    TestClient plain;
    QVERIFY(plain.connectTo(harness.engine.listenPort()));
    plain.socket.write("hi\n");
    QTRY_COMPARE(plain.lines().size(), 1);
}

void TestTls::changedCertificateIsRefused()
{
    EngineHarness harness(tlsConfig(*m_other));
    QVERIFY(harness.start() != 0);
    const quint16 tlsPort = harness.engine.tlsPort();

    // Pinned to the real certificate; the server now shows another one.
    auto store = std::make_shared<TlsTrustStore>();
    TlsCertificateInfo pinned;
    pinned.endpoint = QStringLiteral("127.0.0.1:%1").arg(tlsPort);
    pinned.fingerprint = fingerprintOf(m_pair->certificate);
    QVERIFY(store->trust(pinned).ok());

    ClientProbe client(tlsPort, true);
    client.engine.setTlsTrustStore(store);
    client.engine.connectToServer();
    QTRY_VERIFY(client.errorEvent(ClientError::TlsCertificateChanged));
    const ClientEvent changed = *client.errorEvent(ClientError::TlsCertificateChanged);
    QVERIFY(changed.certificate);
    QCOMPARE(changed.certificate->pinnedFingerprint, fingerprintOf(m_pair->certificate));
    QCOMPARE(changed.certificate->fingerprint, fingerprintOf(m_other->certificate));
    QVERIFY(changed.certificate->fingerprint != changed.certificate->pinnedFingerprint);
    QCOMPARE(client.engine.state(), ClientState::Disconnected);
    QVERIFY(client.received().isEmpty());
    // Still pinned to the old one: refused again until the user trusts the new one.
    QCOMPARE(store->pinnedFingerprint(pinned.endpoint), std::optional<QString>(pinned.fingerprint));
}

void TestTls::expiredCertificateIsRefused()
{
    const std::optional<CertificatePair> expired = makeExpiredPair(m_dir.path());
    if (!expired)
        QSKIP("this openssl cannot make a certificate with past dates (openssl ca -enddate)");
    EngineHarness harness(tlsConfig(*expired));
    QVERIFY(harness.start() != 0); // served, with a warning: clients' handling can be tested
    QTRY_COMPARE(harness.errorsLogged(ConnectionError::TlsHandshakeFailed), 1);

    // Even a pinned expired certificate is refused.
    auto store = std::make_shared<TlsTrustStore>();
    TlsCertificateInfo pinned;
    pinned.endpoint = QStringLiteral("127.0.0.1:%1").arg(harness.engine.tlsPort());
    pinned.fingerprint = fingerprintOf(expired->certificate);
    QVERIFY(store->trust(pinned).ok());
    ClientProbe client(harness.engine.tlsPort(), true);
    client.engine.setTlsTrustStore(store);
    client.engine.connectToServer();
    QTRY_VERIFY(client.errorEvent(ClientError::TlsCertificateExpired));
    const ClientEvent event = *client.errorEvent(ClientError::TlsCertificateExpired);
    QVERIFY(event.certificate);
    QCOMPARE(event.certificate->notAfter.date(), QDate(2020, 1, 2));
    QCOMPARE(client.engine.state(), ClientState::Disconnected);
}

void TestTls::plainClientOnTheTlsPort_data()
{
    QTest::addColumn<ClientProtocol>("protocol");
    QTest::newRow("plain text") << ClientProtocol::Plain;
    QTest::newRow("chorus hello") << ClientProtocol::Chorus;
}

void TestTls::plainClientOnTheTlsPort()
{
    QFETCH(ClientProtocol, protocol);
    EngineHarness harness(tlsConfig(*m_pair));
    QVERIFY(harness.start() != 0);

    ClientProbe client(harness.engine.tlsPort(), false, protocol);
    client.engine.connectToServer();
    // A Chorus client's hello is refused at once: its connected state may pass unseen.
    if (protocol == ClientProtocol::Plain) {
        QTRY_COMPARE(client.engine.state(), ClientState::Connected);
        client.engine.send(QByteArray("hello"));
    }
    QTRY_VERIFY(client.errorEvent(ClientError::TlsRequired));
    QTRY_COMPARE(client.engine.state(), ClientState::Disconnected);
    QVERIFY(client.received().isEmpty());
    QTRY_VERIFY(harness.errorsLogged(ConnectionError::TlsHandshakeFailed) >= 1);
    QCOMPARE(harness.counters.messagesIn, quint64(0));
}

void TestTls::tlsClientOnAPlainPort()
{
    EngineHarness harness;
    const quint16 port = harness.start();
    QVERIFY(port != 0);
    ClientProbe client(port, true);
    client.engine.connectToServer();
    // The plain server answers the ClientHello with text: no TLS record.
    QTRY_VERIFY(client.errorEvent(ClientError::TlsHandshakeFailed));
    QVERIFY(client.engine.state() != ClientState::Connected);
    client.engine.disconnectFromServer();
}

void TestTls::brokenHandshakeIsLoggedWithItsReason()
{
    EngineHarness harness(tlsConfig(*m_pair));
    QVERIFY(harness.start() != 0);
    QTcpSocket peer;
    peer.connectToHost(QHostAddress::LocalHost, harness.engine.tlsPort());
    QVERIFY(peer.waitForConnected(5000));
    // A handshake record (type 22, TLS 1.0 framing) holding no ClientHello.
    peer.write(QByteArray::fromHex("160301000401000000"));
    QTRY_COMPARE(peer.state(), QAbstractSocket::UnconnectedState);
    QTRY_VERIFY(harness.errorsLogged(ConnectionError::TlsHandshakeFailed) >= 1);
    // The disconnect line says the handshake failed, with OpenSSL's reason.
    auto disconnectLine = [&harness]() -> std::optional<LogEntry> {
        for (const LogEntry& entry : std::as_const(harness.log)) {
            if (entry.kind == LogKind::Disconnected &&
                entry.errorAs<ConnectionError>() == ConnectionError::TlsHandshakeFailed)
                return entry;
        }
        return std::nullopt;
    };
    QTRY_VERIFY(disconnectLine());
    QVERIFY(!disconnectLine()->text.isEmpty());
    QCOMPARE(harness.counters.messagesIn, quint64(0));
}

// A TLS peer the server holds back (here by a 1 message/s rate limit) and
// that keeps sending: what the server has not taken must stay in the kernel
// (TCP flow control reaches the sender), not pile up decrypted in the
// QSslSocket's buffer. Before the buffer was capped, the server read all
// 48 MiB into its memory within a fraction of a second.
void TestTls::heldBackInputWaitsInTheKernel()
{
    ServerConfig config = tlsConfig(*m_pair);
    config.limits.rateLimit.messagesPerSecond = 1;
    config.limits.rateLimit.burst = std::chrono::milliseconds(1000);
    EngineHarness harness(config);
    QVERIFY(harness.start() != 0);

    QSslSocket peer;
    peer.setPeerVerifyMode(QSslSocket::VerifyNone);
    peer.connectToHostEncrypted(QStringLiteral("127.0.0.1"), harness.engine.tlsPort());
    QVERIFY(peer.waitForEncrypted(10000));
    constexpr qint64 kSent = 48 * 1024 * 1024;
    const QByteArray lines = QByteArray("x\n").repeated(int(kSent / 2));
    QCOMPARE(peer.write(lines), kSent);
    auto unsent = [&peer] { return peer.bytesToWrite() + peer.encryptedBytesToWrite(); };
    // The first messages are answered: the server is reading, slowly.
    QTRY_VERIFY(peer.bytesAvailable() >= 2);
    // Kernel buffers on loopback hold a few MiB at most (tcp_rmem + tcp_wmem:
    // 6 + 4 MiB by default); the rest must still be with the sender. No
    // condition to wait for here: the fault shows as the sender draining, so
    // give it time to.
    constexpr qint64 kMostInFlight = 16 * 1024 * 1024;
    QVERIFY2(!QTest::qWaitFor([&] { return unsent() < kSent - kMostInFlight; }, 2000),
             qPrintable(QStringLiteral("unsent %1 of %2").arg(unsent()).arg(kSent)));
    QVERIFY(harness.counters.messagesIn < 100);
}

void TestTls::unusableFilesStopTheStart_data()
{
    QTest::addColumn<QString>("certificate");
    QTest::addColumn<QString>("key");
    QTest::addColumn<TlsSetupError>("error");

    QTest::newRow("no certificate file")
        << QStringLiteral("missing.pem") << QString() << TlsSetupError::CertificateFileUnreadable;
    QTest::newRow("not a certificate")
        << QStringLiteral("garbage.pem") << QString() << TlsSetupError::CertificateInvalid;
    QTest::newRow("no key file") << QString() << QStringLiteral("missing.pem")
                                 << TlsSetupError::KeyFileUnreadable;
    QTest::newRow("not a key") << QString() << QStringLiteral("garbage.pem")
                               << TlsSetupError::KeyInvalid;
}

void TestTls::unusableFilesStopTheStart()
{
    QFETCH(QString, certificate);
    QFETCH(QString, key);
    QFETCH(TlsSetupError, error);
    QFile garbage(m_dir.path() + QStringLiteral("/garbage.pem"));
    QVERIFY(garbage.open(QIODevice::WriteOnly));
    garbage.write("-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n");
    garbage.close();

    CertificatePair pair = *m_pair;
    if (!certificate.isEmpty())
        pair.certificate = m_dir.path() + QLatin1Char('/') + certificate;
    if (!key.isEmpty())
        pair.key = m_dir.path() + QLatin1Char('/') + key;
    EngineHarness harness(tlsConfig(pair));
    QSignalSpy failed(&harness.engine, &ServerEngine::startFailed);
    harness.engine.start();
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(failed.first().first().value<ListenFailure>().tlsError, error);
    QVERIFY(!harness.engine.isListening());
}

QTEST_MAIN(TestTls)
#include "tst_tls.moc"
