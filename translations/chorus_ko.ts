<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>chorus</name>
    <message>
        <source>entry %1 is neither a string nor an object</source>
        <translation>항목 %1: 문자열도 객체도 아닙니다</translation>
    </message>
    <message>
        <source>entry %1 has both &quot;text&quot; and &quot;hex&quot;</source>
        <translation>항목 %1에 &quot;text&quot;와 &quot;hex&quot;가 둘 다 있습니다</translation>
    </message>
    <message>
        <source>entry %1 has no &quot;text&quot; or &quot;hex&quot; string</source>
        <translation>항목 %1에 &quot;text&quot;나 &quot;hex&quot; 문자열이 없습니다</translation>
    </message>
    <message>
        <source>entry %1: &quot;enabled&quot; must be true or false</source>
        <translation>항목 %1: &quot;enabled&quot;는 true 또는 false여야 합니다</translation>
    </message>
    <message>
        <source>entry %1: &quot;weight&quot; must be a number of 0 or more</source>
        <translation>항목 %1: &quot;weight&quot;는 0 이상의 수여야 합니다</translation>
    </message>
    <message>
        <source>invalid JSON at byte %1: %2</source>
        <translation>%1번째 바이트에서 잘못된 JSON: %2</translation>
    </message>
    <message>
        <source>the JSON object has no &quot;entries&quot; array</source>
        <translation>JSON 객체에 &quot;entries&quot; 배열이 없습니다</translation>
    </message>
    <message>
        <source>expected a JSON object or array</source>
        <translation>JSON 객체나 배열이어야 합니다</translation>
    </message>
    <message>
        <source>a NUL byte at byte %1</source>
        <translation>바이트 %1에 NUL 바이트가 있습니다</translation>
    </message>
    <message>
        <source>the bytes are not UTF-8 text</source>
        <translation>UTF-8 텍스트가 아닙니다</translation>
    </message>
    <message>
        <source>reply %1 (&quot;%2&quot;) spans several lines</source>
        <translation>응답 %1(&quot;%2&quot;)이 여러 줄에 걸쳐 있습니다</translation>
    </message>
    <message>
        <source>reply %1 (&quot;%2&quot;): %3</source>
        <translation>응답 %1(&quot;%2&quot;): %3</translation>
    </message>
    <message>
        <source>rule %1: %2</source>
        <translation>규칙 %1: %2</translation>
    </message>
    <message>
        <source>not an object</source>
        <translation>객체가 아닙니다</translation>
    </message>
    <message>
        <source>needs one &quot;text&quot; or &quot;hex&quot; string for its pattern</source>
        <translation>패턴에 &quot;text&quot;나 &quot;hex&quot; 문자열이 하나 있어야 합니다</translation>
    </message>
    <message>
        <source>unknown match &quot;%1&quot;</source>
        <translation>알 수 없는 일치 방식 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>unknown answer &quot;%1&quot;</source>
        <translation>알 수 없는 응답 방식 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>its reply needs one &quot;text&quot; or &quot;hex&quot; string</source>
        <translation>응답에 &quot;text&quot;나 &quot;hex&quot; 문자열이 하나 있어야 합니다</translation>
    </message>
    <message>
        <source>its reply is neither an object nor a string</source>
        <translation>응답이 객체도 문자열도 아닙니다</translation>
    </message>
    <message>
        <source>answers with a reply but has none</source>
        <translation>응답으로 답하도록 되어 있지만 응답이 없습니다</translation>
    </message>
    <message>
        <source>delayMs must be a whole number from 0 to %1</source>
        <translation>delayMs는 0부터 %1까지의 정수여야 합니다</translation>
    </message>
    <message>
        <source>reply set %1: %2</source>
        <translation>응답 세트 %1: %2</translation>
    </message>
    <message>
        <source>needs a &quot;name&quot;</source>
        <translation>&quot;name&quot;이 필요합니다</translation>
    </message>
    <message>
        <source>%1 at byte %2</source>
        <translation>바이트 %2에서 %1</translation>
    </message>
    <message>
        <source>no &quot;rules&quot; array</source>
        <translation>&quot;rules&quot; 배열이 없습니다</translation>
    </message>
    <message>
        <source>&quot;sets&quot; is not an array</source>
        <translation>&quot;sets&quot;가 배열이 아닙니다</translation>
    </message>
    <message>
        <source>a NUL byte at %1</source>
        <translation>%1 위치에 NUL 바이트가 있습니다</translation>
    </message>
    <message>
        <source>the file is not UTF-8 text</source>
        <translation>파일이 UTF-8 텍스트가 아닙니다</translation>
    </message>
    <message>
        <source>line %1 has no &apos;;&apos; between request and reply</source>
        <translation>%1번째 줄에 요청과 응답을 나누는 &apos;;&apos;가 없습니다</translation>
    </message>
    <message>
        <source>%1 bytes on disk, %2 written</source>
        <translation>디스크에는 %1바이트, 쓴 것은 %2바이트</translation>
    </message>
    <message>
        <source>the bytes read back differ</source>
        <translation>다시 읽은 바이트가 다릅니다</translation>
    </message>
    <message>
        <source>it exists and is not a file</source>
        <translation>이미 있지만 파일이 아닙니다</translation>
    </message>
    <message>
        <source>a folder</source>
        <translation>폴더</translation>
    </message>
    <message>
        <source>a FIFO</source>
        <translation>FIFO</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>소켓</translation>
    </message>
    <message>
        <source>a device</source>
        <translation>장치</translation>
    </message>
    <message>
        <source>%1 bytes; the limit is %2 bytes</source>
        <translation>%1바이트입니다. 한도는 %2바이트입니다</translation>
    </message>
    <message>
        <source>not a settings file: it holds NUL or control bytes</source>
        <translation>설정 파일이 아닙니다: NUL이나 제어 바이트가 들어 있습니다</translation>
    </message>
    <message>
        <source>not a valid settings file</source>
        <translation>올바른 설정 파일이 아닙니다</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%2에서 %1</translation>
    </message>
    <message>
        <source>byte %1: %2</source>
        <translation>바이트 %1: %2</translation>
    </message>
    <message>
        <source>no &quot;presets&quot; array</source>
        <translation>&quot;presets&quot; 배열이 없습니다</translation>
    </message>
    <message>
        <source>preset %1: %2</source>
        <translation>프리셋 %1: %2</translation>
    </message>
    <message>
        <source>&quot;name&quot; must be a string</source>
        <translation>&quot;name&quot;은 문자열이어야 합니다</translation>
    </message>
    <message>
        <source>&quot;payload&quot; must be a string</source>
        <translation>&quot;payload&quot;는 문자열이어야 합니다</translation>
    </message>
    <message>
        <source>&quot;expectedReply&quot; must be a string</source>
        <translation>&quot;expectedReply&quot;는 문자열이어야 합니다</translation>
    </message>
    <message>
        <source>&quot;ackTimeoutMs&quot; must be a number from 1 to %1</source>
        <translation>&quot;ackTimeoutMs&quot;는 1부터 %1까지의 수여야 합니다</translation>
    </message>
    <message>
        <source>&quot;retries&quot; must be an integer from 0 to %1</source>
        <translation>&quot;retries&quot;는 0부터 %1까지의 정수여야 합니다</translation>
    </message>
    <message>
        <source>&quot;channel&quot; must be &quot;tcp&quot; or &quot;udp&quot;</source>
        <translation>&quot;channel&quot;은 &quot;tcp&quot; 또는 &quot;udp&quot;여야 합니다</translation>
    </message>
    <message>
        <source>preset %1: the name %2 is used twice</source>
        <translation>프리셋 %1: 이름 %2가 두 번 쓰였습니다</translation>
    </message>
    <message numerus="yes">
        <source>(%n bytes in all)</source>
        <translation>
            <numerusform>(전체 %n바이트)</numerusform>
        </translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>closed by peer</source>
        <translation>피어가 닫음</translation>
    </message>
    <message>
        <source>socket error</source>
        <translation>소켓 오류</translation>
    </message>
    <message>
        <source>message too long</source>
        <translation>메시지가 너무 김</translation>
    </message>
    <message>
        <source>peer not reading</source>
        <translation>피어가 읽지 않음</translation>
    </message>
    <message>
        <source>server full</source>
        <translation>서버가 가득 참</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>차단됨</translation>
    </message>
    <message>
        <source>disconnected by server</source>
        <translation>서버가 연결을 끊음</translation>
    </message>
    <message>
        <source>server stopping</source>
        <translation>서버 중지 중</translation>
    </message>
    <message>
        <source>protocol error</source>
        <translation>프로토콜 오류</translation>
    </message>
    <message>
        <source>bad length field</source>
        <translation>잘못된 길이 필드</translation>
    </message>
    <message>
        <source>bytes outside an envelope</source>
        <translation>엔벨로프 밖의 바이트</translation>
    </message>
    <message>
        <source>incomplete frame</source>
        <translation>불완전한 프레임</translation>
    </message>
    <message>
        <source>reply too long for the length field</source>
        <translation>길이 필드에 비해 너무 긴 응답</translation>
    </message>
    <message>
        <source>bytes a Chorus peer cannot receive</source>
        <translation>Chorus 피어가 받을 수 없는 바이트</translation>
    </message>
    <message>
        <source>closed by a reply rule</source>
        <translation>응답 규칙이 연결을 닫음</translation>
    </message>
    <message>
        <source>reply of another size than the fixed frame</source>
        <translation>고정 프레임과 크기가 다른 응답</translation>
    </message>
    <message>
        <source>idle timeout</source>
        <translation>유휴 시간 초과</translation>
    </message>
    <message>
        <source>message not completed in time</source>
        <translation>제한 시간 안에 끝나지 않은 메시지</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>만료됨</translation>
    </message>
    <message>
        <source>UDP peer table full</source>
        <translation>UDP 피어 표가 가득 참</translation>
    </message>
    <message>
        <source>empty datagram</source>
        <translation>빈 데이터그램</translation>
    </message>
    <message>
        <source>unknown or stale session token</source>
        <translation>알 수 없거나 만료된 세션 토큰</translation>
    </message>
    <message>
        <source>access denied</source>
        <translation>접근 거부</translation>
    </message>
    <message>
        <source>TLS handshake failed</source>
        <translation>TLS 핸드셰이크 실패</translation>
    </message>
    <message>
        <source>listening</source>
        <translation>수신 대기</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>중지됨</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>연결됨</translation>
    </message>
    <message>
        <source>disconnected</source>
        <translation>연결 끊김</translation>
    </message>
    <message>
        <source>received</source>
        <translation>받음</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>보냄</translation>
    </message>
    <message>
        <source>control</source>
        <translation>제어</translation>
    </message>
    <message>
        <source>error</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>notice</source>
        <translation>알림</translation>
    </message>
    <message>
        <source>closing</source>
        <translation>닫는 중</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>닫힘</translation>
    </message>
    <message>
        <source>no TLS backend in this Qt</source>
        <translation>이 Qt에 TLS 백엔드가 없음</translation>
    </message>
    <message>
        <source>certificate file unreadable</source>
        <translation>인증서 파일을 읽을 수 없음</translation>
    </message>
    <message>
        <source>not a certificate</source>
        <translation>인증서가 아님</translation>
    </message>
    <message>
        <source>key file unreadable</source>
        <translation>키 파일을 읽을 수 없음</translation>
    </message>
    <message>
        <source>not an unencrypted private key</source>
        <translation>암호화되지 않은 개인 키가 아님</translation>
    </message>
    <message>
        <source>the key does not belong to the certificate</source>
        <translation>키가 인증서와 짝이 맞지 않음</translation>
    </message>
    <message>
        <source>text</source>
        <translation>텍스트</translation>
    </message>
    <message>
        <source>chorus</source>
        <translation>chorus</translation>
    </message>
    <message>
        <source>TCP</source>
        <translation>TCP</translation>
    </message>
    <message>
        <source>UDP</source>
        <translation>UDP</translation>
    </message>
    <message>
        <source>TCP+UDP</source>
        <translation>TCP+UDP</translation>
    </message>
    <message>
        <source>a hex digit without its pair at column %1</source>
        <translation>%1번째 열: 짝이 없는 16진수 숫자</translation>
    </message>
    <message>
        <source>not a hex digit at column %1</source>
        <translation>%1번째 열: 16진수 숫자가 아님</translation>
    </message>
    <message>
        <source>\x needs two hex digits at column %1</source>
        <translation>%1번째 열: \x 뒤에는 16진수 숫자 두 개가 와야 합니다</translation>
    </message>
    <message>
        <source>unknown escape at column %1 (use \r \n \t \0 \\ or \xNN)</source>
        <translation>%1번째 열: 알 수 없는 이스케이프 (\r \n \t \0 \\ 또는 \xNN을 쓰세요)</translation>
    </message>
    <message>
        <source>a lone backslash at the end, column %1 (write \\ for one)</source>
        <translation>%1번째 열: 끝에 백슬래시 하나만 있습니다 (백슬래시 하나는 \\로 씁니다)</translation>
    </message>
    <message>
        <source>line of %1 bytes is longer than the limit of %2 bytes</source>
        <translation>줄이 %1바이트로 한도 %2바이트보다 깁니다</translation>
    </message>
    <message>
        <source>expected a JSON object, got a single value</source>
        <translation>JSON 객체가 와야 하는데 단일 값이 왔습니다</translation>
    </message>
    <message>
        <source>expected a JSON object, got an array</source>
        <translation>JSON 객체가 와야 하는데 배열이 왔습니다</translation>
    </message>
    <message>
        <source>expected a JSON object</source>
        <translation>JSON 객체가 와야 합니다</translation>
    </message>
    <message>
        <source>unknown message type &quot;%1&quot;</source>
        <translation>알 수 없는 메시지 유형 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>protocol version %1 is not supported; supported versions: %2</source>
        <translation>프로토콜 버전 %1은(는) 지원하지 않습니다. 지원 버전: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a framing: use auto, line, raw, cr, delimiter:HEX, delimiter:HEX..HEX, length:KEY=VALUE,…, fixed:N, u16be, u32be or modbus-tcp</source>
        <translation>&quot;%1&quot;은 프레이밍이 아닙니다: auto, line, raw, cr, delimiter:HEX, delimiter:HEX..HEX, length:KEY=VALUE,…, fixed:N, u16be, u32be, modbus-tcp 중 하나를 쓰세요</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is neither hex bytes (03, 0D0A) nor escaped text (\x17)</source>
        <translation>&quot;%1&quot;은 16진수 바이트(03, 0D0A)도 이스케이프 텍스트(\x17)도 아닙니다</translation>
    </message>
    <message>
        <source>the delimiter is empty</source>
        <translation>구분자가 비어 있습니다</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: length keys are offset, size, endian, adjust, strip and max</source>
        <translation>&quot;%1&quot;: 길이 키는 offset, size, endian, adjust, strip, max입니다</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is out of range</source>
        <translation>&quot;%1&quot;이 범위를 벗어났습니다</translation>
    </message>
    <message>
        <source>Auto (LF, CR LF, CR or idle gap)</source>
        <translation>자동 (LF, CR LF, CR 또는 유휴 간격)</translation>
    </message>
    <message>
        <source>Line (LF or CR LF)</source>
        <translation>줄 (LF 또는 CR LF)</translation>
    </message>
    <message>
        <source>CR (a carriage return ends a message)</source>
        <translation>CR (캐리지 리턴으로 메시지 끝)</translation>
    </message>
    <message>
        <source>Raw (each read is a message)</source>
        <translation>원시 (읽은 단위마다 메시지 하나)</translation>
    </message>
    <message>
        <source>Delimiter ETX (03)</source>
        <translation>구분자 ETX (03)</translation>
    </message>
    <message>
        <source>Envelope STX…ETX (02…03)</source>
        <translation>엔벨로프 STX…ETX (02…03)</translation>
    </message>
    <message>
        <source>Length prefix u16 BE</source>
        <translation>길이 접두 u16 BE</translation>
    </message>
    <message>
        <source>Length prefix u32 BE</source>
        <translation>길이 접두 u32 BE</translation>
    </message>
    <message>
        <source>Modbus/TCP</source>
        <translation>Modbus/TCP</translation>
    </message>
    <message>
        <source>Custom: %1</source>
        <translation>사용자 지정: %1</translation>
    </message>
    <message>
        <source>%1 is not a reply book (%2)</source>
        <translation>%1은 응답 목록이 아닙니다 (%2)</translation>
    </message>
    <message>
        <source>%1 is not text, one reply per line: it is binary (%2)</source>
        <translation>%1은 한 줄에 응답 하나인 텍스트가 아니라 바이너리입니다 (%2)</translation>
    </message>
    <message>
        <source>%1 is not UTF-8 text, one reply per line (%2)</source>
        <translation>%1은 한 줄에 응답 하나인 UTF-8 텍스트가 아닙니다 (%2)</translation>
    </message>
    <message>
        <source>Cannot write %1 as plain text: %2; export to a .json file instead</source>
        <translation>%1을 일반 텍스트로 쓸 수 없습니다: %2. 대신 .json 파일로 내보내세요</translation>
    </message>
    <message>
        <source>Cannot start TLS: %1 (%2); check Server → Settings → TLS certificate and key</source>
        <translation>TLS를 시작할 수 없습니다: %1 (%2). 서버 → 설정 → TLS 인증서와 키를 확인하세요</translation>
    </message>
    <message>
        <source>Cannot listen: %1</source>
        <translation>수신 대기할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Cannot listen on %1: %2</source>
        <translation>%1에서 수신 대기할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Chorus Server: a multi-client TCP server that answers every message with a reply picked from an editable reply book, and a window to watch every connection.</source>
        <translation>Chorus Server: 모든 메시지에 편집 가능한 응답 목록에서 고른 응답으로 답하는 다중 클라이언트 TCP 서버이며, 모든 연결을 지켜보는 창이 있습니다.</translation>
    </message>
    <message>
        <source>Chat-style TCP client: send messages, read replies with round-trip times. Options override the saved settings for this run.</source>
        <translation>채팅 방식의 TCP 클라이언트: 메시지를 보내고 응답을 왕복 시간과 함께 읽습니다. 옵션은 이번 실행에 한해 저장된 설정보다 우선합니다.</translation>
    </message>
    <message>
        <source>you (queued)</source>
        <translation>나 (대기 중)</translation>
    </message>
    <message>
        <source>you</source>
        <translation>나</translation>
    </message>
    <message>
        <source>server</source>
        <translation>서버</translation>
    </message>
    <message>
        <source>broadcast</source>
        <translation>전체 전송</translation>
    </message>
    <message>
        <source>direct</source>
        <translation>개별 전송</translation>
    </message>
    <message>
        <source>Cannot replay: %1</source>
        <translation>재생할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Cannot replay %1: line %2 is not a session-log record (a JSON object with &quot;t&quot;, &quot;kind&quot; and whole hex bytes); nothing was sent</source>
        <translation>%1을(를) 재생할 수 없습니다: %2번째 줄이 세션 로그 레코드(&quot;t&quot;, &quot;kind&quot;와 온전한 hex 바이트를 가진 JSON 객체)가 아닙니다. 아무것도 보내지 않았습니다</translation>
    </message>
    <message>
        <source>Cannot replay %1: it holds no sent message (no &quot;out&quot; line)</source>
        <translation>%1을(를) 재생할 수 없습니다: 보낸 메시지가 없습니다(&quot;out&quot; 줄 없음)</translation>
    </message>
</context>
<context>
    <name>chorus::BlockListDialog</name>
    <message>
        <source>Blocked addresses</source>
        <translation>차단된 주소</translation>
    </message>
    <message>
        <source>New connections from these addresses are refused with a line saying until when.</source>
        <translation>이 주소에서 오는 새 연결은 언제까지 차단인지 알리는 한 줄과 함께 거부됩니다.</translation>
    </message>
    <message>
        <source>Unblock</source>
        <translation>차단 해제</translation>
    </message>
    <message>
        <source>Unblock all</source>
        <translation>모두 차단 해제</translation>
    </message>
    <message>
        <source>%1 until %2</source>
        <translation>%1 (%2까지)</translation>
    </message>
</context>
<context>
    <name>chorus::ByteLineEdit</name>
    <message>
        <source>Text</source>
        <translation>텍스트</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>Hex</translation>
    </message>
    <message>
        <source>Text: characters, with \r \n \t \0 \\ and \xNN for bytes.
Hex: pairs of hex digits, e.g. 01 03 00 00 00 0A C5 CD.</source>
        <translation>텍스트: 문자, 그리고 바이트는 \r \n \t \0 \\ 와 \xNN으로 씁니다.
16진수: 16진수 숫자 쌍, 예: 01 03 00 00 00 0A C5 CD.</translation>
    </message>
    <message>
        <source>hex bytes, e.g. 01 03 00 0A</source>
        <translation>16진수 바이트, 예: 01 03 00 0A</translation>
    </message>
    <message>
        <source>text; \r \n \xNN for bytes</source>
        <translation>텍스트. 바이트는 \r \n \xNN</translation>
    </message>
</context>
<context>
    <name>chorus::ByteViewChoice</name>
    <message>
        <source>&amp;Text (escapes for other bytes)</source>
        <translation>텍스트(&amp;T) (그 밖의 바이트는 이스케이프)</translation>
    </message>
    <message>
        <source>Text view</source>
        <translation>텍스트 보기</translation>
    </message>
    <message>
        <source>&amp;Hex</source>
        <translation>Hex(&amp;H)</translation>
    </message>
    <message>
        <source>Hex view</source>
        <translation>Hex 보기</translation>
    </message>
    <message>
        <source>&amp;Mixed (hex dump with ASCII)</source>
        <translation>혼합(&amp;M) (ASCII가 있는 16진수 덤프)</translation>
    </message>
    <message>
        <source>Mixed view</source>
        <translation>혼합 보기</translation>
    </message>
    <message>
        <source>How messages are shown: Text (UTF-8; other bytes and control characters as \xNN, \r, \n in colour), Hex, or Mixed (offset, hex and ASCII, like a hex editor). Ctrl+1, Ctrl+2, Ctrl+3.</source>
        <translation>메시지 표시 방식: 텍스트(UTF-8, 그 밖의 바이트와 제어 문자는 색을 입힌 \xNN, \r, \n), Hex, 혼합(16진수 편집기처럼 오프셋, 16진수, ASCII). Ctrl+1, Ctrl+2, Ctrl+3.</translation>
    </message>
