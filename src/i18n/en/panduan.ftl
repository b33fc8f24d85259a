# Panduan's messages in English.
#
# Every message id is stable: a diagnostic's id is its code (shown in
# `check --format json`), and its `.help` attribute is its `help:` line.
# The Indonesian catalogue (../id/panduan.ftl) has the same ids, attributes
# and variables; a unit test holds the two to it.

## Labels on the terminal (before a message, and before its help line)

label-error = error
label-warning = warning
label-hint = hint
label-note = note
label-help = help

## Front matter and YAML

front-matter-not-closed = the front matter is never closed
    .help = end the YAML block with a line that holds only `---`
yaml-too-large = the front matter is too large: its YAML aliases expand beyond the limit
    .help = front matter holds a few keys; remove the repeated `*alias` references
yaml-too-deep = the front matter nests lists or maps more than { $limit } levels deep, more than Panduan reads
    .help = front matter holds a few keys with short lists; write them without nesting
yaml-too-many-values = the front matter holds more than { $limit } values, more than Panduan reads
    .help = front matter holds a few keys; move long lists into the page itself
yaml-too-much-text = the front matter holds more text than Panduan reads
    .help = front matter holds a few keys; move long text into the page itself
yaml-not-a-map = the front matter is not a map of keys
    .help = write one `key: value` per line, e.g. `title: Kelompok terapi`
yaml-nul = this value holds a NUL character (`\0`), which no page can show
    .help = remove the `\0` from the text
yaml-tab = a tab is used here; YAML allows only spaces for indentation
    .help = replace the tab on this line with spaces (or remove it, if the key belongs at the start of the line)
yaml-unclosed-quote = this quote is never closed
    .help = end the text with the same quote mark it starts with (`"` or `'`), on the same line
    .help-fix = end the text with the same quote mark it starts with, on the same line: `{ $fix }`
yaml-indented-line = this line is indented, but the line above does not start a list or a map
    .help = remove the spaces at the start of the line, so that the key starts the line like the others
yaml-colon-in-text = a colon inside text: YAML reads `word: ` as the start of a new key
    .help = put the text in quotes: `{ $fix }`
yaml-invalid = invalid YAML in the front matter: { $detail }
    .help = check the quoting and indentation on this line
front-matter-wrong-type = `{ $key }` must be { $expected }, found { $found }
expect-text = text
expect-whole-number = a whole number
expect-kind-name = the name of a kind
expect-extra-map = a map of keys, e.g. `extra: { "{" } kind: group-type { "}" }`
expect-template-name = the name of a template, e.g. `comparison.html`
expect-bool = `true` or `false`
expect-audience = `readers` (the default) or `authors`
expect-page-ids = a list of page ids
expect-text-list = a list of text
found-nothing = nothing
found-bool = `true`/`false`
found-number = a number
found-text = text
found-list = a list
found-map = a map
kind-unknown = unknown kind `{ $kind }`
    .help = the kinds in book.toml: { $kinds }
    .help-nearest = did you mean `{ $nearest }`?
    .help-none = declare kinds under `[kinds.NAME]` in book.toml
translation-record-invalid = `translation` { $problem }
    .help = let Panduan write this record: `panduan new PATH --translate-from LANG` or `panduan translated PATH`
