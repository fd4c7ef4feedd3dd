/* fuzz.h: the lesson parser's fuzz target, shared by libFuzzer and the replay driver.
 * Depends on the lesson library and the widget registry only. */
#ifndef NN_TESTS_FUZZ_H
#define NN_TESTS_FUZZ_H

#include <stddef.h>
#include <stdint.h>

/* Runs the bytes through the lesson parser and checker and the course index parser
 * and checker, formats every diagnostic and reads every node of the models. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