</context>
<context>
    <name>chorus::CertificateTrustDialog</name>
    <message>
        <source>Certificate changed</source>
        <translation>인증서가 바뀜</translation>
    </message>
    <message>
        <source>Trust this certificate?</source>
        <translation>이 인증서를 신뢰할까요?</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 shows another certificate than the one you trusted.&lt;/b&gt; It may have been replaced by its owner, or someone may be in between. Nothing was sent. Compare the fingerprint with the server&apos;s before trusting it.</source>
        <translation>&lt;b&gt;%1이(가) 신뢰했던 것과 다른 인증서를 보여 줍니다.&lt;/b&gt; 소유자가 바꿨을 수도 있고, 누군가 중간에 끼어들었을 수도 있습니다. 아무것도 보내지 않았습니다. 신뢰하기 전에 서버의 지문과 비교하세요.</translation>
    </message>
    <message>
        <source>%1 is contacted with TLS for the first time. Nothing was sent yet. Compare this fingerprint with the server&apos;s (its log shows it at Start) before trusting it.</source>
        <translation>%1에 처음으로 TLS로 연결합니다. 아직 아무것도 보내지 않았습니다. 신뢰하기 전에 이 지문을 서버의 지문(시작할 때 서버 로그에 나옴)과 비교하세요.</translation>
    </message>
    <message>
        <source>Trusted SHA-256:</source>
        <translation>신뢰한 SHA-256:</translation>
    </message>
    <message>
        <source>Now SHA-256:</source>
        <translation>현재 SHA-256:</translation>
    </message>
    <message>
        <source>SHA-256:</source>
        <translation>SHA-256:</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>주체:</translation>
    </message>
    <message>
        <source>Issuer:</source>
        <translation>발급자:</translation>
    </message>
    <message>
        <source>Valid:</source>
        <translation>유효 기간:</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 ~ %2</translation>
    </message>
    <message>
        <source>Protocol:</source>
        <translation>프로토콜:</translation>
    </message>
    <message>
        <source>Trust the new certificate and connect</source>
        <translation>새 인증서를 신뢰하고 연결</translation>
    </message>
    <message>
        <source>Trust and connect</source>
        <translation>신뢰하고 연결</translation>
    </message>
    <message>
        <source>Trusted certificates</source>
        <translation>신뢰한 인증서</translation>
    </message>
    <message>
        <source>The trusted TLS certificates could not be read: %1</source>
        <translation>신뢰한 TLS 인증서를 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Trusted for now, but not saved: %1</source>
        <translation>이번에는 신뢰하지만 저장하지 못했습니다: %1</translation>
    </message>
</context>
<context>
    <name>chorus::ChorusProtocol</name>
    <message>
        <source>a non-negative integer</source>
        <translation>0 이상의 정수</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>문자열</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true 또는 false</translation>
    </message>
    <message>
        <source>an integer</source>
        <translation>정수</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>객체</translation>
    </message>
    <message>
        <source>a string, number or boolean</source>
        <translation>문자열, 숫자 또는 불리언</translation>
    </message>
    <message>
        <source>an object of numbers</source>
        <translation>값이 숫자인 객체</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>숫자</translation>
    </message>
    <message>
        <source>an object of strings</source>
        <translation>값이 문자열인 객체</translation>
    </message>
    <message>
        <source>an integer from 0 to 100</source>
        <translation>0부터 100까지의 정수</translation>
    </message>
</context>
<context>
    <name>chorus::ClientCommandLine</name>
    <message>
        <source>Unexpected argument &quot;%1&quot;; see --help.</source>
        <translation>예상하지 못한 인수 &quot;%1&quot;. --help를 보세요.</translation>
    </message>
    <message>
        <source>
Qt&apos;s own options (-platform, -style, -display, -geometry, ...) are passed to Qt; --name is this program&apos;s.
</source>
        <translation>
Qt 자체 옵션(-platform, -style, -display, -geometry, ...)은 Qt에 넘겨집니다. --name은 이 프로그램의 옵션입니다.
</translation>
    </message>
    <message>
        <source>A saved setting was refused (its default applies): %1
</source>
        <translation>저장된 설정이 거부되었습니다(기본값을 씁니다): %1
</translation>
    </message>
    <message>
        <source>The session log stopped (%1: %2); the client goes on without it
</source>
        <translation>세션 로그가 멈췄습니다(%1: %2). 클라이언트는 세션 로그 없이 계속합니다
</translation>
    </message>
</context>
<context>
    <name>chorus::ClientEventText</name>
    <message numerus="yes">
        <source>%1 … (%n bytes)</source>
        <translation>
            <numerusform>%1 … (%n바이트)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>연결 끊김</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>연결 중</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>연결됨</translation>
    </message>
    <message>
        <source>Reconnecting</source>
        <translation>재연결 중</translation>
    </message>
    <message>
        <source>Connection refused by %1 (%2)</source>
        <translation>%1이(가) 연결을 거부했습니다 (%2)</translation>
    </message>
    <message>
        <source>Port unreachable: nothing receives UDP at %1 now (ICMP port unreachable)</source>
        <translation>포트에 닿을 수 없음: 지금 %1에서 UDP를 받는 곳이 없습니다 (ICMP 포트 도달 불가)</translation>
    </message>
    <message>
        <source>Not sent: no UDP channel is open (it needs a Chorus connection over TCP and Settings → Also open UDP channel)</source>
        <translation>보내지 않음: 열린 UDP 채널이 없습니다 (TCP 위의 Chorus 연결과 설정 → UDP 채널도 열기가 필요합니다)</translation>
    </message>
    <message>
        <source>Host not found: %1 (%2)</source>
        <translation>호스트를 찾을 수 없음: %1 (%2)</translation>
    </message>
    <message>
        <source>Timed out connecting to %1 after %2</source>
        <translation>%2 후 %1 연결 시간 초과</translation>
    </message>
    <message>
        <source>Timed out connecting to %1 (%2)</source>
        <translation>%1 연결 시간 초과 (%2)</translation>
    </message>
    <message>
        <source>Network unreachable for %1 (%2)</source>
        <translation>%1에 대한 네트워크에 닿을 수 없음 (%2)</translation>
    </message>
    <message>
        <source>The server closed the connection</source>
        <translation>서버가 연결을 닫았습니다</translation>
    </message>
    <message>
        <source>Connection to %1 failed: %2</source>
        <translation>%1에 연결하지 못했습니다: %2</translation>
    </message>
    <message>
        <source>The server is full and closed the connection (%1)</source>
        <translation>서버가 가득 차서 연결을 닫았습니다 (%1)</translation>
    </message>
    <message>
        <source>%1 did not accept the Chorus protocol (it answered: %2); choose Settings → Protocol → Auto or Plain to talk to it in plain text</source>
        <translation>%1이(가) Chorus 프로토콜을 받아들이지 않았습니다(응답: %2). 일반 텍스트로 대화하려면 설정 → 프로토콜 → 자동 또는 일반 텍스트를 고르세요</translation>
    </message>
    <message>
        <source>No Chorus welcome from %1 within %2: it is not a chorus-server; choose Settings → Protocol → Auto or Plain to talk to it in plain text</source>
        <translation>%2 안에 %1에서 Chorus 환영 메시지가 오지 않았습니다: chorus-server가 아닙니다. 일반 텍스트로 대화하려면 설정 → 프로토콜 → 자동 또는 일반 텍스트를 고르세요</translation>
    </message>
    <message>
        <source>Server error: %1</source>
        <translation>서버 오류: %1</translation>
    </message>
    <message>
        <source>Unreadable line from the server (%1)</source>
        <translation>서버에서 읽을 수 없는 줄이 왔습니다 (%1)</translation>
    </message>
    <message>
        <source>Unexpected &quot;%1&quot; message from the server</source>
        <translation>서버에서 예상하지 못한 &quot;%1&quot; 메시지가 왔습니다</translation>
    </message>
    <message>
        <source>The server sent a message over %1 bytes; %2 bytes were discarded</source>
        <translation>서버가 %1바이트를 넘는 메시지를 보냈습니다. %2바이트를 버렸습니다</translation>
    </message>
    <message>
        <source>Nothing to send: the message is empty</source>
        <translation>보낼 것이 없습니다: 메시지가 비어 있습니다</translation>
    </message>
    <message>
        <source>Not sent: a line is %1 bytes; the server accepts at most %2 bytes per message</source>
        <translation>보내지 않음: 한 줄이 %1바이트인데 서버는 메시지당 최대 %2바이트를 받습니다</translation>
    </message>
    <message>
        <source>Not sent: %1 bytes are still waiting to be written; the server is not reading</source>
        <translation>보내지 않음: 아직 %1바이트가 쓰이기를 기다리고 있습니다. 서버가 읽지 않고 있습니다</translation>
    </message>
    <message>
        <source>Not sent: %1 messages are already waiting for the connection</source>
        <translation>보내지 않음: 이미 메시지 %1개가 연결을 기다리고 있습니다</translation>
    </message>
    <message>
        <source>Ping needs a chorus-server (this connection is plain text)</source>
        <translation>핑은 chorus-server에만 쓸 수 있습니다 (이 연결은 일반 텍스트입니다)</translation>
    </message>
    <message>
        <source>The server sent a length field that cannot be right (header %1): skipped</source>
        <translation>서버가 맞을 수 없는 길이 필드를 보냈습니다(헤더 %1): 건너뜀</translation>
    </message>
    <message numerus="yes">
        <source>The server sent %n byte(s) outside the start…end envelope: %1</source>
        <translation>
            <numerusform>서버가 시작…끝 엔벨로프 밖에서 %n바이트를 보냈습니다: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The connection closed inside a frame; %n byte(s) of it arrived: %1</source>
        <translation>
            <numerusform>프레임 도중에 연결이 닫혔습니다. 그 프레임 중 %n바이트가 도착했습니다: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Not sent: a chorus-server takes text, and byte %1 of the message is not UTF-8 (choose protocol Plain to send any bytes)</source>
        <translation>보내지 않음: chorus-server는 텍스트를 받는데 메시지의 바이트 %1이 UTF-8이 아닙니다 (아무 바이트나 보내려면 프로토콜을 일반 텍스트로 고르세요)</translation>
    </message>
    <message>
        <source>Not sent: the message is %1 bytes; the framing&apos;s length field can say at most %2</source>
        <translation>보내지 않음: 메시지가 %1바이트인데 프레이밍의 길이 필드는 최대 %2까지만 나타낼 수 있습니다</translation>
    </message>
    <message>
        <source>TLS handshake with %1 failed: %2 (is it a plain, non-TLS port? Settings → Use TLS)</source>
        <translation>%1과의 TLS 핸드셰이크 실패: %2 (TLS가 아닌 일반 포트인가요? 설정 → TLS 사용)</translation>
    </message>
    <message>
        <source>%1 shows a certificate not trusted yet (SHA-256 %2): nothing was sent</source>
        <translation>%1이(가) 아직 신뢰하지 않은 인증서를 보여 줍니다(SHA-256 %2): 아무것도 보내지 않았습니다</translation>
    </message>
    <message>
        <source>Refused: the certificate of %1 changed (now SHA-256 %2)</source>
        <translation>거부함: %1의 인증서가 바뀌었습니다 (현재 SHA-256 %2)</translation>
    </message>
    <message>
        <source>Refused: the certificate of %1 is expired or not yet valid (SHA-256 %2)</source>
        <translation>거부함: %1의 인증서가 만료되었거나 아직 유효하지 않습니다 (SHA-256 %2)</translation>
    </message>
    <message>
        <source>%1 listens with TLS: turn on Settings → Use TLS (it said: %2)</source>
        <translation>%1은(는) TLS로 수신 대기합니다: 설정 → TLS 사용을 켜세요 (응답: %2)</translation>
    </message>
    <message>
        <source>%1 refused the access token (%2); set the server&apos;s token in Settings → Access token</source>
        <translation>%1이(가) 접근 토큰을 거부했습니다(%2). 설정 → 접근 토큰에 서버의 토큰을 넣으세요</translation>
    </message>
    <message>
        <source>Ping round trip</source>
        <translation>핑 왕복 시간</translation>
    </message>
    <message>
        <source>Refused: the certificate of %1 changed. Trusted: %2. Now: %3</source>
        <translation>거부함: %1의 인증서가 바뀌었습니다. 신뢰한 것: %2. 현재: %3</translation>
    </message>
    <message>
        <source>Refused: the certificate of %1 is valid from %2 to %3 only (SHA-256 %4)</source>
        <translation>거부함: %1의 인증서는 %2부터 %3까지만 유효합니다 (SHA-256 %4)</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>%1에 연결 중…</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>%1에 연결됨</translation>
    </message>
    <message>
        <source>Plain text: only what you type is sent. If this is a chorus-server, choose Settings → Protocol → Chorus</source>
        <translation>일반 텍스트: 입력한 것만 보냅니다. chorus-server라면 설정 → 프로토콜 → Chorus를 고르세요</translation>
    </message>
    <message>
        <source>You are #%1 on %2</source>
        <translation>%2에서 #%1번입니다</translation>
    </message>
    <message>
        <source>You are #%1 on %2 (%3)</source>
        <translation>%2에서 #%1번입니다 (%3)</translation>
    </message>
    <message>
        <source>%1 gave no Chorus welcome this time: no longer listed as a chorus-server; plain text from here on</source>
        <translation>%1이(가) 이번에는 Chorus 환영 메시지를 보내지 않았습니다: 더는 chorus-server로 기억하지 않고 이제부터 일반 텍스트로 대화합니다</translation>
    </message>
    <message>
        <source>%1 gave no Chorus welcome this time: no longer listed as a chorus-server; plain text from here on (its answer to the hello was dropped: %2)</source>
        <translation>%1이(가) 이번에는 Chorus 환영 메시지를 보내지 않았습니다: 더는 chorus-server로 기억하지 않고 이제부터 일반 텍스트로 대화합니다 (hello에 대한 응답은 버렸습니다: %2)</translation>
    </message>
    <message>
        <source>The server closed the connection on purpose; not reconnecting (Connect tries again)</source>
        <translation>서버가 일부러 연결을 닫았습니다. 재연결하지 않습니다 (연결을 누르면 다시 시도합니다)</translation>
    </message>
    <message>
        <source>The server closed the connection: %1; not reconnecting (Connect tries again)</source>
        <translation>서버가 연결을 닫았습니다: %1. 재연결하지 않습니다 (연결을 누르면 다시 시도합니다)</translation>
    </message>
    <message>
        <source>Reconnecting in %1 (attempt %2) · last error: %3</source>
        <translation>%1 후 재연결 (%2번째 시도) · 마지막 오류: %3</translation>
    </message>
    <message>
        <source>Reconnecting now (attempt %1)… · last error: %2</source>
        <translation>지금 재연결 중 (%1번째 시도)… · 마지막 오류: %2</translation>
    </message>
    <message>
        <source>Reconnected to %1 (attempt %2)</source>
        <translation>%1에 다시 연결됨 (%2번째 시도)</translation>
    </message>
    <message numerus="yes">
        <source>Sending %n queued message(s)</source>
        <translation>
            <numerusform>대기 중인 메시지 %n개를 보내는 중</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n queued message(s) will be sent when you connect again</source>
        <translation>
            <numerusform>대기 중인 메시지 %n개는 다시 연결하면 보냅니다</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n queued message(s) discarded</source>
        <translation>
            <numerusform>대기 중인 메시지 %n개를 버렸습니다</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sent message(s) got no reply before the link went down</source>
        <translation>
            <numerusform>보낸 메시지 %n개가 링크가 끊기기 전에 응답을 받지 못했습니다</numerusform>
        </translation>
    </message>
    <message>
        <source>Auto-reconnect turned off</source>
        <translation>자동 재연결 꺼짐</translation>
    </message>
    <message>
        <source>Name set to “%1”</source>
        <translation>이름을 “%1”(으)로 정함</translation>
    </message>
    <message>
        <source>Sent as is, though the message is %1 bytes and the fixed framing&apos;s size is %2</source>
        <translation>메시지가 %1바이트로 고정 프레이밍의 크기 %2와 다르지만 그대로 보냈습니다</translation>
    </message>
    <message>
        <source>Lost: “%1” got no reply within %2 ms</source>
        <translation>손실: “%1”이(가) %2 ms 안에 응답을 받지 못했습니다</translation>
    </message>
    <message>
        <source>Repeat finished</source>
        <translation>반복 완료</translation>
    </message>
    <message>
        <source>Repeat stopped</source>
        <translation>반복 중지</translation>
    </message>
    <message>
        <source>Repeat stopped: the connection went down</source>
        <translation>반복 중지: 연결이 끊겼습니다</translation>
    </message>
    <message>
        <source>Repeat not started: the message is empty</source>
        <translation>반복을 시작하지 않음: 메시지가 비어 있습니다</translation>
    </message>
    <message>
        <source>Repeat not started: not connected</source>
        <translation>반복을 시작하지 않음: 연결되어 있지 않습니다</translation>
    </message>
    <message>
        <source>Repeat stopped: a message was refused (%1)</source>
        <translation>반복 중지: 메시지가 거부되었습니다 (%1)</translation>
    </message>
    <message>
        <source>sent %1 / answered %2</source>
        <translation>보냄 %L1 / 응답 %L2</translation>
    </message>
    <message>
        <source>, RTT %1 / %2 / %3 ms (min / median / max)</source>
        <translation>, 왕복 시간 %1 / %2 / %3 ms (최소 / 중앙값 / 최대)</translation>
    </message>
