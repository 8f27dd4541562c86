/* msg_cat.h — the message catalogue (see msg.h): HY_MSG_ENTRY(id, English, Japanese).
 * Both sentences take the same printf arguments in the same order (test_msg checks it).
 * Japanese: the form's words (項目, 値, 選択肢, 字下げ), what to type, no YAML vocabulary.
 * An item is named as the form prints it (hy_item_form_path); a key as the writer types it. */

/* ---- general ---- */
HY_MSG_ENTRY(TOO_MANY, "too many errors; only the first %zu are shown",
             "誤りが多すぎるため、最初の %zu 件だけを示します。")
HY_MSG_ENTRY(KIND_TEXT, "a text", "文字")
HY_MSG_ENTRY(KIND_LIST, "a list", "「- 」で始まる行の並び")
HY_MSG_ENTRY(KIND_MAP, "a mapping", "「項目: 値」の組")
HY_MSG_ENTRY(DOC_TOP, "top of the document", "文書の最上位")
HY_MSG_ENTRY(ITEM_PART, "%s %s", "%sの%s")
HY_MSG_ENTRY(QUOTED, "'%s'", "「%s」")
HY_MSG_ENTRY(ITEM_KEY, "%s (key %s)", "%s（「%s:」と書く項目）")

/* ---- the document against its form (model.c, model_value.c) ---- */
HY_MSG_ENTRY(CHECKBOX_OF_HEADING,
             "'%s' is a checkbox of the heading '%s'; move it into the mapping of '%s'",
             "「%s」は見出し「%s」のチェック欄です。「%s:」の下へ字下げして移してください。")
HY_MSG_ENTRY(UNKNOWN_KEY_DYM, "%s: unknown key '%s'; did you mean '%s'?",
             "%sに「%s」という項目はありません。「%s」の書き間違いではありませんか。")
HY_MSG_ENTRY(UNKNOWN_KEY_LIST, "%s: unknown key '%s'; the keys here are: %s",
             "%sに「%s」という項目はありません。ここに書ける項目は次のとおりです: %s")
HY_MSG_ENTRY(GROUP_NOT_LIST, "%s must be a list with one mapping per entry (- %s: …), not %s",
             "%sは、一件ごとに「- %s: …」のように「- 」で始めて書いてください（いまは%sです）。")
HY_MSG_ENTRY(GROUP_TOO_MANY, "%s has %zu entries; the form allows at most %d",
             "%sに %zu 件書かれていますが、様式に書けるのは %d 件までです。")
HY_MSG_ENTRY(ENTRY_NOT_MAP, "entry %zu (%s) must be a mapping of its items, not %s",
             "%zu 件目（%s）は各項目を「項目: 値」の形で書いてください（いまは%sです）。")
HY_MSG_ENTRY(HEADINGS_NOT_LIST, "'%s' must be a list of headings, not %s",
             "「%s」は見出しを「- 」で始まる行に一つずつ書いてください（いまは%sです）。")
HY_MSG_ENTRY(HEADINGS_TOO_MANY, "'%s' has %zu headings; the page has room for at most %d",
             "「%s」に見出しが %zu 個ありますが、ページに入るのは %d 個までです。")
HY_MSG_ENTRY(MULTI_NO_HEADINGS, "%s needs the list '%s' at the top of the document, one heading per text",
             "%sを書くには、文書の最上位に「%s」を置き、文章ごとに見出しを一つずつ書いてください。")
HY_MSG_ENTRY(MULTI_NOT_LIST, "%s must be a list of %zu texts, one per heading of '%s', not %s",
             "%sは %zu 個の文章を「- 」で始まる行に書いてください（「%s」の見出し一つに一つずつ。いまは%sです）。")
HY_MSG_ENTRY(MULTI_COUNT, "%s has %zu texts but '%s' has %zu headings; give one text per heading",
             "%sに文章が %zu 個ありますが、「%s」の見出しは %zu 個です。見出し一つに文章を一つずつ書いてください。")
HY_MSG_ENTRY(TABLE_NOT_LIST, "%s must be a list of rows, not %s",
             "%sは一行ごとに「- 」で始めて書いてください（いまは%sです）。")
HY_MSG_ENTRY(ROW_NOT_MAP, "row %zu (%s) must be a mapping of its columns, not %s",
             "%zu 行目（%s）は各列を「列名: 値」の形で書いてください（いまは%sです）。")
HY_MSG_ENTRY(REQUIRED_MISSING, "required item %s is missing from the mapping that starts here",
             "%sは必ず書く項目ですが、書かれていません。ここから始まる部分に書き加えてください。")
HY_MSG_ENTRY(REQUIRED_EMPTY, "required item %s is empty",
             "%sは必ず書く項目ですが、空欄です。内容を書いてください。")
HY_MSG_ENTRY(PART_MISSING,
             "%s is missing from the mapping that starts here; it must hold the required items %s",
             "%sがありません。この部分には必ず書く項目（%s）があります。書き加えてください。")
HY_MSG_ENTRY(PART_EMPTY, "%s is empty; it must hold the required items %s",
             "%sが空です。この部分には必ず書く項目（%s）があります。")
HY_MSG_ENTRY(PART_NOT_MAP, "%s must be a mapping of its items, not %s",
             "%sの下には、各項目を「項目: 値」の形で字下げして書いてください（いまは%sです）。")
HY_MSG_ENTRY(DOC_NOT_MAP, "the document must be a mapping that starts with '%s: %s'",
             "文書は「%s: %s」の行で始めて、各項目を「項目: 値」の形で書いてください。")
HY_MSG_ENTRY(NO_DOCUMENT, "the file holds no document; the document must start with '%s:' naming its form (e.g. %s: 重点項目評価書)",
             "ファイルに何も書かれていません。文書は様式名を書いた「%s:」の行で始めてください（例: %s: 重点項目評価書）。")
HY_MSG_ENTRY(DOC_IS_LIST, "the file holds a single list, not a mapping; the document must start with '%s:' naming its form (e.g. %s: 重点項目評価書)",
             "ファイル全体が「- 」の並びになっています。文書は様式名を書いた「%s:」の行で始めてください（例: %s: 重点項目評価書）。")
HY_MSG_ENTRY(DOC_IS_TEXT, "the file holds a single text, not a mapping; the document must start with '%s:' naming its form (e.g. %s: 重点項目評価書)",
             "ファイル全体が一つの文章になっています。文書は様式名を書いた「%s:」の行で始めてください（例: %s: 重点項目評価書）。")
HY_MSG_ENTRY(DOC_NO_FORM, "the document must start with '%s:' naming its form (e.g. %s: 重点項目評価書)",
             "文書は様式名を書いた「%s:」の行で始めてください（例: %s: 重点項目評価書）。")
