// CommandTracker: each command's life from sent to its end, acks matched by
// (connection, seq) only, one timer for every deadline.
#include "command/CommandTracker.h"

#include <QSignalSpy>
#include <QTest>

using namespace chorus;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(chorus::CommandState)
Q_DECLARE_METATYPE(chorus::MavResult)

namespace {

using Clock = CommandTracker::Clock;

CommandRecord recordFor(quint64 connectionId, quint64 seq, const char* name = "TAKEOFF")
{
    CommandRecord record;
    record.connectionId = connectionId;
    record.seq = seq;
    record.name = QLatin1String(name);
    record.args = QJsonObject{{"alt", 10}};
    return record;
}

CommandRequest requestWith(std::chrono::milliseconds timeout, int retries)
{
    CommandRequest request;
    request.name = QStringLiteral("TAKEOFF");
    request.ackTimeout = timeout;
    request.retries = retries;
    return request;
}

struct Step
{
    MavResult result;
    int progress; // -1: none
};

} // namespace

Q_DECLARE_METATYPE(QList<Step>)

class TestCommandTracker : public QObject
{
    Q_OBJECT
private slots:
    void stateNames();
    void lifecycle_data();
    void lifecycle();
    void timeoutAfterRetries_data();
    void timeoutAfterRetries();
    void inProgressRenewsTheTimeoutWithoutResend();
    void linkLost();
    void ackMatchedByConnectionAndSeq();
    void unknownAndLateAcksAreCounted();
    void changesAreBatched();
    void thousandPendingShareOneTimer();
    void notSentEndsAtOnce();
};

void TestCommandTracker::stateNames()
{
    QStringList keys;
    for (int i = 0; i < kCommandStateCount; ++i)
        keys << commandStateKey(CommandState(i));
    QCOMPARE(keys,
             (QStringList{"sent", "in-progress", "accepted", "denied", "failed", "unsupported",
                          "temporarily-rejected", "timed-out", "link-lost", "no-udp-path"}));
    QVERIFY(!isFinalCommandState(CommandState::Sent));
    QVERIFY(!isFinalCommandState(CommandState::InProgress));
    QVERIFY(isFinalCommandState(CommandState::LinkLost));
    QVERIFY(isFinalCommandState(CommandState::NoUdpPath));
    QCOMPARE(commandStateFor(MavResult::TemporarilyRejected), CommandState::TemporarilyRejected);
}

void TestCommandTracker::lifecycle_data()
{
    QTest::addColumn<QList<Step>>("acks");
    QTest::addColumn<CommandState>("state");
    QTest::addColumn<int>("progress");
    QTest::newRow("accepted") << QList<Step>{{MavResult::Accepted, -1}} << CommandState::Accepted
                              << -1;
    QTest::newRow("in progress then accepted") << QList<Step>{{MavResult::InProgress, 10},
                                                              {MavResult::InProgress, 60},
                                                              {MavResult::Accepted, -1}}
                                               << CommandState::Accepted << 100;
    QTest::newRow("in progress only")
        << QList<Step>{{MavResult::InProgress, 40}} << CommandState::InProgress << 40;
    QTest::newRow("denied") << QList<Step>{{MavResult::Denied, -1}} << CommandState::Denied << -1;
    QTest::newRow("failed after progress")
        << QList<Step>{{MavResult::InProgress, 30}, {MavResult::Failed, -1}} << CommandState::Failed
        << 30;
    QTest::newRow("unsupported") << QList<Step>{{MavResult::Unsupported, -1}}
                                 << CommandState::Unsupported << -1;
    QTest::newRow("temporarily rejected") << QList<Step>{{MavResult::TemporarilyRejected, -1}}
                                          << CommandState::TemporarilyRejected << -1;
}

