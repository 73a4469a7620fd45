#include "answer/RuleMatcher.h"

#include "wire/ByteText.h"

#include <QCoreApplication>
#include <QStringDecoder>

#include <cstring>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

namespace chorus {

namespace {

// Groups a match reports; a pattern with more still matches, the rest read as empty.
constexpr uint32_t kMatchPairs = 64;

// Each engine thread's own match context and match data: matching allocates nothing.
struct ThreadMatchState
{
    pcre2_match_context* context = nullptr;
    pcre2_match_data* data = nullptr;

    ThreadMatchState()
    {
        context = pcre2_match_context_create(nullptr);
        pcre2_set_match_limit(context, kRegexMatchLimit);
        pcre2_set_depth_limit(context, kRegexDepthLimit);
        data = pcre2_match_data_create(kMatchPairs, nullptr);
    }
    ~ThreadMatchState()
    {
        pcre2_match_data_free(data);
        pcre2_match_context_free(context);
    }
    ThreadMatchState(const ThreadMatchState&) = delete;
    ThreadMatchState& operator=(const ThreadMatchState&) = delete;
};

ThreadMatchState& threadMatchState()
{
    thread_local ThreadMatchState state;
    return state;
}

bool isUtf8(const QByteArray& bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    (void)decoder.decode(bytes);
    return !decoder.hasError();
}

// A literal as a pattern that matches exactly its characters (UTF) or bytes.
QByteArray quotedLiteral(const QByteArray& bytes, bool utf)
{
    QByteArray out;
    if (utf) {
        for (const char32_t c : QString::fromUtf8(bytes).toUcs4()) {
            if (c < 128 && (std::isalnum(int(c)) != 0))
                out += char(c);
            else
                out += "\\x{" + QByteArray::number(quint32(c), 16) + '}';
        }
        return out;
    }
    for (const char byte : bytes)
        out += "\\x" + QByteArray::number(quint8(byte), 16).rightJustified(2, '0');
    return out;
}

} // namespace

// PCRE2 code, compiled (and JIT-compiled when the platform has a JIT) once.
class RegexProgram
{
public:
    static std::shared_ptr<const RegexProgram> compile(const QByteArray& pattern, uint32_t options,
                                                       QString* error, std::size_t* offset)
    {
        int code = 0;
        PCRE2_SIZE errorOffset = 0;
        pcre2_code* compiled = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.constData()),
                                             pattern.size(), options, &code, &errorOffset, nullptr);
        if (!compiled) {
            PCRE2_UCHAR buffer[256];
            pcre2_get_error_message(code, buffer, sizeof buffer);
            *error = QString::fromUtf8(reinterpret_cast<const char*>(buffer));
            *offset = errorOffset;
            return nullptr;
        }
        // Without a JIT (or when it fails) the interpreter runs, under the same limits.
        pcre2_jit_compile(compiled, PCRE2_JIT_COMPLETE);
        auto program = std::shared_ptr<RegexProgram>(new RegexProgram(compiled));
        program->readNames();
        return program;
    }

    ~RegexProgram() { pcre2_code_free(m_code); }
    RegexProgram(const RegexProgram&) = delete;
    RegexProgram& operator=(const RegexProgram&) = delete;

    MatchResult match(QByteArrayView subject, RuleCaptures* captures) const
    {
        // What PCRE2 would check first anyway, without the call: with a few
        // dozen regex rules most misses end here (an anchored command whose
        // first byte differs, a required byte that is absent).
        if (subject.size() < m_minLength)
            return MatchResult::NoMatch;
        if (m_firstUnit >= 0 && (subject.isEmpty() || quint8(subject.front()) != m_firstUnit))
            return MatchResult::NoMatch;
        if (m_requiredUnit >= 0 &&
            !std::memchr(subject.data(), m_requiredUnit, std::size_t(subject.size())))
            return MatchResult::NoMatch;
        ThreadMatchState& state = threadMatchState();
        const int rc = pcre2_match(m_code, reinterpret_cast<PCRE2_SPTR>(subject.data()),
                                   PCRE2_SIZE(subject.size()), 0, 0, state.data, state.context);
        if (rc == PCRE2_ERROR_NOMATCH)
            return MatchResult::NoMatch;
        if (rc < 0) // the match or depth limit, the JIT stack, the heap: given up
            return MatchResult::LimitHit;
        if (captures) {
            const PCRE2_SIZE* ovector = pcre2_get_ovector_pointer(state.data);
            const int pairs = rc == 0 ? int(kMatchPairs) : rc;
            captures->groups.clear();
            captures->groups.reserve(pairs);
            for (int i = 0; i < pairs; ++i) {
                const PCRE2_SIZE start = ovector[2 * i];
                const PCRE2_SIZE end = ovector[2 * i + 1];
                if (start == PCRE2_UNSET || end < start)
                    captures->groups.append(QByteArray());
                else
                    captures->groups.append(
                        subject.sliced(qsizetype(start), qsizetype(end - start)).toByteArray());
            }
            captures->names = m_names.isEmpty() ? nullptr : &m_names;
        }
        return MatchResult::Match;
    }

    const QHash<QString, int>* names() const { return m_names.isEmpty() ? nullptr : &m_names; }

