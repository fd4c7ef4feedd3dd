/* simd-kernel.h: the body of one level of simd.c, included once per level with
 * SK_SUFFIX, SK_ATTR (a target attribute), SK_BYTES (vector size), SK_R (tile rows),
 * SK_C (tile vectors), SK_SGD_NB (blocks side by side in sgd_dense: 1 or 2) and
 * SK_FMA (1: every multiply-add of the products fused, the opt-in level that is NOT
 * bit-identical; needs SK_BYTES 64 and <immintrin.h>) defined. libc only (and the
 * compiler's intrinsics for SK_FMA); no include guard on purpose. */

#define SK_CAT2(a, b) a##_##b
#define SK_CAT(a, b) SK_CAT2(a, b)
#define SK_FN(name) SK_CAT(name, SK_SUFFIX)
#define SK_W (SK_BYTES / 8)

typedef double SK_FN(Vd) __attribute__((vector_size(SK_BYTES)));
typedef long long SK_FN(Vi) __attribute__((vector_size(SK_BYTES)));
#define V SK_FN(Vd)
#define VI SK_FN(Vi)

static inline SK_ATTR V SK_FN(load)(const double *p)
{
	V v;
	memcpy(&v, p, sizeof v);
	return v;
}

static inline SK_ATTR void SK_FN(store)(double *p, V v)
{
	memcpy(p, &v, sizeof v);
}

/* acc + x y for vectors (SK_MA), a vector and a scalar (SK_MAS) and scalars (SK_MA1):
 * two roundings, or one on the FMA level. */
#if SK_FMA
static inline SK_ATTR V SK_FN(ma)(V acc, V x, V y)
{
	return (V)_mm512_fmadd_pd((__m512d)x, (__m512d)y, (__m512d)acc);
}
#define SK_MA(acc, x, y) SK_FN(ma)(acc, x, y)
#define SK_MAS(acc, x, s) SK_FN(ma)(acc, x, (V)_mm512_set1_pd(s))
#define SK_MA1(acc, x, y) __builtin_fma(x, y, acc)
#else
#define SK_MA(acc, x, y) ((acc) + (x) * (y))
#define SK_MAS(acc, x, s) ((acc) + (x) * (s))
#define SK_MA1(acc, x, y) ((acc) + (x) * (y))
#endif

/* The elements of x and y (numbered 0..2W-1 across both) chosen by idx, a
 * parenthesised list of W constant indices: GCC's __builtin_shuffle takes them as a
 * vector, clang's __builtin_shufflevector as arguments (the same permutation). */
#define SK_LIST(...) __VA_ARGS__
#ifdef __clang__
#define SK_SHUFFLE(x, y, idx) __builtin_shufflevector(x, y, SK_LIST idx)
#else
#define SK_SHUFFLE(x, y, idx) __builtin_shuffle(x, y, (VI){SK_LIST idx})
#endif

/* One stage of the register transpose: rows k and k + h (bit h of k clear) swap
 * their elements whose column has bit h set with the other row's, shifted by h:
 * lo_e = e if bit h of e is clear else W + e - h; hi_e = e + h or W + e. */
#define SK_STAGE(row, h, lo, hi)                                                        \
	do {                                                                            \
		_Pragma("GCC unroll 8") for (int k_ = 0; k_ < SK_W; k_++)               \
			if (!(k_ & (h))) {                                              \
				V x_ = (row)[k_], y_ = (row)[k_ + (h)];                 \
				(row)[k_] = SK_SHUFFLE(x_, y_, lo);                     \
				(row)[k_ + (h)] = SK_SHUFFLE(x_, y_, hi);               \
			}                                                               \
	} while (0)

/* row: SK_W vectors, a SK_W x SK_W block; transposes it in registers (each stage swaps
 * one bit of the row index with the same bit of the column index). */
