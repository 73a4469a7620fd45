<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>chorus</name>
    <message numerus="yes">
        <source>(%n bytes in all)</source>
        <translation>
            <numerusform>(%n byte in all)</numerusform>
            <numerusform>(%n bytes in all)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chorus::ClientEventText</name>
    <message numerus="yes">
        <source>%1 … (%n bytes)</source>
        <translation>
            <numerusform>%1 … (%n byte)</numerusform>
            <numerusform>%1 … (%n bytes)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The server sent %n byte(s) outside the start…end envelope: %1</source>
        <translation>
            <numerusform>The server sent %n byte outside the start…end envelope: %1</numerusform>
            <numerusform>The server sent %n bytes outside the start…end envelope: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The connection closed inside a frame; %n byte(s) of it arrived: %1</source>
        <translation>
            <numerusform>The connection closed inside a frame; %n byte of it arrived: %1</numerusform>
            <numerusform>The connection closed inside a frame; %n bytes of it arrived: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sending %n queued message(s)</source>
        <translation>
            <numerusform>Sending %n queued message</numerusform>
            <numerusform>Sending %n queued messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n queued message(s) will be sent when you connect again</source>
        <translation>
            <numerusform>%n queued message will be sent when you connect again</numerusform>
            <numerusform>%n queued messages will be sent when you connect again</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n queued message(s) discarded</source>
        <translation>
            <numerusform>%n queued message discarded</numerusform>
            <numerusform>%n queued messages discarded</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sent message(s) got no reply before the link went down</source>
        <translation>
            <numerusform>%n sent message got no reply before the link went down</numerusform>
            <numerusform>%n sent messages got no reply before the link went down</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chorus::ClientStatusBar</name>
    <message numerus="yes">
        <source>Round trip: median (min–max) of the last %n replies</source>
        <translation>
            <numerusform>Round trip: median (min–max) of the last %n reply</numerusform>
            <numerusform>Round trip: median (min–max) of the last %n replies</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chorus::ClientWindow</name>
    <message numerus="yes">
        <source>Not connected: %n message(s) queued; they go out when the connection is back</source>
        <translation>
            <numerusform>Not connected: %n message queued; they go out when the connection is back</numerusform>
            <numerusform>Not connected: %n messages queued; they go out when the connection is back</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries copied</source>
        <translation>
            <numerusform>%n entry copied</numerusform>
            <numerusform>%n entries copied</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Replay of %1: %n message(s)</source>
        <translation>
            <numerusform>Replay of %1: %n message</numerusform>
            <numerusform>Replay of %1: %n messages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chorus::CommandTableModel</name>
    <message numerus="yes">
        <source>timed out (%n send(s))</source>
        <translation>
            <numerusform>timed out (%n send)</numerusform>
            <numerusform>timed out (%n sends)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chorus::Connection</name>
    <message numerus="yes">
        <source>%n delayed replies dropped: the connection is closing</source>
        <translation>
            <numerusform>%n delayed reply dropped: the connection is closing</numerusform>
            <numerusform>%n delayed replies dropped: the connection is closing</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chorus::ConnectionPane</name>
    <message numerus="yes">
        <source>Refuse new connections from the address of %n connection(s) for this many minutes:</source>
        <translation>
            <numerusform>Refuse new connections from the address of %n connection for this many minutes:</numerusform>
            <numerusform>Refuse new connections from the address of %n connections for this many minutes:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Framing of %n connection(s)</source>
        <translation>
            <numerusform>Framing of %n connection</numerusform>
            <numerusform>Framing of %n connections</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chorus::ConsoleClient</name>
    <message numerus="yes">
        <source>replay: %n repl(y/ies) did not come within %1 ms</source>
        <translation>
            <numerusform>replay: %n reply did not come within %1 ms</numerusform>
            <numerusform>replay: %n replies did not come within %1 ms</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chorus::FramingEditor</name>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n byte</numerusform>
            <numerusform>%n bytes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chorus::HeadlessServer</name>
    <message numerus="yes">
        <source>%n reply rules from %1 (%2 inactive); unmatched messages: %3</source>
        <translation>
            <numerusform>%n reply rule from %1 (%2 inactive); unmatched messages: %3</numerusform>
            <numerusform>%n reply rules from %1 (%2 inactive); unmatched messages: %3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chorus::LogEntry</name>
    <message numerus="yes">
        <source>(%n bytes)</source>
        <translation>
            <numerusform>(%n byte)</numerusform>
            <numerusform>(%n bytes)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chorus::LogPane</name>
    <message numerus="yes">
        <source>Saved %n line(s) to %1</source>
        <translation>
            <numerusform>Saved %n line to %1</numerusform>
            <numerusform>Saved %n lines to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chorus::ReplyBookEditor</name>
    <message numerus="yes">
        <source>No enabled reply: messages are not answered; %n unanswered so far</source>
        <translation>
            <numerusform>No enabled reply: messages are not answered; %n unanswered so far</numerusform>
            <numerusform>No enabled reply: messages are not answered; %n unanswered so far</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n reply(ies) to %1.</source>
        <translation>
            <numerusform>Exported %n reply to %1.</numerusform>
            <numerusform>Exported %n replies to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Replace all %n reply(ies) with the seven factory replies?</source>
        <translation>
            <numerusform>Replace all %n reply with the seven factory replies?</numerusform>
            <numerusform>Replace all %n replies with the seven factory replies?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chorus::RttChart</name>
    <message numerus="yes">
        <source>Last %n replies</source>
        <translation>
            <numerusform>Last %n reply</numerusform>
            <numerusform>Last %n replies</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chorus::RulesPane</name>
    <message numerus="yes">
        <source>%1: %n replies</source>
        <translation>
            <numerusform>%1: %n reply</numerusform>
            <numerusform>%1: %n replies</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chorus::SendMessageDialog</name>
    <message numerus="yes">
        <source>Message to %n connection(s), sent once in each peer&apos;s own framing:</source>
        <translation>
            <numerusform>Message to %n connection, sent once in each peer&apos;s own framing:</numerusform>
            <numerusform>Message to %n connections, sent once in each peer&apos;s own framing:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chorus::ServerEngine</name>
    <message numerus="yes">
        <source>listening on %1 (%2 framing, %n I/O thread(s))</source>
        <translation>
            <numerusform>listening on %1 (%2 framing, %n I/O thread)</numerusform>
            <numerusform>listening on %1 (%2 framing, %n I/O threads)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>direct message to %n connection(s)</source>
        <translation>
            <numerusform>direct message to %n connection</numerusform>
            <numerusform>direct message to %n connections</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>broadcast to %n connection(s)</source>
        <translation>
            <numerusform>broadcast to %n connection</numerusform>
            <numerusform>broadcast to %n connections</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>message over UDP to %n connection(s)</source>
        <translation>
            <numerusform>message over UDP to %n connection</numerusform>
            <numerusform>message over UDP to %n connections</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>command %1 to %n connection(s)</source>
        <translation>
            <numerusform>command %1 to %n connection</numerusform>
            <numerusform>command %1 to %n connections</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chorus::ServerSettingsDialog</name>
    <message numerus="yes">
        <source>Framing limits apply to new connections; threads and the connection limit apply at the next Start. This machine has %n core(s).</source>
        <translation>
            <numerusform>Framing limits apply to new connections; threads and the connection limit apply at the next Start. This machine has %n core.</numerusform>
            <numerusform>Framing limits apply to new connections; threads and the connection limit apply at the next Start. This machine has %n cores.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chorus::ServerWindow</name>
    <message numerus="yes">
        <source>%n connected client(s) will be disconnected.</source>
        <translation>
            <numerusform>%n connected client will be disconnected.</numerusform>
            <numerusform>%n connected clients will be disconnected.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chorus::ServerWorker</name>
    <message numerus="yes">
        <source>%n message(s) got no reply: no reply is enabled in the reply book</source>
        <translation>
            <numerusform>%n message got no reply: no reply is enabled in the reply book</numerusform>
            <numerusform>%n messages got no reply: no reply is enabled in the reply book</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more message(s) not logged</source>
        <translation>
            <numerusform>%n more message not logged</numerusform>
            <numerusform>%n more messages not logged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more framing problem(s) not logged (each is counted in its row&apos;s errors)</source>
        <translation>
            <numerusform>%n more framing problem not logged (each is counted in its row&apos;s errors)</numerusform>
            <numerusform>%n more framing problems not logged (each is counted in its row&apos;s errors)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chorus::SessionLogControls</name>
    <message numerus="yes">
        <source>The session log goes on in a new file (%n event(s) not written while it was stopped).</source>
        <translation>
            <numerusform>The session log goes on in a new file (%n event not written while it was stopped).</numerusform>
            <numerusform>The session log goes on in a new file (%n events not written while it was stopped).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chorus::SessionView</name>
    <message numerus="yes">
        <source>%1 (read only; %n unreadable line(s) skipped)</source>
        <translation>
            <numerusform>%1 (read only; %n unreadable line skipped)</numerusform>
            <numerusform>%1 (read only; %n unreadable lines skipped)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chorus::TelemetryExportCommand</name>
    <message numerus="yes">
        <source>%n telemetry row(s) with %1 key column(s) from %2 file(s) written</source>
        <translation>
            <numerusform>%n telemetry row with %1 key column(s) from %2 file(s) written</numerusform>
            <numerusform>%n telemetry rows with %1 key column(s) from %2 file(s) written</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%n line(s) that are no session-log line skipped)</source>
        <translation>
            <numerusform> (%n line that is no session-log line skipped)</numerusform>
            <numerusform> (%n lines that are no session-log line skipped)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chorus::TelemetryPanel</name>
    <message numerus="yes">
        <source>#%1: %n key(s)</source>
        <translation>
            <numerusform>#%1: %n key</numerusform>
            <numerusform>#%1: %n keys</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chorus::UdpChannel</name>
    <message numerus="yes">
        <source>refused %n datagram(s) from new peers: the UDP peer table is full (%1 peers)</source>
        <translation>
            <numerusform>refused %n datagram from new peers: the UDP peer table is full (%1 peers)</numerusform>
            <numerusform>refused %n datagrams from new peers: the UDP peer table is full (%1 peers)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n delayed replies dropped: the peer left the table</source>
        <translation>
            <numerusform>%n delayed reply dropped: the peer left the table</numerusform>
            <numerusform>%n delayed replies dropped: the peer left the table</numerusform>
        </translation>
    </message>
</context>
</TS>
