#include "CommandsPane.h"

#include "CommandTableModel.h"

#include "command/CommandTracker.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>

#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>
#include <iterator>

namespace chorus {

CommandsPane::CommandsPane(QWidget* parent)
    : QWidget(parent), m_model(new CommandTableModel(this)), m_filter(new CommandFilterModel(this)),
      m_view(new QTableView(this)), m_peerFilter(new QComboBox(this)),
      m_stateFilter(new QComboBox(this)), m_summary(new QLabel(this)),
      m_send(new QPushButton(tr("Send &command…"), this)),
      m_presets(new QPushButton(tr("Pre&sets…"), this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    // One row; compact combos keep the window narrow enough to sit beside the client.
    auto* bar = new QHBoxLayout;
    bar->addWidget(m_send);
    bar->addWidget(m_presets);
    bar->addStretch(1);
    bar->addWidget(new QLabel(tr("Peer:"), this));
    m_peerFilter->addItem(tr("All"));
    m_peerFilter->addItem(tr("Selected connection"));
    bar->addWidget(m_peerFilter);
    bar->addWidget(new QLabel(tr("State:"), this));
    m_stateFilter->addItem(tr("All"), -1);
    static const char* const kStates[] = {QT_TR_NOOP("Sent"),
                                          QT_TR_NOOP("In progress"),
                                          QT_TR_NOOP("Accepted"),
                                          QT_TR_NOOP("Denied"),
                                          QT_TR_NOOP("Failed"),
                                          QT_TR_NOOP("Unsupported"),
                                          QT_TR_NOOP("Temporarily rejected"),
                                          QT_TR_NOOP("Timed out"),
                                          QT_TR_NOOP("Link lost"),
                                          QT_TR_NOOP("No UDP path")};
    // One name per CommandState: a state added without its name would read past the end.
    static_assert(std::size(kStates) == kCommandStateCount);
    for (int s = 0; s < kCommandStateCount; ++s)
        m_stateFilter->addItem(tr(kStates[s]), s);
    bar->addWidget(m_stateFilter);
    for (QComboBox* combo : {m_peerFilter, m_stateFilter}) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(8);
    }
    layout->addLayout(bar);

    m_filter->setSourceModel(m_model);
    m_view->setModel(m_filter);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->setColumnWidth(CommandTableModel::TimeColumn, 90);
    m_view->setColumnWidth(CommandTableModel::PeerColumn, 150);
    m_view->setColumnWidth(CommandTableModel::ChannelColumn, 60);
    m_view->setColumnWidth(CommandTableModel::StateColumn, 130);
    layout->addWidget(m_view, 1);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);

    connect(m_peerFilter, &QComboBox::currentIndexChanged, this, &CommandsPane::applyPeerFilter);
    connect(m_stateFilter, &QComboBox::currentIndexChanged, this, [this] {
        const int state = m_stateFilter->currentData().toInt();
        m_filter->setState(state < 0 ? std::nullopt
                                     : std::optional<CommandState>(CommandState(state)));
    });
    // One summary per batch of rows, not per row.
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &CommandsPane::updateSummary);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &CommandsPane::updateSummary);
    connect(m_model, &QAbstractItemModel::modelReset, this, &CommandsPane::updateSummary);
    updateSummary();
}

void CommandsPane::setSelectedConnection(quint64 id)
{
    m_selected = id;
    applyPeerFilter();
}

void CommandsPane::applyPeerFilter()
{
    m_filter->setConnection(m_peerFilter->currentIndex() == 1 ? std::max<quint64>(m_selected, 0)
                                                              : 0);
    if (m_peerFilter->currentIndex() == 1 && m_selected == 0)
        m_filter->setConnection(quint64(-1)); // nothing selected: no rows
}

void CommandsPane::updateSummary()
{
    const QStringList lines = m_model->summary();
    m_summary->setText(lines.isEmpty() ? tr("No command sent yet.")
                                       : lines.join(QStringLiteral("\n")));
}

} // namespace chorus
