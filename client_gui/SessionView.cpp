#include "SessionView.h"

#include "ByteViewChoice.h"
#include "ElidedLabel.h"
#include "HistoryDelegate.h"
#include "HistoryModel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QListView>
#include <QVBoxLayout>

namespace chorus {

SessionView::SessionView(const QString& path, QWidget* parent)
    : QDialog(parent), m_path(path), m_model(new HistoryModel(this)), m_view(new QListView),
      m_viewChoice(new ByteViewChoice(nullptr, this))
{
    setWindowTitle(tr("Saved session — %1").arg(QFileInfo(path).fileName()));
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    auto* header = new ElidedLabel;
    top->addWidget(header, 1);
    top->addWidget(m_viewChoice->comboBox());
    layout->addLayout(top);
    connect(m_viewChoice, &ByteViewChoice::viewChosen, m_model, &HistoryModel::setByteView);
    m_view->setModel(m_model);
    m_view->setItemDelegate(new HistoryDelegate(m_view));
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setResizeMode(QListView::Adjust);
    m_view->setWordWrap(true);
    layout->addWidget(m_view, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    QList<HistoryEntry> entries;
    m_load = HistoryModel::readEntries(path, &entries, &m_skipped);
    m_model->append(entries);
    if (!m_load.ok())
        header->setText(m_load.describe());
    else if (m_skipped > 0)
        header->setText(tr("%1 (read only; %n unreadable line(s) skipped)", nullptr, m_skipped)
                            .arg(QDir::toNativeSeparators(path)));
    else
        header->setText(tr("%1 (read only)").arg(QDir::toNativeSeparators(path)));
    m_view->scrollToBottom();
    resize(600, 560);
}

void SessionView::setByteView(ByteView view)
{
    m_viewChoice->setView(view);
    m_model->setByteView(view);
}

} // namespace chorus
