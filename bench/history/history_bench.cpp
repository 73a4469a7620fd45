// Issue 5, item 6: the client's history at volume. Appends N entries (default
// 100,000) to HistoryModel shown in a QListView with HistoryDelegate, in
// batches as the window's 50 ms flush does, then scrolls through page by page
// repainting each. Prints time, RSS and a final machine-readable JSON line.

#include "HistoryDelegate.h"
#include "HistoryModel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QListView>
#include <QScrollBar>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <vector>

using namespace chorus;

namespace {
// VmRSS / VmHWM in KiB from /proc/self/status.
qint64 procStatusKiB(const char* key)
{
    QFile file(QStringLiteral("/proc/self/status"));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : file.readAll().split('\n')) {
        if (line.startsWith(key))
            return line.mid(qstrlen(key)).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

const QList<QByteArray> kReplies = {
    QStringLiteral("안녕하세요!").toUtf8(),
    QStringLiteral("요청을 잘 받았습니다.").toUtf8(),
    QStringLiteral("오늘도 좋은 하루 되세요.").toUtf8(),
    QStringLiteral("서버에서 보낸 랜덤 메시지입니다.").toUtf8(),
    QStringLiteral("데이터 수신 완료!").toUtf8(),
    QStringLiteral("드론 통신 테스트 중입니다.").toUtf8(),
    QStringLiteral("응답 메시지 전송합니다.").toUtf8(),
};
} // namespace

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("History model/view benchmark"));
    parser.addHelpOption();
    const QCommandLineOption entriesOption(QStringLiteral("entries"),
                                           QStringLiteral("Entries to append (default 100000)."),
                                           QStringLiteral("n"), QStringLiteral("100000"));
    const QCommandLineOption batchOption(QStringLiteral("batch"),
                                         QStringLiteral("Entries per flush (default 500)."),
                                         QStringLiteral("n"), QStringLiteral("500"));
    const QCommandLineOption viewOption(
        QStringLiteral("view"), QStringLiteral("How messages are shown: text, hex or mixed."),
        QStringLiteral("view"), QStringLiteral("text"));
    parser.addOptions({entriesOption, batchOption, viewOption});
    parser.process(app);
    const int total = std::clamp(parser.value(entriesOption).toInt(), 1, 2000000);
    const int batchSize = std::clamp(parser.value(batchOption).toInt(), 1, total);
    const std::optional<ByteView> byteView = byteViewFromName(parser.value(viewOption));
    if (!byteView) {
        std::fprintf(stderr, "--view: text, hex or mixed\n");
        return 2;
    }

    const qint64 rssBefore = procStatusKiB("VmRSS:");
    HistoryModel model;
    model.setByteView(*byteView);
    QListView view;
    view.setModel(&model);
    view.setItemDelegate(new HistoryDelegate(&view));
    view.setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    view.setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    view.setResizeMode(QListView::Adjust);
    view.setLayoutMode(QListView::Batched);
    view.setBatchSize(2000);
    view.resize(800, 600);
    view.show();
    app.processEvents();

    // Append, the way the window does: one batch per flush, follow the bottom.
    QElapsedTimer timer;
    timer.start();
    const qint64 base = QDateTime::currentMSecsSinceEpoch();
    qint64 worstFlushNs = 0;
    for (int start = 0; start < total; start += batchSize) {
        QElapsedTimer flush;
        flush.start();
        QList<HistoryEntry> batch;
        const int end = std::min(total, start + batchSize);
        batch.reserve(end - start);
        for (int i = start; i < end; ++i) {
            HistoryEntry e;
            e.timeMs = base + i;
            if (i % 2 == 0) {
                e.kind = HistoryEntry::Kind::Sent;
                e.payload = QStringLiteral("test message number %1").arg(i).toUtf8();
            } else {
                e.kind = HistoryEntry::Kind::Received;
                e.payload = kReplies.at((i / 2) % kReplies.size());
                e.rttMs = 0.2 + (i % 100) / 10.0;
            }
            if (i % 997 == 0) // an occasional long, wrapping message
                e.payload = QByteArray(600, 'x');
            batch.append(e);
        }
        model.append(batch);
        view.scrollToBottom();
        app.processEvents();
        worstFlushNs = std::max(worstFlushNs, flush.nsecsElapsed());
    }
    view.viewport()->repaint();
    const double appendMs = double(timer.nsecsElapsed()) / 1e6;
    const qint64 rssAfterAppend = procStatusKiB("VmRSS:");

    // Scroll from top to bottom, one page per frame, repainting each.
    timer.restart();
    QScrollBar* bar = view.verticalScrollBar();
    bar->setValue(0);
    std::vector<double> frames;
    const int page = std::max(1, bar->pageStep());
    const int maxFrames = 20000; // bounded whatever the content height
    for (int value = 0; value <= bar->maximum() && int(frames.size()) < maxFrames;
         value += page * std::max(1, bar->maximum() / page / 2000 + 1)) {
        QElapsedTimer frame;
        frame.start();
        bar->setValue(value);
        view.viewport()->repaint();
        app.processEvents();
        frames.push_back(double(frame.nsecsElapsed()) / 1e6);
    }
    const double scrollMs = double(timer.nsecsElapsed()) / 1e6;
    std::sort(frames.begin(), frames.end());
    const double p99 = frames.empty() ? 0 : frames[size_t(double(frames.size() - 1) * 0.99)];
    const double worst = frames.empty() ? 0 : frames.back();
    const qint64 rssPeak = procStatusKiB("VmHWM:");

    std::printf("entries            %d (batches of %d), %s view\n", model.count(), batchSize,
                qPrintable(byteViewName(*byteView)));
    std::printf("append+layout      %.1f ms (worst flush %.1f ms)\n", appendMs,
                double(worstFlushNs) / 1e6);
    std::printf("scroll             %zu frames in %.1f ms (p99 %.2f ms, worst %.2f ms)\n",
                frames.size(), scrollMs, p99, worst);
    std::printf("RSS                %.1f MB before, %.1f MB after append, peak %.1f MB\n",
                rssBefore / 1024.0, rssAfterAppend / 1024.0, rssPeak / 1024.0);
    std::printf(
        "{\"bench\":\"history\",\"view\":\"%s\",\"entries\":%d,\"batch\":%d,\"append_ms\":%.1f,"
        "\"worst_flush_ms\":%.1f,\"scroll_frames\":%zu,\"scroll_ms\":%.1f,"
        "\"frame_p99_ms\":%.2f,\"frame_max_ms\":%.2f,\"rss_mb\":%.1f,\"peak_rss_mb\":%.1f}\n",
        qPrintable(byteViewName(*byteView)), model.count(), batchSize, appendMs,
        double(worstFlushNs) / 1e6, frames.size(), scrollMs, p99, worst, rssAfterAppend / 1024.0,
        rssPeak / 1024.0);
    return model.count() == total ? 0 : 1;
}
