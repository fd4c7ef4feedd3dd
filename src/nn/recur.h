/* recur.h: recurrent layers over a sequence, with backpropagation through time: the
 * Elman tanh RNN, the GRU and the LSTM (torch.nn.RNN, GRU, LSTM, one layer).
 * libc and libm only; no allocation: the caller keeps a workspace of *_work_size
 * doubles, filled by the forward with the per-step values and read by the backward.
 * Backward ADDS into its gradients. */
#ifndef NN_NN_RECUR_H
#define NN_NN_RECUR_H

#include <stddef.h>

/* A sequence x (t,n,in) (time first), hidden size hid; h0, c0 and every h are (n,hid). */
typedef struct {
	size_t t, n, in, hid;
} RecurShape;

/* Doubles of workspace each layer needs for s. */
size_t rnn_work_size(const RecurShape *s);
size_t gru_work_size(const RecurShape *s);
size_t lstm_work_size(const RecurShape *s);

/* y: (t,n,hid) work: (rnn_work_size) x: (t,n,in) h0: (n,hid) or NULL (zeros)
 * wx: (hid,in) wh: (hid,hid) b: (hid);
 * h_t = tanh(wx x_t + wh h_(t-1) + b), y = every h_t. */
void rnn_forward(double *y, double *work, const double *x, const double *h0, const double *wx,
                 const double *wh, const double *b, const RecurShape *s);

/* dx: (t,n,in) or NULL, dh0: (n,hid) or NULL, dwx, dwh, db: as wx, wh, b; dy: (t,n,hid);
 * y, work, x, h0, wx, wh: those of the forward. Backpropagation through time from the
 * last step: dh = dy_t + (carried), da = dh (1 - h_t^2), then db += da,
 * dwx += da^T x_t, dwh += da^T h_(t-1), dx_t += da wx, carried = da wh (into dh0 at the
 * end). */
void rnn_backward(double *dx, double *dh0, double *dwx, double *dwh, double *db,
                  const double *dy, const double *y, double *work, const double *x,
                  const double *h0, const double *wx, const double *wh, const RecurShape *s);

/* y: (t,n,hid) work: (gru_work_size) x: (t,n,in) h0: (n,hid) or NULL (zeros)
 * wx: (3 hid,in) wh: (3 hid,hid) bx, bh: (3 hid), rows in the order r, z, n:
 *   r = s(wx_r x + bx_r + wh_r h + bh_r),  z = s(wx_z x + bx_z + wh_z h + bh_z),
 *   n = tanh(wx_n x + bx_n + r * (wh_n h + bh_n)),  h' = (1 - z) * n + z * h,
 * s the sigmoid; y = every h'. work starts with, per step and row, r, z, n and
 * wh_n h + bh_n (4 hid values). */
void gru_forward(double *y, double *work, const double *x, const double *h0, const double *wx,
                 const double *wh, const double *bx, const double *bh, const RecurShape *s);

/* The twin of gru_forward (same conventions as rnn_backward): dh = dy_t + carried;
 * dn = dh (1 - z), dz = dh (h - n), dan = dn (1 - n^2), dar = dan (wh_n h + bh_n) r (1 - r),
 * daz = dz z (1 - z); the input side gets (dar, daz, dan), the hidden side
 * (dar, daz, dan r); carried = dh z + (hidden side) wh. */
void gru_backward(double *dx, double *dh0, double *dwx, double *dwh, double *dbx, double *dbh,
                  const double *dy, const double *y, double *work, const double *x,
                  const double *h0, const double *wx, const double *wh, const RecurShape *s);

/* y: (t,n,hid) work: (lstm_work_size) x: (t,n,in) h0, c0: (n,hid) or NULL (zeros)
 * wx: (4 hid,in) wh: (4 hid,hid) b: (4 hid), rows in the order i, f, g, o:
 *   a = wx x + wh h + b,  i, f, o = s(a_i), s(a_f), s(a_o),  g = tanh(a_g),
 *   c' = f * c + i * g,  h' = o * tanh(c'),  y = every h'.
 * work starts with, per step and row, i, f, g, o, c' and tanh(c') (6 hid values): the
 * last step's c' is the final cell state. */
void lstm_forward(double *y, double *work, const double *x, const double *h0, const double *c0,
                  const double *wx, const double *wh, const double *b, const RecurShape *s);

/* The twin of lstm_forward: dh = dy_t + carried h; dc = carried c + dh o (1 - tanh(c')^2);
 * the gate gradients di = dc g, df = dc c, dg = dc i, do = dh tanh(c') times their
 * activation's slope give da; carried c = dc f, carried h = da wh (into dh0, dc0). */
void lstm_backward(double *dx, double *dh0, double *dc0, double *dwx, double *dwh, double *db,
                   const double *dy, const double *y, double *work, const double *x,
                   const double *h0, const double *c0, const double *wx, const double *wh,
                   const RecurShape *s);

#endif