HY_MSG_ENTRY(WANT_TEXT, "%s must be a text, not %s",
             "%sには文字を書いてください（いまは%sです）。")
HY_MSG_ENTRY(DATE_KIND, "%s must be a date written YYYY-MM-DD (or YYYY-MM), not %s",
             "%sには日付を 2025-01-31 のように書いてください（いまは%sです）。")
HY_MSG_ENTRY(DATE_FORMAT, "%s must be a date written YYYY-MM-DD (or YYYY-MM, 2025/1/31, 令和7年1月31日), not '%s'",
             "%sの「%s」は日付として読めません。2025-01-31、2025/1/31、令和7年1月31日 のように書いてください。")
HY_MSG_ENTRY(DATE_IMPOSSIBLE, "%s: %s is not a date (%s)", "%sの「%s」はありえない日付です（%s）。")
HY_MSG_ENTRY(DATE_TOO_EARLY, "%s: %s is before 1873, the first date the form can print in the Japanese calendar",
             "%sの「%s」は 1873年（明治6年）より前で、和暦で印刷できません。")
HY_MSG_ENTRY(INT_NOT_NUMBER, "%s must be a whole number, not '%s'",
             "%sには数字だけを書いてください（例: 12）。「%s」は数として読めません。")
HY_MSG_ENTRY(INT_NOT_SCALAR, "%s must be a whole number, not %s",
             "%sには数字だけを書いてください（例: 12。いまは%sです）。")
HY_MSG_ENTRY(CHOICE_KIND, "%s must be one option written as a text, not %s",
             "%sには選択肢を一つだけ、そのまま書いてください（いまは%sです）。")
HY_MSG_ENTRY(CHOICE_NOT_OPTION, "%s: '%s' is not an option; the options are: %s",
             "%sの「%s」は選択肢にありません。次のどれか一つをそのまま書いてください: %s")
HY_MSG_ENTRY(COUNT_CONTRADICTS_1, "%s says %s but %s lists %zu entry",
             "%sは %s 件となっていますが、%sには %zu 件書かれています。件数を合わせてください。")
HY_MSG_ENTRY(COUNT_CONTRADICTS, "%s says %s but %s lists %zu entries",
             "%sは %s 件となっていますが、%sには %zu 件書かれています。件数を合わせてください。")
HY_MSG_ENTRY(CHECK_ITEM_KIND,
             "%s: each checked item is a text, or a one-entry mapping {item: text} for an item with a parenthesis; this is %s",
             "%sのチェックする項目は、一つずつ「- 項目名」と書いてください。括弧の中を書く項目は「- 項目名: 括弧の中の文」です（いまは%sです）。")
HY_MSG_ENTRY(KIND_MAP_SEVERAL, "a mapping of several entries", "一行に複数の「項目: 値」")
HY_MSG_ENTRY(CHECK_ITEM_DYM, "%s: '%s' is not an item of the checkbox list; did you mean '%s'?",
             "%sのチェック項目に「%s」はありません。「%s」の書き間違いではありませんか。")
HY_MSG_ENTRY(CHECK_ITEM_LIST, "%s: '%s' is not an item of the checkbox list; the items are: %s",
             "%sのチェック項目に「%s」はありません。次の中から書いてください: %s")
HY_MSG_ENTRY(CHECK_NO_PAREN, "%s: '%s' has no parenthesis to fill in; write it as a plain item (- %s)",
             "%sの「%s」には括弧の記入欄がありません。「- %s」とだけ書いてください。")
HY_MSG_ENTRY(CHECK_TWICE, "%s: '%s' is checked twice; give it once",
             "%sの「%s」が二回書かれています。一回だけ書いてください。")
HY_MSG_ENTRY(CHECK_GIVEN_TWICE, "%s: '%s' is given twice; give it once",
             "%sの「%s」が二回書かれています。一回だけ書いてください。")
HY_MSG_ENTRY(CHECKS_IS_TEXT, "%s must be a list of the checked items, not a text (for one item write [%s])",
             "%sはチェックする項目を「- 」で始まる行に一つずつ書いてください（一つだけなら [%s] と書けます）。")
HY_MSG_ENTRY(CHECKS_KIND, "%s must be a list of the checked items, not %s",
             "%sはチェックする項目を「- 」で始まる行に一つずつ書いてください（いまは%sです）。")
HY_MSG_ENTRY(FLAG_NOT_BOOL, "%s: '%s' is a checkbox: write true or false (without quotes)",
             "%sの「%s」はチェック欄です。チェックするなら true、しないなら false と書いてください（引用符は付けません）。")
HY_MSG_ENTRY(BLOCK_KIND, "a block of 記録項目 is a text or a mapping (見出し, 本文, 列数, 項目), not %s",
             "記録項目の一つのまとまりは、文章か、見出し・本文・列数・項目を「項目: 値」の形で書いたものにしてください（いまは%sです）。")
HY_MSG_ENTRY(BLOCK_COLUMNS, "'列数' must be a number from 1 to 8, not %s",
             "「列数」には 1 から 8 までの数を書いてください（いまは%sです）。")
HY_MSG_ENTRY(BLOCK_COLUMNS_NOT, "'列数' must be a number from 1 to 8, not '%s'",
             "「列数」には 1 から 8 までの数を書いてください（「%s」は使えません）。")
HY_MSG_ENTRY(BLOCK_ITEMS_KIND, "'項目' must be a list of texts, not %s",
             "「項目」は「- 」で始まる行に一つずつ書いてください（いまは%sです）。")
HY_MSG_ENTRY(BLOCKS_KIND, "%s must be a text or a list of blocks, not %s",
             "%sには文章か、まとまりごとに「- 」で始まる並びを書いてください（いまは%sです）。")
HY_MSG_ENTRY(STYLE_KIND, "'%s' must be a mapping (元年表記: 元年 or 1年), not %s",
             "「%s」の下には「元年表記: 元年」か「元年表記: 1年」を字下げして書いてください（いまは%sです）。")
HY_MSG_ENTRY(STYLE_GANNEN, "'元年表記' must be 元年 or 1年",
             "「元年表記」には 元年 か 1年 のどちらかを書いてください。")

/* ---- reading the file (yaml_load.c) ---- */
HY_MSG_ENTRY(UTF16, "the file is UTF-16 text; save it as UTF-8",
             "ファイルが UTF-16 で保存されています。文字コードを UTF-8 にして保存し直してください。")
HY_MSG_ENTRY(BAD_UTF8_SJIS, "invalid UTF-8 (byte%s %s); save the file as UTF-8 text (Shift_JIS and other encodings are not accepted)",
             "UTF-8 として読めない文字があります（バイト%s %s）。文字コードを UTF-8 にして保存し直してください（Shift_JIS などは読めません）。")
