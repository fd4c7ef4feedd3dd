/* check_schema.c: the widget registry's schemas: names unique, specs consistent,
 * defaults that pass their own checks, and the WIDGET KINDS section of
 * neuronauts-lesson(5) generated from the table (UPDATE=1 rewrites that section). */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lesson/course.h"
#include "lesson/lesson.h"
#include "testlib.h"
#include "widgets/core/registry.h"

START_TEST(names_are_unique_and_specs_consistent)
{
	size_t n, i, j, k;
	const WidgetKind *w = registry_kinds(&n);
	SchemaTable t = registry_schemas();

	ck_assert_uint_ge(n, 13);
	ck_assert_uint_eq(t.n, n);
	for (i = 0; i < n; i++) {
		const WidgetSchema *s = &w[i].schema;
		ck_assert_ptr_eq(schema_at(&t, i), s);
		ck_assert_ptr_eq(schema_find(&t, s->name), s);
		ck_assert_ptr_eq(registry_find(s->name), &w[i]);
		ck_assert_ptr_nonnull(s->help);
		for (j = 0; j < i; j++)
			ck_assert_str_ne(w[j].schema.name, s->name);
		for (j = 0; j < s->nparams; j++) {
			const ParamSpec *p = &s->params[j];
			ck_assert_msg(strcmp(p->name, "id") != 0, "%s: id is every widget's",
			              s->name);
			ck_assert_ptr_nonnull(p->help);
			ck_assert(p->min <= p->max && p->nmin <= p->nmax);
			ck_assert_msg(p->type != PARAM_CHOICE || p->choices, "%s.%s", s->name,
			              p->name);
			ck_assert_msg(!(p->required && p->def), "%s.%s", s->name, p->name);
			for (k = 0; k < j; k++)
				ck_assert_str_ne(s->params[k].name, p->name);
		}
	}
	ck_assert_ptr_null(registry_find("nothing"));
}
END_TEST

START_TEST(defaults_pass_their_own_checks)
{
	size_t n, i, j, o;
	const WidgetKind *w = registry_kinds(&n);
	SchemaTable t = registry_schemas();
	char *text = malloc(65536);
	DiagList d;
	Lesson *l;

	o = (size_t)sprintf(text, "@lesson T\n@title T\n@level 1\n@format 1\n@unit U\n");
	for (i = 0; i < n; i++) {
		const WidgetSchema *s = &w[i].schema;
		o += (size_t)sprintf(text + o, "@widget %s id=w%zu", s->name, i);
		for (j = 0; j < s->nparams; j++)
			if (s->params[j].def)
				o += (size_t)sprintf(text + o, " %s=%s", s->params[j].name,
				                     s->params[j].def);
		o += (size_t)sprintf(text + o, "\nalt: x\n@end\n");
	}
	diag_init(&d, 1000);
	ck_assert_int_eq(lesson_parse(&l, "t.lesson", text, o, &d), LESSON_OK);
	lesson_check(l, &t, &d);
	for (i = 0; i < d.n; i++)
		ck_assert_msg(strstr(d.items[i].msg, "needs the parameter") != NULL, "%s",
		              d.items[i].msg);
	lesson_free(l);
	diag_free(&d);
	free(text);
}
END_TEST

/* Appends s to the buffer with troff's special characters escaped. */
static size_t man_text(char *out, size_t o, const char *s)
{
	for (; *s; s++) {
		if (*s == '-' || *s == '\\')
			out[o++] = '\\';
		out[o++] = *s;
	}
	return o;
}

static const char *type_word(ParamType t)
{
	static const char *const words[] = {"number", "whole",  "lo..hi", "n,n,...", "word,...",
	                                    "text",   "yes|no", "word",   "id"};

	return words[t];
}

