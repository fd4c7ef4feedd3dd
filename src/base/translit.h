/* translit.h: ASCII stand-ins for the symbols lessons use in prose (σ, ×, ≈, →,
 * subscripts...), for terminals without UTF-8. Depends on libc only. */
#ifndef NN_BASE_TRANSLIT_H
#define NN_BASE_TRANSLIT_H

#include <stdint.h>

/* Returns the ASCII text that stands for cp ("sigma", "*", "~", "->", "_i"), or NULL
 * when there is none (the caller shows '?'). ASCII itself is never passed here. */
const char *translit_ascii(uint32_t cp);

#endif