</context>
<context>
    <name>chorus::ClientSettings</name>
    <message>
        <source>Host</source>
        <translation>호스트</translation>
    </message>
    <message>
        <source>Server host name or address.</source>
        <translation>서버 호스트 이름 또는 주소.</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>포트</translation>
    </message>
    <message>
        <source>Server TCP port.</source>
        <translation>서버 TCP 포트.</translation>
    </message>
    <message>
        <source>Connect at start</source>
        <translation>시작할 때 연결</translation>
    </message>
    <message>
        <source>Connect as the window opens.</source>
        <translation>창이 열리면 바로 연결합니다.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Name a chorus-server shows for this client (at most 64 characters).</source>
        <translation>chorus-server가 이 클라이언트에 대해 보여 줄 이름 (최대 64자).</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>프로토콜</translation>
    </message>
    <message>
        <source>auto: plain text, except to a host:port that welcomed this client as a chorus-server before; chorus: say hello and require a welcome; plain: never say hello.</source>
        <translation>auto: 일반 텍스트. 다만 전에 이 클라이언트를 chorus-server로서 환영한 host:port에는 Chorus; chorus: hello를 보내고 환영 메시지를 요구; plain: hello를 보내지 않음.</translation>
    </message>
    <message>
        <source>Framing</source>
        <translation>프레이밍</translation>
    </message>
    <message>
        <source>Where a received message ends, and how a sent one is framed: auto (LF, CR LF, a lone CR or an idle gap), line (LF or CR LF), raw (each read), cr (a CR); delimiter:HEX (delimiter:03, delimiter:0D0A), delimiter:START..END for an envelope (delimiter:02..03); length:offset=O,size=S,endian=big|little,adjust=A,strip=N,max=M (defaults offset 0, size 2, big, adjust 0, strip 0, max = the message size); fixed:N; the presets u16be, u32be and modbus-tcp. Default auto.</source>
        <translation>받은 메시지가 어디서 끝나는지, 보낼 메시지를 어떻게 프레이밍하는지: auto (LF, CR LF, CR 하나 또는 유휴 간격), line (LF 또는 CR LF), raw (읽은 단위마다), cr (CR); delimiter:HEX (delimiter:03, delimiter:0D0A), 엔벨로프는 delimiter:START..END (delimiter:02..03); length:offset=O,size=S,endian=big|little,adjust=A,strip=N,max=M (기본값 offset 0, size 2, big, adjust 0, strip 0, max = 메시지 크기); fixed:N; 미리 정의된 u16be, u32be, modbus-tcp. 기본값 auto.</translation>
    </message>
    <message>
        <source>Send terminator</source>
        <translation>전송 종결자</translation>
    </message>
    <message>
        <source>What ends each message sent with a text framing (auto, line, cr): lf, crlf, cr or none. The other framings frame each message themselves.</source>
        <translation>텍스트 프레이밍(auto, line, cr)으로 보내는 각 메시지 끝에 붙일 것: lf, crlf, cr 또는 none. 다른 프레이밍은 메시지마다 알아서 프레이밍합니다.</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Connect timeout</source>
        <translation>연결 제한 시간</translation>
    </message>
    <message>
        <source>How long to wait for a connection.</source>
        <translation>연결을 기다리는 시간.</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>바이트</translation>
    </message>
    <message>
        <source>Maximum message size</source>
        <translation>최대 메시지 크기</translation>
    </message>
    <message>
        <source>The server&apos;s limit; longer messages are refused before sending, and longer replies are discarded.</source>
        <translation>서버의 한도. 더 긴 메시지는 보내기 전에 거부하고, 더 긴 응답은 버립니다.</translation>
    </message>
    <message>
        <source>Auto-reconnect</source>
        <translation>자동 재연결</translation>
    </message>
    <message>
        <source>Option: do not reconnect after a drop. Setting: after an unexpected drop, retry with a backoff from 0.5 s doubling to 30 s.</source>
        <translation>옵션: 끊긴 뒤 재연결하지 않습니다. 설정: 예상치 못하게 끊기면 0.5초부터 두 배씩 늘려 최대 30초 간격으로 다시 시도합니다.</translation>
    </message>
    <message>
        <source>Keep each session&apos;s history</source>
        <translation>세션마다 기록 보관</translation>
    </message>
    <message>
        <source>Option: do not save this run&apos;s sessions. Setting: save each session to its own file (File → Recent sessions reopens them).</source>
        <translation>옵션: 이번 실행의 세션을 저장하지 않습니다. 설정: 세션마다 파일에 저장합니다(파일 → 최근 세션에서 다시 엽니다).</translation>
    </message>
    <message>
        <source>entries</source>
        <translation>항목</translation>
    </message>
    <message>
        <source>History in memory</source>
        <translation>메모리 안 기록</translation>
    </message>
    <message>
        <source>How many entries the history holds in memory (default 50000). Older entries leave the view; while the session is kept they stay in its file and &quot;Load older&quot; reads them back.</source>
        <translation>기록을 메모리에 몇 항목까지 두는지 (기본값 50000). 오래된 항목은 보기에서 빠지지만, 세션을 보관하는 동안에는 파일에 남아 있어 &quot;이전 항목 불러오기&quot;로 다시 읽습니다.</translation>
    </message>
    <message>
        <source>History view</source>
        <translation>기록 보기</translation>
    </message>
    <message>
        <source>How the history shows messages: text (UTF-8, other bytes as \xNN escapes), hex (01 02 FF) or mixed (a hex dump with offsets and ASCII).</source>
        <translation>기록에 메시지를 보여 주는 방식: text (UTF-8, 그 밖의 바이트는 \xNN 이스케이프), hex (01 02 FF), mixed (오프셋과 ASCII가 있는 16진수 덤프).</translation>
    </message>
    <message>
        <source>Send box input</source>
        <translation>전송 상자 입력</translation>
    </message>
    <message>
        <source>text: each line is a message, with \r \n \t \0 \xNN \\ escapes; hex: the whole box is one message (--console: each line is one message either way).</source>
        <translation>text: 한 줄이 메시지 하나, \r \n \t \0 \xNN \\ 이스케이프 사용; hex: 상자 전체가 메시지 하나 (--console에서는 어느 쪽이든 한 줄이 메시지 하나).</translation>
    </message>
    <message>
        <source>UDP transport</source>
        <translation>UDP 전송</translation>
    </message>
    <message>
        <source>Send each message as one UDP datagram to host:port instead of over TCP. A message without a reply within the UDP reply timeout is marked lost; the status bar shows sent, answered, lost and round trips.</source>
        <translation>각 메시지를 TCP 대신 host:port로 UDP 데이터그램 하나씩 보냅니다. UDP 응답 제한 시간 안에 응답이 없는 메시지는 손실로 표시되고, 상태 표시줄에 보냄, 응답, 손실, 왕복 시간이 나옵니다.</translation>
    </message>
    <message>
        <source>UDP reply timeout</source>
        <translation>UDP 응답 제한 시간</translation>
    </message>
    <message>
        <source>UDP: how long a sent message waits for its reply before it counts as lost.</source>
        <translation>UDP: 보낸 메시지가 손실로 처리되기 전까지 응답을 기다리는 시간.</translation>
    </message>
    <message>
        <source>Also open UDP channel</source>
        <translation>UDP 채널도 열기</translation>
    </message>
    <message>
        <source>Chorus over TCP: when the server&apos;s welcome offers a UDP channel (its UDP port and a session token), open it too; datagrams on it count on this client&apos;s row of the server, which then shows TCP+UDP.</source>
        <translation>TCP 위의 Chorus: 서버의 환영 메시지가 UDP 채널(UDP 포트와 세션 토큰)을 제공하면 그것도 엽니다. 그 채널의 데이터그램은 서버에서 이 클라이언트의 행에 집계되고, 그 행에는 TCP+UDP로 표시됩니다.</translation>
    </message>
    <message>
        <source>Access token</source>
        <translation>접근 토큰</translation>
    </message>
    <message>
        <source>The chorus-server&apos;s access token, sent in the hello (a token makes protocol auto say hello). Shown masked, never logged.</source>
        <translation>chorus-server의 접근 토큰. hello에 담아 보냅니다(토큰이 있으면 auto 프로토콜도 hello를 보냅니다). 가려서 보여 주며 로그에 남기지 않습니다.</translation>
    </message>
    <message>
        <source>Use TLS</source>
        <translation>TLS 사용</translation>
    </message>
    <message>
        <source>Connect with TLS. On first contact the server&apos;s certificate (SHA-256 fingerprint, subject) is shown to trust; it is then pinned for that host:port and a changed one is refused.</source>
        <translation>TLS로 연결합니다. 처음 연결할 때 서버 인증서(SHA-256 지문, 주체)를 보여 주고 신뢰할지 묻습니다. 그 뒤로는 그 host:port에 고정되어, 바뀐 인증서는 거부합니다.</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>콘솔</translation>
    </message>
    <message>
        <source>No window: send each line of standard input as a message, print each reply with its round-trip time, exit at the end of input or on &quot;exit&quot; (status 1 when the connection fails).</source>
        <translation>창 없이: 표준 입력의 각 줄을 메시지로 보내고, 응답마다 왕복 시간과 함께 출력하며, 입력이 끝나거나 &quot;exit&quot;를 받으면 끝냅니다(연결에 실패하면 상태 1).</translation>
    </message>
    <message>
        <source>Console reply timeout</source>
        <translation>콘솔 응답 제한 시간</translation>
    </message>
    <message>
        <source>--console sends one line at a time: how long a line waits for its reply before the next line goes (and, after the last line, before the program exits).</source>
        <translation>--console은 한 번에 한 줄씩 보냅니다: 다음 줄을 보내기 전(마지막 줄 뒤에는 프로그램이 끝나기 전)에 응답을 기다리는 시간.</translation>
    </message>
    <message>
        <source>Simulate a vehicle</source>
        <translation>기체 시뮬레이션</translation>
    </message>
    <message>
        <source>Answer commands (a Chorus cmd, or a text line such as &quot;TAKEOFF alt=10&quot;) automatically and send telemetry and heartbeats, as a small vehicle would; several clients with --simulate make a fleet.</source>
        <translation>작은 기체처럼 명령(Chorus cmd 또는 &quot;TAKEOFF alt=10&quot; 같은 텍스트 줄)에 자동으로 응답하고 텔레메트리와 하트비트를 보냅니다. 여러 클라이언트를 --simulate로 띄우면 편대가 됩니다.</translation>
    </message>
    <message>
        <source>Answer to commands</source>
        <translation>명령에 대한 응답</translation>
    </message>
    <message>
        <source>The result a known command (ARM, DISARM, TAKEOFF, LAND, RTL, SET_MODE) gets; others get unsupported, a TAKEOFF without alt= gets denied.</source>
        <translation>알려진 명령(ARM, DISARM, TAKEOFF, LAND, RTL, SET_MODE)이 받는 결과. 그 밖의 명령은 unsupported, alt= 없는 TAKEOFF는 denied를 받습니다.</translation>
    </message>
    <message>
        <source>Answer after</source>
        <translation>응답까지 걸리는 시간</translation>
    </message>
    <message>
        <source>How long a command takes before its final ack.</source>
        <translation>명령이 최종 ack까지 걸리는 시간.</translation>
    </message>
    <message>
        <source>In-progress steps</source>
        <translation>진행 단계</translation>
    </message>
    <message>
        <source>in_progress acks (with progress %) sent before the final ack, spread over the delay.</source>
        <translation>최종 ack 전에 지연 시간에 걸쳐 나눠 보내는 in_progress ack(진행률 % 포함) 개수.</translation>
    </message>
    <message>
        <source>Telemetry every</source>
        <translation>텔레메트리 간격</translation>
    </message>
    <message>
        <source>How often altitude, battery and position go to the server (0: never). Altitude follows TAKEOFF and LAND, the battery drains, the position drifts.</source>
        <translation>고도, 배터리, 위치를 서버로 보내는 간격 (0: 보내지 않음). 고도는 TAKEOFF와 LAND를 따르고, 배터리는 줄어들며, 위치는 조금씩 움직입니다.</translation>
    </message>
    <message>
        <source>Heartbeat every</source>
        <translation>하트비트 간격</translation>
    </message>
    <message>
        <source>How often a heartbeat goes to the server (0: never).</source>
        <translation>서버로 하트비트를 보내는 간격 (0: 보내지 않음).</translation>
    </message>
    <message>
        <source>Session log folder</source>
        <translation>세션 로그 폴더</translation>
    </message>
    <message>
        <source>Write every event (connect, disconnect, each message with its exact bytes, commands and acks) to DIR as JSON lines with microsecond times, in files of 16 MiB, the newest 8 kept. Empty: no session log.</source>
        <translation>모든 이벤트(연결, 연결 끊김, 정확한 바이트를 담은 각 메시지, 명령과 ack)를 마이크로초 시각과 함께 JSON 줄로 DIR에 기록합니다. 파일은 16 MiB 단위이고 최신 8개를 남깁니다. 비우면 세션 로그를 쓰지 않습니다.</translation>
    </message>
    <message>
        <source>--framing: &quot;%1&quot;: %2</source>
        <translation>--framing: &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>Replay session</source>
        <translation>세션 재생</translation>
    </message>
    <message>
        <source>Once connected, send the sent messages (&quot;out&quot; lines) of a session log FILE again, with their original timing scaled by --replay-speed. With --console the program ends when the replay has and its replies came (status 3 for a file that cannot be replayed).</source>
        <translation>연결되면 세션 로그 FILE에서 보낸 메시지(&quot;out&quot; 줄)를 원래 시간 간격에 --replay-speed 배율을 적용해 다시 보냅니다. --console과 함께 쓰면 재생이 끝나고 응답이 모두 도착했을 때 프로그램이 종료됩니다(재생할 수 없는 파일이면 상태 3).</translation>
    </message>
    <message>
        <source>Replay speed</source>
        <translation>재생 속도</translation>
    </message>
    <message>
        <source>How fast a replay goes: 1 as recorded, 2 twice as fast, 0.5 half as fast, up to 1000; 0 as fast as possible.</source>
        <translation>재생 속도: 1은 기록된 그대로, 2는 두 배 빠르게, 0.5는 절반 속도, 최대 1000. 0은 가능한 한 빠르게.</translation>
    </message>
</context>
<context>
    <name>chorus::ClientSettingsDialog</name>
    <message>
        <source>Client settings</source>
        <translation>클라이언트 설정</translation>
    </message>
    <message>
        <source>Protocol and connect timeout apply from the next connection. The send terminator ends messages with a text framing (Auto, Line, CR) only; the other framings frame each message themselves.</source>
        <translation>프로토콜과 연결 제한 시간은 다음 연결부터 적용됩니다. 전송 종결자는 텍스트 프레이밍(자동, 줄, CR)에서만 메시지 끝에 붙고, 다른 프레이밍은 메시지마다 알아서 프레이밍합니다.</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>연결</translation>
    </message>
    <message>
        <source>The client answers as a small vehicle: a Chorus cmd gets ack messages, a text line such as &quot;TAKEOFF alt=10&quot; gets &quot;OK TAKEOFF&quot; (or DENIED, FAILED, ...). Telemetry: alt, bat, lat, lon. Applies at once.</source>
        <translation>클라이언트가 작은 기체처럼 응답합니다: Chorus cmd에는 ack 메시지로, &quot;TAKEOFF alt=10&quot; 같은 텍스트 줄에는 &quot;OK TAKEOFF&quot;(또는 DENIED, FAILED, ...)로 답합니다. 텔레메트리: alt, bat, lat, lon. 바로 적용됩니다.</translation>
    </message>
    <message>
        <source>Simulate vehicle</source>
        <translation>기체 시뮬레이션</translation>
    </message>