HY_MSG_ENTRY(CHAR_NUL, "a NUL character (U+0000)", "NUL 文字（U+0000）")
HY_MSG_ENTRY(CHAR_CONTROL, "a control character", "制御文字")
HY_MSG_ENTRY(CHAR_BOM, "a byte order mark (U+FEFF) that is not at the start of the file",
             "ファイルの先頭以外にある BOM（U+FEFF）")
HY_MSG_ENTRY(CHAR_LS, "an invisible line separator", "目に見えない行区切り文字")
HY_MSG_ENTRY(CHAR_PS, "an invisible paragraph separator", "目に見えない段落区切り文字")
HY_MSG_ENTRY(CHAR_NONCHAR, "a non-character", "文字として使えない符号")
HY_MSG_ENTRY(FILE_CONTAINS, "the file contains %s; remove it",
             "ファイルに%sが含まれています。取り除いてください。")
HY_MSG_ENTRY(FILE_CONTAINS_CP, "the file contains %s (U+%04X); remove it",
             "ファイルに%s（U+%04X）が含まれています。取り除いてください。")
HY_MSG_ENTRY(KEY_NOT_TEXT, "a mapping key must be a plain text, not %s",
             "項目名には文字だけを書いてください（いまは%sです）。")
HY_MSG_ENTRY(DUPLICATE_KEY, "duplicate key '%s' (first given at line %d, column %d); give each key once",
             "項目「%s」が二度書かれています（最初は %d 行目 %d 文字目）。一度だけ書いてください。")
HY_MSG_ENTRY(TOO_MANY_NODES, "the file holds more than %d values (keys, texts, lists and mappings), the limit for one file",
             "ファイルに書かれた値が %d 個を超えています。一つのファイルに書けるのはここまでです。")
HY_MSG_ENTRY(TOO_DEEP, "lists and mappings are nested more than %d levels deep here, the limit",
             "ここで字下げの入れ子が %d 段を超えています。これ以上は深くできません。")
HY_MSG_ENTRY(ESCAPE_BAD_CHAR, "this text contains %s, written as the escape \"%s\"; remove it",
             "この文に%sが「%s」の形で書かれています。取り除いてください。")
HY_MSG_ENTRY(SECOND_DOCUMENT, "a second YAML document starts here; a file holds one document (remove the '---' or '...' line)",
             "ここから二つ目の文書が始まっています。一つのファイルには一つの文書だけを書いてください（「---」か「...」の行を消してください）。")
HY_MSG_ENTRY(ALIAS, "aliases (*%s) are not allowed: write the value out in full (a text that starts with '*' must be quoted)",
             "「*%s」のような参照は使えません。値をそのまま書いてください（「*」で始まる文は \"…\" で囲んでください）。")
HY_MSG_ENTRY(ANCHOR, "anchors (&%s) are not allowed (a text that starts with '&' must be quoted)",
             "「&%s」のような目印は使えません（「&」で始まる文は \"…\" で囲んでください）。")
HY_MSG_ENTRY(TAG, "tags (%s) are not allowed (a text that starts with '!' must be quoted)",
             "「%s」のような型の指定は使えません（「!」で始まる文は \"…\" で囲んでください）。")
HY_MSG_ENTRY(READER_ERROR, "%s; the file must be UTF-8 text",
             "ファイルを読めません（%s）。文字コードを UTF-8 にして保存してください。")
HY_MSG_ENTRY(CANNOT_READ_YAML, "cannot read the YAML (%s)", "文書を読めません（%s）。")
HY_MSG_ENTRY(TAB_INDENT, "YAML syntax: a tab in the indentation; indent with spaces only",
             "字下げにタブが使われています。字下げは半角スペースだけで行ってください。")
/* A syntax error: libyaml's problem (English), where the open part started, and a hint. */
HY_MSG_ENTRY(SYNTAX, "YAML syntax: %s%s%s", "書き方に誤りがあります%s%s%s。")
HY_MSG_ENTRY(SYNTAX_OPEN, " (in %s that starts at line %d, column %d)",
             "（%sが %d 行目 %d 文字目から始まっています）")
HY_MSG_ENTRY(SYNTAX_HINT, "; %s", "。%s")
HY_MSG_ENTRY(FILE_TOO_BIG_YAML, "the file is %zu bytes; the limit is %u bytes (%u MiB)",
             "ファイルが %zu バイトあります。読めるのは %u バイト（%u MiB）までです。")

/* ---- the command line (main.c) ---- */
HY_MSG_ENTRY(OK_PAGE, "OK: %s: %d page", "OK: %s: %dページ")
HY_MSG_ENTRY(OK_PAGES, "OK: %s: %d pages", "OK: %s: %dページ")
HY_MSG_ENTRY(LANG_BAD, "--lang takes ja or en, not '%s'", "--lang には ja か en を指定してください（「%s」は使えません）。")

/* ---- the engine (render.c, typeset.c, form.c, placeholder.c) ---- */
HY_MSG_ENTRY(FORM_NO_DIR, "unknown %s '%s': no layout in %s (cannot read the directory)",
             "%s「%s」の様式定義が見つかりません（%s を読めません）。")
HY_MSG_ENTRY(FORM_UNKNOWN_DYM, "unknown %s '%s': no layout in %s has this kind; did you mean '%s'? (known: %s)",
             "%s「%s」という様式はありません（%s の中を探しました）。「%s」の書き間違いではありませんか（使える様式: %s）。")
HY_MSG_ENTRY(FORM_UNKNOWN, "unknown %s '%s': no layout in %s has this kind (known: %s)",
             "%s「%s」という様式はありません（%s の中を探しました。使える様式: %s）。")
HY_MSG_ENTRY(NONE_WORD, "none", "なし")
HY_MSG_ENTRY(VS_ALONE, "variation selector U+%04X follows no character it can vary",
             "異体字セレクタ U+%04X の前に、対応する文字がありません。取り除いてください。")
HY_MSG_ENTRY(UL_NOT_CLOSED, "'<u>' is not closed: end the underlined passage with '</u>'",
             "下線の始まり「<u>」が閉じられていません。下線を引く部分の終わりに「</u>」を書いてください。")
HY_MSG_ENTRY(UL_NESTED, "'<u>' inside an underlined passage: close the first with '</u>' before opening another",
             "下線の中に「<u>」があります。前の下線を「</u>」で閉じてから、次の「<u>」を書いてください。")
HY_MSG_ENTRY(UL_CLOSES_NONE, "'</u>' closes no underlined passage: remove it, or put '<u>' where the passage starts",
             "「</u>」に対応する「<u>」がありません。取り除くか、下線を引く部分の始まりに「<u>」を書いてください。")
