#include "ConnectionPane.h"

#include "ByteLineEdit.h"
#include "ByteTextDelegate.h"
#include "ConnectionTableModel.h"
#include "FramingEditor.h"
#include "QuickSendBar.h"
#include "SendMessageDialog.h"
#include "server/ServerEngine.h"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStyle>
#include <QStyleOptionHeader>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace chorus {

namespace {

// The narrowest section that shows `column`'s header text whole beside the
// sort arrow (any column can be sorted by a click), as the style lays out the
// label. Tighter than QHeaderView::sectionSizeHint, which reserves a whole
// header height for the arrow and would push Last message out of view.
int widthForHeaderText(const QHeaderView* header, int column)
{
    QStyleOptionHeader option;
    option.initFrom(header);
    option.state |= QStyle::State_Horizontal;
    option.orientation = Qt::Horizontal;
    option.sortIndicator = QStyleOptionHeader::SortDown;
    option.rect = QRect(0, 0, 1000, header->sizeHint().height());
    const int label =
        header->style()->subElementRect(QStyle::SE_HeaderLabel, &option, header).width();
    const QString text = header->model()->headerData(column, Qt::Horizontal).toString();
    return header->fontMetrics().horizontalAdvance(text) + option.rect.width() - label;
}

} // namespace

ConnectionPane::ConnectionPane(ServerEngine* engine, ConnectionTableModel* model, QWidget* parent)
    : QWidget(parent), m_engine(engine), m_model(model), m_proxy(new QSortFilterProxyModel(this)),
      m_view(new QTableView(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ConnectionTableModel::SortRole);
    m_proxy->setDynamicSortFilter(true);

    m_view->setObjectName(QStringLiteral("connectionView"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ConnectionTableModel::IdColumn, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->setAlternatingRowColors(true);
    // Fixed row heights and fixed column widths: with 10,000 rows the view never
    // measures contents (ResizeToContents would visit every row on each batch).
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    QHeaderView* header = m_view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(false);
    const int charWidth = m_view->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    // In characters, in column order: ID, State, Name, Protocol, Peer address,
    // Port, Msgs in/out, Last message, Errors, Duration, Since, Bytes in/out, Framing,
    // Last seen.
    const int widths[ConnectionTableModel::ColumnCount] = {5,  9, 10, 7,  14, 6, 7, 7,
                                                           22, 6, 8,  19, 8,  8, 8, 9};
    // Never narrower than the header's own text: a Korean header is wider than
    // the digits counted above, and a cut header reads as a different word.
    for (int column = 0; column < ConnectionTableModel::ColumnCount; ++column)
        header->resizeSection(
            column, std::max((widths[column] + 1) * charWidth, widthForHeaderText(header, column)));
    m_view->setItemDelegateForColumn(
        ConnectionTableModel::LastMessageColumn,
        new ByteTextDelegate(ConnectionTableModel::EscapeSpansRole, -1, m_view));

    buildActions();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view, 1);
    layout->addWidget(buildBroadcastBar());

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateActions();
        emit selectionChanged(selectedIds());
    });
    // Rows that vanish take their selection with them.
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &ConnectionPane::updateActions);
    updateActions();
}

void ConnectionPane::buildActions()
{
    // Says what really happens: a client that reconnects by itself is back at once.
    m_disconnect = new QAction(tr("Disconnect (it may reconnect)"), this);
    m_disconnect->setToolTip(tr("Closes the connection. A client with auto-reconnect connects "
                                "again within a second or so; to keep it out, use Disconnect "
                                "and block."));
    m_disconnect->setShortcut(QKeySequence::Delete);
    m_disconnect->setShortcutContext(Qt::WidgetShortcut);
    connect(m_disconnect, &QAction::triggered, this, &ConnectionPane::disconnectSelected);
    m_disconnectAndBlock = new QAction(tr("Disconnect and block for N minutes…"), this);
    m_disconnectAndBlock->setToolTip(
        tr("Closes the connection and refuses new ones from the same address for a while. "
           "Server → Blocked addresses… lists and lifts blocks."));
    connect(m_disconnectAndBlock, &QAction::triggered, this,
            &ConnectionPane::chooseBlockForSelected);
    m_sendMessage = new QAction(tr("Send message…"), this);
    connect(m_sendMessage, &QAction::triggered, this, &ConnectionPane::sendMessageToSelected);
    m_sendOverUdp = new QAction(tr("Send over UDP…"), this);
    m_sendOverUdp->setObjectName(QStringLiteral("sendOverUdpAction"));
    m_sendOverUdp->setToolTip(tr("A message over the UDP channel a Chorus client opened beside "
                                 "its TCP link (Protocol TCP+UDP)."));
    connect(m_sendOverUdp, &QAction::triggered, this, [this] { sendMessageToSelected(true); });
    m_framing = new QAction(tr("Framing…"), this);
    m_framing->setToolTip(tr("How these connections' messages end (and their replies are "
                             "framed), from their next byte on."));
    connect(m_framing, &QAction::triggered, this, &ConnectionPane::chooseFramingForSelected);
    m_copyAddress = new QAction(tr("Copy address"), this);
    m_copyAddress->setShortcut(QKeySequence::Copy);
    m_copyAddress->setShortcutContext(Qt::WidgetShortcut);
    connect(m_copyAddress, &QAction::triggered, this, &ConnectionPane::copySelectedAddresses);
    m_view->addActions({m_disconnect, m_disconnectAndBlock, m_sendMessage, m_sendOverUdp, m_framing,
                        m_copyAddress});
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
}