static inline SK_ATTR void SK_FN(tblock)(V *row)
{
#if SK_W == 2
	SK_STAGE(row, 1, (0, 2), (1, 3));
#elif SK_W == 4
	SK_STAGE(row, 1, (0, 4, 2, 6), (1, 5, 3, 7));
	SK_STAGE(row, 2, (0, 1, 4, 5), (2, 3, 6, 7));
#elif SK_W == 8
	SK_STAGE(row, 1, (0, 8, 2, 10, 4, 12, 6, 14), (1, 9, 3, 11, 5, 13, 7, 15));
	SK_STAGE(row, 2, (0, 1, 8, 9, 4, 5, 12, 13), (2, 3, 10, 11, 6, 7, 14, 15));
	SK_STAGE(row, 4, (0, 1, 2, 3, 8, 9, 10, 11), (4, 5, 6, 7, 12, 13, 14, 15));
#else
#error "SK_BYTES must be 16, 32 or 64"
#endif
}

/* One tile of simd_gemm: rows [0,R) of c, NC vectors of columns from column 0; each
 * sum starts from c0 (row stride ldc0: c0 = c, ldc0 = ldc adds into c). */
#define SK_TNAME2(R, NC) SK_FN(tile_##R##_##NC)
#define SK_TNAME(R, NC) SK_TNAME2(R, NC)
#define SK_TILE(R, NC)                                                                  \
	static inline SK_ATTR void SK_TNAME(R, NC)(                                     \
		double *c, size_t ldc, const double *c0, size_t ldc0, const double *a, \
		size_t ars, size_t acs, const double *b, size_t ldb, size_t k)         \
	{                                                                               \
		V acc[R][NC];                                                           \
		size_t p;                                                               \
		_Pragma("GCC unroll 8") for (int r = 0; r < R; r++)                     \
		_Pragma("GCC unroll 8") for (int q = 0; q < NC; q++)                    \
			acc[r][q] = SK_FN(load)(c0 + (size_t)r * ldc0 + (size_t)q * SK_W); \
		for (p = 0; p < k; p++) {                                               \
			V bv[NC];                                                       \
			_Pragma("GCC unroll 8") for (int q = 0; q < NC; q++)            \
				bv[q] = SK_FN(load)(b + p * ldb + (size_t)q * SK_W);    \
			_Pragma("GCC unroll 8") for (int r = 0; r < R; r++)             \
			{                                                               \
				double s = a[(size_t)r * ars + p * acs];                \
				_Pragma("GCC unroll 8") for (int q = 0; q < NC; q++)    \
					acc[r][q] = SK_MAS(acc[r][q], bv[q], s); \
			}                                                               \
		}                                                                       \
		_Pragma("GCC unroll 8") for (int r = 0; r < R; r++)                     \
		_Pragma("GCC unroll 8") for (int q = 0; q < NC; q++)                    \
			SK_FN(store)(c + (size_t)r * ldc + (size_t)q * SK_W, acc[r][q]); \
	}

SK_TILE(SK_R, SK_C)
SK_TILE(SK_R, 1)
SK_TILE(5, SK_C)
SK_TILE(5, 1)
SK_TILE(2, SK_C)
SK_TILE(2, 1)
SK_TILE(1, SK_C)
SK_TILE(1, 1)

