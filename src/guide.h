/* guide.h — the writer's guide page of a form in Japanese (`hyoka guide KIND`, committed as
 * docs/ja/KIND.md and kept current by a test): every item of the form under its headings,
 * its YAML key path, what to write (文章, 日付, 数字, 選択, チェック, …) and its options or
 * checkbox items, from the loaded layout (formkeys.h). Markdown. */
#ifndef HY_GUIDE_H
#define HY_GUIDE_H

#include "layout_def.h"
#include "util.h"

/* Appends the guide page of `form` to out (UTF-8 Markdown). */
void hy_guide_write(const lay_form *form, hy_buf *out);

#endif