void TestCommandTracker::lifecycle()
{
    QFETCH(QList<Step>, acks);
    QFETCH(CommandState, state);
    QFETCH(int, progress);
    CommandTracker tracker;
    const Clock::time_point sent = Clock::now();
    tracker.track(recordFor(7, 1), requestWith(10s, 0), sent);
    QCOMPARE(tracker.record(7, 1)->state, CommandState::Sent);
    QCOMPARE(tracker.pendingCount(), 1);
    Clock::time_point at = sent;
    for (const Step& step : acks) {
        at += 5ms;
        QCOMPARE(
            tracker.applyAck(7, 1, step.result,
                             step.progress >= 0 ? std::optional<int>(step.progress) : std::nullopt,
                             QStringLiteral("t"), at),
            CommandTracker::AckMatch::Matched);
    }
    const CommandRecord record = *tracker.record(7, 1);
    QCOMPARE(record.state, state);
    QCOMPARE(record.progress, progress);
    QCOMPARE(record.attempts, 1);
    QCOMPARE(record.rttMs, 5.0); // from the send to the first ack
    QCOMPARE(tracker.pendingCount(), isFinalCommandState(state) ? 0 : 1);
    QCOMPARE(tracker.request(7, 1).has_value(), !isFinalCommandState(state));
}

void TestCommandTracker::timeoutAfterRetries_data()
{
    QTest::addColumn<int>("retries");
    QTest::newRow("no retry") << 0;
    QTest::newRow("one retry") << 1;
    QTest::newRow("three retries") << 3;
}

void TestCommandTracker::timeoutAfterRetries()
{
    QFETCH(int, retries);
    CommandTracker tracker;
    QSignalSpy resend(&tracker, &CommandTracker::resendDue);
    tracker.track(recordFor(3, 9), requestWith(20ms, retries), Clock::now());
    QTRY_COMPARE_WITH_TIMEOUT(tracker.record(3, 9)->state, CommandState::TimedOut, 5000);
    QCOMPARE(resend.size(), retries);
    for (const QList<QVariant>& args : std::as_const(resend)) {
        QCOMPARE(args.at(0).toULongLong(), 3u);
        QCOMPARE(args.at(1).toULongLong(), 9u);
    }
    QCOMPARE(tracker.record(3, 9)->attempts, retries + 1);
    QCOMPARE(tracker.pendingCount(), 0);
    // An ack after the end: counted as late, the state stays.
    QCOMPARE(tracker.applyAck(3, 9, MavResult::Accepted, {}, {}, Clock::now()),
             CommandTracker::AckMatch::AlreadyFinished);
    QCOMPARE(tracker.record(3, 9)->state, CommandState::TimedOut);
    QCOMPARE(tracker.lateAcks(), 1u);
}

void TestCommandTracker::inProgressRenewsTheTimeoutWithoutResend()
{
    CommandTracker tracker;
    QSignalSpy resend(&tracker, &CommandTracker::resendDue);
    tracker.track(recordFor(1, 1), requestWith(60ms, 2), Clock::now());
    tracker.applyAck(1, 1, MavResult::InProgress, 50, {}, Clock::now());
    QTRY_COMPARE_WITH_TIMEOUT(tracker.record(1, 1)->state, CommandState::TimedOut, 5000);
    QCOMPARE(resend.size(), 0); // a running command is never sent again
    QCOMPARE(tracker.record(1, 1)->progress, 50);
}

void TestCommandTracker::notSentEndsAtOnce()
{
    // No UDP path: the command ends so, with no resend and nothing left pending;
    // an ack after it counts as late, and a finished command is not changed.
    CommandTracker tracker;
    QSignalSpy resend(&tracker, &CommandTracker::resendDue);
    tracker.track(recordFor(4, 1), requestWith(10s, 3), Clock::now());
    tracker.notSent(4, 1, CommandState::NoUdpPath);
    QCOMPARE(tracker.record(4, 1)->state, CommandState::NoUdpPath);
    QCOMPARE(tracker.pendingCount(), 0);
    QCOMPARE(tracker.applyAck(4, 1, MavResult::Accepted, {}, {}, Clock::now()),
             CommandTracker::AckMatch::AlreadyFinished);
    tracker.notSent(4, 1, CommandState::LinkLost);
    QCOMPARE(tracker.record(4, 1)->state, CommandState::NoUdpPath);
    QCOMPARE(resend.size(), 0);
}

