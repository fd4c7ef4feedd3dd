/* check_schema.c: the widget kinds' schemas: names unique, specs consistent, outputs
 * and references typed, defaults and examples that pass their own checks, and the
 * WIDGET KINDS section of neuronauts-lesson(5) generated from the kinds (UPDATE=1
 * rewrites that section). Texts are built in memory streams: no fixed buffer to
 * outgrow as kinds are added. */
#include <config.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lesson/course.h"
#include "lesson/lesson.h"
#include "testlib.h"
#include "widgets/core/registry.h"

/* Whether every name of "a|b|c" is a parameter of s. */
static bool names_params(const WidgetSchema *s, const char *names)
{
	char one[64];
	const char *p = names;

	while (*p) {
		size_t len = strcspn(p, "|");
		if (len == 0 || len >= sizeof one)
			return false;
		memcpy(one, p, len);
		one[len] = '\0';
		if (!schema_param(s, one))
			return false;
		p += len + (p[len] == '|');
	}
	return true;
}

START_TEST(names_are_unique_and_specs_consistent)
{
	size_t n = registry_count(), i, j, k;
	SchemaTable t = registry_schemas();

	ck_assert_uint_ge(n, 13);
	ck_assert_uint_eq(t.n, n);
	for (i = 0; i < n; i++) {
		const WidgetKind *w = registry_kind(i);
		const WidgetSchema *s = &w->schema;
		ck_assert_ptr_eq(schema_at(&t, i), s);
		ck_assert_ptr_eq(schema_find(&t, s->name), s);
		ck_assert_ptr_eq(registry_find(s->name), w);
		ck_assert_ptr_nonnull(w->ops);
		ck_assert_ptr_nonnull(s->help);
		for (j = 0; j < i; j++)
			ck_assert_str_ne(registry_kind(j)->schema.name, s->name);
		for (j = 0; j < s->nparams; j++) {
			const ParamSpec *p = &s->params[j];
			ck_assert_msg(strcmp(p->name, "id") != 0, "%s: id is every widget's",
			              s->name);
			ck_assert_ptr_nonnull(p->help);
			ck_assert(p->min <= p->max && p->nmin <= p->nmax);
			ck_assert_msg(p->type != PARAM_CHOICE || p->choices, "%s.%s", s->name,
			              p->name);
			ck_assert_msg(!(p->required && p->def), "%s.%s", s->name, p->name);
			ck_assert_msg(!p->accepts || p->type == PARAM_REF || p->type == PARAM_REFS,
			              "%s.%s accepts data but is no reference", s->name, p->name);
			/* a list's default is read as one item by the getters */
			ck_assert_msg(p->type != PARAM_WORDS || !p->def || !strchr(p->def, ','),
			              "%s.%s", s->name, p->name);
			for (k = 0; k < j; k++)
				ck_assert_str_ne(s->params[k].name, p->name);
			/* unless and needs name other parameters of the kind */
			ck_assert_msg(!p->unless || (p->required && names_params(s, p->unless) &&
			                             !schema_choice(p->unless, p->name)),
			              "%s.%s", s->name, p->name);
			ck_assert_msg(!p->needs || (names_params(s, p->needs) &&
			                            !schema_choice(p->needs, p->name)),
			              "%s.%s", s->name, p->name);
		}
		for (j = 0; j < s->noutputs; j++) {
			ck_assert_ptr_nonnull(s->outputs[j].help);
			ck_assert_ptr_eq(schema_output(s, s->outputs[j].name), &s->outputs[j]);
			for (k = 0; k < j; k++)
				ck_assert_str_ne(s->outputs[k].name, s->outputs[j].name);
		}
		/* a kind with only value() publishes that number first */
		ck_assert_msg(w->ops->output || !s->noutputs ||
		                  (s->noutputs == 1 && s->outputs[0].type == DATA_SCALAR &&
		                   w->ops->value),
		              "%s declares outputs it cannot give", s->name);
		ck_assert_msg(!w->goal_param || schema_param(s, w->goal_param), "%s",
		              s->name);
	}
	ck_assert_ptr_null(registry_find("nothing"));
}
END_TEST

/* Parses and checks text as a lesson; fails on any diagnostic whose message does not
 * contain allowed (NULL: none allowed). */
static void check_text(const char *text, size_t n, const char *allowed)
{
	SchemaTable t = registry_schemas();
	DiagList d;
	Lesson *l;
	size_t i;

	diag_init(&d, 1000);
	ck_assert_int_eq(lesson_parse(&l, "t.lesson", text, n, &d), LESSON_OK);
	lesson_check(l, &t, &d);
	for (i = 0; i < d.n; i++)
		ck_assert_msg(allowed && strstr(d.items[i].msg, allowed) != NULL, "line %d: %s",
		              d.items[i].line, d.items[i].msg);
	lesson_free(l);
	diag_free(&d);
}

START_TEST(defaults_pass_their_own_checks)
{
	size_t n = registry_count(), i, j, len;
	char *text;
	FILE *f = open_memstream(&text, &len);

	fprintf(f, "@lesson T\n@title T\n@level 1\n@format 1\n@unit U\n");
	for (i = 0; i < n; i++) {
		const WidgetSchema *s = &registry_kind(i)->schema;
		fprintf(f, "@widget %s id=w%zu", s->name, i);
		for (j = 0; j < s->nparams; j++) /* (one that needs another stands alone) */
			if (s->params[j].def && !s->params[j].needs)
				fprintf(f, " %s=%s", s->params[j].name, s->params[j].def);
		fprintf(f, "\nalt: x\n@end\n");
	}
	ck_assert_int_eq(fclose(f), 0);
	check_text(text, len, "needs the parameter");
	free(text);
}
END_TEST