/* Columns [j, n) of rows [0, R): the scalar tail, same order as the vectors. */
static inline SK_ATTR void SK_FN(tail)(double *c, size_t ldc, const double *c0, size_t ldc0,
				       const double *a, size_t ars, size_t acs, const double *b,
				       size_t ldb, size_t k, size_t rows, size_t j0, size_t n)
{
	size_t r = 0, j, p;

	for (; r + 4 <= rows; r += 4) /* four independent sums at a time */
		for (j = j0; j < n; j++) {
			double s0 = c0[r * ldc0 + j], s1 = c0[(r + 1) * ldc0 + j];
			double s2 = c0[(r + 2) * ldc0 + j], s3 = c0[(r + 3) * ldc0 + j];
			for (p = 0; p < k; p++) {
				double bp = b[p * ldb + j];
				s0 = SK_MA1(s0, bp, a[r * ars + p * acs]);
				s1 = SK_MA1(s1, bp, a[(r + 1) * ars + p * acs]);
				s2 = SK_MA1(s2, bp, a[(r + 2) * ars + p * acs]);
				s3 = SK_MA1(s3, bp, a[(r + 3) * ars + p * acs]);
			}
			c[r * ldc + j] = s0;
			c[(r + 1) * ldc + j] = s1;
			c[(r + 2) * ldc + j] = s2;
			c[(r + 3) * ldc + j] = s3;
		}
	for (; r < rows; r++)
		for (j = j0; j < n; j++) {
			double s = c0[r * ldc0 + j];
			for (p = 0; p < k; p++)
				s = SK_MA1(s, b[p * ldb + j], a[r * ars + p * acs]);
			c[r * ldc + j] = s;
		}
}

#define SK_ROWS(R)                                                                      \
	do {                                                                            \
		size_t j = 0;                                                           \
		for (; j + SK_C * SK_W <= n; j += SK_C * SK_W)                          \
			SK_TNAME(R, SK_C)(c + i * n + j, n, c0 + i * ldc0 + j, ldc0, \
					  a + i * ars, ars, acs, b + j, n, k);          \
		for (; j + SK_W <= n; j += SK_W)                                        \
			SK_TNAME(R, 1)(c + i * n + j, n, c0 + i * ldc0 + j, ldc0,  \
				       a + i * ars, ars, acs, b + j, n, k);             \
		if (j < n)                                                              \
			SK_FN(tail)(c + i * n, n, c0 + i * ldc0, ldc0, a + i * ars, ars, \
				    acs, b, n, k, R, j, n);                             \
		i += R;                                                                 \
	} while (0)

/* C narrower than a vector, A' with contiguous columns (ars = 1): vectors run down the
 * rows of C instead, through a small transposed copy of it. */
static inline SK_ATTR void SK_FN(gemm_narrow)(double *c, const double *c0, size_t ldc0,
					      const double *a, size_t acs, const double *b,
					      size_t m, size_t k, size_t n)
{
	size_t i = 0, j, r, p;

	for (; i + SK_W <= m; i += SK_W)
		for (j = 0; j < n; j++) {
			double col[SK_W];
			V acc;
			for (r = 0; r < SK_W; r++)
				col[r] = c0[(i + r) * ldc0 + j];
			acc = SK_FN(load)(col);
			for (p = 0; p < k; p++)
				acc = SK_MAS(acc, SK_FN(load)(a + p * acs + i), b[p * n + j]);
			SK_FN(store)(col, acc);
			for (r = 0; r < SK_W; r++)
				c[(i + r) * n + j] = col[r];
		}
	if (i < m)
		SK_FN(tail)(c + i * n, n, c0 + i * ldc0, ldc0, a + i, 1, acs, b, n, k, m - i, 0, n);
}

/* C one column wide (n = 1), A' with contiguous rows (acs = 1): c_i += sum_p a_ip b_p
 * (p from 0 up) with the lanes down the rows of C, SK_W at a time: each SK_W x SK_W block
 * of A is transposed in registers, so that column p of it is one vector. */
