#pragma once

// A fuzz target is one function, LLVMFuzzerTestOneInput(data, size), built two ways:
// with clang's libFuzzer (./dev.sh fuzz: coverage-guided, -fsanitize=fuzzer) and,
// in every build, with replay_main.cpp, which feeds it each file of its seed
// corpus (tests/fuzz/corpus/<target>/) so that ctest replays the corpus.
// A broken invariant calls fuzzCheck(false, ...), which aborts with a message:
// libFuzzer saves the input as a crash, the replay test fails.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

inline void fuzzCheck(bool holds, const char* what)
{
    if (!holds) {
        std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
        std::abort();
    }
}