/* Writes s with troff's special characters escaped. */
static void man_text(FILE *f, const char *s)
{
	for (; *s; s++) {
		if (*s == '-' || *s == '\\')
			fputc('\\', f);
		fputc(*s, f);
	}
}

static const char *type_word(ParamType t)
{
	static const char *const words[] = {"number", "whole",  "lo..hi", "n,n,...", "word,...",
	                                    "text",   "yes|no", "word",   "id",      "id,..."};

	return words[t];
}

/* "a|b" as "\fBa=\fR or \fBb=\fR". */
static void man_names(FILE *f, const char *names)
{
	const char *p = names;

	while (*p) {
		size_t len = strcspn(p, "|");
		fprintf(f, "%s\\fB%.*s=\\fR", p == names ? "" : " or ", (int)len, p);
		p += len + (p[len] == '|');
	}
}

/* One parameter's entry. */
static void man_param(FILE *f, const ParamSpec *p)
{
	char num[64];
	const char *c;

	fprintf(f, ".TP\n.BI %s= ", p->name);
	man_text(f, type_word(p->type));
	fputc('\n', f);
	if (p->required && p->unless) {
		fprintf(f, "(required unless ");
		man_names(f, p->unless);
		fprintf(f, " is given, and not with it) ");
	} else if (p->required) {
		fprintf(f, "(required) ");
	}
	man_text(f, p->help);
	if (p->accepts) {
		fprintf(f, "; reads ");
		man_text(f, schema_data_names(p->accepts, num, sizeof num));
	}
	if (p->choices) {
		fprintf(f, "; one of ");
		for (c = p->choices; *c; c++)
			fputs(*c == '|' ? ", " : (char[]){*c, 0}, f);
	}
	if (p->min != 0 || p->max != 0) {
		fprintf(f, "; from ");
		snprintf(num, sizeof num, "%g", p->min);
		man_text(f, num);
		snprintf(num, sizeof num, "%g", p->max);
		fprintf(f, " to ");
		man_text(f, num);
	}
	if (p->nmax)
		fprintf(f, "; %d to %d items", p->nmin, p->nmax);
	if (p->def) {
		fprintf(f, "; default ");
		man_text(f, p->def);
	}
	if (p->needs) {
		fprintf(f, "; only with ");
		man_names(f, p->needs);
	}
	fputc('\n', f);
}

/* The WIDGET KINDS section as the kinds say it. */
static char *man_widgets(void)
{
	size_t n = registry_count(), i, j, len;
	char *out, kind[64];
	FILE *f = open_memstream(&out, &len);

	for (i = 0; i < n; i++) {
		const WidgetKind *k = registry_kind(i);
		const WidgetSchema *s = &k->schema;
		fprintf(f, ".SS %s\n", s->name);
		fputc(s->help[0] >= 'a' && s->help[0] <= 'z' ? s->help[0] - 'a' + 'A' : s->help[0],
		      f);
		man_text(f, s->help + 1);
		fprintf(f, ", for example:\n.PP\n.RS 4\n.EX\n@widget %s ", s->name);
		man_text(f, s->example);
		fprintf(f, "\n.EE\n.RE\n");
		for (j = 0; j < s->nparams; j++)
			man_param(f, &s->params[j]);
		if (s->noutputs)
			fprintf(f, ".PP\nWhat it gives other widgets (\\fIid\\fB:\\fIoutput\\fR; "
			           "the first is the default):\n");
		for (j = 0; j < s->noutputs; j++) {
			fprintf(f, ".TP\n.B %s\n", s->outputs[j].name);
			man_text(f, schema_data_names(s->outputs[j].type, kind, sizeof kind));
			fprintf(f, ": ");
			man_text(f, s->outputs[j].help);
			fputc('\n', f);
		}
		if (k->nkeys)
			fprintf(f, ".PP\nIts keys while it has the focus:\n");
		for (j = 0; j < k->nkeys; j++) {
			fprintf(f, ".TP\n.B ");
			man_text(f, k->keys[j].keys);
			fputc('\n', f);
			man_text(f, k->keys[j].help);
			fputc('\n', f);
		}
	}
	ck_assert_int_eq(fclose(f), 0);
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
		              "the WIDGET KINDS section of %s is not the kinds'; run "
		              "make check UPDATE=1 and review the diff",
		              path);
	}
	free(man);
	free(want);
}
END_TEST

START_TEST(the_examples_pass_the_checker)
{
	size_t n = registry_count(), i, len;
	char *text;
	FILE *f = open_memstream(&text, &len);

	/* every kind's example in one lesson: their references name each other */
	fprintf(f, "@lesson T\n@title T\n@level 1\n@format 1\n@unit U\n");
	for (i = 0; i < n; i++) {
		const WidgetSchema *s = &registry_kind(i)->schema;
		ck_assert_msg(s->example != NULL, "%s has no example", s->name);
		fprintf(f, "@widget %s %s\nalt: x\n@end\n", s->name, s->example);
	}
	ck_assert_int_eq(fclose(f), 0);
	check_text(text, len, NULL);
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
