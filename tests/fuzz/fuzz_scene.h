/* fuzz_scene.h: the live widgets of a parsed lesson, driven as the player drives them
 * (the lesson fuzz target's second half). Depends on the lesson model only. */
#ifndef NN_TESTS_FUZZ_SCENE_H
#define NN_TESTS_FUZZ_SCENE_H

#include <stddef.h>
#include <stdint.h>

#include "lesson/model.h"

/* Makes the scene of l, restores it from the input's "//store" lines, lays it out and
 * draws every widget at widths 20, 40, 76 and 160, sends every widget the keys of the
 * input's "//keys" lines (or a default tour), ticks it, draws it again, saves it,
 * frees it, then makes it again from what it saved. data is the lesson's text.
 * Aborts through FUZZ_ASSERT when a widget breaks its contract (widget.h). */
void fuzz_scene(const Lesson *l, const uint8_t *data, size_t size);

#endif