void TestCommandTracker::linkLost()
{
    CommandTracker tracker;
    tracker.track(recordFor(5, 1), requestWith(10s, 0), Clock::now());
    tracker.track(recordFor(5, 2), requestWith(10s, 0), Clock::now());
    tracker.track(recordFor(6, 3), requestWith(10s, 0), Clock::now());
    tracker.applyAck(5, 2, MavResult::Accepted, {}, {}, Clock::now());
    tracker.linkLost(5);
    QCOMPARE(tracker.record(5, 1)->state, CommandState::LinkLost);
    QCOMPARE(tracker.record(5, 2)->state, CommandState::Accepted); // ended before: kept
    QCOMPARE(tracker.record(6, 3)->state, CommandState::Sent);     // another peer
    QCOMPARE(tracker.pendingCount(), 1);
}

void TestCommandTracker::ackMatchedByConnectionAndSeq()
{
    CommandTracker tracker;
    tracker.track(recordFor(1, 10), requestWith(10s, 0), Clock::now());
    tracker.track(recordFor(2, 11), requestWith(10s, 0), Clock::now());
    // Connection 2 acks seq 10, which was sent to connection 1: not its command.
    QCOMPARE(tracker.applyAck(2, 10, MavResult::Accepted, {}, {}, Clock::now()),
             CommandTracker::AckMatch::Unknown);
    QCOMPARE(tracker.record(1, 10)->state, CommandState::Sent);
    QCOMPARE(tracker.record(2, 11)->state, CommandState::Sent);
    QCOMPARE(tracker.unknownAcks(), 1u);
}

void TestCommandTracker::unknownAndLateAcksAreCounted()
{
    CommandTracker tracker;
    QCOMPARE(tracker.applyAck(1, 99, MavResult::Accepted, {}, {}, Clock::now()),
             CommandTracker::AckMatch::Unknown);
    tracker.track(recordFor(1, 1), requestWith(10s, 0), Clock::now());
    tracker.applyAck(1, 1, MavResult::Denied, {}, {}, Clock::now());
    QCOMPARE(tracker.applyAck(1, 1, MavResult::Accepted, {}, {}, Clock::now()),
             CommandTracker::AckMatch::AlreadyFinished);
    QCOMPARE(tracker.record(1, 1)->state, CommandState::Denied);
    QCOMPARE(tracker.unknownAcks(), 1u);
    QCOMPARE(tracker.lateAcks(), 1u);
}

void TestCommandTracker::changesAreBatched()
{
    CommandTracker tracker;
    QSignalSpy changed(&tracker, &CommandTracker::changed);
    for (quint64 seq = 1; seq <= 50; ++seq)
        tracker.track(recordFor(seq, seq), requestWith(10s, 0), Clock::now());
    for (quint64 seq = 1; seq <= 50; ++seq)
        tracker.applyAck(seq, seq, MavResult::Accepted, {}, {}, Clock::now());
    QCOMPARE(changed.size(), 1); // once until taken
    const QList<CommandRecord> taken = tracker.takeChanged();
    QCOMPARE(taken.size(), 50); // each record once, in its latest state
    QCOMPARE(taken.first().state, CommandState::Accepted);
    QVERIFY(tracker.takeChanged().isEmpty());
}

void TestCommandTracker::thousandPendingShareOneTimer()
{
    CommandTracker tracker;
    const Clock::time_point now = Clock::now();
    for (quint64 i = 1; i <= 1000; ++i)
        tracker.track(recordFor(i, i), requestWith(std::chrono::milliseconds(30 + i % 50), 0), now);
    QCOMPARE(tracker.pendingCount(), 1000);
    // One QTimer child, whatever the number of commands.
    QCOMPARE(tracker.findChildren<QTimer*>().size(), 1);
    for (quint64 i = 1; i <= 1000; i += 2)
        tracker.applyAck(i, i, MavResult::Accepted, {}, {}, now + 1ms);
    QTRY_COMPARE_WITH_TIMEOUT(tracker.pendingCount(), 0, 5000);
    int timedOut = 0;
    for (const CommandRecord& record : tracker.takeChanged())
        timedOut += record.state == CommandState::TimedOut;
    QCOMPARE(timedOut, 500);
}

QTEST_GUILESS_MAIN(TestCommandTracker)
#include "tst_commandtracker.moc"
