/* deps.c — digests of the files a rendering read, and the check that they still hold (see
 * deps.h). */
#include "deps.h"
#include "diag.h"
#include "font.h"
#include "infile.h"
#include "layout_def.h"
#include "layout_dir.h"
#include "yaml_load.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
    const unsigned char *s = p;
    for (size_t i = 0; i < n; i++) {
        h ^= s[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

#define FNV_OFFSET 0xcbf29ce484222325ULL

uint64_t hy_deps_file_digest(const char *path)
{
    hy_buf b = {0};
    hy_diags ignored = {0};
    uint64_t h = 0;
    if (hy_infile_read(path, HY_IN_REGULAR, YL_MAX_INPUT_BYTES, &b, NULL, &ignored)) {
        h = fnv(FNV_OFFSET, b.data, b.len);
        uint64_t n = b.len;
        h = fnv(h, &n, sizeof n);
    }
    hy_diags_free(&ignored);
    hy_buf_free(&b);
    return h;
}

uint64_t hy_deps_file_signature(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0) return 0;
    int64_t v[] = {(int64_t)st.st_dev, (int64_t)st.st_ino, (int64_t)st.st_size, (int64_t)st.st_mtim.tv_sec,
                   (int64_t)st.st_mtim.tv_nsec};
    return fnv(FNV_OFFSET, v, sizeof v);
}

uint64_t hy_deps_kinds_digest(const char *dir)
{
    hy_vec kinds = {0};
    uint64_t h = FNV_OFFSET;
    if (!lay_kinds(dir, &kinds)) return 0;
    for (size_t i = 0; i < kinds.n; i++) {
        h = fnv(h, kinds.items[i], strlen(kinds.items[i]) + 1);
        free(kinds.items[i]);
    }
    hy_vec_free(&kinds);
    return h;
}

uint64_t hy_deps_family_digest(const char *family)
{
    int index = 0;
    char *file = hy_font_path_copy(family, &index);
    uint64_t h = fnv(FNV_OFFSET, file ? file : "", file ? strlen(file) + 1 : 0);
    h = fnv(h, &index, sizeof index);
    free(file);
    return h;
}

void hy_deps_add(hy_buf *out, const char *kind, uint64_t digest, const char *name)
{
    if (strpbrk(name, "\r\n")) hy_buf_printf(out, "unsafe 0000000000000000 -\n");
    else hy_buf_printf(out, "%s %016" PRIx64 " %s\n", kind, digest, name);
}

/* The digest of one recorded dependency as it is now; false for an unknown kind. */
static bool digest_now(const char *kind, const char *name, uint64_t *h)
{
    if (!strcmp(kind, "layout") || !strcmp(kind, "fonts")) *h = hy_deps_file_digest(name);
    else if (!strcmp(kind, "kinds")) *h = hy_deps_kinds_digest(name);
    else if (!strcmp(kind, "family")) *h = hy_deps_family_digest(name);
    else if (!strcmp(kind, "font")) *h = hy_deps_file_signature(name);
    else return false;
    return true;
}

bool hy_deps_memo_get(hy_deps_memo *m, const char *kind, const char *name, uint64_t *h)
{
    char *key = hy_xasprintf("%s\t%s", kind, name);
    for (size_t i = 0; i < m->keys.n; i++)
        if (!strcmp(m->keys.items[i], key)) {
            free(key);
            *h = m->values[i];
            return true;
        }
    if (!digest_now(kind, name, h)) {
        free(key);
        return false;
    }
    m->values = hy_xrealloc(m->values, m->keys.n + 1, sizeof *m->values);
    m->values[m->keys.n] = *h;
    hy_vec_push(&m->keys, key);
    return true;
}

bool hy_deps_current(hy_deps_memo *memo, const char *text)
{
    if (!text || !*text) return false;  /* nothing recorded: not known to be current */
    for (const char *s = text; *s;) {
        size_t n = strcspn(s, "\n");
        char *line = hy_xasprintf("%.*s", (int)n, s);
        char kind[16], hex[17];
        int name_at = 0;
        uint64_t want, now;
        bool ok = sscanf(line, "%15s %16s %n", kind, hex, &name_at) == 2 && name_at > 0 && strlen(hex) == 16 &&
                  sscanf(hex, "%" SCNx64, &want) == 1 && hy_deps_memo_get(memo, kind, line + name_at, &now) && now == want;
        free(line);
        if (!ok) return false;
        s += n + (s[n] == '\n');
    }
    return true;
}

void hy_deps_memo_free(hy_deps_memo *memo)
{
    for (size_t i = 0; i < memo->keys.n; i++) free(memo->keys.items[i]);
    hy_vec_free(&memo->keys);
    free(memo->values);
    *memo = (hy_deps_memo){0};
}