HY_MSG_ENTRY(CHAR_NO_FONT, "character U+%04X '%s' is in none of the configured fonts (tried %s)",
             "文字 U+%04X「%s」は、どのフォントにもないため印刷できません（試したフォント: %s）。別の文字に置き換えてください。")
HY_MSG_ENTRY(VARIANT_NO_FONT, "the variant U+%04X U+%04X of '%s' is in none of the configured fonts (tried %s)",
             "「%3$s」の異体字（U+%1$04X U+%2$04X）は、どのフォントにもないため印刷できません（試したフォント: %4$s）。")
HY_MSG_ENTRY(TOO_MANY_MARKS, "%zu combining marks (U+%04X …) follow the character '%s'; at most %d can be printed on one character (a longer stack would run out of its cell)",
             "文字「%3$s」に結合文字が %1$zu 個（U+%2$04X …）付いています。一つの文字に付けて印刷できるのは %4$d 個までです。")
HY_MSG_ENTRY(TOO_MANY_PAGES, "the document needs more than %d pages, the most hyoka prints; the pages run out at this item",
             "文書が %d ページを超えます。hyoka が印刷できるのはここまでで、この項目でページが尽きます。")
HY_MSG_ENTRY(TODO_LEFT, "%s still says '%s': write what belongs there in its place",
             "%sが「%s」のままです。書くべき内容に置き換えてください。")
HY_MSG_ENTRY(TODO_MORE, "%zu more places still say '%s'", "ほかに %zu か所が「%s」のままです。")
HY_MSG_ENTRY(THIS_ITEM, "this item", "この項目")

/* ---- forgiving input: YAML traps (yaml_traps.c, yaml_load.c), spellings and dates (canon.c, date.c) ---- */
HY_MSG_ENTRY(TRAP_IDEOGRAPHIC_SPACE, "a full-width space (U+3000) in the indentation; indent with half-width spaces only%.0s%.0s",
             "字下げに全角スペースが使われています。字下げは半角スペースだけで行ってください。%.0s%.0s")
HY_MSG_ENTRY(TRAP_NBSP, "a no-break space (U+00A0) in the indentation; indent with ordinary half-width spaces only%.0s%.0s",
             "字下げに特殊な空白（ノーブレークスペース U+00A0）が使われています。普通の半角スペースで字下げしてください。%.0s%.0s")
HY_MSG_ENTRY(TRAP_FULLWIDTH_COLON, "a full-width '：' after '%s'; after a key type a half-width ':' and a space ('%s: …')",
             "「%s」の後ろのコロンが全角の「：」です。項目名の後ろには半角の「:」と空白を書いてください（「%s: …」）。")
HY_MSG_ENTRY(TRAP_NO_SPACE_COLON, "a space is needed after the ':' of '%s' ('%s: …'); without it the line is one text, not a key and its value",
             "「%s」の「:」の後ろに半角の空白が必要です（「%s: …」）。空白がないと、この行全体が一つの文として読まれます。")
HY_MSG_ENTRY(TRAP_NO_SPACE_DASH, "a space is needed after '-' to start a list item ('- %s')%.0s",
             "箇条の「-」の後ろに半角の空白が必要です（「- %s」）。%.0s")
HY_MSG_ENTRY(TRAP_FULLWIDTH_DASH, "a full-width '%s' does not start a list item; type a half-width '-' and a space%.0s",
             "全角の「%s」では箇条になりません。半角の「-」と空白を書いてください。%.0s")
HY_MSG_ENTRY(TRAP_FLOW_THEN_TEXT, "this value starts with '%s', so YAML reads it as a list or mapping, but text follows it on the line; if the value is a text, put all of it in quotes (\"…\")%.0s",
             "この値は「%s」で始まるため、文ではなく並びや組として読まれますが、同じ行に続きの文があります。文として書くなら、値全体を \"…\" で囲んでください。%.0s")
HY_MSG_ENTRY(HASH_CUTS_TEXT, "the text is cut short here: ' #' starts a YAML comment, so '%s%s' would be printed without the rest of the line; put the whole value in quotes (\"…\") to keep the '#', or move the comment to a line of its own",
             "ここで文が切れてしまいます。空白の後の「#」から行末まではメモ（コメント）として読み飛ばされるため、「%s%s」までしか印刷されません。「#」も印刷するには値全体を \"…\" で囲んでください。メモなら別の行に書いてください。")
HY_MSG_ENTRY(TEXT_BAD_UTF8, "invalid UTF-8 in this text%s", "この文に UTF-8 として読めない文字があります%s。")
HY_MSG_ENTRY(SAME_ITEM_TWICE, "'%s' is the same item as '%s' (line %d, column %d); give it once",
             "「%s」は「%s」（%d 行目 %d 文字目）と同じ項目です。一度だけ書いてください。")
HY_MSG_ENTRY(CHECK_MARK_BAD, "'%s' says whether the item is checked: write %s (not checked) or %s",
             "「%s」にはチェックの有無を書きます。チェックしないなら %s、するなら %s と書いてください。")
HY_MSG_ENTRY(WHY_ERA_YEAR0, "%s has no year 0: its first year is 元年", "%sに0年はありません。最初の年は元年です")
HY_MSG_ENTRY(WHY_NO_MONTH, "there is no month %d", "%d月はありません")
HY_MSG_ENTRY(WHY_ERA_DAYS, "%s%d年%d月 has %d days", "%s%d年%d月は %d 日までです")
HY_MSG_ENTRY(WHY_DAYS, "%04d-%02d has %d days", "%04d-%02d は %d 日までです")
HY_MSG_ENTRY(WHY_ERA_BEGAN, "%s began on %04d-%02d-%02d (%s元年%d月%d日)", "%sは %04d-%02d-%02d（%s元年%d月%d日）に始まります")
HY_MSG_ENTRY(WHY_ERA_ENDED, "%s ended on %04d-%02d-%02d (%s%d年%d月%d日)", "%sは %04d-%02d-%02d（%s%d年%d月%d日）に終わっています")

/* ---- answers that contradict each other, parts left out (model_check.c): warnings ---- */
HY_MSG_ENTRY(NONE_BUT_FILLED, "%1$s is '%2$s', but %3$s is filled in: leave it blank, or change the answer '%2$s'",
             "%1$sは「%2$s」ですが、%3$sが書かれています。こちらを空欄にするか、答えの「%2$s」を直してください。")
HY_MSG_ENTRY(NONE_CHECKED_BUT_FILLED, "%1$s: '%2$s' is checked, but %3$s is filled in: leave it blank, or write '%2$s: false'",
             "%1$sで「%2$s」にチェックしていますが、%3$sが書かれています。こちらを空欄にするか、「%2$s: false」にしてください。")
