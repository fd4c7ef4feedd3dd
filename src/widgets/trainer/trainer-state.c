/* trainer-state.c: the trainer's whole state as a short string a learner can copy and
 * paste back: "nn1/s=spiral/p=400/n=0.2/.../sp=full". Every control and both seeds
 * are in it, so the same string trains the same net on the same points bit for bit.
 * Must not read or write files, nor own the loop. */
#include <config.h>

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "nls.h"
#include "widgets/trainer/trainer.h"

#define STATE_TAG "nn1"

/* What a state string sets: the learner's controls, apart from the points. */
typedef struct {
	bool own; /* s=own: the learner's own points */
	DataKind kind;
	double noise, ratio, lr, l1, l2, dropout;
	size_t points, batch;
	uint64_t data_seed, init_seed;
	int nhidden, hidden[BRAIN_MAX_HIDDEN];
	Activation acts[BRAIN_MAX_HIDDEN];
	Loss loss;
	OptimKind optim;
	InitScheme init;
	bool early;
	int speed;
} Settings;

/* The shortest %g form of v that reads back as v. */
static void num(char *out, size_t size, double v)
{
	int p;

	for (p = 6; p <= 17; p++) {
		snprintf(out, size, "%.*g", p, v);
		if (strtod(out, NULL) == v)
			return;
	}
}

/* Appends "/key=value" to buf (of size, used so far *n). */
static void field(char *buf, size_t size, size_t *n, const char *key, const char *value)
{
	int k;

	if (*n >= size)
		return;
	k = snprintf(buf + *n, size - *n, "/%s=%s", key, value);
	*n = k < 0 ? size : *n + (size_t)k;
}

static void field_num(char *buf, size_t size, size_t *n, const char *key, double v)
{
	char s[40];

	num(s, sizeof s, v);
	field(buf, size, n, key, s);
}

static void get(const Brain *b, Settings *t);

/* What a field left out of a string means: the trainer widget's defaults. */
static void defaults(Settings *t)
{
	int l;

	memset(t, 0, sizeof *t);
	t->kind = DATA_SPIRAL;
	t->points = 400;
	t->noise = 0.2;
	t->ratio = 0.5;
	t->data_seed = t->init_seed = 1;
	t->nhidden = 2;
	for (l = 0; l < BRAIN_MAX_HIDDEN; l++) {
		t->hidden[l] = 8;
		t->acts[l] = ACT_TANH;
	}
	t->loss = LOSS_CE;
	t->optim = OPTIM_ADAM;
	t->lr = 0.03;
	t->batch = 10;
	t->init = INIT_COUNT;
	t->speed = trainer_nspeeds - 1;
}

void trainer_state_string(const Brain *b, char *buf, size_t size)
{
	char layers[16 * BRAIN_MAX_HIDDEN] = "0";
	size_t n = 0, used = 0;
	Settings t, d;
	int l;

	if (!size)
		return;
	get(b, &t);
	defaults(&d);
	/* The data, both seeds and the net always; the rest when not the default. */
	n = str_addf(buf, size, 0, "%s", STATE_TAG);
	field(buf, size, &n, "s", t.own ? "own" : data_name(t.kind));
	if (!t.own && t.points != d.points)
		field_num(buf, size, &n, "p", (double)t.points);
	if (!t.own && t.noise != d.noise)
		field_num(buf, size, &n, "n", t.noise);
	if (t.ratio != d.ratio)
		field_num(buf, size, &n, "t", t.ratio);
	field_num(buf, size, &n, "d", (double)t.data_seed);
	field_num(buf, size, &n, "w", (double)t.init_seed);
	for (l = 0; l < t.nhidden && used < sizeof layers; l++)
		used = str_addf(layers, sizeof layers, used, "%s%d%s", l ? "," : "",
					 t.hidden[l], act_name(t.acts[l]));
	field(buf, size, &n, "h", layers);
	if (t.loss != d.loss)
		field(buf, size, &n, "c", "mse");
	if (t.optim != d.optim)
		field(buf, size, &n, "o", optim_name(t.optim));
	if (t.lr != d.lr)
		field_num(buf, size, &n, "r", t.lr);
	if (t.batch != d.batch)
		field_num(buf, size, &n, "b", (double)t.batch);
	if (t.l1 != d.l1)
		field_num(buf, size, &n, "l1", t.l1);
	if (t.l2 != d.l2)
		field_num(buf, size, &n, "l2", t.l2);
	if (t.dropout != d.dropout)
		field_num(buf, size, &n, "x", t.dropout);
	if (t.init != d.init)
		field(buf, size, &n, "i", init_name(t.init));
	if (t.early)
		field(buf, size, &n, "e", "1");
	if (t.speed != d.speed)
		field_num(buf, size, &n, "sp", trainer_speeds[t.speed]);
	if (n >= size) /* cut: better nothing than half a state */
		buf[0] = '\0';
}

