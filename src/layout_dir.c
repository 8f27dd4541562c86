/* layout_dir.c — finding layouts in a directory by their `kind:` (see layout_dir.h), without
 * loading them: the chosen one is loaded and checked by lay_load (layout_def.c). */
#include "layout_dir.h"
#include "infile.h"
#include "yaml_load.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The `kind:` of a layout file, read from its top-level line without parsing the whole file
 * (the chosen layout is parsed, and checked, by lay_load). NULL if there is none, or if the
 * entry is not a regular file of at most YL_MAX_INPUT_BYTES (a FIFO or /dev/zero must not
 * block or stream: lay_load then reports it when that file is the one chosen). */
static char *kind_line(const char *path)
{
    hy_buf buf = {0};
    hy_diags ignored = {0};
    bool ok = hy_infile_read(path, HY_IN_REGULAR, YL_MAX_INPUT_BYTES, &buf, NULL, &ignored);
    hy_diags_free(&ignored);
    char *kind = NULL;
    for (const char *line = buf.data; ok && !kind && line && *line;) {
        size_t len = strcspn(line, "\n");
        if (!strncmp(line, "kind:", 5) && len >= 5) {
            const char *v = line + 5;
            v += strspn(v, " \t");
            size_t n = strcspn(v, "#\r\n");
            while (n && (v[n - 1] == ' ' || v[n - 1] == '\t')) n--;
            if (n >= 2 && (v[0] == '"' || v[0] == '\'') && v[n - 1] == v[0]) {
                v++;
                n -= 2;
            }
            kind = hy_xmalloc(n + 1);
            memcpy(kind, v, n);
            kind[n] = 0;
        }
        line += len + (line[len] == '\n');
    }
    hy_buf_free(&buf);
    return kind;
}

bool lay_files(const char *dir, hy_vec *out)
{
    DIR *dp = opendir(dir);
    if (!dp) return false;
    struct dirent *e;
    while ((e = readdir(dp))) {
        size_t len = strlen(e->d_name);
        if (len < 6 || strcmp(e->d_name + len - 5, ".yaml")) continue;
        char *path = hy_xmalloc(strlen(dir) + len + 2);
        sprintf(path, "%s/%s", dir, e->d_name);
        hy_vec_push(out, path);
    }
    closedir(dp);
    if (out->n) qsort(out->items, out->n, sizeof *out->items, cmp_names);
    return true;
}

bool lay_kinds(const char *dir, hy_vec *out)
{
    hy_vec files = {0};
    if (!lay_files(dir, &files)) return false;
    for (size_t i = 0; i < files.n; i++) {
        char *k = kind_line(files.items[i]);
        if (k) hy_vec_push(out, k);
        free(files.items[i]);
    }
    hy_vec_free(&files);
    return true;
}

char *lay_path_copy(const char *dir, const char *kind)
{
    hy_vec files = {0};
    char *found = NULL;
    lay_files(dir, &files);
    for (size_t i = 0; i < files.n; i++) {
        char *k = found ? NULL : kind_line(files.items[i]);
        if (k && !strcmp(k, kind)) found = files.items[i];
        else free(files.items[i]);
        free(k);
    }
    hy_vec_free(&files);
    return found;
}