HY_MSG_ENTRY(COUNT_MISSING, "%1$s: '%2$s' is not given, but %3$s lists %4$zu; write %2$s: %4$zu",
             "%1$sの「%2$s」が書かれていません。「%3$s」は %4$zu 件あります。「%2$s: %4$zu」と書いてください。")
HY_MSG_ENTRY(SOME_BUT_NONE, "%s is '%s', but no %s is listed", "%sは「%s」ですが、「%s」が一件も書かれていません。")
HY_MSG_ENTRY(SECTION_MISSING, "%s is missing from the document", "%sがまるごと書かれていません。")

/* ---- files read and written (infile.c, outfile.c, docinput.c, pdf_out.c, batch) ---- */
HY_MSG_ENTRY(READ_FAILED, "cannot read the file: %s", "ファイルを読めません（%s）。")
HY_MSG_ENTRY(OPEN_FAILED, "cannot open the file: %s", "ファイルを開けません（%s）。")
HY_MSG_ENTRY(FILE_TOO_BIG, "the file is larger than %zu MiB (%zu bytes), the limit for one file",
             "ファイルが %zu MiB（%zu バイト）を超えています。一つのファイルはここまでです。")
HY_MSG_ENTRY(FILE_TOO_BIG_U, "the file is larger than %u MiB (%u bytes), the limit for one file",
             "ファイルが %u MiB（%u バイト）を超えています。一つのファイルはここまでです。")
HY_MSG_ENTRY(THIS_IS, "this is %s", "これは%s。")
HY_MSG_ENTRY(IS_DIR_GIVE_YAML, "a directory; give the path of a YAML file", "フォルダです。YAML ファイルのパスを指定してください")
HY_MSG_ENTRY(IS_FIFO_NOT_REG, "a FIFO (named pipe), not a regular file", "名前付きパイプで、通常のファイルではありません")
HY_MSG_ENTRY(IS_SOCKET_NOT_REG, "a socket, not a regular file", "ソケットで、通常のファイルではありません")
HY_MSG_ENTRY(IS_DEVICE_NOT_REG, "a device, not a regular file", "デバイスで、通常のファイルではありません")
HY_MSG_ENTRY(NOT_REGULAR, "not a regular file", "通常のファイルではありません")
HY_MSG_ENTRY(IS_SYMLINK, "a symbolic link", "シンボリックリンク")
HY_MSG_ENTRY(IS_DIR, "a directory", "フォルダ")
HY_MSG_ENTRY(IS_FIFO, "a FIFO", "名前付きパイプ")
HY_MSG_ENTRY(IS_SOCKET, "a socket", "ソケット")
HY_MSG_ENTRY(IS_DEVICE, "a device", "デバイス")
HY_MSG_ENTRY(WHAT_PDF, "the PDF", "PDF ファイル")
HY_MSG_ENTRY(WHAT_REPORT, "the report", "報告ファイル")
HY_MSG_ENTRY(WHAT_OUTPUT, "the output", "出力")
HY_MSG_ENTRY(WHAT_STATE, "the state file", "状態ファイル")
HY_MSG_ENTRY(STATE_TOO_BIG, "the state would be %zu bytes, more than the %zu a state file may hold",
             "状態が %zu バイトになり、状態ファイルに入る %zu バイトを超えます。")
HY_MSG_ENTRY(WRITE_NOT_NAME, "cannot write %s: not a file name", "%sを書き込めません。ファイル名になっていません。")
HY_MSG_ENTRY(WRITE_NOT_REGULAR, "cannot write %s: the path exists and is %s, not a regular file; it was left as it is",
             "%sを書き込めません。そのパスには既に%sがあり、通常のファイルではありません（そのままにしました）。")
HY_MSG_ENTRY(WRITE_FAILED, "cannot write %s: %s", "%sを書き込めません（%s）。")
HY_MSG_ENTRY(WRITE_FAILED_DIR, "cannot write %s: %s (its directory %s)", "%sを書き込めません（%s。フォルダ %s）。")
HY_MSG_ENTRY(SHORT_WRITE, "short write", "書き込みが途中で止まりました")
HY_MSG_ENTRY(WRITE_PATH_CHANGED, "cannot write %s: the path is now %s; it was left as it is",
             "%sを書き込めません。そのパスが%sに変わっていました（そのままにしました）。")
HY_MSG_ENTRY(WRITE_FAILED_STEP, "cannot write %s: %s (%s)", "%sを書き込めません（%s。%s）。")
HY_MSG_ENTRY(FLUSH_DIR_FAILED, "cannot flush the directory of %s: %s", "%sのフォルダを確定できません（%s）。")
HY_MSG_ENTRY(OUTDIR_OPEN_FAILED, "cannot open the output directory: %s", "出力フォルダを開けません（%s）。")
HY_MSG_ENTRY(OUTDIR_COMPONENT, "cannot write the output: its directory component '%s': %s",
             "出力を書き込めません。途中のフォルダ「%s」: %s")
HY_MSG_ENTRY(MKDIR_FAILED, "cannot create the directory %s: %s", "フォルダ %s を作れません（%s）。")
HY_MSG_ENTRY(OPENDIR_FAILED, "cannot open the directory: %s", "フォルダを開けません（%s）。")
HY_MSG_ENTRY(OUTPUT_EMPTY, "the output path is empty (an unset variable?); give -o FILE, or -o - for standard output",
             "出力先のパスが空です（変数が未設定？）。-o ファイル名、または標準出力なら -o - を指定してください。")
HY_MSG_ENTRY(OUTPUT_HERE, "cannot write the output here: it is %s%s", "ここには出力を書き込めません。%sです%s。")
HY_MSG_ENTRY(USE_STDOUT, " (use -o - for standard output)", "（標準出力には -o - を使ってください）")
HY_MSG_ENTRY(OUTPUT_IS_INPUT, "the output is the input file %s; it would be replaced by the PDF",
             "出力先が入力ファイル %s と同じです。PDF で上書きされてしまいます。")
HY_MSG_ENTRY(OUTPUT_IS_DEP, "the output is %s, which this document is rendered with (its layout, fonts configuration or a font file); it would be replaced by the PDF",
             "出力先 %s は、この文書の印刷に使う様式・フォント設定・フォントのファイルです。PDF で上書きされてしまいます。")
HY_MSG_ENTRY(GIT_TIMEOUT, "git did not answer within %d seconds; the document was not read",
             "git が %d 秒以内に応答しませんでした。文書を読めませんでした。")
HY_MSG_ENTRY(GIT_NOT_RUN, "there is no such file, and git (to read REV:path from a repository) could not be run",
             "そのファイルはありません。git（リポジトリから REV:path を読むため）も実行できませんでした。")
HY_MSG_ENTRY(GIT_FAILED, "there is no such file, and git cannot read it as REV:path: %s",
             "そのファイルはありません。git でも REV:path として読めませんでした（%s）。")