</context>
<context>
    <name>chorus::ClientSettingsMenu</name>
    <message>
        <source>&amp;Settings</source>
        <translation>설정(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Protocol</source>
        <translation>프로토콜(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Auto (plain text; Chorus only to a known chorus-server)</source>
        <translation>자동(&amp;A) (일반 텍스트. 알려진 chorus-server에만 Chorus)</translation>
    </message>
    <message>
        <source>&amp;Chorus (say hello; a welcome is required)</source>
        <translation>Chorus(&amp;C) (hello를 보내고 환영 메시지 필요)</translation>
    </message>
    <message>
        <source>&amp;Plain text only</source>
        <translation>일반 텍스트만(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Framing</source>
        <translation>프레이밍(&amp;F)</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>사용자 지정…</translation>
    </message>
    <message>
        <source>Send &amp;terminator (text framings)</source>
        <translation>전송 종결자(&amp;T) (텍스트 프레이밍)</translation>
    </message>
    <message>
        <source>&amp;LF</source>
        <translation>LF(&amp;L)</translation>
    </message>
    <message>
        <source>CR&amp;LF</source>
        <translation>CR LF(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;CR</source>
        <translation>CR(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;None (as the reference client)</source>
        <translation>없음(&amp;N) (참조 클라이언트처럼)</translation>
    </message>
    <message>
        <source>&amp;Keep each session&apos;s history</source>
        <translation>세션마다 기록 보관(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>설정(&amp;S)…</translation>
    </message>
</context>
<context>
    <name>chorus::ClientStatusBar</name>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>%1 ms (%2–%3)</source>
        <translation>%1 ms (%2–%3)</translation>
    </message>
    <message>
        <source>Sent %1 (%2) · received %3 (%4) · RTT %5</source>
        <translation>보냄 %L1 (%2) · 받음 %L3 (%4) · 왕복 시간 %5</translation>
    </message>
    <message>
        <source> · %1 queued</source>
        <translation> · 대기 %L1</translation>
    </message>
    <message numerus="yes">
        <source>Round trip: median (min–max) of the last %n replies</source>
        <translation>
            <numerusform>왕복 시간: 최근 응답 %n개의 중앙값 (최소–최대)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chorus::ClientWindow</name>
    <message>
        <source>Older entries could not be read back: %1</source>
        <translation>이전 항목을 다시 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>복사(&amp;C)</translation>
    </message>
    <message>
        <source>Round trips</source>
        <translation>왕복 시간</translation>
    </message>
    <message>
        <source>The settings were not read (defaults apply): %1</source>
        <translation>설정을 읽지 못했습니다(기본값을 씁니다): %1</translation>
    </message>
    <message>
        <source>A saved setting was refused (its default applies): %1</source>
        <translation>저장된 설정이 거부되었습니다(기본값을 씁니다): %1</translation>
    </message>
    <message>
        <source>settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>session history</source>
        <translation>세션 기록</translation>
    </message>
    <message>
        <source>The %1 are saved again (%2)</source>
        <translation>%1을(를) 다시 저장했습니다 (%2)</translation>
    </message>
    <message>
        <source>The %1 could not be saved; the file on disk is unchanged. %2</source>
        <translation>%1을(를) 저장하지 못했습니다. 디스크의 파일은 바뀌지 않았습니다. %2</translation>
    </message>
    <message>
        <source>Enter the server&apos;s host name or address</source>
        <translation>서버의 호스트 이름이나 주소를 입력하세요</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>보내지 않음: %1</translation>
    </message>
    <message numerus="yes">
        <source>Not connected: %n message(s) queued; they go out when the connection is back</source>
        <translation>
            <numerusform>연결되지 않음: 메시지 %n개가 대기 중이며 연결이 돌아오면 보냅니다</numerusform>
        </translation>
    </message>
    <message>
        <source>Repeat not started: %1</source>
        <translation>반복을 시작하지 않음: %1</translation>
    </message>
    <message>
        <source>Chorus Client — %1</source>
        <translation>Chorus Client — %1</translation>
    </message>
    <message numerus="yes">
        <source>%n entries copied</source>
        <translation>
            <numerusform>항목 %n개를 복사했습니다</numerusform>
        </translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>찾지 못함</translation>
    </message>
    <message>
        <source>Entry %1 of %2</source>
        <translation>항목 %1 / %2</translation>
    </message>
    <message>
        <source>Save history as JSON</source>
        <translation>기록을 JSON으로 저장</translation>
    </message>
    <message>
        <source>Save history as text</source>
        <translation>기록을 텍스트로 저장</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Text (*.txt)</source>
        <translation>텍스트 (*.txt)</translation>
    </message>
    <message>
        <source>Save history</source>
        <translation>기록 저장</translation>
    </message>
    <message>
        <source>History saved to %1</source>
        <translation>기록을 %1에 저장했습니다</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New window</source>
        <translation>새 창(&amp;N)</translation>
    </message>
    <message>
        <source>Save history as &amp;text…</source>
        <translation>기록을 텍스트로 저장(&amp;T)…</translation>
    </message>
    <message>
        <source>Save history as &amp;JSON…</source>
        <translation>기록을 JSON으로 저장(&amp;J)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Copy selected entries</source>
        <translation>선택한 항목 복사(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>찾기(&amp;F)…</translation>
    </message>
    <message>
        <source>Find &amp;next</source>
        <translation>다음 찾기(&amp;N)</translation>
    </message>
    <message>
        <source>Find &amp;previous</source>
        <translation>이전 찾기(&amp;P)</translation>
    </message>
    <message>
        <source>C&amp;lear history (a new session)</source>
        <translation>기록 지우기(&amp;L) (새 세션)</translation>
    </message>
    <message>
        <source>&amp;Discard queued messages</source>
        <translation>대기 중인 메시지 버리기(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Round-trip chart</source>
        <translation>왕복 시간 차트(&amp;R)</translation>
    </message>
    <message>
        <source>The round trip of each of the last 500 replies, with min, median and p99</source>
        <translation>최근 응답 500개 각각의 왕복 시간과 최소, 중앙값, p99</translation>
    </message>
    <message>
        <source>&amp;Connection</source>
        <translation>연결(&amp;C)</translation>
    </message>
    <message>
        <source>Connect / &amp;Disconnect</source>
        <translation>연결 / 연결 끊기(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Retry now</source>
        <translation>지금 다시 시도(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Ping</source>
        <translation>핑(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;UDP transport (at the next connect)</source>
        <translation>UDP 전송(&amp;U) (다음 연결부터)</translation>
    </message>
    <message>
        <source>The protocol choice applies from the next connection</source>
        <translation>프로토콜 선택은 다음 연결부터 적용됩니다</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Chorus Client</source>
        <translation>Chorus Client 정보(&amp;A)</translation>
    </message>
    <message>
        <source>About Chorus Client</source>
        <translation>Chorus Client 정보</translation>
    </message>
    <message>
        <source>&lt;b&gt;Chorus Client&lt;/b&gt; %1&lt;br&gt;A chat-style TCP client for testing servers and devices.</source>
        <translation>&lt;b&gt;Chorus Client&lt;/b&gt; %1&lt;br&gt;서버와 장치를 시험하기 위한 채팅 방식의 TCP 클라이언트.</translation>
    </message>
    <message>
        <source>The session log stopped (%1: %2); the client goes on without it</source>
        <translation>세션 로그가 멈췄습니다(%1: %2). 클라이언트는 세션 로그 없이 계속합니다</translation>
    </message>
    <message>
        <source>Session log: %1</source>
        <translation>세션 로그: %1</translation>
    </message>
    <message>
        <source>Simulated vehicle stopped</source>
        <translation>기체 시뮬레이션 중지</translation>
    </message>
    <message>
        <source>Simulated vehicle: command %1 (#%2) answered %3</source>
        <translation>기체 시뮬레이션: 명령 %1 (#%2)에 %3(으)로 응답</translation>
    </message>
    <message>
        <source>Simulated vehicle on: commands are answered %1 after %2 ms; telemetry every %3 ms</source>
        <translation>기체 시뮬레이션 켜짐: 명령에 %2 ms 뒤 %1(으)로 응답, 텔레메트리는 %3 ms마다</translation>
    </message>
    <message>
        <source>&amp;Replay session…</source>
        <translation>세션 재생(&amp;R)…</translation>
    </message>
    <message>
        <source>Send the sent messages of a session log again, with their timing</source>
        <translation>세션 로그에서 보낸 메시지를 원래 시간 간격대로 다시 보냅니다</translation>
    </message>
    <message>
        <source>Replay session</source>
        <translation>세션 재생</translation>
    </message>
    <message>
        <source>Session logs (*.jsonl);;All files (*)</source>
        <translation>세션 로그 (*.jsonl);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>Replay of %1 cancelled</source>
        <translation>%1 재생 취소됨</translation>
    </message>
    <message>
        <source>Replaying %1 as fast as possible</source>
        <translation>%1 재생 중 (최대 속도)</translation>
    </message>
    <message>
        <source>Replaying %1 at %2×</source>
        <translation>%1 재생 중 (%2배속)</translation>
    </message>
    <message numerus="yes">
        <source>Replay of %1: %n message(s)</source>
        <translation>
            <numerusform>%1 재생: 메시지 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>The replay starts once connected</source>
        <translation>연결되면 재생을 시작합니다</translation>
    </message>
    <message>
        <source>%1 of %2 messages sent</source>
        <translation>메시지 %2개 중 %1개 보냄</translation>
    </message>
    <message>
        <source>Replay of %1 done: %2</source>
        <translation>%1 재생 완료: %2</translation>
    </message>
    <message>
        <source>Replay of %1 stopped: %2</source>
        <translation>%1 재생 중지됨: %2</translation>
    </message>
    <message>
        <source>Replay of %1 ended: message %2 refused (%3); %4</source>
        <translation>%1 재생 종료: 메시지 %2 전송 거부됨 (%3); %4</translation>
    </message>
</context>
<context>
    <name>chorus::CommandPresetsDialog</name>
    <message>
        <source>Command presets</source>
        <translation>명령 프리셋</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>추가(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>삭제(&amp;R)</translation>
    </message>
    <message>
        <source>TAKEOFF alt={alt}\n</source>
        <translation>TAKEOFF alt={alt}\n</translation>
    </message>
    <message>
        <source>What a text or binary peer is sent: escaped text (\r \n \xNN) with {parameters}. Chorus peers get a cmd line with the arguments.</source>
        <translation>텍스트나 바이너리 피어에 보낼 내용: {매개변수}가 들어간 이스케이프 텍스트(\r \n \xNN). Chorus 피어는 인수가 담긴 cmd 줄을 받습니다.</translation>
    </message>
    <message>
        <source>TCP</source>
        <translation>TCP</translation>
    </message>
    <message>
        <source>UDP (not in this build: sent over TCP)</source>
        <translation>UDP (이 빌드에는 없음: TCP로 보냄)</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>^OK</source>
        <translation>^OK</translation>
    </message>
    <message>
        <source>A text peer&apos;s first reply matching this regular expression is the ack; empty: any reply.</source>
        <translation>텍스트 피어의 응답 중 이 정규 표현식에 처음 맞는 것이 ack입니다. 비우면 아무 응답이나 ack입니다.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>이름(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Payload:</source>
        <translation>페이로드(&amp;P):</translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation>채널(&amp;H):</translation>
    </message>
    <message>
        <source>Ack &amp;timeout:</source>
        <translation>Ack 제한 시간(&amp;T):</translation>
    </message>
    <message>
        <source>Re&amp;tries:</source>
        <translation>재시도(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Expected reply:</source>
        <translation>기대 응답(&amp;E):</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>가져오기(&amp;I)…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>내보내기(&amp;X)…</translation>
    </message>
    <message>
        <source>&amp;Defaults</source>
        <translation>기본값(&amp;D)</translation>
    </message>
    <message>
        <source>NEW_%1</source>
        <translation>NEW_%1</translation>
    </message>
    <message>
        <source>Import command presets</source>
        <translation>명령 프리셋 가져오기</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON 파일 (*.json)</translation>
    </message>
    <message>
        <source>Export command presets</source>
        <translation>명령 프리셋 내보내기</translation>
    </message>
    <message>
        <source>Not imported: %1 (%2)</source>
        <translation>가져오지 않음: %1 (%2)</translation>
    </message>
    <message>
        <source>%1: %2 %3</source>
        <translation>%1: %2 %3</translation>
    </message>
    <message>
        <source>%1: the name is used twice</source>
        <translation>%1: 이름이 두 번 쓰였습니다</translation>
    </message>
</context>
<context>
    <name>chorus::CommandTableModel</name>
    <message>
        <source>sent</source>
        <translation>보냄</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>진행 중</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>수락됨</translation>
    </message>
    <message>
        <source>denied</source>
        <translation>거부됨</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>unsupported</source>
        <translation>지원 안 함</translation>
    </message>
    <message>
        <source>temporarily rejected</source>
        <translation>일시적으로 거절됨</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>시간 초과</translation>
    </message>
    <message>
        <source>link lost</source>
        <translation>링크 끊김</translation>
    </message>
    <message>
        <source>in progress %1 %</source>
        <translation>진행 중 %1%</translation>
    </message>
    <message numerus="yes">
        <source>timed out (%n send(s))</source>
        <translation>
            <numerusform>시간 초과 (%n번 보냄)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>시각</translation>
    </message>
    <message>
        <source>Peer</source>
        <translation>피어</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>명령</translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation>인수</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>채널</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Ack RTT</source>
        <translation>Ack 왕복 시간</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>no UDP path</source>
        <translation>UDP 경로 없음</translation>
    </message>
</context>
<context>
    <name>chorus::CommandsPane</name>
    <message>
        <source>Send &amp;command…</source>
        <translation>명령 보내기(&amp;C)…</translation>
    </message>
    <message>
        <source>Pre&amp;sets…</source>
        <translation>프리셋(&amp;S)…</translation>
    </message>
    <message>
        <source>Peer:</source>
        <translation>피어:</translation>
    </message>
    <message>
        <source>All</source>
        <translation>전체</translation>
    </message>
    <message>
        <source>Selected connection</source>
        <translation>선택한 연결</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>상태:</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>보냄</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>진행 중</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>수락됨</translation>
    </message>
    <message>
        <source>Denied</source>
        <translation>거부됨</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>Unsupported</source>
        <translation>지원 안 함</translation>
    </message>
    <message>
        <source>Temporarily rejected</source>
        <translation>일시적으로 거절됨</translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation>시간 초과</translation>
    </message>
    <message>
        <source>Link lost</source>
        <translation>링크 끊김</translation>
    </message>
    <message>
        <source>No command sent yet.</source>
        <translation>아직 보낸 명령이 없습니다.</translation>
    </message>
    <message>
        <source>No UDP path</source>
        <translation>UDP 경로 없음</translation>
    </message>
</context>
<context>
    <name>chorus::Connection</name>
    <message>
        <source>closed by peer</source>
        <translation>피어가 닫음</translation>
    </message>
    <message>
        <source>peer is not reading: %1 bytes unsent (limit %2), connection aborted</source>
        <translation>피어가 읽지 않음: %L1바이트를 보내지 못함(한도 %L2), 연결을 중단함</translation>
    </message>
    <message>
        <source>framing not changed: the connection speaks the chorus protocol, in LF lines</source>
        <translation>프레이밍을 바꾸지 않음: 이 연결은 Chorus 프로토콜을 LF 줄로 씁니다</translation>
    </message>
    <message>
        <source>framing changed from %1 to %2</source>
        <translation>프레이밍을 %1에서 %2(으)로 바꿈</translation>
    </message>
    <message>
        <source>only Chorus clients with the access token may talk from this address</source>
        <translation>이 주소에서는 접근 토큰을 가진 Chorus 클라이언트만 통신할 수 있음</translation>
    </message>
    <message>
        <source>refused a plain peer: %1</source>
        <translation>일반 피어를 거부함: %1</translation>
    </message>
    <message>
        <source>this server needs an access token</source>
        <translation>이 서버는 접근 토큰이 필요함</translation>
    </message>
    <message>
        <source>wrong access token</source>
        <translation>접근 토큰이 틀림</translation>
    </message>
    <message>
        <source>hello refused: %1</source>
        <translation>hello 거부: %1</translation>
    </message>
    <message>
        <source>frame of %1 bytes (header %2) discarded: longer than the limit of %3 bytes</source>
        <translation>%L1바이트 프레임(헤더 %2)을 버림: 한도 %L3바이트보다 깁니다</translation>
    </message>
    <message>
        <source>%1 bytes discarded: a message longer than the limit of %2 bytes</source>
        <translation>%L1바이트를 버림: 한도 %L2바이트보다 긴 메시지</translation>
    </message>
    <message>
        <source>bad length field (header %1): the frame would be shorter than its header; the header was skipped</source>
        <translation>잘못된 길이 필드(헤더 %1): 프레임이 헤더보다 짧아지므로 헤더를 건너뜀</translation>
    </message>
    <message>
        <source>%1 bytes outside an envelope (%2)</source>
        <translation>엔벨로프 밖의 %L1바이트 (%2)</translation>
    </message>
    <message>
        <source>the stream ended inside a frame: %1 bytes of it (%2)</source>
        <translation>프레임 도중에 스트림이 끝남: 그 프레임의 %L1바이트 (%2)</translation>
    </message>
    <message>
        <source>no app named</source>
        <translation>앱 이름 없음</translation>
    </message>
    <message>
        <source>speaks chorus protocol %1, no name (%2)</source>
        <translation>Chorus 프로토콜 %1 사용, 이름 없음 (%2)</translation>
    </message>
    <message>
        <source>speaks chorus protocol %1 as %2 (%3)</source>
        <translation>Chorus 프로토콜 %1 사용, 이름 %2 (%3)</translation>
    </message>
    <message>
        <source>named %1</source>
        <translation>이름 %1</translation>
    </message>
    <message>
        <source>renamed from %1 to %2</source>
        <translation>이름을 %1에서 %2(으)로 바꿈</translation>
    </message>
    <message>
        <source>peer said bye</source>
        <translation>피어가 bye를 보냄</translation>
    </message>
    <message>
        <source>peer said bye: %1</source>
        <translation>피어가 bye를 보냄: %1</translation>
    </message>
    <message>
        <source>peer reported an error (%1): %2</source>
        <translation>피어가 오류를 알림 (%1): %2</translation>
    </message>
    <message>
        <source>a client does not send &quot;%1&quot; messages here</source>
        <translation>클라이언트는 여기서 &quot;%1&quot; 메시지를 보내지 않습니다</translation>
    </message>
    <message>
        <source>protocol error (%1): %2</source>
        <translation>프로토콜 오류 (%1): %2</translation>
    </message>
    <message>
        <source>%1 bytes not sent: they are not UTF-8 text, which the chorus protocol cannot carry</source>
        <translation>%L1바이트를 보내지 않음: Chorus 프로토콜이 실을 수 없는, UTF-8 텍스트가 아닌 바이트입니다</translation>
    </message>
    <message>
        <source>%1 bytes not sent: longer than the peer&apos;s length field can say</source>
        <translation>%L1바이트를 보내지 않음: 피어의 길이 필드가 나타낼 수 있는 것보다 깁니다</translation>
    </message>
    <message>
        <source>sent %1 bytes as they are to a peer of %2-byte frames</source>
        <translation>%2바이트 프레임을 쓰는 피어에 %1바이트를 그대로 보냄</translation>
    </message>
    <message>
        <source>received</source>
        <translation>받음</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>보냄</translation>
    </message>
    <message>
        <source>control in</source>
        <translation>제어 수신</translation>
    </message>
    <message>
        <source>control out</source>
        <translation>제어 송신</translation>
    </message>
    <message>
        <source>a message was not completed within %1 s (%2 bytes of it arrived)</source>
        <translation>%1초 안에 메시지가 끝나지 않음 (그중 %L2바이트 도착)</translation>
    </message>
    <message>
        <source>nothing received for %1 s</source>
        <translation>%1초 동안 받은 것이 없음</translation>
    </message>
    <message>
        <source>rule &quot;%1&quot;: its regular expression gave up on a message at the match limit; counted as no match</source>
        <translation>규칙 &quot;%1&quot;: 정규 표현식이 일치 한도에서 메시지를 포기함. 불일치로 처리</translation>
    </message>
    <message>
        <source>no rule matched: no reply</source>
        <translation>일치하는 규칙 없음: 응답 안 함</translation>
    </message>
    <message>
        <source>sent from the reply book</source>
        <translation>응답 목록에서 보냄</translation>
    </message>
    <message>
        <source>sent by rule &quot;%1&quot;</source>
        <translation>규칙 &quot;%1&quot;(으)로 보냄</translation>
    </message>
    <message>
        <source>closed by rule &quot;%1&quot;</source>
        <translation>규칙 &quot;%1&quot;이(가) 닫음</translation>
    </message>
    <message>
        <source>closed by a reply rule</source>
        <translation>응답 규칙이 연결을 닫음</translation>
    </message>
    <message numerus="yes">
        <source>%n delayed replies dropped: the connection is closing</source>
        <translation>
            <numerusform>지연된 응답 %n개를 버림: 연결을 닫는 중입니다</numerusform>
        </translation>
    </message>
    <message>
        <source>TLS established: %1, %2</source>
        <translation>TLS 연결 수립: %1, %2</translation>
    </message>
    <message>
        <source>TLS: %1</source>
        <translation>TLS: %1</translation>
    </message>
    <message>
        <source>this port speaks TLS: connect with TLS (chorus-client: Use TLS)</source>
        <translation>이 포트는 TLS 전용: TLS로 연결하세요 (chorus-client: TLS 사용)</translation>
    </message>
    <message>
        <source>a plain client on the TLS port: %1</source>
        <translation>TLS 포트에 일반 클라이언트: %1</translation>
    </message>
    <message>
        <source>the peer sent nothing and closed (no TLS handshake began)</source>
        <translation>피어가 아무것도 보내지 않고 닫음 (TLS 핸드셰이크를 시작하지 않음)</translation>
    </message>
    <message>
        <source>the peer closed during the TLS handshake (a client that does not trust this certificate yet?)</source>
        <translation>피어가 TLS 핸드셰이크 도중 닫음 (아직 이 인증서를 신뢰하지 않는 클라이언트인가요?)</translation>
    </message>
    <message>
        <source>protocol error over UDP (%1): %2</source>
        <translation>UDP 프로토콜 오류 (%1): %2</translation>
    </message>
    <message>
        <source>not sent over UDP: no UDP channel is open</source>
        <translation>UDP로 보내지 않음: 열린 UDP 채널이 없습니다</translation>
    </message>
    <message>
        <source>status (%1)</source>
        <translation>상태 (%1)</translation>
    </message>
    <message>
        <source>stale: nothing heard for %1 s</source>
        <translation>응답 없음: %1초 동안 소식 없음</translation>
    </message>
    <message>
        <source>heard again: no longer stale</source>
        <translation>다시 소식 있음: 더는 응답 없음 상태가 아님</translation>
    </message>
    <message>
        <source>command %1 (#%2) not sent: its channel is UDP and this peer has no UDP channel open</source>
        <translation>명령 %1 (#%2) 보내지 않음: 채널이 UDP인데 이 피어에 열린 UDP 채널이 없음</translation>
    </message>
</context>
<context>
    <name>chorus::ConnectionBar</name>
    <message>
        <source>Connect</source>
        <translation>연결</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>지금 다시 시도</translation>
    </message>
    <message>
        <source>Ping</source>
        <translation>핑</translation>
    </message>
    <message>
        <source>Auto-reconnect</source>
        <translation>자동 재연결</translation>
    </message>
    <message>
        <source>Host name or address of the server</source>
        <translation>서버의 호스트 이름 또는 주소</translation>
    </message>
    <message>
        <source>TCP port of the server</source>
        <translation>서버의 TCP 포트</translation>
    </message>
    <message>
        <source>Reconnect now instead of waiting for the next attempt</source>
        <translation>다음 시도를 기다리지 않고 지금 재연결합니다</translation>
    </message>
    <message>
        <source>After an unexpected drop, retry with backoff (0.5 s doubling to 30 s)</source>
        <translation>예상치 못하게 끊기면 간격을 늘려 가며 다시 시도합니다 (0.5초부터 두 배씩, 최대 30초)</translation>
    </message>
    <message>
        <source>name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Your name as a chorus-server shows it (Enter renames at once)</source>
        <translation>chorus-server에 보일 내 이름 (Enter를 누르면 바로 바뀜)</translation>
    </message>
    <message>
        <source>Round trip to a chorus-server, without the reply book</source>
        <translation>응답 목록을 거치지 않는 chorus-server까지의 왕복 시간</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>호스트:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>포트:</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>연결 끊기</translation>
    </message>
    <message>
        <source>Reconnecting to %1 now (attempt %2)…</source>
        <translation>지금 %1에 재연결 중 (%2번째 시도)…</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>%1에 연결 중…</translation>
    </message>
    <message>
        <source>plain text</source>
        <translation>일반 텍스트</translation>
    </message>
    <message>
        <source>offering Chorus…</source>
        <translation>Chorus 제안 중…</translation>
    </message>
    <message>
        <source>Chorus, you are #%1</source>
        <translation>Chorus, 내 번호 #%1</translation>
    </message>
    <message>
        <source>Chorus + UDP channel, you are #%1</source>
        <translation>Chorus + UDP 채널, 내 번호 #%1</translation>
    </message>
    <message>
        <source>Chorus, you are #%1 (UDP channel failed)</source>
        <translation>Chorus, 내 번호 #%1 (UDP 채널 실패)</translation>
    </message>
    <message>
        <source>Chorus, you are #%1 (UDP channel not answered)</source>
        <translation>Chorus, 내 번호 #%1 (UDP 채널 응답 없음)</translation>
    </message>
    <message>
        <source>UDP datagrams, plain text</source>
        <translation>UDP 데이터그램, 일반 텍스트</translation>
    </message>
    <message>
        <source>Connected · %1 · %2 since %3</source>
        <translation>연결됨 · %1 · %2 · %3부터</translation>
    </message>
    <message>
        <source>Reconnecting in %1 (attempt %2) · last error: %3</source>
        <translation>%1 후 재연결 (%2번째 시도) · 마지막 오류: %3</translation>
    </message>
</context>
<context>
    <name>chorus::ConnectionPane</name>
    <message>
        <source>Disconnect (it may reconnect)</source>
        <translation>연결 끊기 (다시 연결할 수 있음)</translation>
    </message>
    <message>
        <source>Closes the connection. A client with auto-reconnect connects again within a second or so; to keep it out, use Disconnect and block.</source>
        <translation>연결을 닫습니다. 자동 재연결을 켠 클라이언트는 1초 안팎에 다시 연결합니다. 못 들어오게 하려면 연결 끊고 차단을 쓰세요.</translation>
    </message>
    <message>
        <source>Disconnect and block for N minutes…</source>
        <translation>연결 끊고 N분 동안 차단…</translation>
    </message>
    <message>
        <source>Closes the connection and refuses new ones from the same address for a while. Server → Blocked addresses… lists and lifts blocks.</source>
        <translation>연결을 닫고 한동안 같은 주소에서 오는 새 연결을 거부합니다. 서버 → 차단된 주소…에서 차단을 보고 풉니다.</translation>
    </message>
    <message>
        <source>Send message…</source>
        <translation>메시지 보내기…</translation>
    </message>
    <message>
        <source>Send over UDP…</source>
        <translation>UDP로 보내기…</translation>
    </message>
    <message>
        <source>A message over the UDP channel a Chorus client opened beside its TCP link (Protocol TCP+UDP).</source>
        <translation>Chorus 클라이언트가 TCP 링크 옆에 연 UDP 채널로 보내는 메시지 (프로토콜 TCP+UDP).</translation>
    </message>
    <message>
        <source>Framing…</source>
        <translation>프레이밍…</translation>
    </message>
    <message>
        <source>How these connections&apos; messages end (and their replies are framed), from their next byte on.</source>
        <translation>이 연결들의 메시지가 어디서 끝나는지(그리고 응답을 어떻게 프레이밍하는지). 다음 바이트부터 적용됩니다.</translation>
    </message>
    <message>
        <source>Copy address</source>
        <translation>주소 복사</translation>
    </message>
    <message>
        <source>Not sent: %1.</source>
        <translation>보내지 않음: %1.</translation>
    </message>
    <message>
        <source>Send to all</source>
        <translation>모두에게 보내기</translation>
    </message>
    <message>
        <source>Send to selected</source>
        <translation>선택한 연결에 보내기</translation>
    </message>
    <message>
        <source>&amp;Broadcast:</source>
        <translation>전체 전송(&amp;B):</translation>
    </message>
    <message>
        <source>disconnected from the server window</source>
        <translation>서버 창에서 연결을 끊음</translation>
    </message>
    <message>
        <source>Disconnect and block</source>
        <translation>연결 끊고 차단</translation>
    </message>
    <message numerus="yes">
        <source>Refuse new connections from the address of %n connection(s) for this many minutes:</source>
        <translation>
            <numerusform>연결 %n개의 주소에서 오는 새 연결을 몇 분 동안 거부할까요:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Framing of %n connection(s)</source>
        <translation>
            <numerusform>연결 %n개의 프레이밍</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chorus::ConnectionTableModel</name>
    <message>
        <source>(first %1 of %2 bytes)</source>
        <translation>(%2바이트 중 처음 %1바이트)</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>TLS…</source>
        <translation>TLS…</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>응답 없음</translation>
    </message>
    <message>
        <source>connected, limited</source>
        <translation>연결됨, 제한 중</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>프로토콜</translation>
    </message>
    <message>
        <source>Peer address</source>
        <translation>피어 주소</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>포트</translation>
    </message>
    <message>
        <source>Connected since</source>
        <translation>연결 시각</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>지속 시간</translation>
    </message>
    <message>
        <source>Msgs in</source>
        <translation>받음</translation>
    </message>
    <message>
        <source>Msgs out</source>
        <translation>보냄</translation>
    </message>
    <message>
        <source>Bytes in</source>
        <translation>받은 바이트</translation>
    </message>
    <message>
        <source>Bytes out</source>
        <translation>보낸 바이트</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>Last message</source>
        <translation>마지막 메시지</translation>
    </message>
    <message>
        <source>Framing</source>
        <translation>프레이밍</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>마지막 수신</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Telemetry &quot;%1&quot;: each peer&apos;s latest value</source>
        <translation>텔레메트리 &quot;%1&quot;: 피어별 최신 값</translation>
    </message>
    <message>
        <source>%1: the peer is stale; this is its last value</source>
        <translation>%1: 피어가 응답 없음 상태이므로 마지막으로 받은 값입니다</translation>
    </message>
    <message>
        <source>Messages received from this peer</source>
        <translation>이 피어에게서 받은 메시지 수</translation>
    </message>
    <message>
        <source>Messages sent to this peer</source>
        <translation>이 피어에게 보낸 메시지 수</translation>
    </message>
</context>
<context>
    <name>chorus::ConsoleClient</name>
    <message>
        <source>line %1: %2 bytes is longer than a message can be (%3 bytes); not sent</source>
        <translation>%1번째 줄: %2바이트로 메시지 최대 크기(%3바이트)보다 깁니다. 보내지 않음</translation>
    </message>
    <message>
        <source>standard input: %1</source>
        <translation>표준 입력: %1</translation>
    </message>
    <message>
        <source>line %1, byte %2: not UTF-8; write such bytes as \xNN or use --input hex; not sent</source>
        <translation>%1번째 줄, 바이트 %2: UTF-8이 아닙니다. 이런 바이트는 \xNN으로 쓰거나 --input hex를 쓰세요. 보내지 않음</translation>
    </message>
    <message>
        <source>line %1, column %2: %3; not sent</source>
        <translation>%1번째 줄, %2번째 열: %3. 보내지 않음</translation>
    </message>
    <message>
        <source>reply: %1 (%2 ms)</source>
        <translation>응답: %1 (%2 ms)</translation>
    </message>
    <message>
        <source>reply: %1</source>
        <translation>응답: %1</translation>
    </message>
    <message>
        <source>broadcast: %1</source>
        <translation>전체 전송: %1</translation>
    </message>
    <message>
        <source>direct: %1</source>
        <translation>개별 전송: %1</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>%1번째 줄: %2</translation>
    </message>
    <message>
        <source>line %1: no reply within %2 ms</source>
        <translation>%1번째 줄: %2 ms 안에 응답 없음</translation>
    </message>
    <message>
        <source>replay: message %1 of %2 refused: %3</source>
        <translation>재생: 메시지 %2개 중 %1번째 전송 거부됨: %3</translation>
    </message>
    <message>
        <source>replay: %1 of %2 messages sent</source>
        <translation>재생: 메시지 %2개 중 %1개 보냄</translation>
    </message>
    <message numerus="yes">
        <source>replay: %n repl(y/ies) did not come within %1 ms</source>
        <translation>
            <numerusform>재생: 응답 %n개가 %1 ms 안에 오지 않음</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chorus::FileResult</name>
    <message>
        <source>%1 does not exist</source>
        <translation>%1이(가) 없습니다</translation>
    </message>
    <message>
        <source>%1 is not a regular file (%2)</source>
        <translation>%1은(는) 일반 파일이 아닙니다 (%2)</translation>
    </message>
    <message>
        <source>%1 is too large (%2)</source>
        <translation>%1이(가) 너무 큽니다 (%2)</translation>
    </message>
    <message>
        <source>Cannot create the folder for %1: %2</source>
        <translation>%1의 폴더를 만들 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1을(를) 열 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1을(를) 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2; the previous file is unchanged</source>
        <translation>%1을(를) 쓸 수 없습니다: %2. 이전 파일은 그대로입니다</translation>
    </message>
</context>
<context>
    <name>chorus::FindBar</name>
    <message>
        <source>Find in history</source>
        <translation>기록에서 찾기</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>다음</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>이전</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>찾기:</translation>
    </message>
</context>
<context>
    <name>chorus::Fleet</name>
    <message>
        <source>ack for command %1, which had already ended: ignored</source>
        <translation>이미 끝난 명령 %1에 대한 ack: 무시함</translation>
    </message>
    <message>
        <source>ack for command %1, which this connection was never sent: ignored</source>
        <translation>이 연결로 보낸 적이 없는 명령 %1에 대한 ack: 무시함</translation>
    </message>
</context>
<context>
    <name>chorus::FrameDecoder</name>
    <message>
        <source>raw</source>
        <translation>원시</translation>
    </message>
    <message>
        <source>idle gap</source>
        <translation>유휴 간격</translation>
    </message>
</context>
<context>
    <name>chorus::FrameSpec</name>
    <message>
        <source>auto</source>
        <translation>자동</translation>
    </message>
    <message>
        <source>line</source>
        <translation>줄</translation>
    </message>
    <message>
        <source>raw</source>
        <translation>원시</translation>
    </message>
    <message>
        <source>delimiter %1</source>
        <translation>구분자 %1</translation>
    </message>
    <message>
        <source>length @%1+%2 %3</source>
        <translation>길이 @%1+%2 %3</translation>
    </message>
    <message>
        <source>fixed %1</source>
        <translation>고정 %1</translation>
    </message>
</context>
<context>
    <name>chorus::FramingChoice</name>
    <message>
        <source>Fixed size…</source>
        <translation>고정 크기…</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>사용자 지정…</translation>
    </message>
    <message>
        <source>Where a message ends. Fixed size… and Custom… open the framing editor (any delimiter, length field or size).</source>
        <translation>메시지가 끝나는 곳. 고정 크기…와 사용자 지정…은 프레이밍 편집기(모든 구분자, 길이 필드, 크기)를 엽니다.</translation>
    </message>
    <message>
        <source>--framing %1</source>
        <translation>--framing %1</translation>
    </message>
</context>
<context>
    <name>chorus::FramingDialog</name>
    <message>
        <source>Framing</source>
        <translation>프레이밍</translation>
    </message>
</context>
<context>
    <name>chorus::FramingEditor</name>
    <message>
        <source>Auto: LF, CR LF, CR or an idle gap</source>
        <translation>자동: LF, CR LF, CR 또는 유휴 간격</translation>
    </message>
    <message>
        <source>Line: LF or CR LF</source>
        <translation>줄: LF 또는 CR LF</translation>
    </message>
    <message>
        <source>CR: a carriage return ends a message</source>
        <translation>CR: 캐리지 리턴으로 메시지가 끝남</translation>
    </message>
    <message>
        <source>Raw: each arrival is a message</source>
        <translation>원시: 도착한 단위마다 메시지 하나</translation>
    </message>
    <message>
        <source>Delimiter: chosen bytes end a message</source>
        <translation>구분자: 고른 바이트로 메시지가 끝남</translation>
    </message>
    <message>
        <source>Length field: a header says the length</source>
        <translation>길이 필드: 헤더가 길이를 알려 줌</translation>
    </message>
    <message>
        <source>Fixed size: N bytes a message</source>
        <translation>고정 크기: 메시지 하나에 N바이트</translation>
    </message>
    <message>
        <source>No parameters.</source>
        <translation>매개변수 없음.</translation>
    </message>
    <message>
        <source> bytes</source>
        <translation> 바이트</translation>
    </message>
    <message>
        <source>Message size:</source>
        <translation>메시지 크기:</translation>
    </message>
    <message>
        <source>Optional. With a start (e.g. 02 = STX), a message is what lies between start and end; bytes outside are reported in the log.</source>
        <translation>선택 사항. 시작 바이트(예: 02 = STX)를 주면 시작과 끝 사이가 메시지이고, 그 밖의 바이트는 로그에 알립니다.</translation>
    </message>
    <message>
        <source>End bytes:</source>
        <translation>끝 바이트:</translation>
    </message>
    <message>
        <source>Start bytes:</source>
        <translation>시작 바이트:</translation>
    </message>
    <message>
        <source>u16 BE prefix (2-byte length, then the message)</source>
        <translation>u16 BE 접두 (2바이트 길이, 이어서 메시지)</translation>
    </message>
    <message>
        <source>u32 BE prefix (4-byte length, then the message)</source>
        <translation>u32 BE 접두 (4바이트 길이, 이어서 메시지)</translation>
    </message>
    <message>
        <source>Modbus/TCP (MBAP header, whole ADU)</source>
        <translation>Modbus/TCP (MBAP 헤더, ADU 전체)</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>사용자 지정</translation>
    </message>
    <message>
        <source>lengthFieldOffset: bytes before the length field</source>
        <translation>lengthFieldOffset: 길이 필드 앞의 바이트 수</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n바이트</numerusform>
        </translation>
    </message>
    <message>
        <source>lengthFieldLength</source>
        <translation>lengthFieldLength</translation>
    </message>
    <message>
        <source>Big endian (network order)</source>
        <translation>빅 엔디언 (네트워크 순서)</translation>
    </message>
    <message>
        <source>Little endian</source>
        <translation>리틀 엔디언</translation>
    </message>
    <message>
        <source>lengthAdjustment: added to the field&apos;s value (negative when the length counts the header)</source>
        <translation>lengthAdjustment: 필드 값에 더하는 수 (길이가 헤더를 포함하면 음수)</translation>
    </message>
    <message>
        <source>initialBytesToStrip: removed from the start of each frame</source>
        <translation>initialBytesToStrip: 각 프레임 앞에서 떼어 내는 바이트 수</translation>
    </message>
    <message>
        <source>the message limit</source>
        <translation>메시지 한도</translation>
    </message>
    <message>
        <source>maxFrameLength: longer frames are discarded and logged</source>
        <translation>maxFrameLength: 더 긴 프레임은 버리고 로그에 남김</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>프리셋:</translation>
    </message>
    <message>
        <source>Field offset:</source>
        <translation>필드 오프셋:</translation>
    </message>
    <message>
        <source>Field size:</source>
        <translation>필드 크기:</translation>
    </message>
    <message>
        <source>Byte order:</source>
        <translation>바이트 순서:</translation>
    </message>
    <message>
        <source>Length adjustment:</source>
        <translation>길이 보정:</translation>
    </message>
    <message>
        <source>Bytes to strip:</source>
        <translation>떼어 낼 바이트:</translation>
    </message>
    <message>
        <source>Maximum frame:</source>
        <translation>최대 프레임:</translation>
    </message>
    <message>
        <source>End bytes: %1</source>
        <translation>끝 바이트: %1</translation>
    </message>
    <message>
        <source>End bytes: give at least one byte</source>
        <translation>끝 바이트: 한 바이트 이상 주세요</translation>
    </message>
    <message>
        <source>End bytes: at most %1 bytes</source>
        <translation>끝 바이트: 최대 %1바이트</translation>
    </message>
    <message>
        <source>Start bytes: %1</source>
        <translation>시작 바이트: %1</translation>
    </message>
    <message>
        <source>Start bytes: at most %1 bytes</source>
        <translation>시작 바이트: 최대 %1바이트</translation>
    </message>
    <message>
        <source>Command line: --framing %1</source>
        <translation>명령줄: --framing %1</translation>
    </message>
</context>
<context>
    <name>chorus::HeadlessServer</name>
    <message>
        <source>chorus-server: --replies: %1</source>
        <translation>chorus-server: --replies: %1</translation>
    </message>
    <message>
        <source>warning: %1; answering with the factory replies.</source>
        <translation>경고: %1. 기본 응답으로 답합니다.</translation>
    </message>
    <message>
        <source>chorus-server: --log-file: %1</source>
        <translation>chorus-server: --log-file: %1</translation>
    </message>
    <message>
        <source>chorus-server: %1; logging to the file stopped, the server goes on.</source>
        <translation>chorus-server: %1. 파일 로그 기록은 멈췄지만 서버는 계속합니다.</translation>
    </message>
    <message>
        <source>chorus-server %1: %2 replies (%3 enabled), pick %4, open-file limit %5</source>
        <translation>chorus-server %1: 응답 %2개 (%3개 사용), 고르기 %4, 열린 파일 한도 %5</translation>
    </message>
    <message>
        <source>chorus-server: --rules: %1</source>
        <translation>chorus-server: --rules: %1</translation>
    </message>
    <message>
        <source>warning: rule %1 (&quot;%2&quot;) is inactive: %3</source>
        <translation>경고: 규칙 %1(&quot;%2&quot;)이 비활성입니다: %3</translation>
    </message>
    <message numerus="yes">
        <source>%n reply rules from %1 (%2 inactive); unmatched messages: %3</source>
        <translation>
            <numerusform>%1의 응답 규칙 %n개 (비활성 %2개). 일치하지 않는 메시지: %3</numerusform>
        </translation>
    </message>
    <message>
        <source>reply book</source>
        <translation>응답 목록</translation>
    </message>
    <message>
        <source>no reply</source>
        <translation>응답 안 함</translation>
    </message>
    <message>
        <source>listening on %1, UDP port %2</source>
        <translation>%1에서 수신 대기, UDP 포트 %2</translation>
    </message>
    <message>
        <source> and </source>
        <translation> 및 </translation>
    </message>
    <message>
        <source>listening on %1</source>
        <translation>%1에서 수신 대기</translation>
    </message>
    <message>
        <source>chorus-server: %1</source>
        <translation>chorus-server: %1</translation>
    </message>
    <message>
        <source>chorus-server: stopping now.</source>
        <translation>chorus-server: 지금 중지합니다.</translation>
    </message>
    <message>
        <source>stopping: closing every connection</source>
        <translation>중지 중: 모든 연결을 닫습니다</translation>
    </message>
    <message>
        <source>chorus-server: connections did not close in time; quitting.</source>
        <translation>chorus-server: 연결이 제때 닫히지 않아 끝냅니다.</translation>
    </message>
    <message>
        <source>chorus-server: the session log stopped (%1: %2, %3); the server goes on, retrying in %4 s.</source>
        <translation>chorus-server: 세션 로그가 멈췄습니다(%1: %2, %3). 서버는 계속 동작하며 %4초 후 다시 시도합니다.</translation>
    </message>
    <message>
        <source>the session log goes on in a new file</source>
        <translation>세션 로그를 새 파일에 이어서 기록함</translation>
    </message>
</context>
<context>
    <name>chorus::HistoryDelegate</name>
    <message>
        <source>broadcast · </source>
        <translation>전체 전송 · </translation>
    </message>
    <message>
        <source>direct · </source>
        <translation>개별 전송 · </translation>
    </message>
    <message>
        <source> · queued</source>
        <translation> · 대기 중</translation>
    </message>
    <message>
        <source> · %1 B</source>
        <translation> · %L1 B</translation>
    </message>
    <message>
        <source> · the first %1 shown (Copy gives all)</source>
        <translation> · 처음 %1만 표시 (복사하면 전부)</translation>
    </message>
</context>
<context>
    <name>chorus::HistoryModel</name>
    <message>
        <source>
… %1 bytes in all</source>
        <translation>
… 전체 %L1바이트</translation>
    </message>
    <message>
        <source>not a history file: %1</source>
        <translation>기록 파일이 아닙니다: %1</translation>
    </message>
</context>
<context>
    <name>chorus::LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;System (%1)</source>
        <translation>시스템 설정(&amp;S) (%1)</translation>
    </message>
    <message>
        <source>The language of menus, dialogs and messages</source>
        <translation>메뉴, 대화 상자, 메시지의 언어</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>The language choice was not saved: %1</source>
        <translation>언어 선택을 저장하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>The new language applies from the next start. Restart now?</source>
        <translation>새 언어는 다음에 시작할 때부터 적용됩니다. 지금 다시 시작할까요?</translation>
    </message>
</context>
<context>
    <name>chorus::ListenBar</name>
    <message>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>&amp;UDP</source>
        <translation>&amp;UDP</translation>
    </message>
    <message>
        <source>Where clients may connect from. This machine only listens on 127.0.0.1 and ::1, so &quot;localhost&quot; works over IPv4 and IPv6.</source>
        <translation>클라이언트가 접속할 수 있는 곳. &quot;이 컴퓨터만&quot;은 127.0.0.1과 ::1에서 수신 대기하므로 &quot;localhost&quot;로 IPv4와 IPv6 모두 연결됩니다.</translation>
    </message>
    <message>
        <source>any free port</source>
        <translation>빈 포트 아무거나</translation>
    </message>
    <message>
        <source>0 picks any free port; the real port is shown once listening.</source>
        <translation>0이면 빈 포트를 아무거나 고릅니다. 실제 포트는 수신 대기를 시작하면 표시됩니다.</translation>
    </message>
    <message>
        <source>Where a message ends. Applies to new connections at once, no restart needed; a connection&apos;s own framing: right-click it, Framing….</source>
        <translation>메시지가 끝나는 곳. 새 연결에 바로 적용되며 다시 시작할 필요가 없습니다. 연결마다 따로 정하려면 연결을 오른쪽 클릭 → 프레이밍….</translation>
    </message>
    <message>
        <source>Also answer UDP datagrams on the same addresses (the UDP port is the TCP port unless set in Settings). Applies at the next Start.</source>
        <translation>같은 주소에서 UDP 데이터그램에도 답합니다(UDP 포트는 설정에서 따로 정하지 않으면 TCP 포트와 같습니다). 다음 시작부터 적용됩니다.</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>주소(&amp;A):</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>포트(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Framing:</source>
        <translation>프레이밍(&amp;F):</translation>
    </message>
    <message>
        <source>All interfaces (IPv4 + IPv6)</source>
        <translation>모든 인터페이스 (IPv4 + IPv6)</translation>
    </message>
    <message>
        <source>This machine only (127.0.0.1 + ::1)</source>
        <translation>이 컴퓨터만 (127.0.0.1 + ::1)</translation>
    </message>
    <message>
        <source>%1 (not found on this machine)</source>
        <translation>%1 (이 컴퓨터에 없음)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
</context>
<context>
    <name>chorus::LogEntry</name>
    <message>
        <source>(0 bytes)</source>
        <translation>(0바이트)</translation>
    </message>
    <message numerus="yes">
        <source>(%n bytes)</source>
        <translation>
            <numerusform>(%n바이트)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chorus::LogFileWriter</name>
    <message>
        <source>a folder</source>
        <translation>폴더</translation>
    </message>
    <message>
        <source>a FIFO, socket or device</source>
        <translation>FIFO, 소켓 또는 장치</translation>
    </message>
</context>
<context>
    <name>chorus::LogPane</name>
    <message>
        <source>Only selected</source>
        <translation>선택한 것만</translation>
    </message>
    <message>
        <source>Pause auto-scroll</source>
        <translation>자동 스크롤 멈춤</translation>
    </message>
    <message>
        <source>Filter log (text or #ID)</source>
        <translation>로그 필터 (텍스트 또는 #ID)</translation>
    </message>
    <message>
        <source>Show only the lines about the connections selected in the table</source>
        <translation>표에서 선택한 연결에 대한 줄만 보입니다</translation>
    </message>
    <message>
        <source>All connections</source>
        <translation>모든 연결</translation>
    </message>
    <message>
        <source>Show only lines about these connections, e.g. #7 or 7, 12</source>
        <translation>이 연결들에 대한 줄만 보입니다. 예: #7 또는 7, 12</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>지우기</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>저장…</translation>
    </message>
    <message>
        <source>Log to file…</source>
        <translation>파일로 로그 기록…</translation>
    </message>
    <message>
        <source>%1. Logging to the file stopped.</source>
        <translation>%1. 파일 로그 기록을 멈췄습니다.</translation>
    </message>
    <message>
        <source>Vehicle status lines shown, by severity</source>
        <translation>심각도별로 보여 줄 기체 상태 줄</translation>
    </message>
    <message>
        <source>Status: all</source>
        <translation>상태: 전부</translation>
    </message>
    <message>
        <source>Status: info and up</source>
        <translation>상태: info 이상</translation>
    </message>
    <message>
        <source>Status: warning and up</source>
        <translation>상태: warning 이상</translation>
    </message>
    <message>
        <source>Status: error and up</source>
        <translation>상태: error 이상</translation>
    </message>
    <message>
        <source>#%1 (%2)</source>
        <translation>#%1 (%2)</translation>
    </message>
    <message>
        <source>#%1 %2 (%3)</source>
        <translation>#%1 %2 (%3)</translation>
    </message>
    <message>
        <source>Save log</source>
        <translation>로그 저장</translation>
    </message>
    <message>
        <source>Log text, messages with escapes (*.log *.txt);;JSON lines, messages as exact hex bytes (*.jsonl);;All files (*)</source>
        <translation>로그 텍스트, 메시지는 이스케이프로 (*.log *.txt);;JSON 줄, 메시지는 정확한 16진수 바이트로 (*.jsonl);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>The log was not saved: %1.</source>
        <translation>로그를 저장하지 못했습니다: %1.</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n line(s) to %1</source>
        <translation>
            <numerusform>%1에 %n줄을 저장했습니다</numerusform>
        </translation>
    </message>
    <message>
        <source>Log to file</source>
        <translation>파일로 로그 기록</translation>
    </message>
    <message>
        <source>Log files (*.log *.txt);;All files (*)</source>
        <translation>로그 파일 (*.log *.txt);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Not logging to a file: %1.</source>
        <translation>파일로 로그를 기록하지 않음: %1.</translation>
    </message>
    <message>
        <source>Logging to %1</source>
        <translation>%1에 로그 기록 중</translation>
    </message>
    <message>
        <source>Stop logging to file</source>
        <translation>파일 로그 기록 중지</translation>
    </message>
    <message>
        <source>Stopped logging to %1</source>
        <translation>%1에 로그 기록을 멈췄습니다</translation>
    </message>
</context>
<context>
    <name>chorus::OlderEntriesBar</name>
    <message>
        <source>Load older…</source>
        <translation>이전 항목 불러오기…</translation>
    </message>
    <message>
        <source>Read the previous %1 entries back from this session&apos;s kept history</source>
        <translation>이 세션의 보관된 기록에서 이전 항목 %1개를 다시 읽습니다</translation>
    </message>
    <message>
        <source>%1 older entries are not in view (the history holds %2)</source>
        <translation>이전 항목 %1개가 보기에 없습니다 (기록은 %2개를 담습니다)</translation>
    </message>
    <message>
        <source>%1 older entries were dropped from view and not kept</source>
        <translation>이전 항목 %1개가 보기에서 빠졌고 보관되지 않았습니다</translation>
    </message>
</context>
<context>
    <name>chorus::QuickMessageDialog</name>
    <message>
        <source>Quick message</source>
        <translation>빠른 메시지</translation>
    </message>
    <message>
        <source>Shown on the button</source>
        <translation>버튼에 표시</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>메시지</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>단축키</translation>
    </message>
</context>
<context>
    <name>chorus::QuickSendBar</name>
    <message>
        <source>+ Quick</source>
        <translation>+ 빠른 메시지</translation>
    </message>
    <message>
        <source>Save a message as a quick-send button (right-click a button to edit or remove it)</source>
        <translation>메시지를 빠른 전송 버튼으로 저장합니다 (버튼을 오른쪽 클릭하면 편집하거나 지웁니다)</translation>
    </message>
    <message>
        <source>Quick messages: %1</source>
        <translation>빠른 메시지: %1</translation>
    </message>
    <message>
        <source>Quick messages: the file is not JSON (%1)</source>
        <translation>빠른 메시지: 파일이 JSON이 아닙니다 (%1)</translation>
    </message>
    <message>
        <source>Quick messages: the file is not a Chorus quick-messages file (version 1)</source>
        <translation>빠른 메시지: Chorus 빠른 메시지 파일(버전 1)이 아닙니다</translation>
    </message>
    <message>
        <source>Quick messages: entry %1 has no name or no valid hex bytes</source>
        <translation>빠른 메시지: 항목 %1에 이름이 없거나 올바른 16진수 바이트가 없습니다</translation>
    </message>
    <message>
        <source>Quick messages: %1 is more than the %2 a list keeps</source>
        <translation>빠른 메시지: %1개는 목록에 둘 수 있는 %2개보다 많습니다</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>편집…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>삭제</translation>
    </message>
</context>
<context>
    <name>chorus::RecentSessionsMenu</name>
    <message>
        <source>&amp;Recent sessions</source>
        <translation>최근 세션(&amp;R)</translation>
    </message>
    <message>
        <source>(no saved sessions)</source>
        <translation>(저장된 세션 없음)</translation>
    </message>
    <message>
        <source>%1 — %2 (%3)</source>
        <translation>%1 — %2 (%3)</translation>
    </message>
</context>
<context>
    <name>chorus::RepeatBar</name>
    <message>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>until stopped</source>
        <translation>멈출 때까지</translation>
    </message>
    <message>
        <source>Repeat every</source>
        <translation>반복 간격</translation>
    </message>
    <message>
        <source>times</source>
        <translation>회</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
</context>
<context>
    <name>chorus::ReplyBookEditor</name>
    <message>
        <source>Add</source>
        <translation>추가</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>위로</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>아래로</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>가져오기…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>내보내기…</translation>
    </message>
    <message>
        <source>Reset to factory</source>
        <translation>기본값으로 되돌리기</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>무작위</translation>
    </message>
    <message>
        <source>Shuffle</source>
        <translation>섞기</translation>
    </message>
    <message>
        <source>Sequential</source>
        <translation>순서대로</translation>
    </message>
    <message>
        <source>Random: uniform (or weighted). Shuffle: no repeat until every enabled reply was used. Sequential: in order.</source>
        <translation>무작위: 균등(또는 가중치). 섞기: 사용 중인 응답을 모두 쓰기 전에는 반복하지 않음. 순서대로: 차례대로.</translation>
    </message>
    <message>
        <source>&amp;Pick:</source>
        <translation>고르기(&amp;P):</translation>
    </message>
    <message>
        <source>Text: \r \n \t \0 \\ \xNN give bytes; placeholders {id} {peer} {time} {date} {count} {echo} (the exact bytes received). Hex: 06 or 01 03 00 0A. Changes apply to the very next reply and are saved at once.</source>
        <translation>텍스트: \r \n \t \0 \\ \xNN으로 바이트를 씁니다. 자리 표시자 {id} {peer} {time} {date} {count} {echo}(받은 바이트 그대로). Hex: 06 또는 01 03 00 0A. 바꾼 내용은 바로 다음 응답부터 적용되고 즉시 저장됩니다.</translation>
    </message>
    <message>
        <source>The reply book was not saved: %1. Your edits are kept in this window.</source>
        <translation>응답 목록을 저장하지 못했습니다: %1. 편집한 내용은 이 창에 남아 있습니다.</translation>
    </message>
    <message numerus="yes">
        <source>No enabled reply: messages are not answered; %n unanswered so far</source>
        <translation>
            <numerusform>사용 중인 응답 없음: 메시지에 답하지 않습니다. 지금까지 미응답 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>New reply</source>
        <translation>새 응답</translation>
    </message>
    <message>
        <source>Import replies</source>
        <translation>응답 가져오기</translation>
    </message>
    <message>
        <source>Reply books (*.txt *.json);;Plain text, one reply per line (*.txt);;JSON (*.json);;All files (*)</source>
        <translation>응답 목록 (*.txt *.json);;일반 텍스트, 한 줄에 응답 하나 (*.txt);;JSON (*.json);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Not imported: %1. The replies are unchanged.</source>
        <translation>가져오지 않음: %1. 응답은 그대로입니다.</translation>
    </message>
    <message>
        <source>Export replies</source>
        <translation>응답 내보내기</translation>
    </message>
    <message>
        <source>Plain text, one reply per line (*.txt);;JSON with weights and state (*.json)</source>
        <translation>일반 텍스트, 한 줄에 응답 하나 (*.txt);;가중치와 상태가 있는 JSON (*.json)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n reply(ies) to %1.</source>
        <translation>
            <numerusform>응답 %n개를 %1(으)로 내보냈습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not exported: %1.</source>
        <translation>내보내지 않음: %1.</translation>
    </message>
    <message numerus="yes">
        <source>Replace all %n reply(ies) with the seven factory replies?</source>
        <translation>
            <numerusform>응답 %n개를 모두 기본 응답 일곱 개로 바꿀까요?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chorus::ReplyBookModel</name>
    <message>
        <source>Text</source>
        <translation>텍스트</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>Hex</translation>
    </message>
    <message>
        <source>Enabled: may be picked</source>
        <translation>사용: 고를 수 있음</translation>
    </message>
    <message>
        <source>Disabled: never picked</source>
        <translation>사용 안 함: 고르지 않음</translation>
    </message>
    <message>
        <source>Text: characters with \r \n \t \0 \\ \xNN and placeholders. Hex: bytes as hex digits, e.g. 06 or 01 03 00 0A.</source>
        <translation>텍스트: \r \n \t \0 \\ \xNN과 자리 표시자가 들어간 문자. Hex: 16진수 숫자로 쓴 바이트, 예: 06 또는 01 03 00 0A.</translation>
    </message>
    <message>
        <source>Never picked: %1</source>
        <translation>고른 적 없음: %1</translation>
    </message>
    <message>
        <source>Relative weight for Random picking; 0 never picks this reply.</source>
        <translation>무작위로 고를 때의 상대 가중치. 0이면 이 응답을 고르지 않습니다.</translation>
    </message>
    <message>
        <source>On</source>
        <translation>사용</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>방식</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>응답</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>가중치</translation>
    </message>
</context>
<context>
    <name>chorus::ReplySetsDialog</name>
    <message>
        <source>Reply sets</source>
        <translation>응답 세트</translation>
    </message>
    <message>
        <source>One reply per line: escaped text, {0}…{9}, {name}, {crc16modbus} …</source>
        <translation>한 줄에 응답 하나: 이스케이프 텍스트, {0}…{9}, {name}, {crc16modbus} …</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>추가…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Pick:</source>
        <translation>고르기:</translation>
    </message>
    <message>
        <source>Replies:</source>
        <translation>응답:</translation>
    </message>
    <message>
        <source>New reply set</source>
        <translation>새 응답 세트</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>이름:</translation>
    </message>
    <message>
        <source>A reply set needs a name.</source>
        <translation>응답 세트에는 이름이 필요합니다.</translation>
    </message>
    <message>
        <source>A reply set named &quot;%1&quot; exists already; it is selected.</source>
        <translation>&quot;%1&quot;이라는 응답 세트가 이미 있어 그것을 선택했습니다.</translation>
    </message>
    <message>
        <source>Reply set &quot;%1&quot;, line %2, character %3: %4</source>
        <translation>응답 세트 &quot;%1&quot;, %2번째 줄, %3번째 문자: %4</translation>
    </message>
</context>
<context>
    <name>chorus::RttChart</name>
    <message numerus="yes">
        <source>Last %n replies</source>
        <translation>
            <numerusform>최근 응답 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>min %1 ms</source>
        <translation>최소 %1 ms</translation>
    </message>
    <message>
        <source>median %1 ms</source>
        <translation>중앙값 %1 ms</translation>
    </message>
    <message>
        <source>p99 %1 ms</source>
        <translation>p99 %1 ms</translation>
    </message>
</context>
<context>
    <name>chorus::RuleBook</name>
    <message>
        <source>rule %1</source>
        <translation>규칙 %1</translation>
    </message>
    <message>
        <source>a delay from 0 to %1 ms</source>
        <translation>0부터 %1 ms까지의 지연</translation>
    </message>
    <message>
        <source>no reply set &quot;%1&quot;</source>
        <translation>응답 세트 &quot;%1&quot;이(가) 없음</translation>
    </message>
</context>
<context>
    <name>chorus::RuleTableModel</name>
    <message>
        <source>Text</source>
        <translation>텍스트</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>Hex</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>같음</translation>
    </message>
    <message>
        <source>starts with</source>
        <translation>로 시작</translation>
    </message>
    <message>
        <source>ends with</source>
        <translation>로 끝남</translation>
    </message>
    <message>
        <source>contains</source>
        <translation>포함</translation>
    </message>
    <message>
        <source>regex</source>
        <translation>정규식</translation>
    </message>
    <message>
        <source>reply</source>
        <translation>응답</translation>
    </message>
    <message>
        <source>reply set</source>
        <translation>응답 세트</translation>
    </message>
    <message>
        <source>no reply</source>
        <translation>응답 안 함</translation>
    </message>
    <message>
        <source>Invalid regular expression at %1: %2 — this rule is inactive until fixed.</source>
        <translation>%1 위치의 정규 표현식이 잘못되었습니다: %2 — 고칠 때까지 이 규칙은 비활성입니다.</translation>
    </message>
    <message>
        <source>The pattern does not parse at %1: %2 — this rule is inactive until fixed.</source>
        <translation>%1 위치에서 패턴을 해석할 수 없습니다: %2 — 고칠 때까지 이 규칙은 비활성입니다.</translation>
    </message>
    <message>
        <source>The reply does not parse at %1: %2 — this rule is inactive until fixed.</source>
        <translation>%1 위치에서 응답을 해석할 수 없습니다: %2 — 고칠 때까지 이 규칙은 비활성입니다.</translation>
    </message>
    <message>
        <source>No reply set of that name — this rule is inactive until one exists.</source>
        <translation>그런 이름의 응답 세트가 없습니다 — 생길 때까지 이 규칙은 비활성입니다.</translation>
    </message>
    <message>
        <source>The delay must be 0 to %1 ms.</source>
        <translation>지연은 0부터 %1 ms까지여야 합니다.</translation>
    </message>
    <message>
        <source>Placeholders: {0}…{9} and {name} (captures), {echo} {id} {peer} {count} {time} {date}, and over the reply so far {crc16modbus} {crc16ccitt} {crc32} {sum8} {xor8} {len} (docs/RULES.md).</source>
        <translation>자리 표시자: {0}…{9}와 {name}(캡처), {echo} {id} {peer} {count} {time} {date}, 그리고 그때까지의 응답에 대한 {crc16modbus} {crc16ccitt} {crc32} {sum8} {xor8} {len} (docs/RULES.md).</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Enabled: rules are checked top to bottom; the first enabled match answers.</source>
        <translation>사용: 규칙은 위에서 아래로 검사하며, 처음 일치한 사용 중인 규칙이 답합니다.</translation>
    </message>
    <message>
        <source>Text: escaped text (or a regular expression over UTF-8); Hex: bytes (or a regular expression over bytes).</source>
        <translation>텍스트: 이스케이프 텍스트(또는 UTF-8에 대한 정규 표현식). Hex: 바이트(또는 바이트에 대한 정규 표현식).</translation>
    </message>
    <message>
        <source>Case-insensitive (text rules)</source>
        <translation>대소문자 무시 (텍스트 규칙)</translation>
    </message>
    <message>
        <source>Negate: matches every message the pattern does not</source>
        <translation>부정: 패턴에 맞지 않는 모든 메시지에 일치</translation>
    </message>
    <message>
        <source>Close the connection after the reply</source>
        <translation>응답한 뒤 연결 닫기</translation>
    </message>
    <message>
        <source>On</source>
        <translation>사용</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>일치</translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation>패턴</translation>
    </message>
    <message>
        <source>As</source>
        <translation>형식</translation>
    </message>
    <message>
        <source>Aa</source>
        <translation>Aa</translation>
    </message>
    <message>
        <source>Not</source>
        <translation>부정</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>응답</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>응답</translation>
    </message>
    <message>
        <source>Delay (ms)</source>
        <translation>지연 (ms)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Hits</source>
        <translation>일치 수</translation>
    </message>
    <message>
        <source>Last hit</source>
        <translation>마지막 일치</translation>
    </message>
</context>
<context>
    <name>chorus::RulesPane</name>
    <message>
        <source>Unmatched: reply book</source>
        <translation>일치 없음: 응답 목록</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>시험</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>추가</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>복제</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Move the rule up (checked earlier)</source>
        <translation>규칙을 위로 옮김 (먼저 검사)</translation>
    </message>
    <message>
        <source>Move the rule down (checked later)</source>
        <translation>규칙을 아래로 옮김 (나중에 검사)</translation>
    </message>
    <message>
        <source>Sets…</source>
        <translation>세트…</translation>
    </message>
    <message>
        <source>Named reply sets a rule can pick from</source>
        <translation>규칙이 고를 수 있는 이름 붙은 응답 세트</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>가져오기…</translation>
    </message>
    <message>
        <source>Import rules</source>
        <translation>규칙 가져오기</translation>
    </message>
    <message>
        <source>Rules (*.json *.txt);;All files (*)</source>
        <translation>규칙 (*.json *.txt);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Adds the rules of a JSON file or a request;reply list</source>
        <translation>JSON 파일이나 요청;응답 목록의 규칙을 추가합니다</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>내보내기…</translation>
    </message>
    <message>
        <source>Export rules</source>
        <translation>규칙 내보내기</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Writes every rule and reply set to a JSON file</source>
        <translation>모든 규칙과 응답 세트를 JSON 파일로 씁니다</translation>
    </message>
    <message>
        <source>Test a message…</source>
        <translation>메시지 시험…</translation>
    </message>
    <message>
        <source>Type a message (Text or Hex) and press Test: which rule answers and the exact reply bytes, without a client.</source>
        <translation>메시지(텍스트 또는 Hex)를 입력하고 시험을 누르면, 클라이언트 없이 어느 규칙이 답하는지와 정확한 응답 바이트를 보여 줍니다.</translation>
    </message>
    <message>
        <source>Not tested: %1.</source>
        <translation>시험하지 않음: %1.</translation>
    </message>
    <message>
        <source>Messages no rule matches get a reply-book reply; unchecked, they get no reply (--no-fallback).</source>
        <translation>어느 규칙에도 맞지 않는 메시지는 응답 목록에서 응답을 받습니다. 끄면 응답을 받지 않습니다 (--no-fallback).</translation>
    </message>
    <message>
        <source>The rules were not saved: %1. The edit stands in memory; Export… keeps it.</source>
        <translation>규칙을 저장하지 못했습니다: %1. 편집 내용은 메모리에 있으며, 내보내기…로 보관할 수 있습니다.</translation>
    </message>
    <message>
        <source>The saved rules were unreadable (%1). They were moved to %2 and the server starts with no rules.</source>
        <translation>저장된 규칙을 읽을 수 없었습니다(%1). %2(으)로 옮겼으며 서버는 규칙 없이 시작합니다.</translation>
    </message>
    <message>
        <source>The saved rules were unreadable (%1) and could not be moved aside; edits are not saved, so the file stays as it is.</source>
        <translation>저장된 규칙을 읽을 수 없었고(%1) 옆으로 옮기지도 못했습니다. 편집 내용을 저장하지 않으므로 파일은 그대로 남습니다.</translation>
    </message>
    <message>
        <source>The saved rules were not read: %1. Edits are not saved, so the file stays as it is; Export… keeps them.</source>
        <translation>저장된 규칙을 읽지 못했습니다: %1. 편집 내용을 저장하지 않으므로 파일은 그대로 남습니다. 내보내기…로 보관할 수 있습니다.</translation>
    </message>
    <message>
        <source>--rules: %1. The saved rules are kept.</source>
        <translation>--rules: %1. 저장된 규칙을 유지합니다.</translation>
    </message>
    <message>
        <source>No rule has answered this connection.</source>
        <translation>이 연결에 답한 규칙이 없습니다.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n replies</source>
        <translation>
            <numerusform>%1: 응답 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>Not imported: %1. The rules are unchanged.</source>
        <translation>가져오지 않음: %1. 규칙은 그대로입니다.</translation>
    </message>
    <message>
        <source>Not exported: %1.</source>
        <translation>내보내지 않음: %1.</translation>
    </message>
    <message>
        <source>rule %1</source>
        <translation>규칙 %1</translation>
    </message>
    <message>
        <source>test</source>
        <translation>시험</translation>
    </message>
    <message>
        <source>Rule %1 &quot;%2&quot;</source>
        <translation>규칙 %1 &quot;%2&quot;</translation>
    </message>
    <message>
        <source>, after %1 ms</source>
        <translation>, %1 ms 뒤</translation>
    </message>
    <message>
        <source>, then closes</source>
        <translation>, 그다음 연결 닫음</translation>
    </message>
    <message>
        <source>No rule: the reply book</source>
        <translation>규칙 없음: 응답 목록</translation>
    </message>
    <message>
        <source>No rule: no reply</source>
        <translation>규칙 없음: 응답 안 함</translation>
    </message>
    <message>
        <source>%1 — nothing is sent.</source>
        <translation>%1 — 아무것도 보내지 않습니다.</translation>
    </message>
    <message>
        <source>%1 → %2 bytes
hex: %3
text: %4</source>
        <translation>%1 → %L2바이트
hex: %3
text: %4</translation>
    </message>
</context>
<context>
    <name>chorus::SendBox</name>
    <message>
        <source>Hex: the whole box is one message, e.g. 01 03 00 00 00 0A C5 CD — Enter sends, Up recalls</source>
        <translation>Hex: 상자 전체가 메시지 하나, 예: 01 03 00 00 00 0A C5 CD — Enter로 보내기, ↑로 다시 불러오기</translation>
    </message>
    <message>
        <source>Text: each line is a message; \r \n \t \0 \xNN \\ give bytes — Enter sends, Shift+Enter adds a line, Up recalls</source>
        <translation>텍스트: 한 줄이 메시지 하나. \r \n \t \0 \xNN \\으로 바이트를 씁니다 — Enter로 보내기, Shift+Enter로 줄 추가, ↑로 다시 불러오기</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>%1번째 줄: %2</translation>
    </message>
</context>
<context>
    <name>chorus::SendCommandDialog</name>
    <message>
        <source>&amp;All connections</source>
        <translation>모든 연결(&amp;A)</translation>
    </message>
    <message>
        <source>Send command</source>
        <translation>명령 보내기</translation>
    </message>
    <message>
        <source>&amp;Command:</source>
        <translation>명령(&amp;C):</translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation>인수</translation>
    </message>
    <message>
        <source>Send to</source>
        <translation>보낼 대상</translation>
    </message>
    <message>
        <source>&amp;Selected connections (%1)</source>
        <translation>선택한 연결(&amp;S) (%1)</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>보내기</translation>
    </message>
    <message>
        <source>This command has no arguments.</source>
        <translation>이 명령에는 인수가 없습니다.</translation>
    </message>
    <message>
        <source>Give a value for %1.</source>
        <translation>%1의 값을 주세요.</translation>
    </message>
    <message>
        <source>The payload is not valid escaped text: %1</source>
        <translation>페이로드가 올바른 이스케이프 텍스트가 아닙니다: %1</translation>
    </message>
    <message>
        <source>This preset cannot be sent (%1 %2); edit it under Commands → Presets.</source>
        <translation>이 프리셋은 보낼 수 없습니다(%1 %2). 명령 → 프리셋에서 고치세요.</translation>
    </message>
</context>
<context>
    <name>chorus::SendMessageDialog</name>
    <message>
        <source>Send message</source>
        <translation>메시지 보내기</translation>
    </message>
    <message numerus="yes">
        <source>Message to %n connection(s), sent once in each peer&apos;s own framing:</source>
        <translation>
            <numerusform>연결 %n개에 보낼 메시지. 피어마다 자기 프레이밍으로 한 번씩 보냅니다:</numerusform>
        </translation>
    </message>
    <message>
        <source>Send</source>
        <translation>보내기</translation>
    </message>
</context>
<context>
    <name>chorus::SendRow</name>
    <message>
        <source>Send</source>
        <translation>보내기</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>텍스트</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>Hex</translation>
    </message>
    <message>
        <source>Text: each line is a message; \r \n \t \0 \\ and \xNN give bytes.
Hex: the whole box is one message, e.g. 01 03 00 00 00 0A C5 CD (spaces and line breaks are ignored).</source>
        <translation>텍스트: 한 줄이 메시지 하나. \r \n \t \0 \\ 와 \xNN으로 바이트를 씁니다.
Hex: 상자 전체가 메시지 하나, 예: 01 03 00 00 00 0A C5 CD (공백과 줄바꿈은 무시).</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>보내지 않음: %1</translation>
    </message>
    <message>
        <source>TCP</source>
        <translation>TCP</translation>
    </message>
    <message>
        <source>UDP</source>
        <translation>UDP</translation>
    </message>
    <message>
        <source>TCP: over the connection.
UDP: one datagram each over the session&apos;s UDP channel; replies and round trips show as usual, a lost one gets no reply.</source>
        <translation>TCP: 연결을 통해 보냅니다.
UDP: 세션의 UDP 채널로 메시지마다 데이터그램 하나씩 보냅니다. 응답과 왕복 시간은 평소처럼 표시되며, 유실된 데이터그램에는 응답이 없습니다.</translation>
    </message>
</context>
<context>
    <name>chorus::ServerCommandLine</name>
    <message>
        <source>Unexpected argument &quot;%1&quot;; see --help.</source>
        <translation>예상하지 못한 인수 &quot;%1&quot;. --help를 보세요.</translation>
    </message>
    <message>
        <source>--listen: &quot;%1&quot; is not any, localhost or an IP address.</source>
        <translation>--listen: &quot;%1&quot;은(는) any, localhost, IP 주소 중 어느 것도 아닙니다.</translation>
    </message>
    <message>
        <source>--framing: %1.</source>
        <translation>--framing: %1.</translation>
    </message>
    <message>
        <source>--lag-report measures the window&apos;s event loop; it cannot be used with --headless.</source>
        <translation>--lag-report는 창의 이벤트 루프를 잽니다. --headless와 함께 쓸 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>chorus::ServerEngine</name>
    <message>
        <source>stopped</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>TLS on port %1 (certificate %2, SHA-256 %3)</source>
        <translation>포트 %1에서 TLS (인증서 %2, SHA-256 %3)</translation>
    </message>
    <message>
        <source>open to the network: anyone who can reach port %1 may connect and talk (limit it with --allow, --access-token or --listen localhost)</source>
        <translation>네트워크에 열려 있음: 포트 %1에 닿을 수 있는 누구나 연결해 대화할 수 있습니다 (--allow, --access-token 또는 --listen localhost로 제한하세요)</translation>
    </message>
    <message numerus="yes">
        <source>listening on %1 (%2 framing, %n I/O thread(s))</source>
        <translation>
            <numerusform>%1에서 수신 대기 (%2 프레이밍, I/O 스레드 %n개)</numerusform>
        </translation>
    </message>
    <message>
        <source> and </source>
        <translation> 및 </translation>
    </message>
    <message>
        <source>UDP on port %1 (idle peers leave after %2 s)</source>
        <translation>포트 %1에서 UDP (유휴 피어는 %2초 뒤 제외)</translation>
    </message>
    <message>
        <source>cannot listen on %1: %2</source>
        <translation>%1에서 수신 대기할 수 없음: %2</translation>
    </message>
    <message>
        <source>the TLS certificate is valid from %1 to %2 only: clients will refuse it</source>
        <translation>TLS 인증서는 %1부터 %2까지만 유효합니다: 클라이언트가 거부할 것입니다</translation>
    </message>
    <message>
        <source>cannot start TLS (%1): %2</source>
        <translation>TLS를 시작할 수 없음 (%1): %2</translation>
    </message>
    <message>
        <source>start ignored: the server is already running</source>
        <translation>시작 무시: 서버가 이미 실행 중입니다</translation>
    </message>
    <message>
        <source>open file limit: %1 descriptors</source>
        <translation>열린 파일 한도: 디스크립터 %L1개</translation>
    </message>
    <message>
        <source>stopping: closing every connection</source>
        <translation>중지 중: 모든 연결을 닫습니다</translation>
    </message>
    <message>
        <source>unblocked %1</source>
        <translation>%1 차단 해제</translation>
    </message>
    <message>
        <source>unblocked every address</source>
        <translation>모든 주소 차단 해제</translation>
    </message>
    <message numerus="yes">
        <source>direct message to %n connection(s)</source>
        <translation>
            <numerusform>연결 %n개에 개별 메시지</numerusform>
        </translation>
    </message>
    <message>
        <source>broadcast to every connection</source>
        <translation>모든 연결에 전체 전송</translation>
    </message>
    <message numerus="yes">
        <source>broadcast to %n connection(s)</source>
        <translation>
            <numerusform>연결 %n개에 전체 전송</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>message over UDP to %n connection(s)</source>
        <translation>
            <numerusform>연결 %n개에 UDP로 메시지</numerusform>
        </translation>
    </message>
    <message>
        <source>command %1 to every connection</source>
        <translation>모든 연결에 명령 %1</translation>
    </message>
    <message numerus="yes">
        <source>command %1 to %n connection(s)</source>
        <translation>
            <numerusform>연결 %n개에 명령 %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chorus::ServerSettings</name>
    <message>
        <source>Address</source>
        <translation>주소</translation>
    </message>
    <message>
        <source>Address to listen on: any (every interface, IPv4 and IPv6), localhost (this machine only: 127.0.0.1 and ::1) or one IP address of this machine. Default: any.</source>
        <translation>수신 대기할 주소: any (모든 인터페이스, IPv4와 IPv6), localhost (이 컴퓨터만: 127.0.0.1과 ::1) 또는 이 컴퓨터의 IP 주소 하나. 기본값: any.</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>포트</translation>
    </message>
    <message>
        <source>TCP port; 0 picks a free port (the same one for 127.0.0.1 and ::1).</source>
        <translation>TCP 포트. 0이면 빈 포트를 고릅니다 (127.0.0.1과 ::1에 같은 포트).</translation>
    </message>
    <message>
        <source>Framing</source>
        <translation>프레이밍</translation>
    </message>
    <message>
        <source>Where a message ends (docs/PROTOCOL.md §1): auto (LF, CR LF, CR or an idle gap), line (LF or CR LF), cr (CR), raw (each arrival), delimiter:HEX (delimiter:03, delimiter:0D0A, delimiter:\x17), delimiter:HEX..HEX (an envelope: delimiter:02..03), length:offset=O,size=S,endian=big|little,adjust=A,strip=N,max=M (a length field; omitted keys: offset 0, size 2, big, adjust 0, strip 0, max the longest message), fixed:N (N bytes a message), or the presets u16be, u32be and modbus-tcp. Replies go out in the peer&apos;s framing.</source>
        <translation>메시지가 끝나는 곳 (docs/PROTOCOL.md §1): auto (LF, CR LF, CR 또는 유휴 간격), line (LF 또는 CR LF), cr (CR), raw (도착한 단위마다), delimiter:HEX (delimiter:03, delimiter:0D0A, delimiter:\x17), delimiter:HEX..HEX (엔벨로프: delimiter:02..03), length:offset=O,size=S,endian=big|little,adjust=A,strip=N,max=M (길이 필드. 생략한 키: offset 0, size 2, big, adjust 0, strip 0, max는 가장 긴 메시지), fixed:N (메시지 하나에 N바이트), 또는 미리 정의된 u16be, u32be, modbus-tcp. 응답은 피어의 프레이밍으로 나갑니다.</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Idle gap</source>
        <translation>유휴 간격</translation>
    </message>
    <message>
        <source>Auto framing: silence that ends a message sent without a line end.</source>
        <translation>자동 프레이밍: 줄 끝 없이 보낸 메시지를 끝내는 침묵 시간.</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>바이트</translation>
    </message>
    <message>
        <source>Longest message</source>
        <translation>최대 메시지 길이</translation>
    </message>
    <message>
        <source>Longer messages are discarded up to their line end and the peer is told.</source>
        <translation>더 긴 메시지는 줄 끝까지 버리고 피어에게 알립니다.</translation>
    </message>
    <message>
        <source>Unsent-data limit per peer</source>
        <translation>피어별 미전송 데이터 한도</translation>
    </message>
    <message>
        <source>A peer that stops reading while this much is unsent is disconnected.</source>
        <translation>이만큼 보내지 못한 채 읽기를 멈춘 피어는 연결을 끊습니다.</translation>
    </message>
    <message>
        <source>I/O threads</source>
        <translation>I/O 스레드</translation>
    </message>
    <message>
        <source>Event-loop threads serving connections (at the next Start).</source>
        <translation>연결을 처리하는 이벤트 루프 스레드 수 (다음 시작부터).</translation>
    </message>
    <message>
        <source>Most connections</source>
        <translation>최대 연결 수</translation>
    </message>
    <message>
        <source>Connections served at once; more get &quot;server full&quot; and are closed (at the next Start).</source>
        <translation>동시에 처리하는 연결 수. 넘치는 연결은 &quot;server full&quot;을 받고 닫힙니다 (다음 시작부터).</translation>
    </message>
    <message>
        <source>Log every message received and sent</source>
        <translation>주고받은 모든 메시지를 로그에 기록</translation>
    </message>
    <message>
        <source>Do not log every message received and sent (and every control message).</source>
        <translation>주고받은 모든 메시지(와 모든 제어 메시지)를 로그에 기록하지 않습니다.</translation>
    </message>
    <message>
        <source>s</source>
        <translation>초</translation>
    </message>
    <message>
        <source>Idle timeout</source>
        <translation>유휴 제한 시간</translation>
    </message>
    <message>
        <source>Close a peer that sends nothing for S seconds (a Chorus peer is told why in a bye, a text peer in an &quot;error: …&quot; line). 0: never. Default: 0.</source>
        <translation>S초 동안 아무것도 보내지 않는 피어를 닫습니다 (Chorus 피어에는 bye로, 텍스트 피어에는 &quot;error: …&quot; 줄로 이유를 알립니다). 0: 닫지 않음. 기본값: 0.</translation>
    </message>
    <message>
        <source>Message timeout</source>
        <translation>메시지 제한 시간</translation>
    </message>
    <message>
        <source>Close a peer whose started message is not complete within S seconds (bytes trickling in without a terminator: slowloris). 0: no limit. Default: 0.</source>
        <translation>시작한 메시지를 S초 안에 끝내지 않는 피어를 닫습니다 (종결자 없이 바이트가 조금씩 들어오는 경우: slowloris). 0: 제한 없음. 기본값: 0.</translation>
    </message>
    <message>
        <source>Heartbeat timeout</source>
        <translation>하트비트 제한 시간</translation>
    </message>
    <message>
        <source>Mark a peer stale when it has sent heartbeats and then none for MS milliseconds. 0: never. Default: 5000.</source>
        <translation>하트비트를 보내던 피어가 MS밀리초 동안 보내지 않으면 응답 없음으로 표시합니다. 0: 표시하지 않음. 기본값: 5000.</translation>
    </message>
    <message>
        <source>Any message counts as a heartbeat</source>
        <translation>모든 메시지를 하트비트로 간주</translation>
    </message>
    <message>
        <source>Any message from a peer counts as a heartbeat for the stale mark (peers that send no heartbeats of their own).</source>
        <translation>피어의 모든 메시지를 응답 없음 표시에 쓰는 하트비트로 칩니다 (자체 하트비트를 보내지 않는 피어용).</translation>
    </message>
    <message>
        <source>Read key=value pairs of text peers as telemetry</source>
        <translation>텍스트 피어의 key=value 쌍을 텔레메트리로 읽기</translation>
    </message>
    <message>
        <source>Text peers&apos; key=value pairs (alt=12.5m bat=87%) are telemetry, shown in the Telemetry panel.</source>
        <translation>텍스트 피어의 key=value 쌍(alt=12.5m bat=87%)을 텔레메트리로 보고 텔레메트리 패널에 보여 줍니다.</translation>
    </message>
    <message>
        <source>messages/s</source>
        <translation>메시지/초</translation>
    </message>
    <message>
        <source>Rate limit per peer</source>
        <translation>피어별 속도 제한</translation>
    </message>
    <message>
        <source>Handle at most N messages a second from each peer; the rest waits, unread, in the network buffers (nothing is dropped) and the peer&apos;s row says &quot;limited&quot;. 0: no limit. Default: 0.</source>
        <translation>각 피어에서 초당 최대 N개의 메시지만 처리합니다. 나머지는 읽지 않은 채 네트워크 버퍼에서 기다리며(버리는 것은 없음), 피어의 행에 &quot;limited&quot;가 표시됩니다. 0: 제한 없음. 기본값: 0.</translation>
    </message>
    <message>
        <source>bytes/s</source>
        <translation>바이트/초</translation>
    </message>
    <message>
        <source>Byte rate limit per peer</source>
        <translation>피어별 바이트 속도 제한</translation>
    </message>
    <message>
        <source>Read at most N bytes a second from each peer; the rest waits, unread. 0: no limit. Default: 0.</source>
        <translation>각 피어에서 초당 최대 N바이트만 읽습니다. 나머지는 읽지 않은 채 기다립니다. 0: 제한 없음. 기본값: 0.</translation>
    </message>
    <message>
        <source>Rate limit burst</source>
        <translation>속도 제한 버스트</translation>
    </message>
    <message>
        <source>A peer that was quiet may send this many milliseconds&apos; worth of the rate limits at once. Default: 1000.</source>
        <translation>한동안 조용하던 피어가 한 번에 보낼 수 있는 양을 속도 제한의 몇 밀리초 분량으로 정합니다. 기본값: 1000.</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>로그 파일</translation>
    </message>
    <message>
        <source>Also append every log line to FILE. A write error (a full disk) stops file logging and says so; the server goes on.</source>
        <translation>모든 로그 줄을 FILE에도 덧붙입니다. 쓰기 오류(디스크 가득 참)가 나면 파일 로그 기록을 멈추고 알리며, 서버는 계속합니다.</translation>
    </message>
    <message>
        <source>Allowlist</source>
        <translation>허용 목록</translation>
    </message>
    <message>
        <source>Only these addresses or CIDR ranges may connect (192.168.1.5, 10.0.0.0/8, 2001:db8::/32; IPv4-mapped IPv6 peers match as IPv4); empty: everyone. Others are closed at once and logged.</source>
        <translation>이 주소나 CIDR 범위만 연결할 수 있습니다 (192.168.1.5, 10.0.0.0/8, 2001:db8::/32. IPv4 매핑 IPv6 피어는 IPv4로 비교). 비우면 모두 허용. 그 밖의 연결은 바로 닫고 로그에 남깁니다.</translation>
    </message>
    <message>
        <source>Denylist</source>
        <translation>차단 목록</translation>
    </message>
    <message>
        <source>These addresses or CIDR ranges are closed at once and logged with the rule, even when the allowlist names them.</source>
        <translation>이 주소나 CIDR 범위는 허용 목록에 있더라도 바로 닫고, 해당 규칙과 함께 로그에 남깁니다.</translation>
    </message>
    <message>
        <source>Access token</source>
        <translation>접근 토큰</translation>
    </message>
    <message>
        <source>Chorus clients must send this token in their hello or are closed; never logged. Empty: no token.</source>
        <translation>Chorus 클라이언트는 hello에 이 토큰을 보내야 하며, 아니면 닫힙니다. 로그에 남기지 않습니다. 비우면 토큰 없음.</translation>
    </message>
    <message>
        <source>With a token, plain peers must be on the allowlist</source>
        <translation>토큰이 있으면 일반 피어는 허용 목록에 있어야 함</translation>
    </message>
    <message>
        <source>With an access token set, let plain peers (nc, devices: they cannot send a token) talk from any admitted address; by default they must be on the allowlist.</source>
        <translation>접근 토큰을 정했을 때, 일반 피어(nc, 장치: 토큰을 보낼 수 없음)가 허용된 어느 주소에서든 대화하게 합니다. 기본은 허용 목록에 있어야 합니다.</translation>
    </message>
    <message>
        <source>TLS certificate</source>
        <translation>TLS 인증서</translation>
    </message>
    <message>
        <source>PEM certificate file; with --tls-key the server also listens with TLS on --tls-port.</source>
        <translation>PEM 인증서 파일. --tls-key와 함께 주면 서버가 --tls-port에서 TLS로도 수신 대기합니다.</translation>
    </message>
    <message>
        <source>TLS private key</source>
        <translation>TLS 개인 키</translation>
    </message>
    <message>
        <source>PEM private key file (not encrypted) of --tls-cert.</source>
        <translation>--tls-cert의 PEM 개인 키 파일 (암호화되지 않은 것).</translation>
    </message>
    <message>
        <source>TLS port</source>
        <translation>TLS 포트</translation>
    </message>
    <message>
        <source>TCP port of the TLS listener, beside the plain port; 0 picks a free port.</source>
        <translation>일반 포트와 별도인 TLS 수신 포트. 0이면 빈 포트를 고릅니다.</translation>
    </message>
    <message>
        <source>Unmatched messages get a reply-book reply</source>
        <translation>일치하지 않는 메시지는 응답 목록에서 응답</translation>
    </message>
    <message>
        <source>Messages no reply rule matches get no reply, instead of one from the reply book.</source>
        <translation>어느 응답 규칙에도 맞지 않는 메시지에 응답 목록의 응답 대신 응답하지 않습니다.</translation>
    </message>
    <message>
        <source>Also receive UDP datagrams</source>
        <translation>UDP 데이터그램도 받기</translation>
    </message>
    <message>
        <source>Also answer UDP datagrams on the same addresses: each datagram is one message, answered to its sender in one datagram; UDP peers are rows of the table (docs/PROTOCOL.md §5).</source>
        <translation>같은 주소에서 UDP 데이터그램에도 답합니다: 데이터그램 하나가 메시지 하나이고, 보낸 쪽에 데이터그램 하나로 답합니다. UDP 피어도 표의 행이 됩니다 (docs/PROTOCOL.md §5).</translation>
    </message>
    <message>
        <source>UDP port</source>
        <translation>UDP 포트</translation>
    </message>
    <message>
        <source>UDP port; 0 (the default): the same number as the TCP port, once bound.</source>
        <translation>UDP 포트. 0(기본값)이면 TCP 포트가 정해진 뒤 그 번호를 씁니다.</translation>
    </message>
    <message>
        <source>UDP peer idle time</source>
        <translation>UDP 피어 유휴 시간</translation>
    </message>
    <message>
        <source>A UDP peer without a datagram for this long leaves the table (logged as expired).</source>
        <translation>이 시간 동안 데이터그램이 없는 UDP 피어는 표에서 빠집니다 (만료로 로그에 남음).</translation>
    </message>
    <message>
        <source>Reply book to answer from: .json (as the window saves it) or plain text, one reply per line, at most 256 MiB. Only read, never changed: the window saves edits to its own book. A file that cannot be used stops --headless with exit code 2. Default: the window&apos;s saved book.</source>
        <translation>답할 때 쓸 응답 목록: .json(창이 저장하는 형식) 또는 한 줄에 응답 하나인 일반 텍스트, 최대 256 MiB. 읽기만 하고 바꾸지 않습니다: 창은 편집 내용을 자체 목록에 저장합니다. 쓸 수 없는 파일이면 --headless가 종료 코드 2로 멈춥니다. 기본값: 창에 저장된 목록.</translation>
    </message>
    <message>
        <source>How replies are picked, instead of the mode saved in the book (the window saves the book with it).</source>
        <translation>목록에 저장된 방식 대신 쓸, 응답을 고르는 방식 (창은 이 방식과 함께 목록을 저장합니다).</translation>
    </message>
    <message>
        <source>Run without a window; log to stdout. Reads the reply book, never writes it.</source>
        <translation>창 없이 실행하고 로그를 표준 출력으로 보냅니다. 응답 목록은 읽기만 하고 쓰지 않습니다.</translation>
    </message>
    <message>
        <source>Window: start listening at once.</source>
        <translation>창: 바로 수신 대기를 시작합니다.</translation>
    </message>
    <message>
        <source>Window: measure the GUI event-loop lag and write {samples,p50_ms,p99_ms,max_ms} as JSON to FILE on exit.</source>
        <translation>창: GUI 이벤트 루프 지연을 재고, 끝낼 때 {samples,p50_ms,p99_ms,max_ms}를 JSON으로 FILE에 씁니다.</translation>
    </message>
    <message>
        <source>How messages are shown: text (UTF-8, other bytes as escapes such as \x01 \r), hex (01 02 FF) or mixed (a hex dump under the line). --headless: on stdout; the window: for this run (View menu).</source>
        <translation>메시지 표시 방식: text (UTF-8, 그 밖의 바이트는 \x01 \r 같은 이스케이프), hex (01 02 FF), mixed (줄 아래 16진수 덤프). --headless: 표준 출력에, 창: 이번 실행에 한해 (보기 메뉴).</translation>
    </message>
    <message>
        <source>Reply rules checked before the reply book, top to bottom, the first match answering (docs/RULES.md): JSON as the window saves it, or a plain request;reply list, one exact rule per line (detected from the content). Only read, never changed: the window saves edits to its own rules. A file that cannot be used stops --headless with exit code 2. Default: the window&apos;s saved rules (the window), none (--headless).</source>
        <translation>응답 목록보다 먼저, 위에서 아래로 검사해 처음 일치한 것이 답하는 응답 규칙 (docs/RULES.md): 창이 저장하는 JSON, 또는 한 줄에 정확히 일치하는 규칙 하나인 일반 요청;응답 목록 (내용으로 판별). 읽기만 하고 바꾸지 않습니다: 창은 편집 내용을 자체 규칙에 저장합니다. 쓸 수 없는 파일이면 --headless가 종료 코드 2로 멈춥니다. 기본값: 창에 저장된 규칙(창), 없음(--headless).</translation>
    </message>
    <message>
        <source>Session log folder</source>
        <translation>세션 로그 폴더</translation>
    </message>
    <message>
        <source>Write every event (connect, disconnect, each message in and out with its exact bytes over TCP and UDP, commands, acks, telemetry, status, heartbeats) to DIR as JSON lines with microsecond times (chorus-server-NNNNNN.jsonl). A full disk stops the log, not the server. Empty: no session log.</source>
        <translation>모든 이벤트(연결, 연결 끊기, TCP와 UDP로 오간 각 메시지의 정확한 바이트, 명령, ack, 텔레메트리, 상태, 하트비트)를 마이크로초 단위 시각과 함께 JSON 줄로 DIR에 기록합니다(chorus-server-NNNNNN.jsonl). 디스크가 가득 차면 서버가 아니라 로그만 멈춥니다. 비워 두면 세션 로그를 남기지 않습니다.</translation>
    </message>
    <message>
        <source>MiB</source>
        <translation>MiB</translation>
    </message>
    <message>
        <source>Session log file size</source>
        <translation>세션 로그 파일 크기</translation>
    </message>
    <message>
        <source>Start a new session-log file when the current one would pass MIB MiB. Default: 16.</source>
        <translation>현재 세션 로그 파일이 MIB MiB를 넘게 되면 새 파일을 시작합니다. 기본값: 16.</translation>
    </message>
    <message>
        <source>Session log files kept</source>
        <translation>보관할 세션 로그 파일 수</translation>
    </message>
    <message>
        <source>Keep the newest N session-log files; the oldest is removed when a new one starts. Default: 8.</source>
        <translation>가장 최근의 세션 로그 파일 N개를 보관합니다. 새 파일을 시작할 때 가장 오래된 파일을 지웁니다. 기본값: 8.</translation>
    </message>
    <message>
        <source>Write the telemetry of a session log (a .jsonl file, or a folder of them) as CSV, one column per key, to the --output file, and exit without opening a window.</source>
        <translation>세션 로그(.jsonl 파일 또는 그런 파일이 든 폴더)의 텔레메트리를 키마다 열 하나씩 CSV로 --output 파일에 쓰고, 창을 열지 않고 종료합니다.</translation>
    </message>
    <message>
        <source>Where --export-telemetry-csv writes its CSV.</source>
        <translation>--export-telemetry-csv가 CSV를 쓸 파일.</translation>
    </message>
</context>
<context>
    <name>chorus::ServerSettingsDialog</name>
    <message>
        <source>Server settings</source>
        <translation>서버 설정</translation>
    </message>
    <message numerus="yes">
        <source>Framing limits apply to new connections; threads and the connection limit apply at the next Start. This machine has %n core(s).</source>
        <translation>
            <numerusform>프레이밍 한도는 새 연결에 적용되고, 스레드와 연결 한도는 다음 시작부터 적용됩니다. 이 컴퓨터의 코어는 %n개입니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not valid: %1. Rules are addresses or CIDR ranges such as 192.168.1.5, 10.0.0.0/8 or 2001:db8::/32.</source>
        <translation>올바르지 않음: %1. 규칙은 192.168.1.5, 10.0.0.0/8, 2001:db8::/32 같은 주소나 CIDR 범위입니다.</translation>
    </message>
    <message>
        <source>Access rules and TLS apply at the next Start. Make a self-signed pair with the openssl command in the README.</source>
        <translation>접근 규칙과 TLS는 다음 시작부터 적용됩니다. 자체 서명 인증서와 키는 README의 openssl 명령으로 만드세요.</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>한도</translation>
    </message>
    <message>
        <source>Access and TLS</source>
        <translation>접근과 TLS</translation>
    </message>
</context>
<context>
    <name>chorus::ServerWindow</name>
    <message>
        <source>Chorus Server</source>
        <translation>Chorus Server</translation>
    </message>
    <message>
        <source>Reply book</source>
        <translation>응답 목록</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>규칙</translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation>트래픽</translation>
    </message>
    <message>
        <source>Blocked: %1</source>
        <translation>차단: %L1</translation>
    </message>
    <message>
        <source>The saved settings were not read: %1. Defaults are used.</source>
        <translation>저장된 설정을 읽지 못했습니다: %1. 기본값을 씁니다.</translation>
    </message>
    <message>
        <source>Saved setting ignored: %1</source>
        <translation>저장된 설정 무시: %1</translation>
    </message>
    <message>
        <source>%1. It was moved to %2 and the factory replies are used.</source>
        <translation>%1. 파일을 %2(으)로 옮기고 기본 응답을 씁니다.</translation>
    </message>
    <message>
        <source>%1. The factory replies are used and edits are not saved, so the file stays as it is; Export… keeps your edits.</source>
        <translation>%1. 기본 응답을 쓰며, 편집 내용을 저장하지 않으므로 파일은 그대로 남습니다. 내보내기…로 편집 내용을 보관할 수 있습니다.</translation>
    </message>
    <message>
        <source>--replies: %1. The previous replies are kept.</source>
        <translation>--replies: %1. 이전 응답을 유지합니다.</translation>
    </message>
    <message>
        <source>Replies from %1, which is only read; edits are saved to %2.</source>
        <translation>%1의 응답 (읽기만 함). 편집 내용은 %2에 저장됩니다.</translation>
    </message>
    <message>
        <source>Replies from %1, which is only read.</source>
        <translation>%1의 응답 (읽기만 함).</translation>
    </message>
    <message>
        <source>Settings not saved: %1</source>
        <translation>설정을 저장하지 못함: %1</translation>
    </message>
    <message>
        <source>Starting on %1…</source>
        <translation>%1에서 시작 중…</translation>
    </message>
    <message>
        <source> and </source>
        <translation> 및 </translation>
    </message>
    <message numerus="yes">
        <source>%n connected client(s) will be disconnected.</source>
        <translation>
            <numerusform>연결된 클라이언트 %n개의 연결이 끊깁니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop the server?</source>
        <translation>서버를 중지할까요?</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>Stopping: closing every connection…</source>
        <translation>중지 중: 모든 연결을 닫는 중…</translation>
    </message>
    <message>
        <source>Listening on %1</source>
        <translation>%1에서 수신 대기 중</translation>
    </message>
    <message>
        <source>, UDP %1</source>
        <translation>, UDP %1</translation>
    </message>
    <message>
        <source>%1 — open to anyone on the network (Settings: allowlist, access token)</source>
        <translation>%1 — 네트워크의 누구에게나 열려 있음 (설정: 허용 목록, 접근 토큰)</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>중지됨</translation>
    </message>
    <message>
        <source>Quit Chorus Server?</source>
        <translation>Chorus Server를 끝낼까요?</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>끝내기</translation>
    </message>
    <message>
        <source>Messages per second over the last 5 seconds</source>
        <translation>최근 5초 동안의 초당 메시지 수</translation>
    </message>
    <message>
        <source>Each connection needs one file descriptor; this is the most the process may hold.</source>
        <translation>연결마다 파일 디스크립터가 하나 필요합니다. 이 값은 프로세스가 가질 수 있는 최대치입니다.</translation>
    </message>
    <message>
        <source>Addresses kept out by Disconnect and block; see Server → Blocked addresses…</source>
        <translation>연결 끊고 차단으로 막은 주소. 서버 → 차단된 주소…를 보세요</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>서버(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>설정(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Blocked addresses…</source>
        <translation>차단된 주소(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Rules</source>
        <translation>규칙(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Text</source>
        <translation>텍스트(&amp;T)</translation>
    </message>
    <message>
        <source>UTF-8 text; other bytes and control characters as escapes (\x01, \r, \0) in their own colour</source>
        <translation>UTF-8 텍스트. 그 밖의 바이트와 제어 문자는 색을 달리한 이스케이프(\x01, \r, \0)로</translation>
    </message>
    <message>
        <source>&amp;Hex</source>
        <translation>Hex(&amp;H)</translation>
    </message>
    <message>
        <source>Every byte as two hex digits: 01 02 FF</source>
        <translation>모든 바이트를 16진수 숫자 두 개로: 01 02 FF</translation>
    </message>
    <message>
        <source>&amp;Mixed</source>
        <translation>혼합(&amp;M)</translation>
    </message>
    <message>
        <source>A hex dump with offsets and printable ASCII, like a hex editor</source>
        <translation>16진수 편집기처럼 오프셋과 출력 가능한 ASCII가 있는 16진수 덤프</translation>
    </message>
    <message>
        <source>Traffic &amp;chart</source>
        <translation>트래픽 차트(&amp;C)</translation>
    </message>
    <message>
        <source>Messages per second in and out and active connections, last 5 minutes</source>
        <translation>최근 5분 동안의 초당 수신·송신 메시지 수와 활성 연결 수</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Chorus Server</source>
        <translation>Chorus Server 정보(&amp;A)</translation>
    </message>
    <message>
        <source>About Chorus Server</source>
        <translation>Chorus Server 정보</translation>
    </message>
    <message>
        <source>&lt;b&gt;Chorus Server&lt;/b&gt; %1&lt;br&gt;A multi-client TCP server that answers every message from an editable reply book.&lt;br&gt;Wire format: docs/PROTOCOL.md.</source>
        <translation>&lt;b&gt;Chorus Server&lt;/b&gt; %1&lt;br&gt;모든 메시지에 편집 가능한 응답 목록에서 답하는 다중 클라이언트 TCP 서버.&lt;br&gt;전송 형식: docs/PROTOCOL.md.</translation>
    </message>
    <message>
        <source>Active: TCP %1 · UDP %2</source>
        <translation>활성: TCP %L1 · UDP %L2</translation>
    </message>
    <message>
        <source>Active: %1</source>
        <translation>활성: %L1</translation>
    </message>
    <message>
        <source>Accepted: %1</source>
        <translation>수락: %L1</translation>
    </message>
    <message>
        <source>(refused, server full: %1)</source>
        <translation>(거부, 서버 가득 참: %L1)</translation>
    </message>
    <message>
        <source>(refused, blocked: %1)</source>
        <translation>(거부, 차단됨: %L1)</translation>
    </message>
    <message>
        <source>(refused by access rules: %1)</source>
        <translation>(접근 규칙으로 거부: %L1)</translation>
    </message>
    <message>
        <source>In: %1/s  Out: %2/s</source>
        <translation>수신: %L1/s  송신: %L2/s</translation>
    </message>
    <message>
        <source>Unanswered: %1</source>
        <translation>미응답: %L1</translation>
    </message>
    <message>
        <source>Open-file limit: %1</source>
        <translation>열린 파일 한도: %L1</translation>
    </message>
    <message>
        <source>Commands</source>
        <translation>명령</translation>
    </message>
    <message>
        <source>Telemetry</source>
        <translation>텔레메트리</translation>
    </message>
    <message>
        <source>Send &amp;command…</source>
        <translation>명령 보내기(&amp;C)…</translation>
    </message>
    <message>
        <source>Send a command preset to the selected connections or to all</source>
        <translation>선택한 연결이나 모든 연결에 명령 프리셋을 보냅니다</translation>
    </message>
    <message>
        <source>Command &amp;presets…</source>
        <translation>명령 프리셋(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Commands</source>
        <translation>명령(&amp;C)</translation>
    </message>
    <message>
        <source>Commands &amp;pane</source>
        <translation>명령 창(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Telemetry panel</source>
        <translation>텔레메트리 패널(&amp;T)</translation>
    </message>
    <message>
        <source>Command presets %1 not read (%2): the defaults apply</source>
        <translation>명령 프리셋 %1을(를) 읽지 못했습니다(%2): 기본값을 씁니다</translation>
    </message>
    <message>
        <source>Command presets not read: %1</source>
        <translation>명령 프리셋을 읽지 못함: %1</translation>
    </message>
    <message>
        <source>Command presets not saved: %1</source>
        <translation>명령 프리셋을 저장하지 못함: %1</translation>
    </message>
    <message>
        <source>Rule hits…</source>
        <translation>규칙 일치 횟수…</translation>
    </message>
    <message>
        <source>How many times each reply rule answered this connection</source>
        <translation>각 응답 규칙이 이 연결에 몇 번 답했는지</translation>
    </message>
    <message>
        <source>#%1 %2:%3
%4</source>
        <translation>#%1 %2:%3
%4</translation>
    </message>
    <message>
        <source>Select a connection first.</source>
        <translation>먼저 연결을 선택하세요.</translation>
    </message>
    <message>
        <source>Rule hits</source>
        <translation>규칙 일치 횟수</translation>
    </message>
    <message>
        <source>Remove column &quot;%1&quot;</source>
        <translation>&quot;%1&quot; 열 제거</translation>
    </message>
    <message>
        <source>Telemetry columns</source>
        <translation>텔레메트리 열</translation>
    </message>
    <message>
        <source>No telemetry received yet</source>
        <translation>아직 받은 텔레메트리 없음</translation>
    </message>
</context>
<context>
    <name>chorus::ServerWorker</name>
    <message>
        <source>blocked by the server operator until %1</source>
        <translation>서버 운영자가 %1까지 차단함</translation>
    </message>
    <message>
        <source>cannot accept a connection: %1 (retrying)</source>
        <translation>연결을 받을 수 없음: %1 (다시 시도 중)</translation>
    </message>
    <message>
        <source>not listening on %1: %2</source>
        <translation>%1에서 수신 대기하지 않음: %2</translation>
    </message>
    <message>
        <source>already listening</source>
        <translation>이미 수신 대기 중</translation>
    </message>
    <message>
        <source>server full (%1 connections)</source>
        <translation>서버가 가득 참 (연결 %L1개)</translation>
    </message>
    <message>
        <source>refused a connection (%1): %2</source>
        <translation>연결 거부 (%1): %2</translation>
    </message>
    <message>
        <source>refused %1: %2</source>
        <translation>%1 거부: %2</translation>
    </message>
    <message>
        <source>cannot adopt a connection: %1</source>
        <translation>연결을 넘겨받을 수 없음: %1</translation>
    </message>
    <message>
        <source>connected from %1</source>
        <translation>%1에서 연결됨</translation>
    </message>
    <message>
        <source>disconnected (%1): %2</source>
        <translation>연결 끊김 (%1): %2</translation>
    </message>
    <message>
        <source>server stopping</source>
        <translation>서버 중지 중</translation>
    </message>
    <message>
        <source>disconnected by the server</source>
        <translation>서버가 연결을 끊음</translation>
    </message>
    <message>
        <source>blocked %1 until %2</source>
        <translation>%1을(를) %2까지 차단함</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) got no reply: no reply is enabled in the reply book</source>
        <translation>
            <numerusform>메시지 %n개가 응답을 받지 못함: 응답 목록에 사용 중인 응답이 없습니다</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more message(s) not logged</source>
        <translation>
            <numerusform>메시지 %n개를 더 로그에 남기지 않음</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more framing problem(s) not logged (each is counted in its row&apos;s errors)</source>
        <translation>
            <numerusform>프레이밍 문제 %n개를 더 로그에 남기지 않음 (각각 해당 행의 오류 수에 집계됨)</numerusform>
        </translation>
    </message>
    <message>
        <source>refused %1: on the denylist (rule %2)</source>
        <translation>%1 거부: 차단 목록에 있음 (규칙 %2)</translation>
    </message>
    <message>
        <source>refused %1: not on the allowlist</source>
        <translation>%1 거부: 허용 목록에 없음</translation>
    </message>
</context>
<context>
    <name>chorus::SessionKeeper</name>
    <message>
        <source>This entry of the kept history could not be read</source>
        <translation>보관된 기록의 이 항목을 읽을 수 없습니다</translation>
    </message>
</context>
<context>
    <name>chorus::SessionLogControls</name>
    <message>
        <source>Export telemetry as &amp;CSV…</source>
        <translation>텔레메트리를 CSV로 내보내기(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Resume session log</source>
        <translation>세션 로그 재개(&amp;R)</translation>
    </message>
    <message>
        <source>Resume session log</source>
        <translation>세션 로그 재개</translation>
    </message>
    <message>
        <source>Telemetry of a session log as CSV, one column per key: this session&apos;s, or a session-log file or folder you pick</source>
        <translation>세션 로그의 텔레메트리를 키마다 열 하나씩 CSV로 내보냅니다: 이 세션의 것 또는 직접 고른 세션 로그 파일이나 폴더</translation>
    </message>
    <message>
        <source>The session log stopped (%1: %2, %3); the server goes on. Make room, then File &gt; Resume session log.</source>
        <translation>세션 로그가 멈췄습니다(%1: %2, %3). 서버는 계속 동작합니다. 공간을 확보한 뒤 파일 &gt; 세션 로그 재개를 누르세요.</translation>
    </message>
    <message>
        <source>Session log stopped: %1</source>
        <translation>세션 로그 멈춤: %1</translation>
    </message>
    <message numerus="yes">
        <source>The session log goes on in a new file (%n event(s) not written while it was stopped).</source>
        <translation>
            <numerusform>세션 로그를 새 파일에 이어서 기록합니다(멈춘 동안 이벤트 %n개는 기록되지 않았습니다).</numerusform>
        </translation>
    </message>
    <message>
        <source> to %1</source>
        <translation> → %1</translation>
    </message>
    <message>
        <source>Telemetry not exported: %1</source>
        <translation>텔레메트리를 내보내지 못함: %1</translation>
    </message>
    <message>
        <source>Export telemetry as CSV</source>
        <translation>텔레메트리를 CSV로 내보내기</translation>
    </message>
    <message>
        <source>Export the telemetry of which session log?</source>
        <translation>어느 세션 로그의 텔레메트리를 내보낼까요?</translation>
    </message>
    <message>
        <source>This session</source>
        <translation>이 세션</translation>
    </message>
    <message>
        <source>A file…</source>
        <translation>파일…</translation>
    </message>
    <message>
        <source>A folder…</source>
        <translation>폴더…</translation>
    </message>
    <message>
        <source>Session log</source>
        <translation>세션 로그</translation>
    </message>
    <message>
        <source>Session logs (*.jsonl);;All files (*)</source>
        <translation>세션 로그 (*.jsonl);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Folder of session logs</source>
        <translation>세션 로그 폴더</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 파일 (*.csv);;모든 파일 (*)</translation>
    </message>
</context>
<context>
    <name>chorus::SessionStore</name>
    <message>
        <source>no free session number</source>
        <translation>남은 세션 번호가 없습니다</translation>
    </message>
</context>
<context>
    <name>chorus::SessionView</name>
    <message>
        <source>Saved session — %1</source>
        <translation>저장된 세션 — %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 (read only; %n unreadable line(s) skipped)</source>
        <translation>
            <numerusform>%1 (읽기 전용. 읽을 수 없는 줄 %n개 건너뜀)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (read only)</source>
        <translation>%1 (읽기 전용)</translation>
    </message>
</context>
<context>
    <name>chorus::SettingsFile</name>
    <message>
        <source>the settings could not be encoded in %1</source>
        <translation>설정을 %1에 맞게 인코딩할 수 없습니다</translation>
    </message>
    <message>
        <source>the settings did not read back whole from %1 (is it full?)</source>
        <translation>설정이 %1에서 온전히 다시 읽히지 않았습니다 (디스크가 가득 찼나요?)</translation>
    </message>
</context>
<context>
    <name>chorus::SettingsForm</name>
    <message>
        <source>none (entries separated by commas)</source>
        <translation>없음 (항목은 쉼표로 구분)</translation>
    </message>
</context>
<context>
    <name>chorus::SettingsTable</name>
    <message>
        <source>%1 to %2%3; default %4%3.</source>
        <translation>%1 ~ %2%3. 기본값 %4%3.</translation>
    </message>
    <message>
        <source>One of: %1; default %2.</source>
        <translation>다음 중 하나: %1. 기본값 %2.</translation>
    </message>
    <message>
        <source>One of: %1.</source>
        <translation>다음 중 하나: %1.</translation>
    </message>
    <message>
        <source>May be given more than once, or as a comma-separated list.</source>
        <translation>여러 번 주거나 쉼표로 구분한 목록으로 줄 수 있습니다.</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a whole number from %3 to %4%5.</source>
        <translation>%1: &quot;%2&quot;은(는) %3부터 %4%5까지의 정수가 아닙니다.</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not one of %3.</source>
        <translation>%1: &quot;%2&quot;은(는) %3 중 하나가 아닙니다.</translation>
    </message>
    <message>
        <source>%1: the value is empty.</source>
        <translation>%1: 값이 비어 있습니다.</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a valid value.</source>
        <translation>%1: &quot;%2&quot;은(는) 올바른 값이 아닙니다.</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a valid entry.</source>
        <translation>%1: &quot;%2&quot;은(는) 올바른 항목이 아닙니다.</translation>
    </message>
</context>
<context>
    <name>chorus::TelemetryExportCommand</name>
    <message numerus="yes">
        <source>%n telemetry row(s) with %1 key column(s) from %2 file(s) written</source>
        <translation>
            <numerusform>텔레메트리 %n행 기록함 (키 열 %1개, 파일 %2개에서)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%n line(s) that are no session-log line skipped)</source>
        <translation>
            <numerusform> (세션 로그 줄이 아닌 %n줄 건너뜀)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: no such file or folder</source>
        <translation>%1: 그런 파일이나 폴더가 없습니다</translation>
    </message>
    <message>
        <source>%1: the folder holds no session-log files (*.jsonl)</source>
        <translation>%1: 폴더에 세션 로그 파일(*.jsonl)이 없습니다</translation>
    </message>
    <message>
        <source>%1: not a session log (no line is a session-log line)</source>
        <translation>%1: 세션 로그가 아닙니다(세션 로그 줄이 하나도 없음)</translation>
    </message>
    <message>
        <source>%1: the output would overwrite the session log it reads</source>
        <translation>%1: 출력 파일이 읽고 있는 세션 로그를 덮어쓰게 됩니다</translation>
    </message>
    <message>
        <source>--export-telemetry-csv needs --output FILE.</source>
        <translation>--export-telemetry-csv에는 --output FILE이 필요합니다.</translation>
    </message>
    <message>
        <source>--output is where --export-telemetry-csv writes; give both.</source>
        <translation>--output은 --export-telemetry-csv가 쓸 위치입니다. 둘 다 지정하세요.</translation>
    </message>
    <message>
        <source> to %1</source>
        <translation> → %1</translation>
    </message>
</context>
<context>
    <name>chorus::TelemetryModel</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>키</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>단위</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>경과</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>빈도</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>최소</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>최대</translation>
    </message>
</context>
<context>
    <name>chorus::TelemetryPanel</name>
    <message>
        <source>Select a connection to see its telemetry.</source>
        <translation>연결을 선택하면 그 텔레메트리를 보여 줍니다.</translation>
    </message>
    <message>
        <source>#%1: no telemetry yet</source>
        <translation>#%1: 아직 텔레메트리 없음</translation>
    </message>
    <message numerus="yes">
        <source>#%1: %n key(s)</source>
        <translation>
            <numerusform>#%1: 키 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>heartbeat %1 ago</source>
        <translation>하트비트 %1 전</translation>
    </message>
    <message>
        <source>state %1</source>
        <translation>상태 %1</translation>
    </message>
    <message>
        <source>mode %1</source>
        <translation>모드 %1</translation>
    </message>
    <message>
        <source>armed</source>
        <translation>시동 걸림</translation>
    </message>
    <message>
        <source>disarmed</source>
        <translation>시동 꺼짐</translation>
    </message>
    <message>
        <source>no heartbeat</source>
        <translation>하트비트 없음</translation>
    </message>
    <message>
        <source>Show &quot;%1&quot; as a column of the connection table</source>
        <translation>연결 표에 &quot;%1&quot;을(를) 열로 표시</translation>
    </message>
</context>
<context>
    <name>chorus::TrafficChart</name>
    <message>
        <source>In: %1/s</source>
        <translation>수신: %1/s</translation>
    </message>
    <message>
        <source>Out: %1/s</source>
        <translation>송신: %1/s</translation>
    </message>
    <message>
        <source>Active: %1</source>
        <translation>활성: %L1</translation>
    </message>
</context>
<context>
    <name>chorus::UdpChannel</name>
    <message>
        <source>expired: the oldest idle peer made room for a new one</source>
        <translation>만료: 새 피어를 위해 가장 오래 쉬던 피어를 뺐습니다</translation>
    </message>
    <message>
        <source>UDP peer %1: first datagram</source>
        <translation>UDP 피어 %1: 첫 데이터그램</translation>
    </message>
    <message>
        <source>%1 bytes discarded: a datagram longer than the limit of %2 bytes</source>
        <translation>%L1바이트를 버림: 한도 %L2바이트보다 긴 데이터그램</translation>
    </message>
    <message>
        <source>empty datagram: not answered</source>
        <translation>빈 데이터그램: 응답 안 함</translation>
    </message>
    <message>
        <source>datagram of %1 bytes not sent: %2</source>
        <translation>%L1바이트 데이터그램을 보내지 못함: %2</translation>
    </message>
    <message>
        <source>datagram from %1 refused: unknown or stale session token</source>
        <translation>%1의 데이터그램 거부: 알 수 없거나 만료된 세션 토큰</translation>
    </message>
    <message>
        <source>blocked %1 until %2</source>
        <translation>%1을(를) %2까지 차단함</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>차단됨</translation>
    </message>
    <message>
        <source>expired: no datagram for %1 s</source>
        <translation>만료: %1초 동안 데이터그램 없음</translation>
    </message>
    <message>
        <source>disconnected (%1): %2</source>
        <translation>연결 끊김 (%1): %2</translation>
    </message>
    <message>
        <source>datagram</source>
        <translation>데이터그램</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>보냄</translation>
    </message>
    <message>
        <source>received</source>
        <translation>받음</translation>
    </message>
    <message numerus="yes">
        <source>refused %n datagram(s) from new peers: the UDP peer table is full (%1 peers)</source>
        <translation>
            <numerusform>새 피어의 데이터그램 %n개를 거부: UDP 피어 표가 가득 참 (피어 %1개)</numerusform>
        </translation>
    </message>
    <message>
        <source>rule &quot;%1&quot;: its regular expression gave up on a message at the match limit; counted as no match</source>
        <translation>규칙 &quot;%1&quot;: 정규 표현식이 일치 한도에서 메시지를 포기함. 불일치로 처리</translation>
    </message>
    <message>
        <source>no rule matched: no reply</source>
        <translation>일치하는 규칙 없음: 응답 안 함</translation>
    </message>
    <message>
        <source>sent from the reply book</source>
        <translation>응답 목록에서 보냄</translation>
    </message>
    <message>
        <source>sent by rule &quot;%1&quot;</source>
        <translation>규칙 &quot;%1&quot;(으)로 보냄</translation>
    </message>
    <message>
        <source>closed by rule &quot;%1&quot;</source>
        <translation>규칙 &quot;%1&quot;이(가) 닫음</translation>
    </message>
    <message numerus="yes">
        <source>%n delayed replies dropped: the peer left the table</source>
        <translation>
            <numerusform>지연된 응답 %n개를 버림: 피어가 표에서 빠졌습니다</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chorus::UdpProbeLabel</name>
    <message>
        <source>UDP: sent %1 · answered %2 · lost %3 (%4 %)</source>
        <translation>UDP: 보냄 %L1 · 응답 %L2 · 손실 %L3 (%4%)</translation>
    </message>
    <message>
        <source> · RTT %1/%2/%3 ms</source>
        <translation> · 왕복 시간 %1/%2/%3 ms</translation>
    </message>
    <message>
        <source>UDP: port unreachable · </source>
        <translation>UDP: 포트 도달 불가 · </translation>
    </message>
    <message>
        <source>UDP probe: messages sent, answered and lost (no reply within the UDP reply timeout); round trips min/median/max of the answered ones</source>
        <translation>UDP 측정: 보낸 메시지, 응답받은 메시지, 손실된 메시지(UDP 응답 제한 시간 안에 응답 없음). 왕복 시간은 응답받은 메시지의 최소/중앙값/최대</translation>
    </message>
</context>
<context>
    <name>chorus::detail</name>
    <message>
        <source>field &quot;%1&quot; must not be empty</source>
        <translation>&quot;%1&quot; 필드는 비어 있으면 안 됩니다</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; is %2 characters long; at most %3 are allowed</source>
        <translation>&quot;%1&quot; 필드가 %2자입니다. 최대 %3자까지 허용됩니다</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; must not contain control characters</source>
        <translation>&quot;%1&quot; 필드에 제어 문자가 있으면 안 됩니다</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; has an empty key</source>
        <translation>&quot;%1&quot; 필드에 빈 키가 있습니다</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; has a key of %2 characters; at most %3 are allowed</source>
        <translation>&quot;%1&quot; 필드에 %2자짜리 키가 있습니다. 최대 %3자까지 허용됩니다</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; has a key with control characters</source>
        <translation>&quot;%1&quot; 필드의 키에 제어 문자가 있습니다</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; has a key with an unpaired UTF-16 surrogate</source>
        <translation>&quot;%1&quot; 필드의 키에 짝이 없는 UTF-16 서로게이트가 있습니다</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; has %2 keys; at most %3 are allowed</source>
        <translation>&quot;%1&quot; 필드에 키가 %2개 있습니다. 최대 %3개까지 허용됩니다</translation>
    </message>
    <message>
        <source>missing field &quot;%1&quot; (%2)</source>
        <translation>&quot;%1&quot; 필드가 없습니다 (%2)</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; is %2 bytes long; at most %3 are allowed</source>
        <translation>&quot;%1&quot; 필드가 %2바이트입니다. 최대 %3바이트까지 허용됩니다</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; holds an unpaired UTF-16 surrogate</source>
        <translation>&quot;%1&quot; 필드에 짝이 없는 UTF-16 서로게이트가 있습니다</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; must be at most %2 characters without control characters</source>
        <translation>&quot;%1&quot; 필드는 제어 문자 없이 최대 %2자여야 합니다</translation>
    </message>
    <message>
        <source>field &quot;result&quot; must be one of %1; got &quot;%2&quot;</source>
        <translation>&quot;result&quot; 필드는 %1 중 하나여야 합니다. 받은 값: &quot;%2&quot;</translation>
    </message>
    <message>
        <source>field &quot;severity&quot; must be one of %1; got &quot;%2&quot;</source>
        <translation>&quot;severity&quot; 필드는 %1 중 하나여야 합니다. 받은 값: &quot;%2&quot;</translation>
    </message>
</context>
<context>
    <name>chorus::detail::FieldReader</name>
    <message>
        <source>missing field &quot;%1&quot; (%2)</source>
        <translation>&quot;%1&quot; 필드가 없습니다 (%2)</translation>
    </message>
    <message>
        <source>missing field &quot;%1&quot; (a string)</source>
        <translation>&quot;%1&quot; 필드가 없습니다 (문자열)</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; holds an unpaired UTF-16 surrogate (\u%2) at character %3</source>
        <translation>&quot;%1&quot; 필드의 %3번째 문자에 짝이 없는 UTF-16 서로게이트(\u%2)가 있습니다</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; must be %2, got %3</source>
        <translation>&quot;%1&quot; 필드는 %2여야 합니다. 받은 값: %3</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>문자열</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>배열</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>객체</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>값 없음</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Try --help.</source>
        <translation>--help를 보세요.</translation>
    </message>
</context>
</TS>