QWidget* ConnectionPane::buildBroadcastBar()
{
    auto* bar = new QWidget(this);
    m_broadcastEdit = new ByteLineEdit(bar);
    m_broadcastEdit->setObjectName(QStringLiteral("broadcastEdit"));
    m_broadcastEdit->setClearButtonEnabled(true);
    m_broadcastEdit->modeSwitch()->setObjectName(QStringLiteral("broadcastMode"));
    connect(m_broadcastEdit, &ByteLineEdit::problem, this,
            [this](const QString& text) { emit problem(tr("Not sent: %1.").arg(text)); });
    m_sendToAll = new QPushButton(tr("Send to all"), bar);
    m_sendToSelected = new QPushButton(tr("Send to selected"), bar);
    connect(m_broadcastEdit, &QLineEdit::textChanged, this, &ConnectionPane::updateActions);
    connect(m_broadcastEdit, &QLineEdit::returnPressed, this, &ConnectionPane::broadcastToAll);
    connect(m_sendToAll, &QPushButton::clicked, this, &ConnectionPane::broadcastToAll);
    connect(m_sendToSelected, &QPushButton::clicked, this, &ConnectionPane::broadcastToSelected);

    auto* label = new QLabel(tr("&Broadcast:"), bar);
    label->setBuddy(m_broadcastEdit);
    auto* layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label);
    layout->addWidget(m_broadcastEdit, 1);
    layout->addWidget(m_broadcastEdit->modeSwitch());
    layout->addWidget(m_sendToAll);
    layout->addWidget(m_sendToSelected);
    // Quick send: saved messages, each a button that broadcasts it to all.
    m_quickBar = new QuickSendBar(this);
    m_quickBar->setObjectName(QStringLiteral("quickBroadcast"));
    connect(m_quickBar, &QuickSendBar::sendRequested, this, [this](const QByteArray& bytes) {
        if (m_listening)
            m_engine->broadcast({}, bytes);
    });
    connect(m_quickBar, &QuickSendBar::fileProblem, this,
            [this](const QuickMessagesResult& result) {
                emit problem(QuickSendBar::describe(result));
            });
    if (const QuickMessagesResult loaded =
            m_quickBar->load(QuickMessagesFile::defaultPath(QStringLiteral("chorus-server")));
        !loaded.ok())
        QTimer::singleShot(0, this,
                           [this, loaded] { emit problem(QuickSendBar::describe(loaded)); });
    auto* both = new QWidget(this);
    auto* rows = new QVBoxLayout(both);
    rows->setContentsMargins(0, 0, 0, 0);
    rows->addWidget(bar);
    rows->addWidget(m_quickBar);
    return both;
}

QList<quint64> ConnectionPane::selectedIds() const
{
    QList<quint64> ids;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    ids.reserve(rows.size());
    for (const QModelIndex& index : rows)
        ids.append(index.data(ConnectionTableModel::IdRole).value<quint64>());
    return ids;
}

void ConnectionPane::setListening(bool listening)
{
    m_listening = listening;
    updateActions();
}

