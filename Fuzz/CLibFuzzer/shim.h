// libFuzzer's driver, for a program that keeps its own main (SwiftPM gives every executable one).
// Only declared here: the symbol comes from the toolchain's libclang_rt.fuzzer, linked by -sanitize=fuzzer,
// and only fuzz builds (-DFUZZING) call it.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
