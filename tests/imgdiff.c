/* imgdiff.c — compares one rasterized page with its golden reference (the golden check, see
 * docs/golden.md). Owns the pixel rule: a pixel has changed when its grayscale values differ by
 * more than THRESHOLD; the page fails when more than TOLERANCE pixels changed or the sizes
 * differ. Whenever the pages differ at all it writes a diff PNG: changed pixels in red over a
 * faded copy of the golden page (pixels present in only one of the two images count as changed).
 *
 * Also owns the reduction of a page rasterized at twice the golden resolution to the golden
 * resolution (poppler snaps rules and text baselines to whole pixels, so a half-pixel move would
 * otherwise vanish; see docs/golden.md).
 *
 * usage: imgdiff ACTUAL.png GOLDEN.png DIFF.png [THRESHOLD [TOLERANCE]]
 *        imgdiff --reduce IN.pgm|IN.png OUT.png
 * exit:  0 same within tolerance (or reduced), 1 differs, 2 cannot read or write an image */
#include <png.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { DEFAULT_THRESHOLD = 32, DEFAULT_TOLERANCE = 2 }; /* see docs/golden.md */

typedef struct {
    unsigned w, h;
    unsigned char *px; /* 8-bit gray, row-major */
} gray_img;

typedef struct {
    unsigned long changed; /* pixels over the threshold */
    int max_diff;          /* largest difference, 0-255 */
} diff_stats;

/* A binary PGM (P5, 8-bit), as pdftoppm -gray writes it without -png: much faster than PNG. */
static int load_pgm(FILE *f, const char *path, gray_img *img)
{
    unsigned maxval;
    if (fscanf(f, "P5 %u %u %u", &img->w, &img->h, &maxval) != 3 || maxval != 255 ||
        fgetc(f) == EOF) {
        fprintf(stderr, "imgdiff: %s: not an 8-bit binary PGM\n", path);
        return -1;
    }
    size_t n = (size_t)img->w * img->h;
    img->px = malloc(n + 1);
    if (!img->px || fread(img->px, 1, n, f) != n) {
        fprintf(stderr, "imgdiff: %s: truncated PGM\n", path);
        return -1;
    }
    return 0;
}

static int load_png(const char *path, gray_img *img)
{
    png_image pi;
    memset(&pi, 0, sizeof pi);
    pi.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_file(&pi, path)) {
        fprintf(stderr, "imgdiff: %s: %s\n", path, pi.message);
        return -1;
    }
    pi.format = PNG_FORMAT_GRAY;
    img->w = pi.width;
    img->h = pi.height;
    img->px = malloc(PNG_IMAGE_SIZE(pi));
    if (!img->px || !png_image_finish_read(&pi, NULL, img->px, 0, NULL)) {
        fprintf(stderr, "imgdiff: %s: %s\n", path, img->px ? pi.message : "out of memory");
        png_image_free(&pi);
        return -1;
    }
    return 0;
}

/* Reads a PNG (any format, converted to gray) or a binary PGM. */
static int load_gray(const char *path, gray_img *img)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        return -1;
    }
    int pgm = fgetc(f) == 'P';
    rewind(f);
    int rc = pgm ? load_pgm(f, path, img) : 0;
    fclose(f);
    return pgm ? rc : load_png(path, img);
}

/* The gray value at (x, y), or -1 outside the image. */
static int pixel_at(const gray_img *img, long x, long y)
{
    if (x < 0 || y < 0 || x >= (long)img->w || y >= (long)img->h) return -1;
    return img->px[(size_t)y * img->w + x];
}

/* Difference of two pixels; a pixel missing from one image is a full difference. */
static int pixel_diff(int a, int g)
{
    if (a < 0 || g < 0) return 255;
    return abs(a - g);
}

static diff_stats compare(const gray_img *act, const gray_img *gold, int threshold)
{
    diff_stats st = {0, 0};
    unsigned w = act->w > gold->w ? act->w : gold->w;
    unsigned h = act->h > gold->h ? act->h : gold->h;
    for (unsigned y = 0; y < h; y++)
        for (unsigned x = 0; x < w; x++) {
            int d = pixel_diff(pixel_at(act, x, y), pixel_at(gold, x, y));
            if (d > st.max_diff) st.max_diff = d;
            if (d > threshold) st.changed++;
        }
    return st;
}

/* Halves the resolution with a tent filter (weights 1 2 1 on each axis, overlapping
 * neighbours): unlike a 2x2 box average it keeps a one-pixel move of the large image visible
 * as a change of about a quarter of the contrast. */
