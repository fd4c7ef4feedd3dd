/* problem.h: the stand-in the scene shows for a widget whose directive has errors.
 * Must not be listed in the registry: lessons cannot name it. */
#ifndef NN_WIDGETS_PROBLEM_H
#define NN_WIDGETS_PROBLEM_H

#include "widgets/core/widget.h"

/* in->state is the message (malloc'd, "file:line: what is wrong"); free releases it. */
extern const WidgetOps problem_ops;

#endif
