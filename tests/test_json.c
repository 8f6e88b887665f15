/* The strict JSON reader and the writer. */
#include "testutil.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"

static hip_status parse(const char *text, hip__json_doc **doc, hip__json_error *err)
{
    return hip__json_parse(NULL, text, strlen(text), NULL, doc, err);
}

static void test_values_and_dom(void **state)
{
    (void)state;
    const char *text =
        "{\"a\": [1, -2.5, 3e2, true, false, null], \"s\": \"x\\u00e9\\n\\ud83d\\ude00\",\n"
        " \"o\": {}, \"e\": [], \"big\": 9223372036854775807, \"neg\": -9223372036854775808,\n"
        " \"huge\": 9223372036854775808, \"nul\": \"a\\u0000b\"}";
    hip__json_doc *doc;
    hip__json_error err;
    assert_int_equal(parse(text, &doc, &err), HIP_OK);
    const hip__json *root = hip__json_root(doc);
    assert_int_equal(root->type, HIP__JSON_OBJECT);
    assert_int_equal(root->count, 8);
    const hip__json *a = hip__json_get(root, "a");
    assert_non_null(a);
    assert_int_equal(a->type, HIP__JSON_ARRAY);
    assert_int_equal(a->count, 6);
    assert_true(a->items[0].is_integer && a->items[0].integer == 1);
    assert_false(a->items[1].is_integer);
    assert_true(a->items[1].number == -2.5);
    assert_false(a->items[2].is_integer);
    assert_true(a->items[2].number == 300);
    assert_int_equal(a->items[3].type, HIP__JSON_TRUE);
    assert_int_equal(a->items[4].type, HIP__JSON_FALSE);
    assert_int_equal(a->items[5].type, HIP__JSON_NULL);
    assert_int_equal(a->line, 1);
    assert_int_equal(a->col, 7);
    const hip__json *s = hip__json_get(root, "s");
    assert_string_equal(s->str, "x\xc3\xa9\n\xf0\x9f\x98\x80");
    assert_int_equal(s->len, 8);
    assert_int_equal(hip__json_get(root, "o")->count, 0);
    assert_int_equal(hip__json_get(root, "e")->type, HIP__JSON_ARRAY);
    const hip__json *big = hip__json_get(root, "big");
    assert_true(big->is_integer && big->integer == INT64_MAX);
    assert_int_equal(big->line, 2);
    const hip__json *neg = hip__json_get(root, "neg");
    assert_true(neg->is_integer && neg->integer == INT64_MIN);
    assert_false(hip__json_get(root, "huge")->is_integer);
    const hip__json *nul = hip__json_get(root, "nul");
    assert_int_equal(nul->len, 3);
    assert_memory_equal(nul->str, "a\0b", 3);
    assert_null(hip__json_get(root, "missing"));
    assert_null(hip__json_get(a, "a"));            /* not an object */
    assert_null(hip__json_duplicate_key(root));
    hip__json_free(doc);
    assert_int_equal(parse("{\"k\": 1, \"j\": 2, \"k\": 3}", &doc, &err), HIP_OK);   /* RFC: allowed */
    assert_string_equal(hip__json_duplicate_key(hip__json_root(doc)), "k");
    assert_int_equal(hip__json_get(hip__json_root(doc), "k")->integer, 1);   /* the first */
    hip__json_free(doc);
    hip__json_free(NULL);
}

typedef struct bad { const char *text; unsigned line, col; const char *msg; } bad;