static inline SK_ATTR void SK_FN(gemm_col)(double *c, const double *c0, size_t ldc0,
					   const double *a, size_t ars, const double *b, size_t m,
					   size_t k)
{
	size_t i = 0, p;

	for (; i + SK_W <= m; i += SK_W) {
		double start[SK_W];
		V acc;
#pragma GCC unroll 8
		for (int q = 0; q < SK_W; q++)
			start[q] = c0[(i + (size_t)q) * ldc0];
		acc = SK_FN(load)(start);
		for (p = 0; p + SK_W <= k; p += SK_W) {
			V blk[SK_W];
#pragma GCC unroll 8
			for (int q = 0; q < SK_W; q++)
				blk[q] = SK_FN(load)(a + (i + (size_t)q) * ars + p);
			SK_FN(tblock)(blk);
#pragma GCC unroll 8
			for (int q = 0; q < SK_W; q++)
				acc = SK_MAS(acc, blk[q], b[p + (size_t)q]);
		}
		for (; p < k; p++) {
			double col[SK_W];
#pragma GCC unroll 8
			for (int q = 0; q < SK_W; q++)
				col[q] = a[(i + (size_t)q) * ars + p];
			acc = SK_MAS(acc, SK_FN(load)(col), b[p]);
		}
		SK_FN(store)(c + i, acc);
	}
	if (i < m)
		SK_FN(tail)(c + i, 1, c0 + i * ldc0, ldc0, a + i * ars, ars, 1, b, 1, k, m - i, 0, 1);
}

/* simd_gemm_from: c_ij = c0_(i*ldc0 + j) + sum_p A'_ip b_pj (c0 = c, ldc0 = n: c +=). */
static SK_ATTR void SK_FN(gemm)(double *c, const double *c0, size_t ldc0, const double *a,
				size_t ars, size_t acs, const double *b, size_t m, size_t k,
				size_t n)
{
	size_t i = 0;

	if (n < SK_W && ars == 1 && m >= SK_W) {
		SK_FN(gemm_narrow)(c, c0, ldc0, a, acs, b, m, k, n);
		return;
	}
	if (n == 1 && acs == 1 && m >= SK_W) {
		SK_FN(gemm_col)(c, c0, ldc0, a, ars, b, m, k);
		return;
	}
	if (m % 5 == 0) /* a batch of 10: two tiles of 5 rows, not 4 + 4 + 2 */
		while (i < m)
			SK_ROWS(5);
	while (i + SK_R <= m)
		SK_ROWS(SK_R);
	while (i + 2 <= m)
		SK_ROWS(2);
	while (i < m)
		SK_ROWS(1);
}

/* tanh(x) = -e/(e + 2) with e = expm1(-2|x|), sign restored: e from a Cody-Waite
 * reduction u = k ln2 + r, |r| <= ln2/2, and the degree-14 Taylor polynomial of
 * expm1(r) (truncation below 3e-19 relative, Estrin's scheme); |x| >= 20 gives exactly +-1. */
static inline SK_ATTR V SK_FN(vtanh)(V x)
{
	const VI sign = ((VI){0} + 1) << 63;
	const double magic = 0x1.8p52, ln2_hi = 0x1.62e42fee00000p-1,
		     ln2_lo = 0x1.a39ef35793c76p-33, log2e = 0x1.71547652b82fep0;
	VI xi = (VI)x, big, isnan;
	V ax = (V)(xi & ~sign), u, kd, r, r2, r4, r8, q, p, scale, e, t;

	big = ax < 20.0;
	ax = (V)(((VI)ax & big) | ((VI)((V){0} + 20.0) & ~big));
	u = ax * -2.0;
	kd = (u * log2e + magic) - magic;
	r = (u - kd * ln2_hi) - kd * ln2_lo;
	/* q(r) = sum_{j=0..12} r^j/(j+2)!, by Estrin's scheme (short dependency chains) */
	r2 = r * r;
	r4 = r2 * r2;
	r8 = r4 * r4;
	q = ((0.5 + r * (1.0 / 6.0)) + r2 * (1.0 / 24.0 + r * (1.0 / 120.0))) +
	    r4 * ((1.0 / 720.0 + r * (1.0 / 5040.0)) +
		  r2 * (1.0 / 40320.0 + r * (1.0 / 362880.0)));
	q = q + r8 * (((1.0 / 3628800.0 + r * (1.0 / 39916800.0)) +
		       r2 * (1.0 / 479001600.0 + r * (1.0 / 6227020800.0))) +
		      r4 * (1.0 / 87178291200.0));
	p = r + r2 * q;
	scale = (V)((((VI)(kd + magic) - (VI)((V){0} + magic)) + 1023) << 52);
	e = scale * p + (scale - 1.0);
	t = -e / (e + 2.0);
	t = (V)(((VI)t & ~sign) | (xi & sign));
	isnan = x != x;
	return (V)(((VI)t & ~isnan) | (xi & isnan));
}