static gray_img reduce_half(const gray_img *in)
{
    static const int wt[3] = {1, 2, 1};
    gray_img out = {in->w / 2, in->h / 2, NULL};
    out.px = malloc((size_t)out.w * out.h + 1);
    if (!out.px) return out;
    for (unsigned y = 0; y < out.h; y++)
        for (unsigned x = 0; x < out.w; x++) {
            int sum = 0;
            for (int dy = -1; dy <= 1; dy++)
                for (int dx = -1; dx <= 1; dx++) {
                    int v = pixel_at(in, 2L * x + dx, 2L * y + dy);
                    sum += wt[dy + 1] * wt[dx + 1] * (v < 0 ? 255 : v); /* outside: paper */
                }
            out.px[(size_t)y * out.w + x] = (unsigned char)((sum + 8) / 16);
        }
    return out;
}

static int write_png(const char *path, const unsigned char *px, unsigned w, unsigned h, int format)
{
    png_image pi;
    memset(&pi, 0, sizeof pi);
    pi.version = PNG_IMAGE_VERSION;
    pi.width = w;
    pi.height = h;
    pi.format = (png_uint_32)format;
    int ok = png_image_write_to_file(&pi, path, 0, px, 0, NULL);
    if (!ok) fprintf(stderr, "imgdiff: %s: %s\n", path, pi.message);
    return ok ? 0 : -1;
}

/* RGB image over both extents: the golden faded to a quarter of its contrast, changed pixels red. */
static int write_diff(const char *path, const gray_img *act, const gray_img *gold, int threshold)
{
    unsigned w = act->w > gold->w ? act->w : gold->w;
    unsigned h = act->h > gold->h ? act->h : gold->h;
    unsigned char *rgb = malloc((size_t)w * h * 3);
    if (!rgb) return -1;
    for (unsigned y = 0; y < h; y++)
        for (unsigned x = 0; x < w; x++) {
            unsigned char *p = rgb + ((size_t)y * w + x) * 3;
            int g = pixel_at(gold, x, y);
            unsigned char faded = (unsigned char)(g < 0 ? 255 : 255 - (255 - g) / 4);
            int red = pixel_diff(pixel_at(act, x, y), g) > threshold;
            p[0] = red ? 255 : faded;
            p[1] = p[2] = red ? 0 : faded;
        }
    int rc = write_png(path, rgb, w, h, PNG_FORMAT_RGB);
    free(rgb);
    return rc;
}

static int parse_int(const char *s, int *out)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (*s == '\0' || *end != '\0' || v < 0 || v > 100000000) return -1;
    *out = (int)v;
    return 0;
}

static int reduce_file(const char *in_path, const char *out_path)
{
    gray_img in = {0};
    if (load_gray(in_path, &in)) return 2;
    gray_img out = reduce_half(&in);
    int rc = out.px ? write_png(out_path, out.px, out.w, out.h, PNG_FORMAT_GRAY) : -1;
    free(in.px);
    free(out.px);
    return rc ? 2 : 0;
}

int main(int argc, char **argv)
{
    if (argc == 4 && !strcmp(argv[1], "--reduce")) return reduce_file(argv[2], argv[3]);
    int threshold = DEFAULT_THRESHOLD, tolerance = DEFAULT_TOLERANCE;
    if (argc < 4 || argc > 6 || (argc > 4 && parse_int(argv[4], &threshold)) ||
        (argc > 5 && parse_int(argv[5], &tolerance))) {
        fputs("usage: imgdiff ACTUAL.png GOLDEN.png DIFF.png [THRESHOLD [TOLERANCE]]\n"
              "       imgdiff --reduce IN.pgm|IN.png OUT.png\n",
              stderr);
        return 2;
    }
    gray_img act = {0}, gold = {0};
    if (load_gray(argv[1], &act) || load_gray(argv[2], &gold)) return 2;

    diff_stats st = compare(&act, &gold, threshold);
    int same_size = act.w == gold.w && act.h == gold.h;
    int fail = !same_size || st.changed > (unsigned long)tolerance;
    int differ = !same_size || st.max_diff > 0;
    if (!same_size)
        printf("imgdiff: size differs: actual %ux%u, golden %ux%u\n", act.w, act.h, gold.w, gold.h);
    printf("imgdiff: %s: %lu pixels changed (difference > %d), max difference %d, tolerance %d\n",
           fail ? "FAIL" : "ok", st.changed, threshold, st.max_diff, tolerance);
    int rc = fail ? 1 : 0;
    if (differ) {
        if (write_diff(argv[3], &act, &gold, threshold)) rc = 2;
        printf("  actual: %s\n  golden: %s\n  diff:   %s\n", argv[1], argv[2], argv[3]);
    }
    free(act.px);
    free(gold.px);
    return rc;
}
