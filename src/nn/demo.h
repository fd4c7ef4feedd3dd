/* demo.h: the demo models the lessons train live, built on Net: a CNN for glyphs, a GRU
 * encoder-decoder, a one-block Transformer, a small U-Net, an autoencoder, a generator
 * and a discriminator. libc and libm only. Each builder appends nodes to a net (the
 * caller then calls net_finish and net_init_params) and says which nodes matter. */
#ifndef NN_NN_DEMO_H
#define NN_NN_DEMO_H

#include <stddef.h>

#include "nn/net.h"

/* The nodes of a demo model a caller fills or reads (NET_NONE where a model has none). */
typedef struct {
	NetId x;      /* the input: images, source ids, tokens, codes or noise */
	NetId x2;     /* a second input: the decoder's input ids */
	NetId target; /* what the loss compares with: classes, next tokens, an image */
	NetId out;    /* the output: logits, a reconstruction, samples */
	NetId loss;   /* the scalar loss */
	NetId attn;   /* the attention layer (its weights: net_attention) */
	NetId code;   /* a summary: the encoder-decoder's context vector */
} DemoModel;

/* images (1, size, size) -> conv 3x3 (ch filters, padding 1) -> ReLU -> maxpool 2 ->
 * dense (classes) = logits -> softmax cross-entropy with the class ids (one per image).
 * size even. */
void demo_cnn(Net *net, DemoModel *m, size_t size, size_t ch, size_t classes);

/* A GRU encoder-decoder: source ids x (ts, time-major) -> embedding (vs, emb) -> GRU
 * (hid) -> its last state = h0 of the decoder GRU (hid) over the embedded (vt, emb)
 * decoder input ids x2 (tt, time-major) -> dense (vt) = logits -> softmax cross-entropy
 * with the next words (target, (tt) time-major). */
void demo_seq2seq(Net *net, DemoModel *m, size_t ts, size_t tt, size_t vs, size_t vt,
                  size_t emb, size_t hid);

/* The same with attention over the encoder's states (Luong's dot attention): each
 * decoder state d_t looks at the encoder's states (padding, source id 0, hidden):
 * c_t = net_attend(d_t, enc) = attn; logits = dense (vt) of [d_t, c_t]. */
void demo_seq2seq_attn(Net *net, DemoModel *m, size_t ts, size_t tt, size_t vs, size_t vt,
                       size_t emb, size_t hid);

/* A one-block Transformer over t tokens (batch-major): embedding (v, d) + learned
 * positions -> y = layernorm(x + MHA(x)) -> z = layernorm(y + W2 ReLU(W1 y + b1) + b2)
 * (W1: ff x d) -> dense (v) = logits -> softmax cross-entropy with target ids (t): the
 * post-norm block of the original Transformer (torch's default). causal: each position
 * sees only the earlier ones (a language model). */
void demo_transformer(Net *net, DemoModel *m, size_t t, size_t v, size_t d, size_t heads,
                      size_t ff, int causal);

/* A small U-Net on images (1, size, size), size even: e = ReLU(conv3x3 1 -> c),
 * b = ReLU(conv3x3 c -> 2c) of maxpool2(e), u = upsample2(b), then the skip:
 * ReLU(conv3x3 (3c -> c) of [u, e]) -> conv1x1 (c -> 1) = out; MSE against a target
 * image. */
void demo_unet(Net *net, DemoModel *m, size_t size, size_t c);

/* The same U-Net without its skip: the up path sees only the upsampled bottom,
 * ReLU(conv3x3 (2c -> c) of u) -> conv1x1 (c -> 1) = out; everything else as above. */
void demo_unet_noskip(Net *net, DemoModel *m, size_t size, size_t c);

/* An autoencoder of n inputs: ReLU(dense hidden) -> dense (code) -> ReLU(dense hidden)
 * -> sigmoid(dense n) = out; MSE against the input itself. */
void demo_autoencoder(Net *net, DemoModel *m, size_t n, size_t hidden, size_t code);

/* A generator: noise (z) -> ReLU(dense hidden) -> ReLU(dense hidden) -> dense (n) = out.
 * No loss: a discriminator's input gradient trains it (net_backward from out). */
void demo_generator(Net *net, DemoModel *m, size_t z, size_t hidden, size_t n);

/* A discriminator of n inputs (their gradient tracked, for the generator):
 * LeakyReLU(dense hidden) -> LeakyReLU(dense hidden) -> dense (1) = logit; binary
 * cross-entropy against the target (1 real, 0 fake). */
void demo_discriminator(Net *net, DemoModel *m, size_t n, size_t hidden);

#endif
