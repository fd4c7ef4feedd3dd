/* tblock.h: what the tblock kind shows its tests: the trained net behind an instance
 * and the head's guesses. Must not draw or read keys. */
#ifndef NN_WIDGETS_TBLOCK_H
#define NN_WIDGETS_TBLOCK_H

#include "nn/demo.h"
#include "widgets/core/widget.h"

/* The net of a tblock instance; stage_nodes (7): the node each stage shows (the
 * attention stage: the attention node, whose weights it shows). */
const Net *tblock_net(const Instance *in, NetId *stage_nodes);

/* The head's guess after word i of the sentence, and its probability *p. */
size_t tblock_guess(const Instance *in, size_t i, double *p);

#endif
