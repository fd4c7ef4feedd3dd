/* attn.h: scaled dot-product attention (optionally causal) and multi-head
 * self-attention with its weights kept for drawing. libc and libm only; no allocation
 * (multi-head attention works in a caller's workspace); backward ADDS into gradients. */
#ifndef NN_NN_ATTN_H
#define NN_NN_ATTN_H

#include <stddef.h>

/* Queries q (n,tq,d), keys k (n,tk,d), values v (n,tk,dv). causal: query i sees the
 * keys 0..i only (torch's tril mask; the usual case is tq = tk). */
typedef struct {
	size_t n, tq, tk, d, dv;
	int causal;
} AttnShape;

/* y: (n,tq,dv) p: (n,tq,tk) q, k, v as in AttnShape;
 * p = softmax over the keys of (q k^T / sqrt(d) + M), M = -inf where causal hides a key
 * (p is then exactly 0 there); y = p v. p is kept for the backward (and for a heat map). */
void attention_forward(double *y, double *p, const double *q, const double *k, const double *v,
                       const AttnShape *s);

/* dq, dk, dv: as q, k, v; dy: (n,tq,dv); p, q, k, v: the forward's. With dp = dy v^T and
 * ds = p * (dp - rowsum(p * dp)): dq += ds k / sqrt(d), dk += ds^T q / sqrt(d),
 * dv += p^T dy. */
void attention_backward(double *dq, double *dk, double *dv, const double *dy, const double *p,
                        const double *q, const double *k, const double *v, const AttnShape *s);

/* The same for time-major sequences, as an encoder-decoder's cross-attention (a
 * decoder's states as queries, an encoder's as keys and values): q (tq,n,d),
 * k (tk,n,d), v (tk,n,dv), y (tq,n,dv), p (n,tq,tk). keep (tk,n) or NULL: key j of
 * example b is seen only where keep[j n + b] != 0 (padding hidden, p exactly 0 there; a
 * query that sees no key gets p = 0 and y = 0). k and v may be the same array, and so
 * may dk and dv (the backward adds into each in turn); any of dq, dk, dv may be NULL. */
void attention_seq_forward(double *y, double *p, const double *q, const double *k,
                           const double *v, const size_t *keep, const AttnShape *s);
void attention_seq_backward(double *dq, double *dk, double *dv, const double *dy,
                            const double *p, const double *q, const double *k, const double *v,
                            const AttnShape *s);

/* Self-attention of x (n,t,d) with `heads` heads of d/heads columns (heads divides d). */
typedef struct {
	size_t n, t, d, heads;
	int causal;
} MhaShape;

/* Doubles of workspace multi-head attention needs for s: Q, K, V, the concatenated heads
 * O (each (n,t,d)), the weights P (n,heads,t,t), and the backward's dQ, dK, dV, dO. */
size_t mha_work_size(const MhaShape *s);

/* The attention weights in a workspace after mha_forward: P (n,heads,t,t), P[b,h,i,j] =
 * how much query i of example b looks at key j in head h. */
const double *mha_weights(const double *work, const MhaShape *s);

/* y: (n,t,d) work: (mha_work_size) x: (n,t,d) wq, wk, wv, wo: (d,d), no biases:
 * Q = x wq^T, K = x wk^T, V = x wv^T; head j takes columns j d/heads .. (j+1) d/heads - 1
 * of each; O = the heads' attention (attention_forward) side by side; y = O wo^T. */
void mha_forward(double *y, double *work, const double *x, const double *wq, const double *wk,
                 const double *wv, const double *wo, const MhaShape *s);

/* dx: (n,t,d) or NULL, dwq, dwk, dwv, dwo: (d,d), dy: (n,t,d); work, x and the weights:
 * the forward's. The chain rule through y = O wo^T, the heads, and the projections. */
void mha_backward(double *dx, double *dwq, double *dwk, double *dwv, double *dwo,
                  const double *dy, double *work, const double *x, const double *wq,
                  const double *wk, const double *wv, const double *wo, const MhaShape *s);

#endif