private:
    explicit RegexProgram(pcre2_code* code) : m_code(code)
    {
        uint32_t options = 0;
        uint32_t type = 0;
        uint32_t unit = 0;
        uint32_t minLength = 0;
        pcre2_pattern_info(m_code, PCRE2_INFO_ALLOPTIONS, &options);
        pcre2_pattern_info(m_code, PCRE2_INFO_MINLENGTH, &minLength);
        // MINLENGTH counts characters; in UTF mode a character is at least one byte.
        m_minLength = qsizetype(minLength);
        if (options & PCRE2_CASELESS)
            return; // a caseless unit has two values: left to PCRE2
        if ((options & PCRE2_ANCHORED) &&
            pcre2_pattern_info(m_code, PCRE2_INFO_FIRSTCODETYPE, &type) == 0 && type == 1 &&
            pcre2_pattern_info(m_code, PCRE2_INFO_FIRSTCODEUNIT, &unit) == 0)
            m_firstUnit = int(unit);
        if (pcre2_pattern_info(m_code, PCRE2_INFO_LASTCODETYPE, &type) == 0 && type == 1 &&
            pcre2_pattern_info(m_code, PCRE2_INFO_LASTCODEUNIT, &unit) == 0)
            m_requiredUnit = int(unit);
    }

    void readNames()
    {
        uint32_t count = 0;
        uint32_t entrySize = 0;
        PCRE2_SPTR table = nullptr;
        pcre2_pattern_info(m_code, PCRE2_INFO_NAMECOUNT, &count);
        pcre2_pattern_info(m_code, PCRE2_INFO_NAMEENTRYSIZE, &entrySize);
        pcre2_pattern_info(m_code, PCRE2_INFO_NAMETABLE, &table);
        for (uint32_t i = 0; i < count; ++i) {
            const PCRE2_SPTR entry = table + std::size_t(i) * entrySize;
            const int number = (int(entry[0]) << 8) | int(entry[1]);
            m_names.insert(QString::fromUtf8(reinterpret_cast<const char*>(entry + 2)), number);
        }
    }

    pcre2_code* m_code;
    QHash<QString, int> m_names;
    qsizetype m_minLength = 0;
    int m_firstUnit = -1;    // an anchored pattern's first byte, when it has one
    int m_requiredUnit = -1; // a byte every match contains, when there is one
};

QString ruleProblemName(RuleProblem problem)
{
    switch (problem) {
    case RuleProblem::None:
        return QStringLiteral("none");
    case RuleProblem::BadPattern:
        return QStringLiteral("bad-pattern");
    case RuleProblem::BadRegex:
        return QStringLiteral("bad-regex");
    case RuleProblem::BadReply:
        return QStringLiteral("bad-reply");
    case RuleProblem::UnknownSet:
        return QStringLiteral("unknown-set");
    case RuleProblem::BadDelay:
        return QStringLiteral("bad-delay");
    }
    return {};
}

