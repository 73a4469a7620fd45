#include "OlderEntriesBar.h"

#include "HistoryModel.h"
#include "SessionKeeper.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QPushButton>

namespace chorus {

OlderEntriesBar::OlderEntriesBar(HistoryModel* model, SessionKeeper* keeper, QListView* view,
                                 QWidget* parent)
    : QWidget(parent), m_model(model), m_keeper(keeper), m_view(view), m_label(new QLabel),
      m_load(new QPushButton(tr("Load older…")))
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_load);
    m_load->setToolTip(tr("Read the previous %1 entries back from this session's kept history")
                           .arg(QLocale().toString(kLoadBlock)));
    connect(m_load, &QPushButton::clicked, this, &OlderEntriesBar::loadOlder);
    connect(m_model, &HistoryModel::firstIndexChanged, this, &OlderEntriesBar::refresh);
    refresh();
}

void OlderEntriesBar::refresh()
{
    const qint64 notInView = m_model->firstIndex();
    setVisible(notInView > 0);
    if (notInView == 0)
        return;
    const bool kept = m_keeper->hasKeptBefore(notInView);
    const QString count = QLocale().toString(notInView);
    m_label->setText(kept ? tr("%1 older entries are not in view (the history holds %2)")
                                .arg(count, QLocale().toString(m_model->maxEntries()))
                          : tr("%1 older entries were dropped from view and not kept").arg(count));
    m_load->setEnabled(kept);
}

int OlderEntriesBar::loadOlder()
{
    const qint64 first = m_model->firstIndex();
    if (first == 0)
        return 0;
    QList<HistoryEntry> older;
    const FileResult result = m_keeper->readOlder(first, kLoadBlock, &older);
    if (!result.ok())
        emit loadFailed(result);
    const int taken = m_model->prependOlder(older);
    if (taken > 0)
        m_view->scrollTo(m_model->index(0), QAbstractItemView::PositionAtTop);
    refresh();
    return taken;
}

} // namespace chorus