/* A number in [lo, hi] (whole when whole is true); false otherwise. */
static bool parse_num(const char *s, double lo, double hi, bool whole, double *out)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(s, &end);
	if (end == s || *end || errno || !isfinite(v) || v < lo || v > hi ||
	    (whole && v != floor(v)))
		return false;
	*out = v;
	return true;
}

/* "8tanh,4relu" or "0" into t; false when malformed. */
static bool parse_layers(const char *s, Settings *t)
{
	char name[32];

	t->nhidden = 0;
	if (strcmp(s, "0") == 0)
		return true;
	while (*s) {
		char *end;
		long w = strtol(s, &end, 10);
		size_t len = strcspn(end, ",");
		if (end == s || w < 1 || w > BRAIN_MAX_WIDTH || len == 0 || len >= sizeof name ||
		    t->nhidden == BRAIN_MAX_HIDDEN)
			return false;
		memcpy(name, end, len);
		name[len] = '\0';
		if (act_from_name(&t->acts[t->nhidden], name) != 0)
			return false;
		t->hidden[t->nhidden++] = (int)w;
		s = end + len + (end[len] == ',');
		if (end[len] == ',' && !*s)
			return false;
	}
	return true;
}

/* One "key=value" field into t; false when the key or the value is not one. */
static bool parse_field(const char *key, const char *v, Settings *t)
{
	double x;
	int i;

	if (strcmp(key, "s") == 0) {
		t->own = strcmp(v, "own") == 0;
		return t->own || data_from_name(&t->kind, v) == 0;
	}
	if (strcmp(key, "p") == 0 && parse_num(v, 10, 5000, true, &x))
		return t->points = (size_t)x, true;
	if (strcmp(key, "n") == 0)
		return parse_num(v, 0, 5, false, &t->noise);
	if (strcmp(key, "t") == 0)
		return parse_num(v, 0.1, 1, false, &t->ratio);
	if ((strcmp(key, "d") == 0 || strcmp(key, "w") == 0) && parse_num(v, 0, 1e15, true, &x)) {
		*(key[0] == 'd' ? &t->data_seed : &t->init_seed) = (uint64_t)x;
		return true;
	}
	if (strcmp(key, "h") == 0)
		return parse_layers(v, t);
	if (strcmp(key, "c") == 0 && (strcmp(v, "ce") == 0 || strcmp(v, "mse") == 0))
		return t->loss = v[0] == 'c' ? LOSS_CE : LOSS_MSE, true;
	if (strcmp(key, "o") == 0)
		return optim_from_name(&t->optim, v) == 0 &&
		       (t->optim == OPTIM_SGD || t->optim == OPTIM_MOMENTUM || t->optim == OPTIM_ADAM);
	if (strcmp(key, "r") == 0)
		return parse_num(v, 1e-6, 100, false, &t->lr);
	if (strcmp(key, "b") == 0 && parse_num(v, 0, 5000, true, &x))
		return t->batch = (size_t)x, true;
	if (strcmp(key, "l1") == 0)
		return parse_num(v, 0, 1, false, &t->l1);
	if (strcmp(key, "l2") == 0)
		return parse_num(v, 0, 1, false, &t->l2);
	if (strcmp(key, "x") == 0)
		return parse_num(v, 0, 0.9, false, &t->dropout);
	if (strcmp(key, "i") == 0) {
		if (strcmp(v, "auto") == 0)
			return t->init = INIT_COUNT, true;
		return init_from_name(&t->init, v) == 0;
	}
	if (strcmp(key, "e") == 0 && (strcmp(v, "0") == 0 || strcmp(v, "1") == 0))
		return t->early = v[0] == '1', true;
	if (strcmp(key, "sp") == 0) {
		for (i = 0; i < trainer_nspeeds; i++)
			if (trainer_speeds[i] > 0 ? parse_num(v, trainer_speeds[i], trainer_speeds[i],
							       false, &x)
						  : strcmp(v, "full") == 0)
				return t->speed = i, true;
	}
	return false;
}