static void test_errors_say_where_and_what(void **state)
{
    (void)state;
    static const bad cases[] = {
        {"", 1, 1, "expected a value, found end of input"},
        {"[1,]", 1, 4, "expected a value, found ']'"},
        {"[1 2]", 1, 4, "expected ',' or ']' after array element, found '2'"},
        {"{\"a\" 1}", 1, 6, "expected ':' after object key"},
        {"{\"a\": 1,}", 1, 9, "expected a string key"},
        {"{\"a\": 1\n \"b\": 2}", 2, 2, "expected ',' or '}' after object member"},
        {"[\"a\nb\"]", 1, 4, "control character U+000A in string"},
        {"[\"\\q\"]", 1, 3, "invalid escape \\'q' in string"},
        {"[\"\\u12\"]", 1, 3, "invalid \\u escape"},
        {"[\"\\udc00\"]", 1, 3, "lone low surrogate"},
        {"[\"\\ud800x\"]", 1, 3, "high surrogate not followed"},
        {"[\"\xc0\xaf\"]", 1, 3, "invalid UTF-8"},
        {"[\"\xed\xa0\x80\"]", 1, 3, "invalid UTF-8"},
        {"[\"abc", 1, 6, "unterminated string"},
        {"[01]", 1, 2, "invalid number"},
        {"[1.]", 1, 2, "invalid number"},
        {"[-]", 1, 2, "invalid number"},
        {"[1e999]", 1, 2, "number out of range"},
        {"[NaN]", 1, 2, "expected a value"},
        {"[tru]", 1, 2, "expected a value"},
        {"{} x", 1, 4, "expected end of input after the top-level value"},
        {"\xef\xbb\xbf{}", 1, 1, "byte-order mark"},
        {"\n\n   @", 3, 4, "expected a value, found '@'"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        hip__json_doc *doc = (hip__json_doc *)&doc;
        hip__json_error err;
        hip_status st = parse(cases[i].text, &doc, &err);
        if (st != HIP_ERR_FORMAT || doc != NULL || err.line != cases[i].line || err.col != cases[i].col ||
            !strstr(err.message, cases[i].msg))
            fail_msg("case %zu: status %d at %u:%u '%s'; expected %u:%u '%s'", i, st, err.line,
                     err.col, err.message, cases[i].line, cases[i].col, cases[i].msg);
    }
}

static void test_limits(void **state)
{
    (void)state;
    char deep[200];
    memset(deep, '[', 100);
    memset(deep + 100, ']', 100);
    hip__json_doc *doc;
    hip__json_error err;
    assert_int_equal(hip__json_parse(NULL, deep, 200, NULL, &doc, &err), HIP_ERR_FORMAT);
    assert_non_null(strstr(err.message, "nesting deeper than 64"));
    hip__json_limits lim = {0, 99};
    assert_int_equal(hip__json_parse(NULL, deep, 200, &lim, &doc, &err), HIP_ERR_FORMAT);
    lim.max_depth = 100;
    assert_int_equal(hip__json_parse(NULL, deep, 200, &lim, &doc, &err), HIP_OK);
    hip__json_free(doc);
    hip__json_limits small = {10, 0};
    assert_int_equal(hip__json_parse(NULL, "[1,2,3,4,5,6]", 13, &small, &doc, &err), HIP_ERR_FORMAT);
    assert_non_null(strstr(err.message, "larger than 10 bytes"));
    assert_int_equal(hip__json_parse(NULL, NULL, 3, NULL, &doc, &err), HIP_ERR_INVALID);
    assert_int_equal(hip__json_parse(NULL, "1", 1, NULL, NULL, &err), HIP_ERR_INVALID);
    assert_int_equal(hip__json_parse(NULL, "1", 1, NULL, &doc, NULL), HIP_OK);   /* err optional */
    hip__json_free(doc);
}

static void test_large_array_is_linear(void **state)
{
    (void)state;
    size_t n = 200000;
    char *text = malloc(n * 2 + 2);
    text[0] = '[';
    for (size_t i = 0; i < n; i++) { text[1 + 2 * i] = '7'; text[2 + 2 * i] = ','; }
    text[n * 2] = ']';
    text[n * 2 + 1] = '\0';
    hip__json_doc *doc;
    assert_int_equal(parse(text, &doc, NULL), HIP_OK);
    assert_int_equal(hip__json_root(doc)->count, n);
    hip__json_free(doc);
    free(text);
}

static void test_allocation_failures(void **state)
{
    (void)state;
    /* Big enough to need several arena blocks and a growing scratch stack. */
    size_t n = 30000;
    char *text = malloc(n * 12 + 16);
    size_t len = 0;
    len += (size_t)sprintf(text + len, "{\"a\":[");
    for (size_t i = 0; i < n; i++) len += (size_t)sprintf(text + len, "%s\"s%05zu\"", i ? "," : "", i);
    len += (size_t)sprintf(text + len, "]}");
    hip_test_alloc_state as;
    long k;
    for (k = 0;; k++) {
        hip_test_alloc_reset(&as, k);
        hip_allocator a = hip_test_counting_allocator(&as);
        hip__json_doc *doc = (hip__json_doc *)&doc;
        hip__json_error err;
        hip_status st = hip__json_parse(&a, text, len, NULL, &doc, &err);
        if (st == HIP_OK) {
            assert_int_equal(hip__json_get(hip__json_root(doc), "a")->count, n);
            hip__json_free(doc);
            assert_int_equal(as.outstanding, 0);
            break;
        }
        assert_int_equal(st, HIP_ERR_NOMEM);
        assert_null(doc);
        assert_string_equal(err.message, "out of memory");
        assert_int_equal(as.outstanding, 0);
    }
    assert_true(k >= 3);
    free(text);
}

static void test_writer(void **state)
{
    (void)state;
    char buf[256];
    hip__jw w;
    hip__jw_init(&w, buf, sizeof buf, 0);
    hip__jw_begin_object(&w);
    hip__jw_key(&w, "a");
    hip__jw_begin_array(&w);
    hip__jw_integer(&w, -3);
    hip__jw_number(&w, 0.1);
    hip__jw_bool(&w, 1);
    hip__jw_null(&w);
    hip__jw_string(&w, "q\"\\\n\x01\xc3\xa9");
    hip__jw_end_array(&w);
    hip__jw_key(&w, "e");
    hip__jw_begin_object(&w);
    hip__jw_end_object(&w);
    hip__jw_key(&w, "z");
    hip__jw_string_n(&w, "a\0b", 3);
    hip__jw_end_object(&w);
    size_t n = hip__jw_finish(&w);
    const char *want = "{\"a\":[-3,0.1,true,null,\"q\\\"\\\\\\n\\u0001\xc3\xa9\"],\"e\":{},\"z\":\"a\\u0000b\"}";
    assert_string_equal(buf, want);
    assert_int_equal(n, strlen(want));
    assert_false(w.failed);
    /* The output parses back. */
    hip__json_doc *doc;
    assert_int_equal(hip__json_parse(NULL, buf, n, NULL, &doc, NULL), HIP_OK);
    hip__json_free(doc);

    hip__jw_init(&w, buf, sizeof buf, 1);
    hip__jw_begin_object(&w);
    hip__jw_key(&w, "k");
    hip__jw_begin_array(&w);
    hip__jw_integer(&w, 1);
    hip__jw_integer(&w, 2);
    hip__jw_end_array(&w);
    hip__jw_key(&w, "e");
    hip__jw_begin_array(&w);
    hip__jw_end_array(&w);
    hip__jw_end_object(&w);
    hip__jw_finish(&w);
    assert_string_equal(buf, "{\n  \"k\": [\n    1,\n    2\n  ],\n  \"e\": []\n}");
}

static void test_writer_sizing_and_failures(void **state)
{
    (void)state;
    hip__jw w;
    hip__jw_init(&w, NULL, 0, 1);
    hip__jw_begin_array(&w);
    hip__jw_string(&w, "hello");
    hip__jw_end_array(&w);
    size_t need = hip__jw_finish(&w);
    assert_int_equal(need, strlen("[\n  \"hello\"\n]"));
    char small[6];
    hip__jw_init(&w, small, sizeof small, 1);
    hip__jw_begin_array(&w);
    hip__jw_string(&w, "hello");
    hip__jw_end_array(&w);
    assert_int_equal(hip__jw_finish(&w), need);
    assert_string_equal(small, "[\n  \"");   /* truncated but terminated */
    char buf[64];
    hip__jw_init(&w, buf, sizeof buf, 0);
    hip__jw_begin_array(&w);
    hip__jw_number(&w, 1.0 / 0.0);
    hip__jw_end_array(&w);
    hip__jw_finish(&w);
    assert_true(w.failed);
    hip__jw_init(&w, buf, sizeof buf, 0);
    hip__jw_end_array(&w);                 /* unbalanced */
    assert_true(w.failed);
    hip__jw_init(&w, buf, sizeof buf, 0);
    hip__jw_begin_array(&w);
    hip__jw_finish(&w);                    /* left open */
    assert_true(w.failed);
    hip__jw_init(&w, NULL, 0, 0);
    for (int i = 0; i < 70; i++) hip__jw_begin_array(&w);
    assert_true(w.failed);
}

/* Negative zero is written as 0: "-0" would read back as the integer 0 and a second round trip
 * would change the text (found by fuzz_json: corpora/json/negative_zero_exponent.json). */
static void test_writer_negative_zero_is_canonical(void **state)
{
    (void)state;
    const char *text = "[ -0E+2, -0.0, 0.0, -0 ]";
    hip__json_doc *doc;
    assert_int_equal(hip__json_parse(NULL, text, strlen(text), NULL, &doc, NULL), HIP_OK);
    const hip__json *root = hip__json_root(doc);
    char buf[64];
    hip__jw w;
    hip__jw_init(&w, buf, sizeof buf, 0);
    hip__jw_begin_array(&w);
    for (size_t i = 0; i < root->count; i++) {
        const hip__json *v = &root->items[i];
        if (v->is_integer) hip__jw_integer(&w, v->integer);
        else hip__jw_number(&w, v->number);
    }
    hip__jw_end_array(&w);
    hip__jw_finish(&w);
    assert_false(w.failed);
    assert_string_equal(buf, "[0,0,0,0]");
    hip__json_free(doc);
}

/* JSONTestSuite: every y_ accepted, every n_ rejected, no crash on i_. */
static void test_json_test_suite(void **state)
{
    (void)state;
    const char *shared = hip_test_shared_dir();
    char dir[1024];
    if (!shared) { print_message("../shared absent: JSONTestSuite skipped\n"); skip(); }
    snprintf(dir, sizeof dir, "%s/data/json-test-suite/test_parsing", shared);
    DIR *d = opendir(dir);
    if (!d) { print_message("%s absent: skipped\n", dir); skip(); }
    size_t y = 0, y_ok = 0, n = 0, n_ok = 0, i_run = 0, i_acc = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        char kind = e->d_name[0];
        if (e->d_name[1] != '_' || (kind != 'y' && kind != 'n' && kind != 'i')) continue;
        char path[2048];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        size_t len;
        char *text = hip_test_read_file(path, &len);
        assert_non_null(text);
        hip__json_doc *doc = NULL;
        hip__json_error err;
        hip_status st = hip__json_parse(NULL, text, len, NULL, &doc, &err);
        hip__json_free(doc);
        free(text);
        if (kind == 'y') {
            y++;
            if (st == HIP_OK) y_ok++;
            else print_message("rejected %s: %u:%u %s\n", e->d_name, err.line, err.col, err.message);
        } else if (kind == 'n') {
            n++;
            if (st != HIP_OK) n_ok++;
            else print_message("accepted %s\n", e->d_name);
        } else {
            i_run++;
            i_acc += st == HIP_OK;
        }
    }
    closedir(d);
    print_message("json-test-suite: y %zu/%zu accepted, n %zu/%zu rejected, i %zu ran (%zu accepted)\n",
                  y_ok, y, n_ok, n, i_run, i_acc);
    assert_true(y > 0 && n > 0);
    assert_int_equal(y_ok, y);
    assert_int_equal(n_ok, n);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_values_and_dom),
        cmocka_unit_test(test_errors_say_where_and_what),
        cmocka_unit_test(test_limits),
        cmocka_unit_test(test_large_array_is_linear),
        cmocka_unit_test(test_allocation_failures),
        cmocka_unit_test(test_writer),
        cmocka_unit_test(test_writer_sizing_and_failures),
        cmocka_unit_test(test_writer_negative_zero_is_canonical),
        cmocka_unit_test(test_json_test_suite),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
