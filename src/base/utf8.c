/* utf8.c: UTF-8 decoding, encoding and column widths.
 * Must not depend on the locale (wcwidth) or on anything but libc. */
#include <config.h>

#include "base/utf8.h"

size_t utf8_decode(uint32_t *cp, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t c = u[0], min;
	size_t len, i;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		len = 2, c &= 0x1F, min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3, c &= 0x0F, min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4, c &= 0x07, min = 0x10000;
	} else {
		*cp = UTF8_REPLACEMENT;
		return 1;
	}
	if (len > n)
		goto bad;
	for (i = 1; i < len; i++) {
		if ((u[i] & 0xC0) != 0x80)
			goto bad;
		c = (c << 6) | (u[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		goto bad;
	*cp = c;
	return len;
bad:
	*cp = UTF8_REPLACEMENT;
	return 1;
}

size_t utf8_encode(char out[4], uint32_t cp)
{
	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = UTF8_REPLACEMENT;
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

struct range {
	uint32_t lo, hi;
};

/* Combining marks and zero-width characters. */
static const struct range zero_width[] = {
	{0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x0610, 0x061A},
	{0x064B, 0x065F}, {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF}, {0x200B, 0x200F},
	{0x2028, 0x202E}, {0x2060, 0x2064}, {0x20D0, 0x20FF}, {0xFE00, 0xFE0F},
	{0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF},
};

/* East Asian wide and fullwidth ranges, and the common emoji blocks. */
static const struct range double_width[] = {
	{0x1100, 0x115F},   {0x231A, 0x231B},   {0x2329, 0x232A},
	{0x23E9, 0x23EC},   {0x23F0, 0x23F0},   {0x23F3, 0x23F3},
	{0x25FD, 0x25FE},   {0x2614, 0x2615},   {0x2648, 0x2653},
	{0x26AA, 0x26AB},   {0x26BD, 0x26BE},   {0x26C4, 0x26C5},
	{0x26F2, 0x26F5},   {0x26FA, 0x26FD},   {0x2705, 0x2705},
	{0x270A, 0x270B},   {0x2728, 0x2728},   {0x274C, 0x274C},
	{0x2753, 0x2755},   {0x2795, 0x2797},   {0x2B1B, 0x2B1C},
	{0x2B50, 0x2B50},   {0x2E80, 0x303E},   {0x3041, 0x33FF},
	{0x3400, 0x4DBF},   {0x4E00, 0x9FFF},   {0xA000, 0xA4CF},
	{0xA960, 0xA97F},   {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},
	{0xFE10, 0xFE19},   {0xFE30, 0xFE6F},   {0xFF00, 0xFF60},
	{0xFFE0, 0xFFE6},   {0x1F300, 0x1F64F}, {0x1F680, 0x1F6FF},
	{0x1F900, 0x1F9FF}, {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
};

static int in_ranges(uint32_t cp, const struct range *r, size_t n)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (cp < r[mid].lo)
			hi = mid;
		else if (cp > r[mid].hi)
			lo = mid + 1;
		else
			return 1;
	}
	return 0;
}

int utf8_cp_width(uint32_t cp)
{
	if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
		return 0;
	if (cp < 0x300)
		return 1;
	if (in_ranges(cp, zero_width, sizeof zero_width / sizeof *zero_width))
		return 0;
	if (in_ranges(cp, double_width, sizeof double_width / sizeof *double_width))
		return 2;
	return 1;
}

int utf8_width(const char *s, size_t n)
{
	int w = 0;
	size_t i = 0;

	while (i < n) {
		uint32_t cp;
		i += utf8_decode(&cp, s + i, n - i);
		w += utf8_cp_width(cp);
	}
	return w;
}

size_t utf8_validate(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		uint32_t cp;
		size_t len;
		if ((unsigned char)s[i] < 0x80) { /* ASCII, most of any lesson: no decoding */
			i++;
			continue;
		}
		len = utf8_decode(&cp, s + i, n - i);
		if (cp == UTF8_REPLACEMENT && len == 1)
			return i;
		i += len;
	}
	return n;
}