static SK_ATTR void SK_FN(tanh)(double *y, const double *x, size_t n)
{
	size_t i = 0;

	for (; i + SK_W <= n; i += SK_W)
		SK_FN(store)(y + i, SK_FN(vtanh)(SK_FN(load)(x + i)));
	if (i < n) {
		double buf[SK_W] = {0};
		memcpy(buf, x + i, (n - i) * sizeof *buf);
		SK_FN(store)(buf, SK_FN(vtanh)(SK_FN(load)(buf)));
		memcpy(y + i, buf, (n - i) * sizeof *buf);
	}
}

static SK_ATTR void SK_FN(tanh_backward)(double *d, const double *dy, const double *y,
					 size_t n)
{
	size_t i = 0;

	for (; i + SK_W <= n; i += SK_W) {
		V yv = SK_FN(load)(y + i);
		SK_FN(store)(d + i, SK_FN(load)(d + i) + SK_FN(load)(dy + i) * (1.0 - yv * yv));
	}
	for (; i < n; i++)
		d[i] += dy[i] * (1.0 - y[i] * y[i]);
}

/* out: (n,m) a: (m,n); out = a^T, by blocks of SK_W x SK_W transposed in registers. */
static SK_ATTR void SK_FN(transpose)(double *out, const double *a, size_t m, size_t n)
{
	size_t i, j, r, bm = m / SK_W * SK_W, bn = n / SK_W * SK_W;

	for (i = 0; i < bm; i += SK_W)
		for (j = 0; j < bn; j += SK_W) {
			V row[SK_W];
#pragma GCC unroll 8
			for (r = 0; r < SK_W; r++)
				row[r] = SK_FN(load)(a + (i + r) * n + j);
			SK_FN(tblock)(row);
#pragma GCC unroll 8
			for (r = 0; r < SK_W; r++)
				SK_FN(store)(out + (j + r) * m + i, row[r]);
		}
	for (i = 0; i < m; i++)
		for (j = i < bm ? bn : 0; j < n; j++)
			out[j * m + i] = a[i * n + j];
}

/* y: (n) x: (n); y += alpha x. */
static SK_ATTR void SK_FN(axpy)(double *y, double alpha, const double *x, size_t n)
{
	size_t i = 0;

	for (; i + SK_W <= n; i += SK_W)
		SK_FN(store)(y + i, SK_FN(load)(y + i) + SK_FN(load)(x + i) * alpha);
	for (; i < n; i++)
		y[i] += alpha * x[i];
}

/* v: lanes; all ones in the lanes that linalg_all_tame rejects (|v| >= 2^512, an
 * infinity or NaN), zero elsewhere. */
static inline SK_ATTR VI SK_FN(wild)(V v)
{
	const VI sign = ((VI){0} + 1) << 63;
	VI tame = (V)((VI)v & ~sign) < 0x1p512;

	return ~tame;
}

/* The SGD step of one weight W_ji, the scalar edge of sgd_dense (same operations):
 * returns w + nlr g, g = sum_r d_rj in_ri (r from 0 up, from +0); d and in point at
 * d_0j and in_0i, ldd and ldi their row strides. Sets *bad when the result is wild. */
static inline SK_ATTR double SK_FN(sgd_one)(int *bad, double w, const double *d, size_t ldd,
					    const double *in, size_t ldi, size_t batch,
					    double nlr)
{
	double g = 0.0;
	size_t r;

	for (r = 0; r < batch; r++)
		g = SK_MA1(g, in[r * ldi], d[r * ldd]);
	w = SK_MA1(w, g, nlr);
	*bad |= !(fabs(w) < 0x1p512);
	return w;
}

