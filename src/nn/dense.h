/* dense.h: the position-wise layers: linear over a batch, embedding lookup, residual add.
 * libc only; no allocation. Forward and backward are twins; backward ADDS into its
 * gradient buffers (the caller zeroes them once per step). */
#ifndef NN_NN_DENSE_H
#define NN_NN_DENSE_H

#include <stddef.h>

/* y: (n,o) x: (n,i) w: (o,i) b: (o) or NULL; y = x w^T + b, as torch.nn.Linear:
 * y_ro = b_o + sum_k x_rk w_ok (k from 0 up). y is overwritten; it must not overlap x. */
void dense_forward(double *y, const double *x, const double *w, const double *b, size_t n,
                   size_t in, size_t out);

/* dx: (n,i) or NULL, dw: (o,i), db: (o) or NULL, dy: (n,o); for the forward above:
 * dx += dy w, dw += dy^T x, db += sum over the rows of dy. */
void dense_backward(double *dx, double *dw, double *db, const double *dy, const double *x,
                    const double *w, size_t n, size_t in, size_t out);

/* y: (n,d) table: (v,d) ids: (n), each < v; y_r = table_(ids_r) (rows gathered). */
void embed_forward(double *y, const double *table, const size_t *ids, size_t n, size_t d);

/* dtable: (v,d) dy: (n,d) ids: (n); dtable_(ids_r) += dy_r for r from 0 up (a row used
 * twice gets both gradients). */
void embed_backward(double *dtable, const double *dy, const size_t *ids, size_t n, size_t d);

/* y: (n) a: (n) b: (n); y = a + b (the residual connection). y may be a or b. */
void residual_forward(double *y, const double *a, const double *b, size_t n);

/* da: (n) or NULL, db: (n) or NULL, dy: (n); da += dy, db += dy. */
void residual_backward(double *da, double *db, const double *dy, size_t n);

#endif
