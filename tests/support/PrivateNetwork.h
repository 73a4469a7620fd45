#pragma once

// Tests of the "every interface" listen choice must bind 0.0.0.0 and ::, which
// on the development machine would open a port to the LAN while they run. They
// run in a network namespace of their own instead: the test row re-runs itself
// in a child under `unshare --net` (util-linux; root), where the only
// interface is a loopback the child brings up, so nothing outside can reach
// the port. Without root or unshare the row skips with a message.
//
//   if (listensOnEveryInterface) {
//       const PrivateNetworkRun run = runThisRowInPrivateNetwork();
//       if (run.outcome == PrivateNetworkRun::Outcome::Unavailable)
//           QSKIP(qPrintable(run.output));
//       if (run.outcome != PrivateNetworkRun::Outcome::Inside) {
//           QVERIFY2(run.outcome == PrivateNetworkRun::Outcome::Passed, qPrintable(run.output));
//           return;
//       }
//   }
//   ... the test itself, run only inside the namespace

#include <QByteArray>
#include <QCoreApplication>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QString>
#include <QtTest>

#include <cstring>

#include <net/if.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace chorus::testing {

inline constexpr char kPrivateNetworkVariable[] = "CHORUS_TEST_PRIVATE_NETWORK";

struct PrivateNetworkRun
{
    enum class Outcome {
        Inside,      // this process is the child in the namespace: run the test
        Passed,      // the child ran the row and it passed
        Failed,      // the child ran the row and it failed (output says how)
        Unavailable, // no namespace could be made (output says why)
    };
    Outcome outcome = Outcome::Unavailable;
    QString output;
};

// A new network namespace has its loopback down.
inline bool bringLoopbackUp(QString* why)
{
    const int fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        *why = QString::fromLocal8Bit(std::strerror(errno));
        return false;
    }
    ifreq request{};
    std::strncpy(request.ifr_name, "lo", IFNAMSIZ - 1);
    bool ok = ::ioctl(fd, SIOCGIFFLAGS, &request) == 0;
    if (ok) {
        request.ifr_flags = short(request.ifr_flags | IFF_UP);
        ok = ::ioctl(fd, SIOCSIFFLAGS, &request) == 0;
    }
    if (!ok)
        *why = QString::fromLocal8Bit(std::strerror(errno));
    ::close(fd);
    return ok;
}

inline PrivateNetworkRun runThisRowInPrivateNetwork()
{
    PrivateNetworkRun run;
    if (qEnvironmentVariableIsSet(kPrivateNetworkVariable)) {
        QString why;
        if (!bringLoopbackUp(&why)) {
            run.outcome = PrivateNetworkRun::Outcome::Failed;
            run.output = QStringLiteral("cannot bring lo up in the namespace: ") + why;
            return run;
        }
        run.outcome = PrivateNetworkRun::Outcome::Inside;
        return run;
    }
    const QString unshare = QStandardPaths::findExecutable(QStringLiteral("unshare"));
    if (::geteuid() != 0 || unshare.isEmpty()) {
        run.output = QStringLiteral("binding every interface is tested only in a private network "
                                    "namespace (needs root and unshare from util-linux)");
        return run;
    }
    const QString function = QString::fromLatin1(QTest::currentTestFunction());
    const char* tag = QTest::currentDataTag();
    const QString tagText = tag ? QString::fromLatin1(tag) : QString();
    const QString row = tag ? function + QLatin1Char(':') + tagText : function;
    QProcess child;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QString::fromLatin1(kPrivateNetworkVariable), QStringLiteral("1"));
    child.setProcessEnvironment(environment);
    child.setProcessChannelMode(QProcess::MergedChannels);
    child.start(unshare, {QStringLiteral("--net"), QStringLiteral("--"),
                          QCoreApplication::applicationFilePath(), row});
    if (!child.waitForFinished(120000)) {
        child.kill();
        child.waitForFinished();
        run.outcome = PrivateNetworkRun::Outcome::Failed;
        run.output = QStringLiteral("the namespaced run did not finish: ") + child.errorString();
        return run;
    }
    run.output = QString::fromLocal8Bit(child.readAll());
    // The row itself must have passed (not skipped) in the child.
    const QString passed = QStringLiteral("::%1(%2)").arg(function, tagText);
    bool rowPassed = false;
    for (const QString& line : run.output.split(QLatin1Char('\n')))
        rowPassed =
            rowPassed || (line.startsWith(QLatin1String("PASS   : ")) && line.contains(passed));
    if (child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0 && rowPassed)
        run.outcome = PrivateNetworkRun::Outcome::Passed;
    else if (run.output.contains(QLatin1String("unshare failed")))
        run.outcome = PrivateNetworkRun::Outcome::Unavailable;
    else
        run.outcome = PrivateNetworkRun::Outcome::Failed;
    return run;
}

} // namespace chorus::testing
