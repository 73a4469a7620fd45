#include "BlockListDialog.h"

#include "server/ServerEngine.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace chorus {

BlockListDialog::BlockListDialog(ServerEngine* engine, QWidget* parent)
    : QDialog(parent), m_engine(engine), m_list(new QListWidget(this))
{
    setWindowTitle(tr("Blocked addresses"));
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    auto* note = new QLabel(tr("New connections from these addresses are refused with a line "
                               "saying until when."),
                            this);
    note->setWordWrap(true);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_unblock = buttons->addButton(tr("Unblock"), QDialogButtonBox::ActionRole);
    m_unblockAll = buttons->addButton(tr("Unblock all"), QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_unblock, &QPushButton::clicked, this, &BlockListDialog::unblockSelected);
    connect(m_unblockAll, &QPushButton::clicked, m_engine, &ServerEngine::unblockAll);
    connect(m_list, &QListWidget::itemSelectionChanged, this,
            [this] { m_unblock->setEnabled(!m_list->selectedItems().isEmpty()); });
    connect(m_engine, &ServerEngine::blockListChanged, this, &BlockListDialog::showBlocked);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(note);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
    showBlocked(m_engine->blockedAddresses());
}

void BlockListDialog::showBlocked(const QList<BlockedAddress>& blocked)
{
    m_list->clear();
    for (const BlockedAddress& entry : blocked) {
        auto* item =
            new QListWidgetItem(tr("%1 until %2")
                                    .arg(entry.address.toString(),
                                         entry.until.toString(QStringLiteral("yyyy-MM-dd HH:mm"))),
                                m_list);
        item->setData(Qt::UserRole, entry.address.toString());
    }
    m_unblock->setEnabled(false);
    m_unblockAll->setEnabled(!blocked.isEmpty());
}

void BlockListDialog::unblockSelected()
{
    const QList<QListWidgetItem*> items = m_list->selectedItems();
    for (const QListWidgetItem* item : items)
        m_engine->unblock(QHostAddress(item->data(Qt::UserRole).toString()));
}

} // namespace chorus