translation-not-a-map = must be a map with `from` and `source`, found { $found }
translation-unknown-key = has an unknown key `{ $key }` (valid: `from`, `source`, `blocks`)
translation-missing-from = is missing `from` (the source language)
translation-missing-source = is missing `source` (the source's fingerprint)
list-without-brackets = `{ $key }` has one item, `{ $text }`: without brackets, commas do not separate items
    .help = for { $count } items, write the list in brackets: `{ $fix }`
front-matter-unknown-key = unknown front-matter key `{ $key }`
    .help = valid keys: { $valid }
    .help-nearest = did you mean `{ $nearest }`? valid keys: { $valid }
    .help-english = write the key in English: `{ $nearest }`. Valid keys: { $valid }
front-matter-unknown-kind-key = unknown front-matter key `{ $key }` for a page of kind `{ $kind }`
    .help = valid keys: { $valid }
    .help-nearest = did you mean `{ $nearest }`? valid keys: { $valid }
    .help-english = write the key in English: `{ $nearest }`. Valid keys: { $valid }
kind-field-required = `{ $field }` ({ $ty }, required)
kind-field-optional = `{ $field }` ({ $ty })
kind-missing-fields = a page of kind `{ $kind }` is missing { $missing }
    .help = fields of `{ $kind }`: { $fields }

## Reading the content folder

no-content-folder = there is no `content/` folder in `{ $root }`
    .help = run `panduan init` to start a handbook
walk-link-loop = this symbolic link points back into a folder above it (a loop); it is skipped
walk-unreadable = cannot read: { $detail }
link-outside-project = this symbolic link leads outside the project; what it points to is not read
    .help = copy the file or folder into the project instead of linking to it
file-name-not-unicode = this file name is not valid Unicode
    .help = rename the file using letters, digits, `-` and `_`
hidden-page = this file's name starts with a dot, so it is hidden and not made into a page
    .help = to make it a page, give it a name such as `page.md`
    .help-rename = to make it a page, rename it to `{ $name }`
page-outside-language = this page is not inside a language folder
    .help = put pages under `content/<language>/`; the languages in book.toml: { $languages }
file-unreadable = cannot read this file: { $detail }
file-not-utf8 = this file is not valid UTF-8 text
    .help = save the file as UTF-8 in your editor
file-has-nul = this file contains NUL characters; they are shown as `{"\uFFFD"}`
    .help = they usually come from a damaged file or a copy from another program; delete them

## Pages

page-id-twice = two `{ $lang }` pages have the id `{ $id }`
    .help = `{ $other }` has it too; give one of them another `key:`
page-key-invalid = `{ $key }` cannot be a page key
    .help = a key is a path-like name such as `group-types/therapy`
page-no-title = this page has no title
    .help = add `title: ...` to the front matter, or start the page with a `# Heading`
slug-invalid = `{ $slug }` is not a valid slug
    .help = a slug uses lowercase letters, digits and `-`
    .help-try = a slug uses lowercase letters, digits and `-`: try `{ $fix }`
script-element = a `<script>` element
script-event-attribute = the event attribute `{ $name }`
script-javascript-link = a `javascript:` link
script-srcdoc = an `<iframe srcdoc>` page that holds script
script-data-document = a `data:` page in a frame
script-base = a `<base href>` element makes every relative address on this page, the handbook's own scripts included, load from where it points
    .help = remove it: links in Panduan are written relative to the page on purpose
script-form-action = this form sends what readers type to another address
    .help = remove the `action` or `formaction` unless you know where the answers go and readers are told
pdf-page-too-large = this page ({ $size } KiB) is longer than the PDF typesets ({ $limit } KiB): the PDF holds only its title
    .help = split it into several pages; the site and the EPUB keep it whole
page-too-deep = this page nests quotes, lists or HTML elements more than { $limit } levels deep
    .help = flatten it: a list inside a list inside a quote is only 5 levels
script-runs = { $what } runs script in the browser of every reader of this page
    .help = remove it, unless you trust this code and need it; `panduan check --strict` fails while it is there

medium-unclosed = the part for { $medium ->
        [screen] the web pages only
       *[print] paper only
    } that starts here is never closed
    .help = close it with `<!-- /panduan:{ $medium } -->` in the same paragraph (for a marker inside a sentence) or on a line of its own further down
medium-unopened = `<!-- /panduan:{ $medium } -->` closes a part that was not opened here
    .help = open the part with `<!-- panduan:{ $medium } -->` before it, in the same paragraph or on a line of its own, or remove this marker
medium-nested = a part for { $medium ->
        [screen] the web pages only
       *[print] paper only
    } starts inside another marked part
    .help = close the first part before starting another: parts for one medium cannot be put inside each other

## Links

image-no-alt = the image `{ $image }` has no alt text
    .help = describe the picture for readers who cannot see it: `![a circle of chairs](circle.png)`
link-above-language = the link `{ $link }` climbs above `content/{ $lang }/`
    .help = a link that starts with `/` starts at `content/{ $lang }/`; remove the `..`
link-outside-content = the link `{ $link }` points outside `content/`
    .help = link to pages and files inside `content/`
link-starts-at-language = a link that starts with `/` starts at `content/{ $lang }/`
link-starts-at-page = links are relative to this page's file
link-missing-page = the link target `{ $link }` does not exist
    .help = no page `content/{ $path }`; { $starts_at }; to write it: `{ $command }`
    .help-nearest = did you mean `{ $nearest }`? If that page is not written yet: `{ $command }`
link-missing-file = the file `{ $link }` does not exist
    .help = no file `content/{ $path }`; { $starts_at }
    .help-elsewhere = no file `content/{ $path }` (nor { $elsewhere }); { $starts_at }
    .help-page = a link to a page names its file: did you mean `{ $nearest }`?
anchor-missing = the anchor `#{ $anchor }` does not exist in `{ $title }`
    .help = the anchors of `{ $title }`: { $anchors }
    .help-nearest = did you mean `#{ $nearest }`?
    .help-no-headings = `{ $title }` has no headings
link-other-language = `{ $link }` exists only in { $language } (`{ $lang }`); the link goes there
    .help = translate that page to link within this language
page-id-missing = no page has the id `{ $id }`
    .help = a page id is its path below `content/<language>/` without `.md`; to write this page: `{ $command }`
    .help-example = a page id is its path below `content/<language>/` without `.md`, e.g. `{ $example }`; to write this page: `{ $command }`
    .help-nearest = did you mean { $nearest }? If that page is not written yet: `{ $command }`
word-or = or

## Output paths

output-assets-folder = the folder `assets/` of the output belongs to the theme
    .help = move this file into a language folder or into `content/shared/`
owner-generated = a page Panduan makes itself
owner-home-page = the `{ $lang }` home page
owner-page = `{ $path }`
owner-file = `content/{ $path }`
owner-notice = the notice for the missing `{ $lang }` translation of `{ $path }`
output-path-case-clash = `{ $path }` and `{ $other }` differ only by upper/lower case
output-path-two-pages = two pages would be written to `{ $path }`
output-path-same-slug = `slug: { $slug }` is also used by `{ $other }`, so both pages would be written to `{ $path }`
    .help = give this page a slug of its own, e.g. `slug: { $fix }` (or change the `slug:` of `{ $other }`)
output-path-two-files = two files would be written to `{ $path }`
clash-fix-page = change the `slug:` of one of them, or rename a file
clash-fix-file = rename this file or its folder
clash-fix-notice = translate this page, or change the `slug:` of one of the two pages
clash-fix-generated = rename the other file
clash-this-notice = this page's notice for its missing `{ $lang }` translation
clash-this = this
clash-help = { $other } has the same output path as { $what }; { $fix }
windows-fix-page = { $fix } (or set `slug:` in the front matter)
windows-sign = the name `{ $name }` holds `{ $sign }`, which Windows does not allow in a name
windows-sign-fix = rename it without any of `< > : " \ | ? *`
windows-trailing-dot = the name `{ $name }` ends with a dot or a space, which Windows drops
windows-trailing-dot-fix = rename it so that it ends with a letter or a digit
windows-device-name = `{ $name }` is a name Windows keeps for a device, so the site could not be unzipped there
windows-device-name-fix = rename the file or folder `{ $name }`, for example to `{ $fix }`
windows-path-too-long = the output path `{ $path }` is { $length } characters long; Windows cannot open it once the site is unzipped into a folder
windows-path-too-long-fix = shorten the names of the file and its folders, to at most { $limit } characters in all

## Translations

translation-unknown-language = `{ $lang }` is not a language of this book
    .help = the languages in book.toml: { $languages }
translation-from-own-language = a page cannot be a translation from its own language
translation-source-missing = this translation's source page (`{ $id }` in `{ $lang }`) does not exist
    .help = the source may have been renamed; give both pages the same `key:`
translation-outdated = this translation is outdated: its `{ $lang }` source has changed
outdated-changed-since = `{ $path }` changed since this translation was made
outdated-changed-block = changed or new: { $block }
outdated-more = … and { $count } more
outdated-removed = { $count ->
        [one] 1 part removed
       *[other] { $count } parts removed
    }
outdated-run-translated = after updating the translation, run `panduan translated { $path }`

## Check

translation-missing = this page has no { $language } (`{ $lang }`) translation
    .help = start one with `panduan new { $path } --translate-from { $from }`
translation-untracked = this translation is not tracked: Panduan cannot tell you when its { $language } (`{ $lang }`) source changes
    .help = if it is up to date with `{ $source }`, run `panduan translated { $path }` (or `panduan translated --all` for every such page); from then on `check` reports when the source changes
translation-stub = this translation is still a stub
    .help = translate it from `{ $source }`, delete the `{ $marker }` block, and it counts as done
page-orphan = no other page links to this page
    .help = link to it from a related page so readers find it beyond the sidebar
page-empty = this page has no text
    .help = write something in `{ $path }` or remove it
title-twice = another page is also titled `{ $title }`
    .help = `{ $other }` has the same title; readers cannot tell them apart
outdated-git-history = what changed in `{ $path }` since (from git history):

## book.toml

config-no-languages = no languages are declared
    .help = add a `[languages.id]` table with `name` and `title`
config-language-code = `{ $code }` is not a language code
    .help = use a lowercase code such as `id`, `en` or `pt-br`
config-default-language = `default_language = "{ $lang }"` is not one of the declared languages
    .help = declared languages: { $languages }
config-base-url = `base_url = "{ $url }"` is not an http(s) URL
    .help = write it in full, e.g. `https://example.org/handbook/`
config-downloads-date = `date = "{ $date }"` is not a date
    .help = write it as year-month-day, e.g. `date = "2026-12-01"`
config-handouts-kind = `[handouts] kind = "{ $kind }"` is not a kind declared in book.toml
    .help = declared kinds: { $kinds }
    .help-none = declare the kind in a `[kinds.<name>]` table first
config-typst-template = `template = "{ $template }"` in `{ $table }` is not the name of a Typst template
    .help = name a file of the theme's `typst/` folder, such as `book.typ`
config-kind-name = `{ $kind }` is not a valid kind name
    .help = use lowercase letters, digits and `-`
config-field-name = `{ $field }` cannot be the name of a field of kind `{ $kind }`
    .help = use lowercase letters, digits, `-` and `_`, and none of the front-matter keys: { $reserved }
config-messages = `messages = "{ $code }"` is not a language Panduan speaks
    .help = write `messages = "id"` (Indonesian) or `messages = "en"` (English)
config-search-language = `[search.synonyms.{ $lang }]` is for a language that is not declared
    .help = declared languages: { $declared }; name one of them, or add `[languages.{ $lang }]`
config-unknown-key = unknown key `{ $key }`
    .help = valid keys here: { $valid }
    .help-nearest = did you mean `{ $nearest }`? valid keys here: { $valid }
config-invalid = { $detail }

## Errors that stop a command

error-read = cannot read `{ $path }`
error-write = cannot write `{ $path }`
error-refused-output = refusing to use `{ $path }` as the output directory: { $reason }
error-refused-zip = refusing to write the zip file `{ $path }`: { $reason }
error-content = { $count } error(s) in the content
error-disk-full = the disk is full while writing `{ $shown }`; { $after }
    { "  " }= help: free some space and build again
after-kept = the previous output was kept
after-nothing = nothing was written
caused-by = caused by
after-kept-zip = the previous zip file was kept
epoch-invalid = `SOURCE_DATE_EPOCH={ $value }` is not a number of seconds since 1970
    .help = set it to a whole number such as `1767225600` (2026-01-01), or unset it
epoch-out-of-range = `SOURCE_DATE_EPOCH={ $value }` is outside the dates a download can carry
    .help = use a number of seconds from { $first } (1980-01-01) to { $last } (2107-12-31), or unset it
output-waiting = another build is writing `{ $out }` (process { $pid }); waiting for it to finish
output-leftover = this folder, left by an earlier build, could not be removed
    .help = remove it by hand (its files may be read-only); Panduan does not use it
folder-project = the project folder
folder-content = the `content/` folder
folder-themes = the `themes/` folder
folder-theme = the theme folder
folder-home = your home folder
folder-output = the output folder `{ $path }/`
refuse-root = it is the root of the file system
refuse-is = it is { $what }
refuse-contains = it contains { $what }
refuse-inside = it is inside { $what }
refuse-a-file = it is a file, not a folder
refuse-not-ours = it is not empty and was not created by Panduan (no `{ $marker }` file in it); choose another folder or empty it yourself
refuse-zip-inside = it is inside { $what }, so every build would pack the last zip into the next one
    { "  " }= help: name a zip file outside it, e.g. `--zip handbook.zip`
refuse-zip-no-folder = its folder `{ $path }` does not exist
    { "  " }= help: create the folder first, or check the path for a typing mistake
refuse-zip-folder = it is a folder
    { "  " }= help: name a `.zip` file
refuse-zip-not-zip = a file that is not a zip is already there
    { "  " }= help: choose another name, or move that file away

## Command output

status-page = page
status-original = original
status-current = up to date
status-outdated = OUTDATED
status-stub = stub
status-missing = MISSING
status-untracked = not tracked
check-summary = checked: { $errors ->
        [one] { $errors } error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] { $warnings } warning
       *[other] { $warnings } warnings
    }{ $hints ->
        [0] {""}
        [one] , { $hints } hint
       *[other] , { $hints } hints
    }
