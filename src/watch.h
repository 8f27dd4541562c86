/* watch.h — `hyoka watch IN.yaml [-o OUT.pdf]`: the preview loop. Renders the document, then
 * again each time it is saved, printing the messages of each run, as `typst watch` does; the
 * layout and fonts configuration it read (the engine's dependencies, deps.h) are watched too.
 * A run with errors writes nothing, so the last good PDF stays in place. Ends cleanly on
 * SIGINT or SIGTERM (exit 0).
 *
 * Editors save by writing a new file and renaming it over the old one, or by truncating and
 * rewriting it, so the loop watches the DIRECTORIES (inotify) for any change of the names it
 * cares about, and waits until the directory has been quiet for a moment (debounce) before it
 * renders. */
#ifndef HY_WATCH_H
#define HY_WATCH_H

#include "render.h"

extern const char hy_watch_help[];

/* Runs the loop with argv (the arguments after `watch`; --layouts and --fonts are accepted
 * and already resolved into `base`). Returns the exit status: 0 after a signal, 2 for a usage
 * error, 1 when the directories cannot be watched. */
int hy_watch_main(int argc, char **argv, const hy_render_options *base);

#endif