RuleMatcher::RuleMatcher(const Rule& rule)
    : m_kind(rule.match), m_negate(rule.negate),
      m_caseInsensitive(rule.caseInsensitive && rule.patternFormat == ReplyFormat::Text),
      m_hex(rule.patternFormat == ReplyFormat::Hex)
{
    QString error;
    std::size_t offset = 0;
    if (m_kind == MatchKind::Regex) {
        // Text: the pattern over UTF-8 (offsets reported in characters); hex: over bytes.
        const QByteArray pattern = rule.pattern.toUtf8();
        // Bytes have no lines: a dot is any byte (0x0A too) and $ is the very end.
        uint32_t options =
            m_hex ? (PCRE2_DOTALL | PCRE2_DOLLAR_ENDONLY) : (PCRE2_UTF | PCRE2_MATCH_INVALID_UTF);
        if (m_caseInsensitive)
            options |= PCRE2_CASELESS;
        m_regex = RegexProgram::compile(pattern, options, &error, &offset);
        if (!m_regex) {
            const qsizetype at = m_hex ? qsizetype(offset)
                                       : QString::fromUtf8(pattern.left(qsizetype(offset))).size();
            fail(RuleProblem::BadRegex, error, at);
        }
        return;
    }
    ByteParseError parseError;
    const std::optional<QByteArray> bytes =
        m_hex ? parseHex(rule.pattern, &parseError) : parseEscapedText(rule.pattern, &parseError);
    if (!bytes) {
        fail(RuleProblem::BadPattern, describeParseError(parseError), parseError.position);
        return;
    }
    m_literal = *bytes;
    if (!m_caseInsensitive)
        return;
    // Case-insensitive literals run in PCRE2 (Unicode case folding), anchored per kind,
    // so {0} is the message's own bytes.
    const bool utf = isUtf8(m_literal);
    uint32_t options = PCRE2_CASELESS | (utf ? (PCRE2_UTF | PCRE2_MATCH_INVALID_UTF) : 0);
    if (m_kind == MatchKind::Exact || m_kind == MatchKind::StartsWith)
        options |= PCRE2_ANCHORED;
    if (m_kind == MatchKind::Exact || m_kind == MatchKind::EndsWith)
        options |= PCRE2_ENDANCHORED;
    m_regex = RegexProgram::compile(quotedLiteral(m_literal, utf), options, &error, &offset);
    if (!m_regex)
        fail(RuleProblem::BadPattern, error, 0);
}

RuleMatcher::~RuleMatcher() = default;

void RuleMatcher::fail(RuleProblem problem, const QString& text, qsizetype offset)
{
    m_problem = problem;
    m_errorString = text;
    m_errorOffset = offset;
    m_regex.reset();
}

bool RuleMatcher::isIndexedLiteral() const
{
    return isValid() && m_kind == MatchKind::Exact && !m_negate && !m_caseInsensitive;
}

bool RuleMatcher::isIndexedFoldedLiteral() const
{
    return isValid() && m_kind == MatchKind::Exact && !m_negate && m_caseInsensitive;
}

QString RuleMatcher::foldedLiteral() const
{
    return QString::fromUtf8(m_literal).toCaseFolded();
}

const QHash<QString, int>* RuleMatcher::groupNames() const
{
    return m_regex && m_kind == MatchKind::Regex ? m_regex->names() : nullptr;
}

MatchResult RuleMatcher::match(QByteArrayView message, RuleCaptures* captures) const
{
    if (!isValid())
        return MatchResult::NoMatch;
    if (!m_negate)
        return matchPattern(message, captures);
    const MatchResult inner = matchPattern(message, nullptr);
    if (inner == MatchResult::LimitHit)
        return inner;
    if (inner == MatchResult::Match)
        return MatchResult::NoMatch;
    if (captures) {
        captures->groups = {message.toByteArray()};
        captures->names = nullptr;
    }
    return MatchResult::Match;
}

MatchResult RuleMatcher::matchPattern(QByteArrayView message, RuleCaptures* captures) const
{
    if (m_regex)
        return m_regex->match(message, captures);
    qsizetype at = -1;
    switch (m_kind) {
    case MatchKind::Exact:
        at = message == QByteArrayView(m_literal) ? 0 : -1;
        break;
    case MatchKind::StartsWith:
        at = message.startsWith(m_literal) ? 0 : -1;
        break;
    case MatchKind::EndsWith:
        at = message.endsWith(m_literal) ? message.size() - m_literal.size() : -1;
        break;
    case MatchKind::Contains:
        at = message.indexOf(m_literal);
        break;
    case MatchKind::Regex:
        break;
    }
    if (at < 0)
        return MatchResult::NoMatch;
    if (captures) {
        captures->groups = {message.sliced(at, m_literal.size()).toByteArray()};
        captures->names = nullptr;
    }
    return MatchResult::Match;
}

} // namespace chorus