HY_MSG_ENTRY(PDF_FONT_FAILED, "font %s: %s", "フォント %s: %s")
HY_MSG_ENTRY(PDF_WRITER_FAILED, "the PDF writer failed (libharu error 0x%04X, detail %u)",
             "PDF の作成に失敗しました（libharu のエラー 0x%04X、詳細 %u）。")
HY_MSG_ENTRY(FONT_NO_ROLE, "fonts: no font role '%s' in the fonts file (the layout asks for it; the roles are: %s)",
             "fonts: フォント設定に役割「%s」がありません（様式定義が使っています。ある役割: %s）。")
HY_MSG_ENTRY(FONT_NOT_INSTALLED, "none of the fonts for '%s' is installed as a TrueType font (tried %s)",
             "「%s」のフォントが一つも TrueType フォントとして入っていません（試したもの: %s）。")
HY_MSG_ENTRY(LAYOUTS_DIR_UNREADABLE, "cannot read the layouts directory: %s", "様式定義のフォルダを読めません（%s）。")
HY_MSG_ENTRY(LOCK_FILE_FAILED, "cannot make the lock file: %s", "ロックファイルを作れません（%s）。")
HY_MSG_ENTRY(LOCK_FAILED, "cannot lock %s: %s", "%s をロックできません（%s）。")
HY_MSG_ENTRY(DIFF_OTHER_FORM, "its %s is '%s' but that of %s is '%s': only versions of one form compare",
             "%s が「%s」ですが、%s は「%s」です。比べられるのは同じ様式の版どうしだけです。")
HY_MSG_ENTRY(USAGE_UNKNOWN_OPTION, "unknown option '%s'", "「%s」というオプションはありません。")
HY_MSG_ENTRY(USAGE_RENDER_ONLY, "'%s' is an option of render: check writes nothing",
             "「%s」は render のオプションです（check は何も書き出しません）。")
HY_MSG_ENTRY(USAGE_NEEDS_VALUE, "%s needs a value", "%s には値が必要です。")
HY_MSG_ENTRY(USAGE_TWICE, "%s is given twice", "%s が二回指定されています。")
HY_MSG_ENTRY(USAGE_NO_INPUT, "%s needs an input file (a YAML document, or - for standard input)",
             "%s には入力ファイル（YAML の文書、標準入力なら -）を指定してください。")
HY_MSG_ENTRY(USAGE_ONE_INPUT, "render takes one input file, got '%s' too (check and batch take several)",
             "render に指定できる入力ファイルは一つです（「%s」も指定されています。複数なら check か batch を使ってください）。")
HY_MSG_ENTRY(USAGE_STDIN_TWICE, "standard input ('-') can be read only once%s", "標準入力（-）は一度しか読めません%s。")
HY_MSG_ENTRY(USAGE_STDIN_NEEDS_O, "the input is standard input: give -o OUT.pdf (or -o - for standard output)%s",
             "入力が標準入力なので、-o 出力.pdf を指定してください（標準出力なら -o -）%s。")
HY_MSG_ENTRY(USAGE_UNKNOWN_GLOBAL, "unknown option '%s' (a command comes first: render, check, batch, diff, layout, watch, schema, new or guide)",
             "「%s」というオプションはありません（最初にコマンド render, check, batch, diff, layout, watch, schema, new, guide のどれかを書いてください）。")
HY_MSG_ENTRY(USAGE_UNKNOWN_COMMAND, "unknown command '%s' (render, check, batch, diff, layout, watch, schema, new or guide)",
             "「%s」というコマンドはありません（render, check, batch, diff, layout, watch, schema, new, guide のどれかです）。")
/* the preview loop (watch.c) */
HY_MSG_ENTRY(WATCH_ONE_INPUT, "watch takes one input file, got '%s' too", "watch に指定できる入力ファイルは一つです（「%s」も指定されています）。")
HY_MSG_ENTRY(WATCH_NO_INPUT, "watch needs an input file (a YAML document)%s", "watch には入力ファイル（YAML の文書）を指定してください%s。")
HY_MSG_ENTRY(WATCH_STDIN, "watch needs a file to watch, not standard input%s", "watch には標準入力ではなくファイルを指定してください%s。")
HY_MSG_ENTRY(WATCH_STDOUT, "watch writes a file: give -o OUT.pdf, not standard output%s",
             "watch はファイルに書き出します。標準出力ではなく -o 出力.pdf を指定してください%s。")
HY_MSG_ENTRY(WATCH_CANNOT, "cannot watch the directory %s: %s", "フォルダ %s を見張れません（%s）。")
HY_MSG_ENTRY(WATCH_START, "watching %s (Ctrl+C to stop)", "%s を見張っています（Ctrl+C で止まります）。")
HY_MSG_ENTRY(WATCH_WROTE, "[%s] wrote %s (%d pages)", "[%s] %s を書き出しました（%dページ）。")
HY_MSG_ENTRY(WATCH_ERRORS, "[%s] %s has errors; %s is unchanged", "[%s] %s に誤りがあります。%s は前のままです。")
HY_MSG_ENTRY(WATCH_NOT_WRITTEN, "[%s] %s could not be written", "[%s] %s を書き出せませんでした。")
HY_MSG_ENTRY(WATCH_STOPPED, "watch stopped", "見張りを止めました。")
HY_MSG_ENTRY(USAGE_TRY, "Try 'hyoka %s--help' for more information.", "詳しくは 'hyoka %s--help' を見てください。")
HY_MSG_ENTRY(STDOUT_TERMINAL, "standard output is a terminal; redirect it, or give -o FILE%s",
             "標準出力が端末です。リダイレクトするか、-o ファイル名 を指定してください%s。")
HY_MSG_ENTRY(STDOUT_WRITE_FAILED, "cannot write the PDF to standard output: %s", "PDF を標準出力に書き出せません（%s）。")
HY_MSG_ENTRY(EPOCH_IGNORED, "ignoring SOURCE_DATE_EPOCH='%s' (not a number of seconds)",
             "SOURCE_DATE_EPOCH='%s' は秒数ではないため使いません。")

/* ---- configuration: layouts and the fonts file (cfg.c, layout_def.c, layout_rules.c, font.c);
 * each is printed after the file's kind ("layout: ", "fonts: ") ---- */
HY_MSG_ENTRY(CFG_UNKNOWN_ATTR_IN, "unknown attribute '%s' in %s", "%2$sに「%1$s」という属性はありません。")
HY_MSG_ENTRY(CFG_UNKNOWN_ATTR_IN_DYM, "unknown attribute '%s' in %s; did you mean '%s'?",
             "%2$sに「%1$s」という属性はありません。「%3$s」ではありませんか。")
