/* act.c: the activation functions, their derivatives and their names.
 * libc and libm only. */
#include <config.h>

#include <math.h>
#include <string.h>

#include "nn/names.h"
#include "nn/act.h"

static const char *const act_names[ACT_COUNT] = {
    "step", "linear", "sigmoid", "tanh", "relu", "leaky-relu", "elu", "gelu", "softplus", "swish",
};

#define LEAKY_SLOPE 0.01

const char *act_name(Activation a)
{
	return a < ACT_COUNT ? act_names[a] : "?";
}

int act_from_name(Activation *a, const char *name)
{
	int i = names_find(act_names, ACT_COUNT, name);

	if (i < 0)
		return -1;
	*a = (Activation)i;
	return 0;
}

double act_sigmoid(double z)
{
	if (z >= 0)
		return 1.0 / (1.0 + exp(-z));
	else {
		double e = exp(z);
		return e / (1.0 + e);
	}
}

double act_value(Activation a, double z)
{
	switch (a) {
	case ACT_STEP:
		return z > 0 ? 1.0 : 0.0;
	case ACT_LINEAR:
		return z;
	case ACT_SIGMOID:
		return act_sigmoid(z);
	case ACT_TANH:
		return tanh(z);
	case ACT_RELU:
		return z > 0 ? z : 0.0;
	case ACT_LEAKY_RELU:
		return z > 0 ? z : LEAKY_SLOPE * z;
	case ACT_ELU:
		return z > 0 ? z : expm1(z);
	case ACT_GELU:
		return 0.5 * z * (1.0 + erf(z * M_SQRT1_2));
	case ACT_SOFTPLUS:
		return log1p(exp(-fabs(z))) + (z > 0 ? z : 0.0);
	case ACT_SWISH:
		return z * act_sigmoid(z);
	case ACT_COUNT:
		break;
	}
	return NAN;
}

double act_deriv(Activation a, double z, double y)
{
	double s;

	switch (a) {
	case ACT_STEP:
		return 0.0;
	case ACT_LINEAR:
		return 1.0;
	case ACT_SIGMOID:
		return y * (1.0 - y);
	case ACT_TANH:
		return 1.0 - y * y;
	case ACT_RELU:
		return z > 0 ? 1.0 : 0.0;
	case ACT_LEAKY_RELU:
		return z > 0 ? 1.0 : LEAKY_SLOPE;
	case ACT_ELU:
		return z > 0 ? 1.0 : y + 1.0;
	case ACT_GELU:
		return 0.5 * (1.0 + erf(z * M_SQRT1_2)) +
		       z * exp(-0.5 * z * z) * (0.5 * M_2_SQRTPI * M_SQRT1_2);
	case ACT_SOFTPLUS:
		return act_sigmoid(z);
	case ACT_SWISH:
		s = act_sigmoid(z);
		return s + z * s * (1.0 - s);
	case ACT_COUNT:
		break;
	}
	return NAN;
}

void act_forward(double *y, const double *z, size_t n, Activation a)
{
	size_t i;

	switch (a) {
	case ACT_LINEAR:
		if (y != z)
			memmove(y, z, n * sizeof *y);
		return;
	case ACT_TANH:
		for (i = 0; i < n; i++)
			y[i] = tanh(z[i]);
		return;
	default:
		for (i = 0; i < n; i++)
			y[i] = act_value(a, z[i]);
		return;
	}
}

void act_backward(double *dz, const double *dy, const double *z, const double *y, size_t n,
                  Activation a)
{
	size_t i;

	switch (a) {
	case ACT_LINEAR:
		for (i = 0; i < n; i++)
			dz[i] += dy[i];
		return;
	case ACT_TANH:
		for (i = 0; i < n; i++)
			dz[i] += dy[i] * (1.0 - y[i] * y[i]);
		return;
	default:
		for (i = 0; i < n; i++)
			dz[i] += dy[i] * act_deriv(a, z[i], y[i]);
		return;
	}
}