/* The nb (1 or 2) blocks W[j..j+W)[i..i+nb W) of sgd_dense, lanes along the inputs i:
 * their gradient summed in registers (nb blocks share each broadcast d_rj), W updated,
 * each block transposed in registers into Wt. */
static inline __attribute__((always_inline)) SK_ATTR VI
SK_FN(sgd_block)(double *W, double *Wt, const double *d, const double *in, size_t batch,
		 size_t n_out, size_t n_in, size_t j, size_t i, double nlr, int nb)
{
	V acc[2][SK_W];
	VI wild = {0};
	size_t r;

#pragma GCC unroll 2
	for (int u = 0; u < nb; u++)
#pragma GCC unroll 8
		for (int q = 0; q < SK_W; q++)
			acc[u][q] = (V){0};
	for (r = 0; r < batch; r++) {
		V iv[2];
#pragma GCC unroll 2
		for (int u = 0; u < nb; u++)
			iv[u] = SK_FN(load)(in + r * n_in + i + (size_t)u * SK_W);
#pragma GCC unroll 8
		for (int q = 0; q < SK_W; q++) {
			double s = d[r * n_out + j + (size_t)q];
#pragma GCC unroll 2
			for (int u = 0; u < nb; u++)
				acc[u][q] = SK_MAS(acc[u][q], iv[u], s);
		}
	}
#pragma GCC unroll 2
	for (int u = 0; u < nb; u++) {
		size_t iu = i + (size_t)u * SK_W;
#pragma GCC unroll 8
		for (int q = 0; q < SK_W; q++) {
			double *row = W + (j + (size_t)q) * n_in + iu;
			acc[u][q] = SK_MAS(SK_FN(load)(row), acc[u][q], nlr);
			SK_FN(store)(row, acc[u][q]);
			wild |= SK_FN(wild)(acc[u][q]);
		}
		SK_FN(tblock)(acc[u]);
#pragma GCC unroll 8
		for (int q = 0; q < SK_W; q++)
			SK_FN(store)(Wt + (iu + (size_t)q) * n_out + j, acc[u][q]);
	}
	return wild;
}

/* W[j][i..i+W) of sgd_dense (a row left over below a whole block), lanes along i;
 * its SK_W values go into column j of Wt one by one. */
static inline SK_ATTR VI SK_FN(sgd_row)(double *W, double *Wt, const double *d,
					const double *in, size_t batch, size_t n_out,
					size_t n_in, size_t j, size_t i, double nlr)
{
	double *row = W + j * n_in + i;
	V acc = {0};
	size_t r;

	for (r = 0; r < batch; r++)
		acc = SK_MAS(acc, SK_FN(load)(in + r * n_in + i), d[r * n_out + j]);
	acc = SK_MAS(SK_FN(load)(row), acc, nlr);
	SK_FN(store)(row, acc);
#pragma GCC unroll 8
	for (int q = 0; q < SK_W; q++)
		Wt[(i + (size_t)q) * n_out + j] = row[q];
	return SK_FN(wild)(acc);
}

/* W[j..j+W)[i] of sgd_dense for a layer with fewer than SK_W inputs: lanes along the
 * outputs j (a row of Wt); W's column i is read and written one value at a time. */
static inline SK_ATTR VI SK_FN(sgd_col)(double *W, double *Wt, const double *d,
					const double *in, size_t batch, size_t n_out,
					size_t n_in, size_t j, size_t i, double nlr)
{
	double col[SK_W];
	V acc = {0};
	size_t r;

	for (r = 0; r < batch; r++)
		acc = SK_MAS(acc, SK_FN(load)(d + r * n_out + j), in[r * n_in + i]);
#pragma GCC unroll 8
	for (int q = 0; q < SK_W; q++)
		col[q] = W[(j + (size_t)q) * n_in + i];
	acc = SK_MAS(SK_FN(load)(col), acc, nlr);
	SK_FN(store)(Wt + i * n_out + j, acc);
	SK_FN(store)(col, acc);
#pragma GCC unroll 8
	for (int q = 0; q < SK_W; q++)
		W[(j + (size_t)q) * n_in + i] = col[q];
	return SK_FN(wild)(acc);
}