HY_MSG_ENTRY(CFG_WRONG_TYPE, "'%s' must be %s, not %s", "「%s」は%sで書いてください（いまは%sです）。")
HY_MSG_ENTRY(CFG_NOT_TEXT, "%s must be a text, not %s", "%sは文字で書いてください（いまは%sです）。")
HY_MSG_ENTRY(CFG_NUMBER_RANGE, "%s must be a number from %g to %g", "%sには %g から %g までの数を書いてください。")
HY_MSG_ENTRY(CFG_INT_RANGE, "%s must be a whole number from %d to %d", "%sには %d から %d までの整数を書いてください。")
HY_MSG_ENTRY(CFG_BOOL, "'%s' must be true or false", "「%s」には true か false を書いてください。")
HY_MSG_ENTRY(CFG_UNKNOWN_ATTR, "unknown attribute '%s'", "「%s」という属性はありません。")
HY_MSG_ENTRY(CFG_UNKNOWN_ATTR_DYM, "unknown attribute '%s'; did you mean '%s'?", "「%s」という属性はありません。「%s」ではありませんか。")
HY_MSG_ENTRY(CFG_NODE_NOT_TAKES, "a '%s' node%s does not take '%s' (it needs: %s%s%s%s)",
             "「%s」の節点%sには「%s」を書けません（必須: %s%s%s%s）。")
HY_MSG_ENTRY(CFG_IN_CELLS, " in 'cells'", "（cells の中）")
HY_MSG_ENTRY(CFG_IN_COLUMNS, " in 'columns'", "（columns の中）")
HY_MSG_ENTRY(CFG_MAY_HAVE, "; it may have: ", "。任意: ")
HY_MSG_ENTRY(CFG_NODE_NEEDS, "a '%s' node%s needs '%s'", "「%s」の節点%sには「%s」が必要です。")
HY_MSG_ENTRY(CFG_NO_KIND, "node has no 'kind'", "節点に「kind」がありません。")
HY_MSG_ENTRY(CFG_UNKNOWN_KIND, "unknown node kind '%s'", "「%s」という節点の種類はありません。")
HY_MSG_ENTRY(CFG_UNKNOWN_KIND_DYM, "unknown node kind '%s'; did you mean '%s'?", "「%s」という節点の種類はありません。「%s」ではありませんか。")
HY_MSG_ENTRY(CFG_NO_OPTIONS, "no option list named '%s' in 'options'", "「options」に「%s」という選択肢の一覧がありません。")
HY_MSG_ENTRY(CFG_NO_CHECKS, "no checkbox list named '%s' in 'checks'", "「checks」に「%s」というチェック項目の一覧がありません。")
HY_MSG_ENTRY(CFG_TOO_WIDE, "'%s' has %zu entries; at most %d fit across a page", "「%s」に %zu 個ありますが、横に並べられるのは %d 個までです。")
HY_MSG_ENTRY(CFG_RANGE_SHAPE, "a range must be [from, to]", "範囲は [始め, 終わり] の形で書いてください。")
HY_MSG_ENTRY(CFG_RANGE_ORDER, "a range must be [from, to] with from <= to", "範囲は [始め, 終わり]（始め <= 終わり）で書いてください。")
HY_MSG_ENTRY(CFG_SPAN_VALUE, "the 'value' of a span must be a node (a mapping with 'kind')",
             "span の「value」は節点（kind を持つ組）で書いてください。")
HY_MSG_ENTRY(CFG_VALUE_DATE, "'value' of a '%s' node must be 'date' (or left out for a text)",
             "「%s」の節点の「value」は date にしてください（文字なら書きません）。")
HY_MSG_ENTRY(CFG_NODE_NOT_MAP, "a node must be a mapping with 'kind', not %s", "節点は kind を持つ組で書いてください（いまは%sです）。")
HY_MSG_ENTRY(CFG_TOO_DEEP, "nodes nested more than %d deep", "節点の入れ子が %d 段を超えています。")
HY_MSG_ENTRY(CFG_NODE_CANNOT_BE, "a '%s' node cannot be %s", "「%s」の節点は%sにはなれません。")
HY_MSG_ENTRY(CFG_ROLE_CELL, "a cell of 'fields' (text, date or int)", "fields のセル（text, date, int のみ）")
HY_MSG_ENTRY(CFG_ROLE_COLUMN, "a column of 'table' (text, date or int)", "table の列（text, date, int のみ）")
HY_MSG_ENTRY(CFG_ROLE_VALUE, "the value of a span (text, date, int, choice or checks)",
             "span の value（text, date, int, choice, checks のみ）")
HY_MSG_ENTRY(CFG_ALIGN, "'align' must be left or center, not '%s'", "「align」には left か center を書いてください（「%s」は使えません）。")
HY_MSG_ENTRY(CFG_MULTI_LABELS, "a 'multi' column needs 'labels_from'", "「multi」の列には「labels_from」が必要です。")
HY_MSG_ENTRY(CFG_WIDTH_SUM, "the widths of the %s add up to %g; at most 1 (the text width)",
             "%s の幅の合計が %g です。1（本文の幅）以下にしてください。")
HY_MSG_ENTRY(CFG_TOO_MANY_CELLS, "the %s can make %zu cells across the page (a 'multi' column up to %d); at most %d",
             "%s が横に %zu 個のセルになりえます（multi の列は最大 %d 個）。%d 個までにしてください。")
HY_MSG_ENTRY(CFG_OPTIONS_NOT_LIST, "option list '%s' must be a list", "選択肢の一覧「%s」は並びで書いてください。")
HY_MSG_ENTRY(CFG_OPTION_SHAPE, "an option is a text or {text, variants}", "選択肢は文字か {text, variants} で書いてください。")
HY_MSG_ENTRY(CFG_CHECK_SHAPE, "a checkbox item is a text or {label, paren, wide, suffix}",
             "チェック項目は文字か {label, paren, wide, suffix} で書いてください。")
HY_MSG_ENTRY(CFG_CHECKS_NOT_MAP, "checkbox list '%s' must be a mapping", "チェック項目の一覧「%s」は組で書いてください。")
HY_MSG_ENTRY(CFG_CHECK_GROUP_SHAPE, "a group of checkbox items is {heading, items}", "チェック項目のまとまりは {heading, items} で書いてください。")
HY_MSG_ENTRY(CFG_CHECK_GROUP_ITEMS, "a group of checkbox items needs 'items'", "チェック項目のまとまりには「items」が必要です。")
HY_MSG_ENTRY(CFG_CHECKS_EMPTY, "checkbox list '%s' has no items", "チェック項目の一覧「%s」に項目がありません。")
HY_MSG_ENTRY(CFG_PAGE_SIZE, "page size '%s' is not known (A4)", "用紙の大きさ「%s」は使えません（A4 のみ）。")
HY_MSG_ENTRY(CFG_ORIENTATION, "'orientation' must be portrait or landscape, not '%s'",
             "「orientation」には portrait か landscape を書いてください（「%s」は使えません）。")