build-summary = built { $total } pages ({ $languages }) into { $out }/ in { $ms } ms: { $files } files, { $kib } KiB, { $warnings ->
        [one] { $warnings } warning
       *[other] { $warnings } warnings
    }
build-reused = { $count ->
        [one] 1 download taken from the previous output (its input is unchanged)
       *[other] { $count } downloads taken from the previous output (their input is unchanged)
    }
build-wrote-zip = wrote { $path }
# What a build on a terminal shows while a long step runs.
progress-render = rendering the pages…
progress-pdf = typesetting the PDF…
progress-handouts = typesetting the handouts…
progress-epub = writing the EPUBs…
progress-zip = packing the offline zip…
build-failed = the build failed with { $errors ->
        [one] { $errors } error
       *[other] { $errors } errors
    } and { $warnings ->
        [one] { $warnings } warning
       *[other] { $warnings } warnings
    }
serve-listening = serving the handbook at { $url } (press Ctrl-C to stop)
serve-changed = changed: { $paths }
serve-changed-more = changed: { $paths } and { $more } more
rebuilt = built { $total } pages in { $ms } ms
rebuilt-into = {" "}into { $out }/
rebuilt-latency = ; { $ms } ms after the change
rebuilt-tabs = , { $tabs ->
        [one] { $tabs } tab
       *[other] { $tabs } tabs
    } reloaded
