/* translit.c: the table of ASCII stand-ins, sorted by code point.
 * Depends on libc only. */
#include <config.h>

#include <stddef.h>

#include "base/translit.h"

static const struct {
	uint32_t cp;
	const char *ascii;
} table[] = {
	{0x00A0, " "},      {0x00B0, " deg"},  {0x00B1, "+/-"},    {0x00B2, "^2"},
	{0x00B3, "^3"},     {0x00B7, "."},     {0x00B9, "^1"},     {0x00BD, "1/2"},
	{0x00D7, "x"},      {0x00E9, "e"},     {0x00F7, "/"},      {0x0394, "Delta"},
	{0x03A3, "Sum"},    {0x03B1, "alpha"}, {0x03B2, "beta"},   {0x03B3, "gamma"},
	{0x03B4, "delta"},  {0x03B5, "eps"},   {0x03B7, "eta"},    {0x03B8, "theta"},
	{0x03BB, "lambda"}, {0x03BC, "mu"},    {0x03C0, "pi"},     {0x03C3, "sigma"},
	{0x03C6, "phi"},    {0x1D62, "_i"},    {0x1D63, "_r"},     {0x1D64, "_u"},
	{0x1D65, "_v"},     {0x1D67, "_j"},    {0x1DBB, "^z"},     {0x2013, "-"},
	{0x2014, "--"},     {0x2018, "'"},     {0x2019, "'"},      {0x201C, "\""},
	{0x201D, "\""},     {0x2022, "*"},     {0x2026, "..."},    {0x2032, "'"},
	{0x2070, "^0"},     {0x2071, "^i"},    {0x2074, "^4"},     {0x2075, "^5"},
	{0x2076, "^6"},     {0x2077, "^7"},    {0x2078, "^8"},     {0x2079, "^9"},
	{0x207A, "^+"},     {0x207B, "^-"},    {0x207F, "^n"},     {0x2080, "_0"},
	{0x2081, "_1"},     {0x2082, "_2"},    {0x2083, "_3"},     {0x2084, "_4"},
	{0x2085, "_5"},     {0x2086, "_6"},    {0x2087, "_7"},     {0x2088, "_8"},
	{0x2089, "_9"},     {0x2090, "_a"},    {0x2091, "_e"},     {0x2092, "_o"},
	{0x2093, "_x"},     {0x209C, "_t"},    {0x2190, "<-"},     {0x2192, "->"},
	{0x2194, "<->"},    {0x21D2, "=>"},    {0x2202, "d"},      {0x2207, "grad "},
	{0x2208, " in "},   {0x2211, "sum"},   {0x2212, "-"},      {0x2218, "o"},
	{0x221A, "sqrt"},   {0x221E, "inf"},   {0x2248, "~"},      {0x2260, "!="},
	{0x2264, "<="},     {0x2265, ">="},    {0x2299, "(.)"},    {0x22C5, "*"},
	{0x2713, "v"},      {0x2717, "x"},
};

const char *translit_ascii(uint32_t cp)
{
	size_t lo = 0, hi = sizeof table / sizeof *table;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (cp < table[mid].cp)
			hi = mid;
		else if (cp > table[mid].cp)
			lo = mid + 1;
		else
			return table[mid].ascii;
	}
	return NULL;
}