void ConnectionPane::updateActions()
{
    const bool hasSelection = m_view->selectionModel()->hasSelection();
    const bool hasText = !m_broadcastEdit->text().isEmpty();
    m_disconnect->setEnabled(m_listening && hasSelection);
    m_disconnectAndBlock->setEnabled(m_listening && hasSelection);
    m_sendMessage->setEnabled(m_listening && hasSelection);
    m_sendOverUdp->setEnabled(m_listening && hasSelection);
    m_framing->setEnabled(m_listening && hasSelection);
    m_copyAddress->setEnabled(hasSelection);
    m_sendToAll->setEnabled(m_listening && hasText);
    m_sendToSelected->setEnabled(m_listening && hasText && hasSelection);
}

void ConnectionPane::disconnectSelected()
{
    const QList<quint64> ids = selectedIds();
    if (!ids.isEmpty())
        m_engine->disconnectClients(
            ids, PeerText::in("chorus::ConnectionPane",
                              QT_TR_NOOP("disconnected from the server window")));
}

void ConnectionPane::chooseBlockForSelected()
{
    const QList<quint64> ids = selectedIds();
    if (ids.isEmpty())
        return;
    bool ok = false;
    const int minutes = QInputDialog::getInt(
        this, tr("Disconnect and block"),
        tr("Refuse new connections from the address of %n connection(s) for this many minutes:",
           nullptr, int(ids.size())),
        int(kDefaultBlock.count()), 1, 7 * 24 * 60, 1, &ok);
    if (ok)
        disconnectAndBlockSelected(std::chrono::minutes(minutes));
}

void ConnectionPane::disconnectAndBlockSelected(std::chrono::minutes duration)
{
    const QList<quint64> ids = selectedIds();
    if (!ids.isEmpty())
        m_engine->disconnectAndBlock(ids, duration);
}

void ConnectionPane::sendMessageToSelected(bool overUdp)
{
    const QList<quint64> ids = selectedIds();
    if (ids.isEmpty() || m_dialog)
        return;
    auto* dialog = new SendMessageDialog(int(ids.size()), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, ids, overUdp] {
        if (!m_listening)
            return;
        if (overUdp)
            m_engine->sendOverUdp(ids, dialog->bytes());
        else
            m_engine->sendDirect(ids, dialog->bytes());
    });
    m_dialog = dialog;
    dialog->open(); // not exec(): the window and the engine's batches go on
}

void ConnectionPane::chooseFramingForSelected()
{
    const QList<quint64> ids = selectedIds();
    if (ids.isEmpty() || m_dialog)
        return;
    const int row = m_model->rowForId(ids.constFirst());
    const FrameSpec start = row >= 0 ? m_model->snapshotAt(row).framing : FrameSpec();
    auto* dialog = new FramingDialog(start, this);
    dialog->setWindowTitle(tr("Framing of %n connection(s)", nullptr, int(ids.size())));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, ids] {
        if (m_listening)
            m_engine->setConnectionFraming(ids, dialog->spec());
    });
    m_dialog = dialog;
    dialog->open();
}

void ConnectionPane::copySelectedAddresses()
{
    QStringList lines;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    for (const QModelIndex& index : rows)
        lines.append(m_model->addressText(m_proxy->mapToSource(index).row()));
    if (!lines.isEmpty())
        QGuiApplication::clipboard()->setText(lines.join(QLatin1Char('\n')) + QLatin1Char('\n'));
}

std::optional<QByteArray> ConnectionPane::takeBroadcast()
{
    // Refused whole on bad input: the box marks the error and says where.
    std::optional<QByteArray> bytes = m_broadcastEdit->takeBytes();
    if (bytes && bytes->isEmpty())
        return std::nullopt;
    return bytes;
}

void ConnectionPane::broadcastToAll()
{
    if (m_broadcastEdit->text().isEmpty() || !m_listening)
        return;
    const std::optional<QByteArray> bytes = takeBroadcast();
    if (!bytes)
        return;
    m_engine->broadcast({}, *bytes);
    m_broadcastEdit->selectAll(); // easy to send again or to overwrite
}

void ConnectionPane::broadcastToSelected()
{
    const QList<quint64> ids = selectedIds();
    if (m_broadcastEdit->text().isEmpty() || ids.isEmpty() || !m_listening)
        return;
    const std::optional<QByteArray> bytes = takeBroadcast();
    if (!bytes)
        return;
    m_engine->broadcast(ids, *bytes);
    m_broadcastEdit->selectAll();
}

} // namespace chorus
