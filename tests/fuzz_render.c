/* fuzz_render.c — libFuzzer harness: YAML bytes → the whole pipeline (load, find layout,
 * check and bind, lay out, subset fonts, write the PDF) → PDF bytes, in memory. Any crash, hang,
 * sanitizer report or unbounded memory use is a finding. Build and run: tools/fuzz.sh. */
#include "render.h"

#include <stdint.h>
#include <stdlib.h>

#ifndef HYOKA_DATA_DIR
#define HYOKA_DATA_DIR "."
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* One engine for the whole run, as in a batch worker: layouts and fonts are loaded once. It
 * is freed at exit, so that LeakSanitizer sees fontconfig released too. */
static hy_engine *engine;

static void free_engine(void)
{
    hy_engine_free(engine);
    engine = NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!engine) {
        hy_render_options o = {HYOKA_DATA_DIR "/layouts", HYOKA_DATA_DIR "/fonts/fonts.yaml", NULL, NULL, 0};
        engine = hy_engine_new(&o);
        atexit(free_engine);
    }
    hy_diags d = {0};
    hy_buf pdf = {0};
    hy_engine_render_mem(engine, "fuzz.yaml", (const char *)data, size, &pdf, &d, NULL);
    hy_diags_free(&d);
    hy_buf_free(&pdf);
    return 0;
}