rebuilt-complete = {" "}(search and print ready { $ms } ms later)
serve-waiting = waiting for the next change…
serve-not-loopback = listening on { $bind } — other computers on the network can read this draft
serve-edit-intro = to write in the browser, open this address (it carries this run's key; keep it to yourself):
serve-edit-open-to-network = editing is on for other computers too: anyone who has the address with its key can change the pages
serve-no-token = cannot make the editor's secret key ({ $detail }); start `panduan serve --no-edit` to serve without the editor
serve-no-browser = cannot open a browser ({ $detail }); open { $url } yourself
stopped = stopped
clean-removed = removed { $out }/
clean-nothing = nothing to remove: { $out }/ does not exist
init-created = created { $path }
init-kept = kept    { $path } (already there)
init-ready-here = A bilingual handbook is ready here. Next: `panduan serve --open` to see it in the browser while you write, or `panduan build` to make the finished handbook.
init-ready-in = A bilingual handbook is ready in `{ $dir }`. Next: `cd { $cd }`, then `panduan serve --open` to see it in the browser while you write, or `panduan build` to make the finished handbook.
new-created = created { $path }
new-translate-next = Translate the title and text, delete the marked guide block, then run `panduan build`.
new-stub-note = Translated from { $language } ({ $path }). Translate the title, the text and the
    copied fields (such as `summary`), delete the `{ $marker }` block at the end, then build.
new-stub-here = Translate here.
new-stub-guide = The { $language } text, as a guide. Delete this block when the translation is done.
translated-recorded = { $page } is now recorded as up to date with { $source }
translated-all = recorded { $count ->
        [one] { $count } translation
       *[other] { $count } translations
    }; `panduan check` now tells you when their source changes
current-folder-unreadable = cannot read the current folder: { $detail }
no-book-toml = no `book.toml` here or in any folder above
    .help = run this inside a handbook, pass `--root DIR`, or start one with `panduan init`
stream-stdout = standard output
stream-full = cannot write to the { $what }: the disk or device it goes to is full
    { "  " }= help: free some space, or send the output somewhere else
stream-failed = cannot write to the { $what }: { $detail }

## Command-line help (the same words as the doc comments in src/cli.rs; a test keeps them equal)

cli-about = A static handbook generator for bilingual (Indonesian/English) handbooks that work online and offline
cli-after = Examples:
    {"  "}panduan build                      build the handbook here into book/
    {"  "}panduan build --base-url https://example.org/panduan/
    {"  "}panduan init my-handbook           start a new bilingual handbook
    {"  "}panduan clean                      remove the built book/

    Exit codes: 0 success, 1 problems in the content, 2 could not run.
cli-arg-lang = The language of Panduan's messages: `id` (Indonesian) or `en` (English)
cli-build-about = Build the handbook into its output folder (default `book/`)
cli-build-after = Examples:
    {"  "}panduan build
    {"  "}panduan build --out /tmp/site --drafts
    {"  "}panduan build --zip handbook.zip        the site as one zip, ready to unzip and open
    {"  "}panduan build --root path/to/handbook --base-url https://example.org/
cli-arg-root = The handbook's folder (default: the nearest folder with a book.toml, from here up)
cli-arg-out = Output folder (overrides `output` in book.toml)
cli-arg-base_url = Public address of the site, for canonical links, hreflang and sitemap.xml
cli-arg-drafts = Include pages marked `draft: true`
cli-arg-edit = Let the browser editor change files even though `--bind` opens the server to other computers (anyone with the printed address can then change pages)
cli-arg-no_edit = Turn the browser editor off: the pages have no Edit button
cli-arg-zip = Also write the site as one zip file (for USB sticks and training centres)
cli-arg-timings = Print the time spent in each step (load, render, pdf, write)
cli-arg-no_pdf = Skip the PDFs and handouts this time (`[pdf]`, `[handouts]` in book.toml)
cli-serve-about = Build, serve on this computer, and reload the browser after every saved change
cli-serve-after = Examples:
    {"  "}panduan serve                 http://127.0.0.1:3000/
    {"  "}panduan serve --open          and open it in the browser
    {"  "}panduan serve --port 0        any free port (the address is printed)
    {"  "}panduan serve --poll          on a network drive

    Nothing is written to disk: the site is kept in memory. A failed rebuild shows its
    errors in the terminal and over the page, and the last good version stays served.
cli-arg-port = Port to listen on; 0 picks a free one
cli-arg-bind = Address to listen on; `0.0.0.0` lets other computers on the network see the book
cli-arg-open = Open the book in the default browser
cli-arg-poll = Look for changes every half second instead of relying on system notifications (network drives, or when the system's watch limit is reached)
cli-watch-about = Rebuild the output folder after every saved change (no server)
cli-watch-after = Examples:
    {"  "}panduan watch
    {"  "}panduan watch --out /tmp/site
cli-watch-arg-poll = Look for changes every half second instead of relying on system notifications
cli-init-about = Create a small bilingual handbook to start from (never overwrites files)
cli-init-after = Examples:
    {"  "}panduan init               in the current folder
    {"  "}panduan init my-handbook   in a new folder
cli-arg-dir = The folder to create the handbook in
cli-check-about = Check everything a build checks, plus translations, orphan pages, duplicate titles and empty pages, without writing anything
cli-check-after = Examples:
    {"  "}panduan check
    {"  "}panduan check --strict              warnings fail too (for CI)
    {"  "}panduan check --format json > report.json

    Exit codes: 0 clean, 1 findings (errors, or warnings with --strict), 2 could not run.
cli-arg-format = Output format
cli-new-about = Create a page, or a translation stub of a page in another language
cli-new-after = Examples:
    {"  "}panduan new content/id/group-types/mentoring.md
    {"  "}panduan new content/en/group-types/therapy.md --translate-from id
cli-arg-path = The page file to create, below `content/<lang>/`
cli-arg-translate_from = Start from this language's page at the same path: its fields are copied, its text is kept as a guide, and the translation records its version
cli-translated-about = Mark a reviewed translation as up to date with its source page
cli-translated-after = Examples:
    {"  "}panduan translated content/en/group-types/therapy.md
    {"  "}panduan translated --all    start tracking every translation made by hand (no record yet)
cli-translated-arg-path = The translated page
cli-arg-all = Record every translation that has no record yet (made by hand) as up to date with its source; records already there are left alone
cli-arg-from = The source language (default: the one recorded, else the original's, else the default language)
cli-status-about = Show, per page and language, whether translations are up to date, outdated or missing
cli-status-after = Example:
    {"  "}panduan status --strict    exit 1 if anything is missing, outdated or a stub
cli-status-arg-strict = Exit with 1 if any translation is missing, outdated or a stub
cli-clean-about = Remove the output folder (only if Panduan created it)
cli-theme-about = Work with the theme: `panduan theme eject [DIR]` copies the built-in theme out
cli-theme-eject-about = Copy the built-in theme (templates, CSS, JavaScript, strings, Typst) into a folder, for full control; never overwrites a file
cli-theme-eject-after = Examples:
    {"  "}panduan theme eject                 into themes/custom/ of the handbook
    {"  "}panduan theme eject themes/agency
    Then write theme = "themes/custom" under [book] in book.toml.
cli-theme-eject-arg-dir = The folder to copy into (default: `themes/custom` in the handbook's folder)
cli-completions-about = Print a shell completion script
cli-completions-after = Example:
    {"  "}panduan completions bash > ~/.local/share/bash-completion/completions/panduan
cli-arg-shell = The shell: bash, zsh, fish, elvish or powershell
cli-arg-help = Print help
cli-arg-version = Print version
cli-heading-usage = Usage:
cli-heading-options = Options
cli-heading-arguments = Arguments
cli-heading-commands = Commands
cli-value-command = COMMAND
cli-arg-strict = Treat warnings as failures

## new and translated

new-outside-content = `{ $path }` is not inside this handbook's `content/` folder
new-outside-language = `{ $path }` is not inside a language folder such as `content/id/`
new-not-md = `{ $path }` must end in `.md`
new-unknown-language = `{ $lang }` is not a language of this handbook
    .help = the languages in book.toml: { $languages }
new-exists = `{ $path }` already exists; Panduan never overwrites a page
new-no-source = there is no page `{ $path }` to translate from
translated-not-a-page = `{ $path }` is not a page of this handbook
translated-still-stub = `{ $path }` still holds the `{ $marker }` guide block; finish the translation and delete that block first
translated-same-language = `{ $path }` is itself in `{ $lang }`; name the source language with `--from`
translated-no-source = `{ $path }` has no `{ $lang }` source page
translated-no-front-matter = `{ $path }` has no front matter to record the translation in

## Theme

theme-embedded-invalid = the embedded `{ $path }` is invalid: { $detail }
theme-folder-missing = the theme folder `{ $path }` does not exist
    .help = fix `theme` in book.toml, or remove it to use the built-in theme
theme-strings-invalid = invalid UI strings: { $detail }
theme-strings-missing = the theme has no UI strings in `{ $lang }` for { $keys }; English is used
    .help = add `i18n/{ $lang }.toml` to your theme with these keys
theme-file-replaces = replaces the built-in `{ $builtin }`
    .help = a file of a project theme replaces the built-in file of the same name whole; to add a few rules to the built-in stylesheet, list your own file in `[theme] extra_css` of book.toml instead
theme-setting-file = `[theme] { $key }` names `{ $path }`, which is not a file inside the handbook's folder
    .help = give a path relative to the folder of book.toml, for example `theme/logo.png`
theme-accent-invalid = `[theme] accent` is `{ $accent }`, which is not a colour
    .help = write it as `#` and six hexadecimal digits, for example `#00713d`
theme-accent-contrast = the accent colour `{ $accent }` has a contrast of { $ratio }:1 against the { $scheme ->
        [light] light
       *[dark] dark
    } background, less than the 4.5:1 that text needs (WCAG AA)
    .help = the nearest colour that passes is `{ $nearest }`
theme-ejected = The built-in theme is in `{ $dir }`. To use it, write `theme = "{ $setting }"` under `[book]` in book.toml; a file you delete from it comes from the built-in theme again.
theme-template-missing = the theme has no template `{ $template }`
    .help = templates for pages: { $templates }
output-not-portable = the output would hold `{ $name }`, which Windows cannot unpack: { $problem }
    .help = a file of `content/` is named in its place; a file of the theme is below its `static/` folder
output-case-collision = the output would hold both `{ $other }` and `{ $name }`, which are one name on Windows and macOS
    .help = rename one of them
epub-pack-failed = cannot make the EPUB `{ $path }`: { $reason }
output-files-clash = two output files would be written to `{ $path }` (and `{ $other }`)
    .help = a file in `content/` has the same path as a generated page; rename it

## serve and watch

serve-port-in-use = cannot listen on { $addr }: { $detail }
    .help = another program uses this port; choose one with `--port N`, or `--port 0` for any free port
serve-cannot-listen = cannot listen on { $addr }: { $detail }
serve-no-address = cannot read the address of the server: { $detail }
serve-no-threads = cannot start the server's threads: { $detail }
serve-no-ctrl-c = cannot catch Ctrl-C: { $detail }
watch-limit-reached = cannot watch `{ $path }` for changes: { $detail }
    .help = the system's limit of watched folders is reached; run with `--poll`, or raise `fs.inotify.max_user_watches`
watch-failed = cannot watch `{ $path }` for changes: { $detail }
    .help = on a network drive, run with `--poll`
template-prepare = cannot prepare `{ $template }` for { $what }
template-failed = template `{ $template }` failed for { $what }
template-setup = cannot set up templates
template-invalid = a theme template is invalid
template-syntax = the template `{ $template }` cannot be read here: { $detail }
    .help = check the `{"{{"} … {"}}"}` and `{"{%"} … {"%}"}` on this line and the lines above it: every `{"{%"} if {"%}"}`, `{"{%"} for {"%}"}` and `{"{%"} block {"%}"}` needs its `{"{%"} endif {"%}"}`, `{"{%"} endfor {"%}"}` or `{"{%"} endblock {"%}"}`; or delete `{ $path }` to use the built-in template again
    .help-unknown = no filter, test or function has this name: check its spelling (the README lists the ones a template can use); or delete `{ $path }` to use the built-in template again
    .help-builtin = this template is built into Panduan: please report the problem, with this message
    .help-builtin-project = this template is built into Panduan and uses the theme's own { $files }: the cause may be there (a block it needs that was left out, for example)
    .help-block = the templates it extends have these blocks: { $blocks }; give the block one of these names, or delete `{ $path }` to use the built-in template again
template-render = the template `{ $template }` failed on this line while making { $what }: { $detail }
    .help = a name used on this line may be misspelt, or have no value for this page (the README lists what a template can use); or delete `{ $path }` to use the built-in template again
    .help-builtin = this template is built into Panduan: please report the problem, with this message
    .help-builtin-project = this template is built into Panduan and uses the theme's own { $files }: the cause may be there (a block it needs that was left out, for example)
template-missing-parent = the template `{ $template }` extends `{ $parent }`, which the theme does not have
    .help = the templates there are: { $templates }
template-what-navigation = the `{ $lang }` navigation
template-what-notice = the notice for a missing translation, `{ $url }`
tera-block-not-in-parent = the block `{ $name }` is in none of the templates this one extends
tera-found-expected = { $found } is written here, where { $expected } should be
tera-found-unexpected = { $found } is written here, where a value or a name should be
tera-unknown-filter = there is no filter named `{ $name }`
tera-unknown-function = there is no function named `{ $name }`
tera-unknown-test = there is no test named `{ $name }` (the word after `is`)
tera-unknown-template = there is no template named `{ $name }`
tera-unknown-component = there is no component named `{ $name }`
tera-variable-undefined = `{ $name }` is not known here
tera-variable-undefined-among = `{ $name }` is not known here; the names there are: { $names }
tera-field-undefined = this value has no field `{ $name }`
tera-field-undefined-among = this value has no field `{ $name }`; its fields are: { $names }
tera-closing-mismatch = `{"{%"} { $end } {"%}"}` closes `{"{%"} { $open } {"%}"}`: close the tag opened last first
tera-not-iterable = `{"{%"} for {"%}"}` cannot go through { $ty }
tera-argument-missing = the argument `{ $name }` is missing
tera-unexpected-character = a character that cannot stand here
tera-unknown-tag = this tag is unknown here, or closes a tag that was never opened
tera-comment-unclosed = a comment opened with `{"{#"}` is not closed with `{"#}"}`
tera-divide-by-zero = a division by 0
tera-escape-undefined = what is printed here has no value
tera-string-unclosed = a text in quotes is not closed
tera-other = Tera says: { $detail }
tera-invalid-type = { $got } stands here, where { $expected } is needed
tera-value-missing = a value used here does not exist: check the spelling of the names on this line
tera-type-string = a text
tera-type-number = a number
tera-type-bool = a yes/no value
tera-type-array = a list
tera-type-map = a table of values
tera-type-none = an empty value
tera-type-other = a value of type `{ $ty }`
tera-own = { $detail }
template-fn-unknown-kind = there is no kind `{ $kind }`; the kinds in book.toml: { $kinds }
template-fn-field-and-value = `pages_of_kind` takes `field` and `value` together: give both, or neither
template-fn-unknown-lang = there is no language `{ $lang }` in book.toml
template-fn-not-a-field = `{ $field }` is not a field of the kind `{ $kind }`
template-fn-not-a-list = `{ $field }` is not a list field of the kind `{ $kind }`
watch-warning = watching the files: { $detail }
watch-watching = watching for changes; press Ctrl-C to stop
cli-help-about = Print this message or the help of the given subcommand(s)
cli-value-options = OPTIONS

## PDF

pdf-not-ua = the PDF { $file } is written without its PDF/UA-1 (accessible PDF) declaration: { $reason }
    .help = fix what the reason names (a picture without alt text, for example), and the next build declares it

## Glossary

glossary-not-a-list = `extra.glossary` must be a list of terms
    .help = write each term as `- key: …`, `term: …` and `definition: …` under `glossary:`
glossary-term-incomplete = this glossary term has no `{ $missing }`
    .help = every term needs a `key` (the same in every language), the `term` and its own `definition`
glossary-key-twice = the glossary key `{ $key }` is used twice
    .help = `{ $other }` defines it too; give each term its own key
glossary-no-counterpart = the glossary term `{ $term }` has no { $language } (`{ $lang }`) counterpart
    .help = add a term with `key: { $key }` to `extra.glossary` of `{ $other }`, or give its matching term this key
kind-field-of-kind = { $ty } of kind `{ $kind }`
expect-page-id = the id of a page, e.g. `group-types/therapy`
config-kind-not-page = `kind` is only for fields of `type = "page"`; the field `{ $field }` of kind `{ $kind }` is of type `{ $ty }`
    .help = remove `kind`, or set `type = "page"` for a field whose value names another page
config-field-kind-unknown = the field `{ $field }` of kind `{ $kind }` asks for pages of kind `{ $wanted }`, which book.toml does not declare
    .help = the kinds in book.toml: { $kinds }
    .help-nearest = did you mean `{ $nearest }`?

## Fields that name a page

field-page-other-language = `{ $page }` exists only in { $language } (`{ $lang }`); `{ $field }` links there
    .help = translate that page to link within this language
field-page-nearest = did you mean { $nearest }?
field-page-none-of-kind = no page has `kind: { $kind }` yet; write one, or leave this field out
field-page-of-kind = a page id is its path below `content/<language>/` without `.md`; pages of kind `{ $kind }`: { $pages }
field-page-example = a page id is its path below `content/<language>/` without `.md`, e.g. { $pages }
field-page-missing = `{ $field }` names the page `{ $page }`, but no page has that id
field-page-is-of-kind = a page of kind `{ $kind }`
field-page-is-kindless = a page without a kind
field-page-wrong-kind = `{ $field }` must name a page of kind `{ $kind }`, but `{ $page }` is { $is }

## House terms ([terms.<lang>] in book.toml)

terms-unknown-language = `[terms.{ $lang }]` is for a language that is not declared
    .help = declared languages: { $declared }; name one of them, or add `[languages.{ $lang }]`
terms-empty = an empty term in `{ $table }`
    .help = write the form to avoid on the left and the house term on the right, e.g. `"konseling individual" = "konseling perorangan"`
terms-empty-preferred = the house term for "{ $term }" is empty
    .help = write the term authors should use instead, e.g. `"konseling individual" = "konseling perorangan"`
terms-duplicate = "{ $term }" is in `{ $table }` twice (also on line { $line })
    .help = keep one of the two lines; case does not matter when terms are matched
terms-same = "{ $term }" is both the form to avoid and the house term
    .help = write the form to avoid on the left and the house term on the right, or remove the line
terms-chain = the house term "{ $term }" is itself a form to avoid in `{ $table }` (line { $line })
    .help = write the term it should become, "{ $next }"
terms-own-counterpart = a counterpart in `{ $lang }`, the language of `{ $table }` itself
    .help = write the house term as `use = "…"` and counterparts under the codes of the other languages
terms-empty-counterpart = the `{ $lang }` counterpart of "{ $term }" is empty
    .help = write the term the `{ $lang }` pages use for the same thing, or remove `{ $lang } = ""`
terms-unknown-key = `{ $key }` is neither `use` nor a declared language
    .help = write `{ "{" } use = "house term", { $other } = "counterpart" { "}" }`; declared languages: { $declared }
terms-missing-use = the entry for "{ $term }" has no `use = "…"`
    .help = name the house term, e.g. `{ "{" } use = "bermain peran", en = "role-play" { "}" }`
term-avoided = "{ $written }" is not the house term; write "{ $preferred }"
    .help = the house terms of { $language } are in `[terms.{ $lang }]` of book.toml (line { $line }); to quote the form to avoid on purpose, put it between `<!-- panduan:terms off -->` and `<!-- panduan:terms on -->`
term-counterpart-missing = this page never says "{ $counterpart }", though its { $language } source `{ $source }` uses the house term "{ $term }"
    .help = `[terms.{ $lang }]` of book.toml pairs the two (line { $line }); if this page speaks of the same thing, write "{ $counterpart }"

## Work in progress in `serve` (issue #26): marks on the page, in the page's language

unfinished-page = not written yet; to start it: { $command }
unfinished-file = not here yet: put the file at { $path }
unfinished-file-case = the capital letters differ from the file's name: write `{ $fix }`
unfinished-anchor = “{ $title }” has no heading #{ $anchor } yet
link-wrong-case = the file `{ $link }` is called `{ $real }`: the capital letters differ
    .help = write the link as `{ $fix }`, exactly as the file is called: Windows treats the two spellings as one file, but a web server does not, and the link would be broken once published

## Text pasted from Word and Excel (issue #26)

front-matter-dash-fence = the line `{ $line }` is read as `---`: a word processor turned the three hyphens into a dash
    .help = type three hyphens `---` on this line, in a plain text editor (Notepad, VS Code); in Word, switch off AutoFormat's "Hyphens (--) with dash (—)"
front-matter-curly-quotes = the `{ $key }` is wrapped in curly quotes, which become part of it
    .help = write it with straight quotes, or none: `{ $fix }`
yaml-nested-quotes = the quotes inside this text end it too early
    .help = put the whole text in single quotes (a single quote inside is written twice): `{ $fix }`
body-tab-table = these { $rows } lines are separated by tabs, as a table pasted from a spreadsheet: they show as one run of text
    .help = to show them as a table, write them like this:
        { $table }

## book.toml and the command line in plain words (issue #26)

config-wrong-type = `{ $key }` needs { $wanted ->
        [table] a table of settings
        [bool] `true` or `false`
        [number] a whole number
        [list] a list
       *[text] text in quotes
    }
    .help-field = a field of a kind is a table of its own: write `[{ $table }.{ $key }]` on a line of its own, then `type = "{ $value }"` under it
    .help-table = `{ $key }` holds one value per language, e.g. `{ $key } = { "{" } id = "{ $value }", en = "…" { "}" }`
    .help-bool = write `{ $key } = true` or `{ $key } = false`, without quotes
    .help-number = write a whole number without quotes, e.g. `{ $key } = 3`
    .help-list = write a list in square brackets, e.g. `{ $key } = ["{ $value }"]`
    .help-text = put the text in quotes: `{ $key } = "{ $value }"`
config-unquoted-text = the text of `{ $key }` needs quotes
    .help = write `{ $fix }`
config-base-url-option = `--base-url { $url }` is not an http(s) address
    .help = write it in full, e.g. `--base-url https://example.org/handbook/`

## Mistakes on the command line (issue #26)

cli-unknown-command = `{ $word }` is not a command of `{ $command }`
    .help = the commands: { $commands }; `{ $command } --help` says what each one does
    .help-nearest = did you mean `{ $command } { $nearest }`?
cli-unknown-option = `{ $command }` has no option `{ $word }`
    .help = `{ $command } --help` lists its options
    .help-nearest = did you mean `{ $nearest }`? (`{ $command } --help` lists the options)
    .help-elsewhere = `{ $word }` is an option of { $elsewhere }; `{ $command } --help` lists the options of `{ $command }`
cli-unexpected-word = `{ $command }` does not take `{ $word }` here
    .help = a name with spaces goes in quotes, e.g. `"content/id/my page.md"`; `{ $command } --help` shows what the command takes
    .help-options = `{ $command }` takes only options; `{ $command } --help` lists them
cli-missing-value = `{ $option }` needs a value after it
    .help = write `{ $shown }`, with your value in place of the word in `< >`
cli-invalid-value = `{ $value }` is not a value `{ $option }` takes
    .help = write one of { $valid }
    .help-nearest = did you mean `{ $nearest }`? The values it takes: { $valid }
    .help-expect = `{ $option }` takes { $expected }
    .help-other = `{ $command } --help` says what `{ $option }` takes
cli-conflict = `{ $option }` cannot be used together with { $other }
    .help = use one or the other
cli-missing-argument = `{ $command }` needs { $missing }: { $what }
    .help = for example: `{ $example }`
cli-cannot-read = this command line cannot be read
cli-see-help = `{ $command } --help` shows how to write it
cli-expect-port = a whole number from 0 to 65535, e.g. `--port 3000` (0 picks a free port)
cli-expect-bind = an address such as `127.0.0.1` (this computer only) or `0.0.0.0` (other computers on the network too)
