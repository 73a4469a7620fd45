// parseRules on any bytes (docs/RULES.md): never crashes; rules that parse
// serialize to JSON that parses back to the same rules and sets; and the
// rule book built from them answers messages taken from the input without
// crashing or hanging (regexes are bounded).

#include "FuzzTarget.h"

#include "answer/RuleBook.h"
#include "answer/RuleBookFile.h"

using namespace chorus;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    BookFileResult result;
    const std::optional<ParsedRules> parsed = parseRules(bytes, &result);
    if (!parsed) {
        fuzzCheck(result.format != BookFormatError::None, "a refusal says why");
        return 0;
    }
    BookFileResult again;
    const std::optional<ParsedRules> back = parseRules(serializeRules(*parsed), &again);
    fuzzCheck(back.has_value(), "what was written reads back");
    fuzzCheck(back->rules == parsed->rules, "the rules round-trip");
    fuzzCheck(back->sets == parsed->sets, "the reply sets round-trip");

    RuleBook book;
    book.setReplySets(parsed->sets);
    book.setRules(parsed->rules);
    ReplyContext context;
    for (const QByteArray& message : bytes.split('\n')) {
        context.echo = message;
        const RuleAnswer answer = book.answer(message, context, nullptr);
        fuzzCheck(answer.source != RuleAnswer::Source::ReplyBook, "no book, no book reply");
        fuzzCheck((answer.source == RuleAnswer::Source::Rule) == (answer.ruleIndex >= 0),
                  "a rule answer names its rule");
    }
    return 0;
}