HY_MSG_ENTRY(CFG_MARGIN_SHAPE, "'margin' must be [top, right, bottom, left]", "「margin」は [上, 右, 下, 左] で書いてください。")
HY_MSG_ENTRY(CFG_MARGIN_TOO_BIG, "the margins leave less than %g pt of the page for the text",
             "余白が大きすぎて、本文に %g pt 未満しか残りません。")
HY_MSG_ENTRY(CFG_TEXT_ROLE, "'text' must name a role of the fonts file (gothic, mincho)",
             "「text」にはフォント設定の役割（gothic, mincho）を書いてください。")
HY_MSG_ENTRY(CFG_MARKUP, "text markup '%s' is not known (underline)", "文字の飾り「%s」は使えません（underline のみ）。")
HY_MSG_ENTRY(CFG_LABEL_COLUMNS, "the label columns take more than 0.8 of the text width", "項目名の列が本文の幅の 0.8 を超えています。")
HY_MSG_ENTRY(CFG_COUNT_MARK, "marks.count needs {} for the number", "marks.count には数の位置を示す {} が必要です。")
HY_MSG_ENTRY(CFG_FILE_SHAPE, "the file must be a mapping with 'kind' and 'body'", "様式定義ファイルは kind と body を持つ組で書いてください。")
HY_MSG_ENTRY(CFG_NO_FORM_KIND, "no 'kind' (the form's name)", "「kind」（様式名）がありません。")
HY_MSG_ENTRY(CFG_BODY_EMPTY, "'body' is empty or missing", "「body」が空か、ありません。")
HY_MSG_ENTRY(CFG_NONE_OPTION, "'none_option' must be one of the options of '%s', not '%s'",
             "「none_option」は「%s」の選択肢のどれかにしてください（「%s」は選択肢にありません）。")
HY_MSG_ENTRY(CFG_NONE_CHECK, "'none_check' must be one of the heading's 'checks', not '%s'",
             "「none_check」は見出しの「checks」のどれかにしてください（「%s」はありません）。")
HY_MSG_ENTRY(CFG_GOVERNS_NEEDS, "'governs' needs '%s' (the answer that means none)", "「governs」には「%s」（「なし」を表す答え）が必要です。")
HY_MSG_ENTRY(CFG_NONE_NEEDS_GOVERNS, "'%s' needs 'governs' (the items that must then be blank)",
             "「%s」には「governs」（そのとき空欄にする項目）が必要です。")
HY_MSG_ENTRY(CFG_GOVERNS_UNKNOWN, "'governs' names '%s', which is not an item of the mapping that holds '%s'",
             "「governs」の「%s」は、「%s」と同じ組の項目ではありません。")
HY_MSG_ENTRY(FONTS_SHAPE, "the fonts file must be a mapping of roles to lists of font families, e.g. gothic: [BIZ UDGothic, IPAexGothic]",
             "フォント設定は、役割ごとにフォント名の並びを書いてください（例: gothic: [BIZ UDGothic, IPAexGothic]）。")
HY_MSG_ENTRY(FONTS_ROLE_NOT_LIST, "'%s' must be a list of font family names, e.g. %s: [BIZ UDGothic, IPAexGothic]",
             "「%s」はフォント名の並びで書いてください（例: %s: [BIZ UDGothic, IPAexGothic]）。")
HY_MSG_ENTRY(FONTS_TOO_MANY, "'%s' names %zu families; at most %d are used", "「%s」にフォントが %zu 個ありますが、使うのは %d 個までです。")
HY_MSG_ENTRY(FONTS_NONE, "'%s' names no font family", "「%s」にフォント名がありません。")
HY_MSG_ENTRY(FONTS_EMPTY_NAME, "a font family name is empty", "フォント名が空です。")

/* ---- hyoka schema / new / guide (form_cmd.c) and hyoka diff's command line (diff_cmd.c) ---- */
HY_MSG_ENTRY(FORM_ONE_AT_A_TIME, "one form at a time: '%s' is a second one", "様式は一つずつ指定してください（「%s」は二つ目です）。")
HY_MSG_ENTRY(FORM_TWICE, "'%s' is given twice", "「%s」が二回指定されています。")
HY_MSG_ENTRY(FORM_WHICH, "which form? give its name (重点項目評価書) or its layout's (juten)%s",
             "どの様式ですか。様式名（重点項目評価書）か様式定義の名前（juten）を指定してください%s。")
HY_MSG_ENTRY(FORM_NONE, "no form '%s' in %s", "「%s」という様式は %s にありません。")
HY_MSG_ENTRY(FORM_KINDS, "the forms are:", "使える様式:")
HY_MSG_ENTRY(NEW_EXISTS, "%s exists; hyoka new does not replace a file (choose another name)",
             "%s は既にあります。hyoka new はファイルを上書きしません（別の名前にしてください）。")
HY_MSG_ENTRY(STDOUT_CANNOT_WRITE, "cannot write %s to standard output", "%sを標準出力に書き出せません。")
HY_MSG_ENTRY(DIFF_TOO_MANY, "at most %s versions compare at once", "一度に比べられるのは %s 版までです。")
HY_MSG_ENTRY(DIFF_TOO_MANY_HEADINGS, "too many %s", "%s が多すぎます。")
HY_MSG_ENTRY(DIFF_TWO, "diff needs two versions or more: OLD.yaml NEW.yaml [NEWER.yaml...]%s",
             "diff には二つ以上の版が必要です: 旧.yaml 新.yaml [さらに新しい.yaml...]%s")
HY_MSG_ENTRY(DIFF_FORMAT, "unknown format '%s' (list, bessou2 or revision)", "「%s」という形式はありません（list, bessou2, revision のどれかです）。")
HY_MSG_ENTRY(DIFF_DATE, "--date '%s' is not a date YYYY-MM-DD", "--date の「%s」は日付ではありません（2025-01-31 のように書いてください）。")
HY_MSG_ENTRY(DIFF_HEADINGS_FEW, "too few: give one --heading per later version, or none%s",
             "--heading が足りません。後の版ごとに一つずつ指定するか、指定しないでください%s。")
HY_MSG_ENTRY(DIFF_HEADINGS_MANY, "too many: give one --heading per later version, or none%s",
             "--heading が多すぎます。後の版ごとに一つずつ指定するか、指定しないでください%s。")
HY_MSG_ENTRY(DIFF_STDIN_ONCE, "standard input ('-') can be only one of the versions%s", "標準入力（-）にできるのは版の一つだけです%s。")