static void get(const Brain *b, Settings *t)
{
	t->own = b->custom;
	t->kind = b->kind;
	t->noise = b->noise;
	t->ratio = b->ratio;
	t->points = b->points;
	t->data_seed = b->data_seed;
	t->init_seed = b->init_seed;
	t->nhidden = b->nhidden;
	memcpy(t->hidden, b->hidden, sizeof t->hidden);
	memcpy(t->acts, b->acts, sizeof t->acts);
	t->loss = b->loss;
	t->optim = b->optim;
	t->lr = b->lr;
	t->batch = b->batch;
	t->l1 = b->l1;
	t->l2 = b->l2;
	t->dropout = b->dropout;
	t->init = b->init;
	t->early = b->early;
	t->speed = b->speed;
}

static void put(Brain *b, const Settings *t)
{
	if (b->custom && t->own && (t->data_seed != b->data_seed || t->ratio != b->ratio))
		trainer_own_unpin(b); /* another seed or ratio: the points split again */
	b->custom = t->own;
	b->kind = t->kind;
	b->noise = t->noise;
	b->ratio = t->ratio;
	b->points = t->own ? b->own.n : t->points;
	b->data_seed = t->data_seed;
	b->init_seed = t->init_seed;
	b->nhidden = t->nhidden;
	memcpy(b->hidden, t->hidden, sizeof b->hidden);
	memcpy(b->acts, t->acts, sizeof b->acts);
	b->loss = t->loss;
	b->optim = t->optim;
	b->lr = t->lr;
	b->batch = t->batch;
	b->l1 = t->l1;
	b->l2 = t->l2;
	b->dropout = t->dropout;
	b->init = t->init;
	b->early = t->early;
	b->speed = t->speed;
	if (b->sel >= b->nhidden)
		b->sel = -1;
}

int trainer_apply_state(Instance *in, const char *s, char *err, size_t size)
{
	Brain *b = in->state;
	char copy[BRAIN_STATE_MAX * 2], *tok, *save = NULL;
	size_t len;
	Settings t;

	while (isspace((unsigned char)*s))
		s++;
	len = strlen(s);
	while (len && isspace((unsigned char)s[len - 1]))
		len--;
	if (len >= sizeof copy || len < strlen(STATE_TAG) || strncmp(s, STATE_TAG, strlen(STATE_TAG)) ||
	    (s[strlen(STATE_TAG)] != '/' && len > strlen(STATE_TAG))) {
		snprintf(err, size, "%s",
			 _("That is not a trainer state: it starts with \"nn1/\"."));
		return -1;
	}
	memcpy(copy, s, len);
	copy[len] = '\0';
	defaults(&t);
	strtok_r(copy, "/", &save); /* the version */
	while ((tok = strtok_r(NULL, "/", &save)) != NULL) {
		char *eq = strchr(tok, '=');
		if (eq)
			*eq = '\0';
		if (!eq || !parse_field(tok, eq + 1, &t)) {
			if (eq)
				*eq = '=';
			snprintf(err, size, _("The state's field \"%s\" is not one the trainer knows."),
				 tok);
			return -1;
		}
	}
	if (t.own && !b->own.n) {
		snprintf(err, size, "%s",
			 _("This state trains on your own points: open their CSV file first."));
		return -1;
	}
	put(b, &t);
	b->placing = false;
	b->mode = BRAIN_PAUSED;
	trainer_rebuild(in, false);
	return 0;
}
