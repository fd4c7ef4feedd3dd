/* act.h: activation functions and their derivatives, selectable by name.
 * libc and libm only. */
#ifndef NN_NN_ACT_H
#define NN_NN_ACT_H

#include <stddef.h>

typedef enum {
	ACT_STEP,       /* y = 1 if z > 0 else 0; y' = 0 (a perceptron's threshold) */
	ACT_LINEAR,     /* y = z; y' = 1 */
	ACT_SIGMOID,    /* y = 1/(1+e^-z); y' = y(1-y) */
	ACT_TANH,       /* y = tanh z; y' = 1 - y^2 */
	ACT_RELU,       /* y = max(z, 0); y' = 1 if z > 0 else 0 */
	ACT_LEAKY_RELU, /* y = z if z > 0 else 0.01 z; y' = 1 or 0.01 (PyTorch's slope) */
	ACT_ELU,        /* y = z if z > 0 else e^z - 1; y' = 1 or y + 1 (alpha = 1) */
	ACT_GELU,       /* y = z Phi(z) (exact, with erf); y' = Phi(z) + z phi(z) */
	ACT_SOFTPLUS,   /* y = ln(1 + e^z), computed stably; y' = sigmoid(z) */
	ACT_SWISH,      /* y = z sigmoid(z) (SiLU); y' = s + z s (1 - s) */
	ACT_COUNT
} Activation;

/* The name of a ("step", "linear", "sigmoid", "tanh", "relu", "leaky-relu", "elu",
 * "gelu", "softplus", "swish"). */
const char *act_name(Activation a);

/* Looks name up; returns 0 and sets *a, or -1 for an unknown name. */
int act_from_name(Activation *a, const char *name);

/* 1/(1+e^-z), computed without overflow for large |z| (e^z/(1+e^z) below 0). */
double act_sigmoid(double z);

/* f(z) for one value. */
double act_value(Activation a, double z);

/* f'(z) for one value, given y = f(z) too (some derivatives are cheaper from y). */
double act_deriv(Activation a, double z, double y);

/* y: (n) z: (n); y_i = f(z_i). y may be z. */
void act_forward(double *y, const double *z, size_t n, Activation a);

/* dz: (n) dy: (n) z: (n) y: (n); dz_i += dy_i f'(z_i), with y = f(z) from the forward. */
void act_backward(double *dz, const double *dy, const double *z, const double *y, size_t n,
                  Activation a);

#endif
