#include "CommandPresetsDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSet>
#include <QSpinBox>
#include <QVBoxLayout>

namespace chorus {

CommandPresetsDialog::CommandPresetsDialog(const QList<CommandPreset>& presets, QWidget* parent)
    : QDialog(parent), m_presets(presets), m_list(new QListWidget(this)),
      m_name(new QLineEdit(this)), m_payload(new QLineEdit(this)), m_channel(new QComboBox(this)),
      m_timeout(new QSpinBox(this)), m_retries(new QSpinBox(this)), m_expected(new QLineEdit(this)),
      m_problem(new QLabel(this))
{
    setWindowTitle(tr("Command presets"));
    auto* layout = new QVBoxLayout(this);
    auto* body = new QHBoxLayout;
    auto* left = new QVBoxLayout;
    left->addWidget(m_list, 1);
    auto* listButtons = new QHBoxLayout;
    auto* add = new QPushButton(tr("&Add"), this);
    auto* remove = new QPushButton(tr("&Remove"), this);
    listButtons->addWidget(add);
    listButtons->addWidget(remove);
    left->addLayout(listButtons);
    body->addLayout(left, 1);

    auto* form = new QFormLayout;
    m_payload->setPlaceholderText(tr("TAKEOFF alt={alt}\\n"));
    m_payload->setToolTip(tr("What a text or binary peer is sent: escaped text (\\r \\n \\xNN) "
                             "with {parameters}. Chorus peers get a cmd line with the arguments."));
    m_channel->addItem(tr("TCP"), int(CommandChannel::Tcp));
    m_channel->addItem(tr("UDP (not in this build: sent over TCP)"), int(CommandChannel::Udp));
    m_timeout->setRange(1, int(kMaxAckTimeout.count()));
    m_timeout->setSuffix(tr(" ms"));
    m_retries->setRange(0, kMaxCommandRetries);
    m_expected->setPlaceholderText(tr("^OK"));
    m_expected->setToolTip(tr("A text peer's first reply matching this regular expression is the "
                              "ack; empty: any reply."));
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Payload:"), m_payload);
    form->addRow(tr("C&hannel:"), m_channel);
    form->addRow(tr("Ack &timeout:"), m_timeout);
    form->addRow(tr("Re&tries:"), m_retries);
    form->addRow(tr("&Expected reply:"), m_expected);
    body->addLayout(form, 2);
    layout->addLayout(body, 1);

    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b02020"));
    m_problem->hide();
    layout->addWidget(m_problem);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto* import = buttons->addButton(tr("&Import…"), QDialogButtonBox::ActionRole);
    auto* exportButton = buttons->addButton(tr("E&xport…"), QDialogButtonBox::ActionRole);
    auto* defaults = buttons->addButton(tr("&Defaults"), QDialogButtonBox::ResetRole);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &CommandPresetsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        storeEdits();
        showPreset(row);
    });
    connect(add, &QPushButton::clicked, this, [this] {
        storeEdits();
        CommandPreset preset;
        preset.name = tr("NEW_%1").arg(m_presets.size() + 1);
        preset.payloadTemplate = preset.name + QStringLiteral("\\n");
        m_presets.append(preset);
        refill(int(m_presets.size()) - 1);
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_current < 0 || m_current >= m_presets.size())
            return;
        m_presets.removeAt(m_current);
        m_current = -1;
        refill(int(std::min<qsizetype>(m_list->currentRow(), m_presets.size() - 1)));
    });
    connect(defaults, &QPushButton::clicked, this, [this] {
        m_presets = defaultCommandPresets();
        m_current = -1;
        refill(0);
    });
    connect(import, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Import command presets"), {},
                                                          tr("JSON files (*.json)"));
        if (!path.isEmpty())
            importFrom(path);
    });
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export command presets"),
                                                          QStringLiteral("commands.json"),
                                                          tr("JSON files (*.json)"));
        if (!path.isEmpty())
            exportTo(path);
    });
    refill(0);
    resize(640, 360);
}

void CommandPresetsDialog::refill(int select)
{
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (const CommandPreset& preset : std::as_const(m_presets))
        m_list->addItem(preset.name);
    m_current = -1;
    const int row = m_presets.isEmpty() ? -1 : std::clamp(select, 0, int(m_presets.size()) - 1);
    m_list->setCurrentRow(row);
    showPreset(row);
}

void CommandPresetsDialog::showPreset(int row)
{
    m_current = row;
    const bool valid = row >= 0 && row < m_presets.size();
    for (QWidget* editor : {static_cast<QWidget*>(m_name), static_cast<QWidget*>(m_payload),
                            static_cast<QWidget*>(m_channel), static_cast<QWidget*>(m_timeout),
                            static_cast<QWidget*>(m_retries), static_cast<QWidget*>(m_expected)})
        editor->setEnabled(valid);
    if (!valid)
        return;
    const CommandPreset& preset = m_presets.at(row);
    m_name->setText(preset.name);
    m_payload->setText(preset.payloadTemplate);
    m_channel->setCurrentIndex(m_channel->findData(int(preset.channel)));
    m_timeout->setValue(int(preset.ackTimeout.count()));
    m_retries->setValue(preset.retries);
    m_expected->setText(preset.expectedReply);
}

void CommandPresetsDialog::storeEdits()
{
    if (m_current < 0 || m_current >= m_presets.size())
        return;
    CommandPreset& preset = m_presets[m_current];
    preset.name = m_name->text();
    preset.payloadTemplate = m_payload->text();
    preset.channel = CommandChannel(m_channel->currentData().toInt());
    preset.ackTimeout = std::chrono::milliseconds(m_timeout->value());
    preset.retries = m_retries->value();
    preset.expectedReply = m_expected->text();
    if (QListWidgetItem* item = m_list->item(m_current))
        item->setText(preset.name);
}

void CommandPresetsDialog::showProblem(const QString& text)
{
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
}

PresetFileResult CommandPresetsDialog::importFrom(const QString& path)
{
    QList<CommandPreset> read;
    const PresetFileResult result = loadCommandPresets(path, &read);
    if (!result.ok()) {
        showProblem(result.file.ok()
                        ? tr("Not imported: %1 (%2)")
                              .arg(result.formatReason, presetFileErrorKey(result.format))
                        : result.file.describe());
        return result;
    }
    m_presets = read;
    m_current = -1;
    refill(0);
    showProblem({});
    return result;
}

PresetFileResult CommandPresetsDialog::exportTo(const QString& path)
{
    storeEdits();
    const PresetFileResult result = saveCommandPresets(path, m_presets);
    showProblem(result.ok() ? QString() : result.file.describe());
    return result;
}

void CommandPresetsDialog::accept()
{
    storeEdits();
    QSet<QString> names;
    for (qsizetype i = 0; i < m_presets.size(); ++i) {
        const CommandPresetCheck check = checkCommandPreset(m_presets.at(i));
        QString problem;
        if (!check.ok())
            problem =
                tr("%1: %2 %3")
                    .arg(m_presets.at(i).name, commandPresetErrorKey(check.error), check.reason);
        else if (names.contains(m_presets.at(i).name))
            problem = tr("%1: the name is used twice").arg(m_presets.at(i).name);
        if (!problem.isEmpty()) {
            refill(int(i));
            showProblem(problem);
            return;
        }
        names.insert(m_presets.at(i).name);
    }
    QDialog::accept();
}

} // namespace chorus