/* The WIDGET KINDS section as the table says it. */
static char *man_widgets(void)
{
	size_t n, i, j, o = 0;
	const WidgetKind *w = registry_kinds(&n);
	char *out = malloc(1 << 16), num[64];

	for (i = 0; i < n; i++) {
		const WidgetSchema *s = &w[i].schema;
		o += (size_t)sprintf(out + o, ".SS %s\n", s->name);
		out[o] = s->help[0] >= 'a' && s->help[0] <= 'z' ? (char)(s->help[0] - 'a' + 'A')
		                                                : s->help[0];
		o = man_text(out, o + 1, s->help + 1);
		o += (size_t)sprintf(out + o, ", for example:\n.PP\n.RS 4\n.EX\n@widget %s ",
		                     s->name);
		o = man_text(out, o, s->example);
		o += (size_t)sprintf(out + o, "\n.EE\n.RE\n");
		for (j = 0; j < s->nparams; j++) {
			const ParamSpec *p = &s->params[j];
			o += (size_t)sprintf(out + o, ".TP\n.BI %s= ", p->name);
			o = man_text(out, o, type_word(p->type));
			out[o++] = '\n';
			if (p->required)
				o += (size_t)sprintf(out + o, "(required) ");
			o = man_text(out, o, p->help);
			if (p->choices) {
				const char *c;
				o += (size_t)sprintf(out + o, "; one of ");
				for (c = p->choices; *c; c++)
					o += *c == '|' ? (size_t)sprintf(out + o, ", ")
					               : (size_t)sprintf(out + o, "%c", *c);
			}
			if (p->min != 0 || p->max != 0) {
				o += (size_t)sprintf(out + o, "; from ");
				snprintf(num, sizeof num, "%g", p->min);
				o = man_text(out, o, num);
				snprintf(num, sizeof num, "%g", p->max);
				o += (size_t)sprintf(out + o, " to ");
				o = man_text(out, o, num);
			}
			if (p->nmax)
				o += (size_t)sprintf(out + o, "; %d to %d items", p->nmin, p->nmax);
			if (p->def) {
				o += (size_t)sprintf(out + o, "; default ");
				o = man_text(out, o, p->def);
			}
			out[o++] = '\n';
		}
	}
	out[o] = '\0';
	return out;
}

START_TEST(the_man_page_lists_every_widget)
{
	const char *begin = ".\\\" BEGIN WIDGETS\n", *end = ".\\\" END WIDGETS\n";
	const char *path = test_srcpath("man/neuronauts-lesson.5");
	char *man, *want = man_widgets(), *b, *e;
	size_t n;
	const char *update = getenv("UPDATE");

	ck_assert_int_eq(course_read_file(path, &man, &n), 0);
	b = strstr(man, begin);
	e = b ? strstr(b, end) : NULL;
	ck_assert_msg(b && e, "%s has no BEGIN/END WIDGETS markers", path);
	b += strlen(begin);
	if (update && strcmp(update, "1") == 0) {
		FILE *f = fopen(path, "wb");
		ck_assert_ptr_nonnull(f);
		fwrite(man, 1, (size_t)(b - man), f);
		fputs(want, f);
		fputs(e, f);
		ck_assert_int_eq(fclose(f), 0);
	} else {
		*e = '\0';
		ck_assert_msg(strcmp(b, want) == 0,
		              "the WIDGET KINDS section of %s is not the registry's; run "
		              "make check UPDATE=1 and review the diff",
		              path);
	}
	free(man);
	free(want);
}
END_TEST

START_TEST(the_examples_pass_the_checker)
{
	size_t n, i, o;
	const WidgetKind *w = registry_kinds(&n);
	SchemaTable t = registry_schemas();
	char *text = malloc(65536);
	DiagList d;
	Lesson *l;

	/* every kind's example in one lesson: their references name each other */
	o = (size_t)sprintf(text, "@lesson T\n@title T\n@level 1\n@format 1\n@unit U\n");
	for (i = 0; i < n; i++) {
		ck_assert_msg(w[i].schema.example != NULL, "%s has no example", w[i].schema.name);
		o += (size_t)sprintf(text + o, "@widget %s %s\nalt: x\n@end\n", w[i].schema.name,
		                     w[i].schema.example);
	}
	diag_init(&d, 0);
	lesson_parse(&l, "t.lesson", text, o, &d);
	lesson_check(l, &t, &d);
	for (i = 0; i < d.n; i++)
		ck_abort_msg("line %d: %s", d.items[i].line, d.items[i].msg);
	lesson_free(l);
	diag_free(&d);
	free(text);
}
END_TEST

static Suite *schema_suite(void)
{
	Suite *s = suite_create("schema");
	TCase *tc = tcase_create("schema");

	tcase_add_test(tc, names_are_unique_and_specs_consistent);
	tcase_add_test(tc, defaults_pass_their_own_checks);
	tcase_add_test(tc, the_examples_pass_the_checker);
	tcase_add_test(tc, the_man_page_lists_every_widget);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(schema_suite());
}