/* W: (n_out, n_in) Wt: (n_in, n_out) b: (n_out) d: (batch, n_out) in: (batch, n_in).
 * The SGD step of a dense layer with its gradient kept in registers, never stored:
 * W_ji = W_ji + g_ji (-lr), g_ji = sum_r in_ri d_rj; b_j = b_j + g_j (-lr),
 * g_j = sum_r d_rj (r from 0 up, every sum from +0); then Wt = W^T. W and b are read,
 * Wt only written. Returns non-zero when a new value is wild (linalg_all_tame). */
static SK_ATTR int SK_FN(sgd_dense)(double *W, double *Wt, double *b, const double *d,
				    const double *in, size_t batch, size_t n_out, size_t n_in,
				    double lr)
{
	const double nlr = -lr;
	size_t j, i, jv, iv, r; /* rows >= jv or columns >= iv are left to sgd_one */
	VI wild = {0};
	int bad = 0;

	if (n_in >= SK_W) {
		jv = n_out;
		iv = n_in / SK_W * SK_W;
		for (j = 0; j + SK_W <= n_out; j += SK_W) {
			for (i = 0; SK_SGD_NB == 2 && i + 2 * SK_W <= iv; i += 2 * SK_W)
				wild |= SK_FN(sgd_block)(W, Wt, d, in, batch, n_out, n_in, j, i,
							 nlr, 2);
			for (; i < iv; i += SK_W)
				wild |= SK_FN(sgd_block)(W, Wt, d, in, batch, n_out, n_in, j, i,
							 nlr, 1);
		}
		for (; j < n_out; j++)
			for (i = 0; i < iv; i += SK_W)
				wild |= SK_FN(sgd_row)(W, Wt, d, in, batch, n_out, n_in, j, i, nlr);
	} else {
		jv = n_out / SK_W * SK_W;
		iv = n_in;
		for (i = 0; i < n_in; i++)
			for (j = 0; j < jv; j += SK_W)
				wild |= SK_FN(sgd_col)(W, Wt, d, in, batch, n_out, n_in, j, i, nlr);
	}
	for (j = 0; j < n_out; j++)
		for (i = j < jv ? iv : 0; i < n_in; i++)
			Wt[i * n_out + j] = W[j * n_in + i] = SK_FN(sgd_one)(
				&bad, W[j * n_in + i], d + j, n_out, in + i, n_in, batch, nlr);
	for (j = 0; j + SK_W <= n_out; j += SK_W) { /* the biases */
		V acc = {0};
		for (r = 0; r < batch; r++)
			acc += SK_FN(load)(d + r * n_out + j);
		acc = SK_MAS(SK_FN(load)(b + j), acc, nlr);
		SK_FN(store)(b + j, acc);
		wild |= SK_FN(wild)(acc);
	}
	for (; j < n_out; j++) {
		double g = 0.0;
		for (r = 0; r < batch; r++)
			g += d[r * n_out + j];
		b[j] = SK_MA1(b[j], g, nlr);
		bad |= !(fabs(b[j]) < 0x1p512);
	}
#pragma GCC unroll 8
	for (int q = 0; q < SK_W; q++)
		bad |= wild[q] != 0;
	return bad;
}

#undef V
#undef VI
#undef SK_CAT2
#undef SK_CAT
#undef SK_FN
#undef SK_W
#undef SK_TILE
#undef SK_TNAME
#undef SK_STAGE
#undef SK_SHUFFLE
#undef SK_LIST
#undef SK_TNAME2
#undef SK_ROWS
#undef SK_MA
#undef SK_MAS
#undef SK_MA1
