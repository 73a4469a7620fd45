// ClientWindow: File → Replay session… and --replay FILE (client/SessionReplay.h).
// The log is loaded whole first (a bad one is shown in the history and
// nothing goes out); the replay starts once the link is up, shows its
// progress in a dialog whose Stop ends it, and stops if the link drops
// (the rest would otherwise queue and lose its timing).

#include "ClientEventText.h"
#include "ClientWindow.h"
#include "ReplayText.h"

#include <QFileDialog>
#include <QProgressDialog>

namespace chorus {

void ClientWindow::promptReplay()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Replay session"), m_current.get(settingId(ClientSetting::SessionLog)).toString(),
        tr("Session logs (*.jsonl);;All files (*)"));
    if (!path.isEmpty())
        replaySession(path);
}

ReplayError ClientWindow::replaySession(const QString& path)
{
    const ReplayScript script = loadReplayScript(path);
    if (!script.ok()) {
        addWindowEntry(describeReplayProblem(script), true);
        return script.error;
    }
    if (!m_replay) {
        m_replay = new SessionReplay(m_engine, this);
        connect(m_replay, &SessionReplay::progressed, this, [this](int sent, int total) {
            if (!m_replayProgress)
                return;
            m_replayProgress->setMaximum(total);
            m_replayProgress->setValue(sent);
        });
        connect(m_replay, &SessionReplay::finished, this, &ClientWindow::onReplayFinished);
        connect(m_engine, &ClientEngine::stateChanged, this, [this](ClientState state) {
            if (state == ClientState::Connected)
                beginReplayWhenReady();
            else if (m_replay->isRunning())
                m_replay->stop();
        });
        connect(m_engine, &ClientEngine::modeChanged, this, &ClientWindow::beginReplayWhenReady);
    }
    m_replay->stop();
    m_replaySteps = script.steps;
    m_replayPath = path;
    if (!m_replayProgress) {
        m_replayProgress = new QProgressDialog(this);
        m_replayProgress->setObjectName(QStringLiteral("replayProgress"));
        m_replayProgress->setWindowTitle(tr("Replay session"));
        m_replayProgress->setCancelButtonText(tr("Stop"));
        m_replayProgress->setWindowModality(Qt::NonModal);
        m_replayProgress->setAutoClose(false);
        m_replayProgress->setAutoReset(false);
        m_replayProgress->setMinimumDuration(0);
        connect(m_replayProgress, &QProgressDialog::canceled, this, [this] {
            if (m_replay->isRunning())
                m_replay->stop();
            else if (!m_replaySteps.isEmpty()) {
                m_replaySteps.clear(); // still waiting for the connection: forget it
                addWindowEntry(tr("Replay of %1 cancelled").arg(m_replayPath), false);
            }
        });
    }
    const double speed =
        parseReplaySpeed(m_current.get(settingId(ClientSetting::ReplaySpeed)).toString())
            .value_or(1.0);
    m_replayProgress->setLabelText(speed == 0
                                       ? tr("Replaying %1 as fast as possible").arg(m_replayPath)
                                       : tr("Replaying %1 at %2×").arg(m_replayPath).arg(speed));
    m_replayProgress->setRange(0, int(m_replaySteps.size()));
    m_replayProgress->setValue(0);
    m_replayProgress->show();
    addWindowEntry(
        tr("Replay of %1: %n message(s)", nullptr, int(m_replaySteps.size())).arg(m_replayPath),
        false);
    beginReplayWhenReady();
    if (!m_replaySteps.isEmpty())
        showStatus(tr("The replay starts once connected"));
    return ReplayError::None;
}

void ClientWindow::beginReplayWhenReady()
{
    if (m_replaySteps.isEmpty() || !m_replay || m_engine->state() != ClientState::Connected ||
        m_engine->isNegotiating())
        return;
    const QList<ReplayStep> steps = std::exchange(m_replaySteps, {});
    m_replay->start(
        steps, parseReplaySpeed(m_current.get(settingId(ClientSetting::ReplaySpeed)).toString())
                   .value_or(1.0));
}

void ClientWindow::onReplayFinished(SessionReplay::End end, ClientError error)
{
    if (m_replayProgress)
        m_replayProgress->hide();
    const QString counts =
        tr("%1 of %2 messages sent").arg(m_replay->sentCount()).arg(m_replay->totalCount());
    switch (end) {
    case SessionReplay::End::Done:
        addWindowEntry(tr("Replay of %1 done: %2").arg(m_replayPath, counts), false);
        return;
    case SessionReplay::End::Stopped:
        addWindowEntry(tr("Replay of %1 stopped: %2").arg(m_replayPath, counts), false);
        return;
    case SessionReplay::End::SendRefused:
        addWindowEntry(tr("Replay of %1 ended: message %2 refused (%3); %4")
                           .arg(m_replayPath)
                           .arg(m_replay->sentCount() + 1)
                           .arg(ClientEventText::error(error, {}, {}, 0, 0), counts),
                       true);
        return;
    }
}

} // namespace chorus
