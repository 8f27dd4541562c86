/* yaml_emit.c — YAML scalars that read back as written (see yaml_emit.h). */
#include "yaml_emit.h"

#include <string.h>
#include <strings.h>

/* ASCII characters that may mean something to YAML somewhere in a plain scalar (indicators,
 * YAML 1.1 §4.1.3; ':' and '#' only next to spaces, but we do not play it that close). */
static const char plain_unsafe[] = ":#,[]{}&*!|>'\"%@`\\\t\r";

/* Plain scalars the loader (or a reader of YAML) would take for null, a boolean or a number
 * is a string to us, but a writer's editor may colour it otherwise: quote those too. */
static const char *const plain_words[] = {"null", "~", "true", "false", "yes", "no", "on", "off", "y", "n"};

static bool plain_ok(const char *s)
{
    size_t n = strlen(s);
    if (!n || s[0] == '-' || s[0] == '?' || s[0] == ' ' || s[n - 1] == ' ') return false;
    if (strpbrk(s, plain_unsafe) || strchr(s, '\n')) return false;
    if (!strncmp(s, "\xEF\xBB\xBF", 3)) return false;                   /* BOM */
    if (strstr(s, "\xE2\x80\xA8") || strstr(s, "\xE2\x80\xA9")) return false;  /* LS, PS */
    for (size_t i = 0; i < sizeof plain_words / sizeof *plain_words; i++)
        if (!strcasecmp(s, plain_words[i])) return false;
    bool number = true;  /* 12, 3.5, -1: leave no doubt that it is text */
    for (const char *p = s; *p; p++) number &= (*p >= '0' && *p <= '9') || *p == '.' || *p == '+' || *p == '_';
    return !number;
}

/* A literal block keeps every character of a text of several lines, provided none is a line
 * break other than '\n' (libyaml also breaks lines at CR, NEL, LS and PS) and the text holds
 * something besides line breaks and spaces. */
static bool literal_ok(const char *s)
{
    if (!strchr(s, '\n') || strchr(s, '\r') || strchr(s, '\t')) return false;
    if (strstr(s, "\xC2\x85") || strstr(s, "\xE2\x80\xA8") || strstr(s, "\xE2\x80\xA9")) return false;
    if (!strncmp(s, "\xEF\xBB\xBF", 3)) return false;
    for (const char *p = s; *p; p++)
        if (*p != '\n' && *p != ' ') return true;
    return false;
}

void ye_quoted(hy_buf *out, const char *s)
{
    hy_buf_puts(out, "\"");
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\') hy_buf_printf(out, "\\%c", *p);
        else if (*p == '\n') hy_buf_puts(out, "\\n");
        else if (*p == '\t') hy_buf_puts(out, "\\t");
        else if (*p < 0x20 || *p == 0x7F) hy_buf_printf(out, "\\x%02X", *p);
        else if (p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0xA8 || p[2] == 0xA9)) {
            hy_buf_puts(out, p[2] == 0xA8 ? "\\L" : "\\P");
            p += 2;
        } else if (p[0] == 0xC2 && p[1] == 0x85) {
            hy_buf_puts(out, "\\N");
            p++;
        } else hy_buf_add(out, p, 1);
    }
    hy_buf_puts(out, "\"");
}

static void literal(hy_buf *out, const char *s, int indent)
{
    size_t n = strlen(s), trailing = 0;
    while (trailing < n && s[n - 1 - trailing] == '\n') trailing++;
    const char *first = s;  /* the first line with text decides the block's indentation */
    while (*first == '\n') first++;
    hy_buf_puts(out, " |");
    if (*first == ' ') hy_buf_puts(out, "2");  /* indentation indicator: the text starts with spaces */
    hy_buf_puts(out, trailing == 0 ? "-" : trailing == 1 ? "" : "+");
    hy_buf_puts(out, "\n");
    const char *p = s, *end = s + n;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
        if (len) hy_buf_printf(out, "%*s%.*s", indent + 2, "", (int)len, p);
        hy_buf_puts(out, "\n");
        p += len + (nl ? 1 : 0);
    }
}

void ye_scalar(hy_buf *out, const char *s, int indent)
{
    if (literal_ok(s)) {
        literal(out, s, indent);
        return;
    }
    hy_buf_puts(out, " ");
    if (plain_ok(s)) hy_buf_puts(out, s);
    else ye_quoted(out, s);
    hy_buf_puts(out, "\n");
}
