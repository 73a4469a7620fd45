#include "FindBar.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>

namespace chorus {

FindBar::FindBar(QWidget* parent) : QWidget(parent), m_edit(new QLineEdit), m_status(new QLabel)
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_edit->setObjectName(QStringLiteral("findEdit"));
    m_edit->setPlaceholderText(tr("Find in history"));
    m_edit->setClearButtonEnabled(true);
    auto* next = new QPushButton(tr("Next"));
    auto* previous = new QPushButton(tr("Previous"));
    auto* close = new QPushButton(tr("Close"));
    for (QPushButton* button : {next, previous, close})
        button->setAutoDefault(false);
    layout->addWidget(new QLabel(tr("Find:")));
    layout->addWidget(m_edit, 1);
    layout->addWidget(previous);
    layout->addWidget(next);
    layout->addWidget(m_status);
    layout->addWidget(close);
    connect(m_edit, &QLineEdit::textChanged, this, &FindBar::textChanged);
    connect(m_edit, &QLineEdit::returnPressed, this, [this] {
        emit findRequested(!(QApplication::keyboardModifiers() & Qt::ShiftModifier));
    });
    connect(next, &QPushButton::clicked, this, [this] { emit findRequested(true); });
    connect(previous, &QPushButton::clicked, this, [this] { emit findRequested(false); });
    connect(close, &QPushButton::clicked, this, [this] {
        hide();
        emit closed();
    });
    auto* escape = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    escape->setContext(Qt::WidgetWithChildrenShortcut);
    connect(escape, &QShortcut::activated, close, &QPushButton::click);
}

QString FindBar::text() const
{
    return m_edit->text();
}

void FindBar::setStatus(const QString& status)
{
    m_status->setText(status);
}

void FindBar::open()
{
    show();
    m_edit->setFocus();
    m_edit->selectAll();
}

} // namespace chorus
