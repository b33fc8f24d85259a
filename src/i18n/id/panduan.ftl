# Pesan Panduan dalam bahasa Indonesia.
#
# Setiap id pesan tetap: id sebuah diagnostik adalah kodenya (tampil di
# `check --format json`), dan atribut `.help` adalah baris `help:`-nya.
# Katalog bahasa Inggris (../en/panduan.ftl) memiliki id, atribut, dan variabel
# yang sama; sebuah unit test memeriksanya.

## Label di terminal (di depan pesan, dan di depan baris petunjuknya)

label-error = kesalahan
label-warning = peringatan
label-hint = saran
label-note = catatan
label-help = petunjuk

## Front matter dan YAML

front-matter-not-closed = front matter belum ditutup
    .help = Tutup blok YAML dengan satu baris yang hanya berisi `---`.
yaml-too-large = front matter terlalu besar: alias YAML di dalamnya membuatnya melebihi batas
    .help = Front matter biasanya hanya berisi beberapa kunci. Silakan hapus rujukan `*alias` yang berulang.
yaml-too-deep = front matter ini memuat daftar atau peta bersarang lebih dari { $limit } tingkat, melebihi batas yang dibaca Panduan
    .help = Front matter biasanya hanya berisi beberapa kunci dengan daftar pendek. Tulislah tanpa bersarang.
yaml-too-many-values = front matter ini memuat lebih dari { $limit } nilai, melebihi batas yang dibaca Panduan
    .help = Front matter biasanya hanya berisi beberapa kunci. Pindahkan daftar yang panjang ke isi halaman.
yaml-too-much-text = front matter ini memuat teks yang melebihi batas yang dibaca Panduan
    .help = Front matter biasanya hanya berisi beberapa kunci. Pindahkan teks yang panjang ke isi halaman.
yaml-not-a-map = front matter tidak berisi pasangan kunci dan nilai
    .help = Tulis satu `kunci: nilai` per baris, misalnya `title: Kelompok terapi`.
yaml-nul = nilai ini memuat karakter NUL (`\0`) yang tidak dapat ditampilkan di halaman
    .help = Hapus `\0` dari teks tersebut.
yaml-tab = di sini ada karakter tab, padahal YAML hanya menerima spasi di awal baris
    .help = Ganti tab pada baris ini dengan spasi (atau hapus tab itu jika kuncinya seharusnya berada di awal baris).
yaml-unclosed-quote = tanda kutip ini belum ditutup
    .help = Akhiri teks dengan tanda kutip yang sama seperti pembukanya (`"` atau `'`), pada baris yang sama.
    .help-fix = Akhiri teks dengan tanda kutip yang sama seperti pembukanya, pada baris yang sama: `{ $fix }`
yaml-indented-line = baris ini menjorok ke dalam, padahal baris di atasnya tidak memulai daftar atau pasangan kunci
    .help = Hapus spasi di awal baris agar kuncinya berada di awal baris seperti kunci lainnya.
yaml-colon-in-text = ada titik dua di dalam teks: YAML membaca `kata: ` sebagai awal kunci baru
    .help = Beri tanda kutip pada teksnya: `{ $fix }`
yaml-invalid = ada kesalahan penulisan YAML di front matter: { $detail }
    .help = Periksa tanda kutip dan spasi di awal baris ini.
front-matter-wrong-type = `{ $key }` harus berupa { $expected }, tetapi isinya { $found }
expect-text = teks
expect-whole-number = bilangan bulat
expect-kind-name = nama sebuah jenis halaman (kind)
expect-extra-map = pasangan kunci dan nilai, misalnya `extra: { "{" } kind: group-type { "}" }`
expect-template-name = nama sebuah templat, misalnya `comparison.html`
expect-bool = `true` atau `false`
expect-audience = `readers` (bawaan) atau `authors`
expect-page-ids = daftar id halaman
expect-text-list = daftar teks
found-nothing = kosong
found-bool = `true`/`false`
found-number = angka
found-text = teks
found-list = daftar
found-map = pasangan kunci dan nilai
kind-unknown = jenis halaman (kind) `{ $kind }` tidak dikenal
    .help = Jenis halaman di book.toml: { $kinds }
    .help-nearest = Mungkin maksud Anda `{ $nearest }`?
    .help-none = Tetapkan jenis halaman di bagian `[kinds.NAMA]` pada book.toml.
translation-record-invalid = `translation` { $problem }
    .help = Biarkan Panduan yang menulis catatan ini: `panduan new JALUR --translate-from BAHASA` atau `panduan translated JALUR`.
translation-not-a-map = harus berupa pasangan kunci dan nilai dengan `from` dan `source`, tetapi isinya { $found }
translation-unknown-key = memiliki kunci `{ $key }` yang tidak dikenal (yang dapat dipakai: `from`, `source`, dan `blocks`)
translation-missing-from = tidak memiliki `from` (bahasa sumber)
translation-missing-source = tidak memiliki `source` (penanda versi halaman sumber)
list-without-brackets = `{ $key }` terbaca sebagai satu butir saja, yaitu `{ $text }`: tanpa kurung siku, koma tidak memisahkan butir
    .help = Untuk { $count } butir, tulis daftarnya dalam kurung siku: `{ $fix }`
front-matter-unknown-key = kunci front matter `{ $key }` tidak dikenal
    .help = Kunci yang dapat dipakai: { $valid }
    .help-nearest = Mungkin maksud Anda `{ $nearest }`? Kunci yang dapat dipakai: { $valid }
    .help-english = Tulis nama kuncinya dalam bahasa Inggris: `{ $nearest }`. Kunci yang dapat dipakai: { $valid }
front-matter-unknown-kind-key = kunci front matter `{ $key }` tidak dikenal untuk halaman berjenis `{ $kind }`
    .help = Kunci yang dapat dipakai: { $valid }
    .help-nearest = Mungkin maksud Anda `{ $nearest }`? Kunci yang dapat dipakai: { $valid }
    .help-english = Tulis nama kuncinya dalam bahasa Inggris: `{ $nearest }`. Kunci yang dapat dipakai: { $valid }
kind-field-required = `{ $field }` ({ $ty }, wajib)
kind-field-optional = `{ $field }` ({ $ty })
kind-missing-fields = halaman berjenis `{ $kind }` belum memiliki { $missing }
    .help = Kolom halaman berjenis `{ $kind }`: { $fields }

## Membaca folder konten

no-content-folder = tidak ada folder `content/` di `{ $root }`
    .help = Jalankan `panduan init` untuk memulai buku panduan.
walk-link-loop = tautan simbolik ini mengarah kembali ke folder di atasnya (melingkar), sehingga dilewati
walk-unreadable = tidak dapat dibaca: { $detail }
link-outside-project = tautan simbolik ini mengarah ke luar proyek; isinya tidak dibaca
    .help = Salin file atau foldernya ke dalam proyek, jangan hanya ditautkan.
file-name-not-unicode = nama file ini memuat huruf yang tidak dapat dibaca (bukan Unicode)
    .help = Ganti nama file dengan huruf, angka, `-`, dan `_`.
hidden-page = nama file ini diawali titik, sehingga tersembunyi dan tidak dijadikan halaman
    .help = Agar dijadikan halaman, beri nama seperti `halaman.md`.
    .help-rename = Agar dijadikan halaman, ganti namanya menjadi `{ $name }`.
page-outside-language = halaman ini tidak berada di dalam folder bahasa
    .help = Letakkan halaman di `content/<bahasa>/`. Bahasa yang ada di book.toml: { $languages }
file-unreadable = file ini tidak dapat dibaca: { $detail }
file-not-utf8 = file ini tidak tersimpan sebagai teks UTF-8
    .help = Simpan ulang file sebagai UTF-8 di editor Anda.
file-has-nul = file ini berisi karakter NUL; karakter itu ditampilkan sebagai `{"\uFFFD"}`
    .help = Karakter ini biasanya berasal dari file yang rusak atau dari salinan program lain. Silakan hapus karakter tersebut.

## Halaman

page-id-twice = ada dua halaman `{ $lang }` dengan id `{ $id }`
    .help = `{ $other }` juga memakai id itu. Beri salah satunya `key:` yang lain.
page-key-invalid = `{ $key }` tidak dapat dipakai sebagai kunci halaman
    .help = Kunci berbentuk seperti jalur, misalnya `group-types/therapy`.
page-no-title = halaman ini belum memiliki judul
    .help = Tambahkan `title: ...` di front matter, atau awali halaman dengan `# Judul`.
slug-invalid = `{ $slug }` tidak dapat dipakai sebagai slug
    .help = Slug hanya boleh berisi huruf kecil, angka, dan `-`.
    .help-try = Slug hanya boleh berisi huruf kecil, angka, dan `-`. Coba `{ $fix }`.
script-element = elemen `<script>`
script-event-attribute = atribut peristiwa `{ $name }`
script-javascript-link = tautan `javascript:`
script-srcdoc = halaman `<iframe srcdoc>` yang berisi skrip
script-data-document = halaman `data:` di dalam bingkai
script-base = elemen `<base href>` membuat setiap alamat relatif di halaman ini, termasuk skrip buku panduan sendiri, dimuat dari alamat yang ditunjuknya
    .help = Silakan hapus elemen ini: tautan di Panduan sengaja ditulis relatif terhadap halamannya.
script-form-action = formulir ini mengirim isian pembaca ke alamat lain
    .help = Hapus `action` atau `formaction`, kecuali Anda tahu ke mana jawaban dikirim dan pembaca diberi tahu.
pdf-page-too-large = halaman ini ({ $size } KiB) lebih panjang daripada batas yang dapat dicetak ke PDF ({ $limit } KiB): PDF hanya memuat judulnya
    .help = Pecah menjadi beberapa halaman; situs dan EPUB tetap memuatnya utuh.
page-too-deep = halaman ini menumpuk kutipan, daftar, atau elemen HTML lebih dari { $limit } tingkat
    .help = Sederhanakan susunannya: daftar di dalam daftar di dalam kutipan hanya 5 tingkat.
script-runs = { $what } akan menjalankan skrip di peramban setiap pembaca halaman ini
    .help = Silakan hapus kode ini, kecuali Anda memercayainya dan memang memerlukannya. `panduan check --strict` akan gagal selama kode ini masih ada.

medium-unclosed = bagian { $medium ->
        [screen] khusus halaman web
       *[print] khusus cetak
    } yang dimulai di sini tidak pernah ditutup
    .help = Tutup dengan `<!-- /panduan:{ $medium } -->` di paragraf yang sama (jika penanda ada di tengah kalimat) atau di barisnya sendiri di bawahnya.
medium-unopened = `<!-- /panduan:{ $medium } -->` menutup bagian yang tidak dibuka di sini
    .help = Buka bagian itu dengan `<!-- panduan:{ $medium } -->` sebelumnya, di paragraf yang sama atau di barisnya sendiri, atau hapus penanda ini.
medium-nested = bagian { $medium ->
        [screen] khusus halaman web
       *[print] khusus cetak
    } dimulai di dalam bagian lain yang sudah ditandai
    .help = Tutup bagian pertama sebelum memulai bagian lain: bagian untuk satu media tidak bisa diletakkan di dalam bagian lain.

## Tautan

image-no-alt = gambar `{ $image }` tidak memiliki teks alternatif (alt)
    .help = Silakan tulis keterangan gambar untuk pembaca yang tidak dapat melihatnya: `![lingkaran kursi](circle.png)`
link-above-language = tautan `{ $link }` keluar dari `content/{ $lang }/`
    .help = Tautan yang diawali `/` dimulai dari `content/{ $lang }/`. Silakan hapus `..` pada tautan itu.
link-outside-content = tautan `{ $link }` menunjuk ke luar `content/`
    .help = Buat tautan hanya ke halaman dan file di dalam `content/`.
link-starts-at-language = tautan yang diawali `/` dimulai dari `content/{ $lang }/`
link-starts-at-page = tautan dihitung dari letak file halaman ini
link-missing-page = halaman tujuan tautan `{ $link }` tidak ditemukan
    .help = Tidak ada halaman `content/{ $path }`; { $starts_at }. Untuk menulisnya, jalankan `{ $command }`.
    .help-nearest = Mungkin maksud Anda `{ $nearest }`? Jika halaman itu memang belum ditulis, jalankan `{ $command }`.
link-missing-file = file `{ $link }` tidak ditemukan
    .help = Tidak ada file `content/{ $path }`; { $starts_at }.
    .help-elsewhere = Tidak ada file `content/{ $path }` (juga tidak ada { $elsewhere }); { $starts_at }.
    .help-page = Tautan ke halaman memakai nama file halaman itu. Mungkin maksud Anda `{ $nearest }`?
anchor-missing = jangkar `#{ $anchor }` tidak ada di `{ $title }`
    .help = Jangkar yang ada di `{ $title }`: { $anchors }
    .help-nearest = Mungkin maksud Anda `#{ $nearest }`?
    .help-no-headings = `{ $title }` tidak memiliki judul bagian.
link-other-language = `{ $link }` hanya tersedia dalam bahasa `{ $lang }` ({ $language }), sehingga tautan diarahkan ke sana
    .help = Terjemahkan halaman itu agar tautannya tetap dalam bahasa ini.
page-id-missing = tidak ada halaman dengan id `{ $id }`
    .help = Id halaman adalah jalurnya di bawah `content/<bahasa>/` tanpa `.md`. Untuk menulis halaman ini, jalankan `{ $command }`.
    .help-example = Id halaman adalah jalurnya di bawah `content/<bahasa>/` tanpa `.md`, misalnya `{ $example }`. Untuk menulis halaman ini, jalankan `{ $command }`.
    .help-nearest = Mungkin maksud Anda { $nearest }? Jika halaman itu memang belum ditulis, jalankan `{ $command }`.
word-or = atau

## Jalur keluaran

output-assets-folder = folder `assets/` di keluaran hanya untuk tema
    .help = Pindahkan file ini ke folder bahasa atau ke `content/shared/`.
owner-generated = halaman yang dibuat sendiri oleh Panduan
owner-home-page = halaman beranda `{ $lang }`
owner-page = `{ $path }`
owner-file = `content/{ $path }`
owner-notice = pemberitahuan untuk terjemahan `{ $lang }` dari `{ $path }` yang belum ada
output-path-case-clash = `{ $path }` dan `{ $other }` hanya berbeda huruf besar/kecilnya
output-path-two-pages = dua halaman akan ditulis ke `{ $path }`
output-path-same-slug = `slug: { $slug }` juga dipakai oleh `{ $other }`, sehingga kedua halaman akan ditulis ke `{ $path }`
    .help = Beri halaman ini alamatnya sendiri, misalnya `slug: { $fix }` (atau ubah `slug:` di `{ $other }`).
output-path-two-files = dua file akan ditulis ke `{ $path }`
clash-fix-page = ubah `slug:` salah satunya, atau ganti nama salah satu file
clash-fix-file = ganti nama file ini atau foldernya
clash-fix-notice = terjemahkan halaman ini, atau ubah `slug:` salah satu dari kedua halaman itu
clash-fix-generated = ganti nama file yang lain
clash-this-notice = pemberitahuan halaman ini untuk terjemahan `{ $lang }` yang belum ada
clash-this = halaman atau file ini
clash-help = { $other } memiliki jalur keluaran yang sama dengan { $what }. Silakan { $fix }.
windows-fix-page = { $fix } (atau isi `slug:` di front matter)
windows-sign = nama `{ $name }` memuat `{ $sign }`, yang tidak diizinkan Windows dalam nama
windows-sign-fix = ganti namanya tanpa satu pun dari `< > : " \ | ? *`
windows-trailing-dot = nama `{ $name }` diakhiri titik atau spasi, yang akan dibuang oleh Windows
windows-trailing-dot-fix = ganti namanya agar diakhiri huruf atau angka
windows-device-name = `{ $name }` adalah nama yang dicadangkan Windows untuk perangkat, sehingga situs tidak dapat diekstrak di sana
windows-device-name-fix = ganti nama file atau folder `{ $name }`, misalnya menjadi `{ $fix }`
windows-path-too-long = jalur keluaran `{ $path }` panjangnya { $length } karakter; Windows tidak dapat membukanya setelah situs diekstrak ke sebuah folder
windows-path-too-long-fix = perpendek nama file dan folder-foldernya hingga jumlah seluruhnya paling banyak { $limit } karakter

## Terjemahan

translation-unknown-language = `{ $lang }` bukan bahasa buku ini
    .help = Bahasa yang ada di book.toml: { $languages }
translation-from-own-language = halaman tidak dapat menjadi terjemahan dari bahasanya sendiri
translation-source-missing = halaman sumber terjemahan ini (`{ $id }` dalam `{ $lang }`) tidak ditemukan
    .help = Mungkin nama halaman sumbernya sudah diganti. Beri kedua halaman `key:` yang sama.
translation-outdated = terjemahan ini sudah usang: halaman sumbernya dalam `{ $lang }` telah berubah
outdated-changed-since = `{ $path }` telah berubah sejak terjemahan ini dibuat
outdated-changed-block = berubah atau baru: { $block }
outdated-more = … dan { $count } lainnya
outdated-removed = { $count } bagian dihapus
outdated-run-translated = Setelah terjemahan diperbarui, jalankan `panduan translated { $path }`

## Pemeriksaan

translation-missing = halaman ini belum memiliki terjemahan dalam bahasa `{ $lang }` ({ $language })
    .help = Mulai terjemahannya dengan `panduan new { $path } --translate-from { $from }`.
translation-untracked = terjemahan ini belum dilacak: Panduan tidak dapat memberi tahu Anda saat halaman sumbernya dalam bahasa `{ $lang }` ({ $language }) berubah
    .help = Jika sudah sesuai dengan `{ $source }`, jalankan `panduan translated { $path }` (atau `panduan translated --all` untuk semua halaman seperti ini). Setelah itu, `panduan check` akan melaporkan setiap kali halaman sumbernya berubah.
translation-stub = terjemahan ini masih berupa kerangka (belum diterjemahkan)
    .help = Terjemahkan dari `{ $source }`, lalu hapus blok `{ $marker }`; setelah itu terjemahan dianggap selesai.
page-orphan = tidak ada halaman lain yang menautkan ke halaman ini
    .help = Tautkan halaman ini dari halaman yang berkaitan agar pembaca dapat menemukannya selain lewat menu samping.
page-empty = halaman ini belum berisi teks
    .help = Tulis sesuatu di `{ $path }` atau hapus file itu.
title-twice = ada halaman lain yang juga berjudul `{ $title }`
    .help = `{ $other }` memiliki judul yang sama, sehingga pembaca tidak dapat membedakannya.
outdated-git-history = yang berubah di `{ $path }` sejak itu (dari riwayat git):

## book.toml

config-no-languages = belum ada bahasa yang ditetapkan
    .help = Tambahkan bagian `[languages.id]` berisi `name` dan `title`.
config-language-code = `{ $code }` bukan kode bahasa
    .help = Gunakan kode huruf kecil seperti `id`, `en`, atau `pt-br`.
config-default-language = `default_language = "{ $lang }"` bukan salah satu bahasa yang ditetapkan
    .help = Bahasa yang ditetapkan: { $languages }
config-base-url = `base_url = "{ $url }"` bukan URL http(s)
    .help = Tulis alamatnya lengkap, misalnya `https://example.org/handbook/`.
config-downloads-date = `date = "{ $date }"` bukan tanggal
    .help = Tulis sebagai tahun-bulan-tanggal, misalnya `date = "2026-12-01"`.
config-handouts-kind = `[handouts] kind = "{ $kind }"` bukan jenis halaman (kind) yang ditetapkan di book.toml
    .help = Jenis halaman yang ditetapkan: { $kinds }.
    .help-none = Silakan tetapkan jenis halaman itu lebih dulu dalam bagian `[kinds.<nama>]`.
config-typst-template = `template = "{ $template }"` di `{ $table }` bukan nama templat Typst
    .help = Silakan tulis nama file di folder `typst/` milik tema, misalnya `book.typ`.
config-kind-name = `{ $kind }` tidak dapat dipakai sebagai nama jenis halaman (kind)
    .help = Gunakan huruf kecil, angka, dan `-`.
config-field-name = `{ $field }` tidak dapat menjadi nama kolom untuk halaman berjenis `{ $kind }`
    .help = Gunakan huruf kecil, angka, `-`, dan `_`, tetapi jangan memakai nama kunci front matter: { $reserved }
config-messages = `messages = "{ $code }"` bukan bahasa pesan yang tersedia di Panduan
    .help = Tulis `messages = "id"` (bahasa Indonesia) atau `messages = "en"` (bahasa Inggris).
config-search-language = `[search.synonyms.{ $lang }]` ditujukan untuk bahasa yang tidak tercantum di book.toml
    .help = bahasa yang tercantum: { $declared }; pakailah salah satunya, atau tambahkan `[languages.{ $lang }]`
config-unknown-key = kunci `{ $key }` tidak dikenal
    .help = Kunci yang dapat dipakai di sini: { $valid }
    .help-nearest = Mungkin maksud Anda `{ $nearest }`? Kunci yang dapat dipakai di sini: { $valid }
config-invalid = { $detail }

## Kesalahan yang menghentikan perintah

error-read = tidak dapat membaca `{ $path }`
error-write = tidak dapat menulis `{ $path }`
error-refused-output = `{ $path }` tidak dapat dipakai sebagai folder keluaran: { $reason }
error-refused-zip = file zip `{ $path }` tidak dapat ditulis: { $reason }
error-content = ada { $count } kesalahan di konten
error-disk-full = disk penuh saat menulis `{ $shown }`; { $after }
    { "  " }= petunjuk: Kosongkan sebagian ruang disk, lalu jalankan `panduan build` lagi.
after-kept = keluaran sebelumnya tetap disimpan
after-nothing = belum ada yang ditulis
caused-by = penyebab
after-kept-zip = file zip sebelumnya tetap disimpan
epoch-invalid = `SOURCE_DATE_EPOCH={ $value }` bukan jumlah detik sejak 1970
    .help = Isi dengan bilangan bulat, misalnya `1767225600` (2026-01-01), atau hapus variabel itu.
epoch-out-of-range = `SOURCE_DATE_EPOCH={ $value }` berada di luar rentang tanggal yang dapat dimuat unduhan
    .help = Gunakan jumlah detik dari { $first } (1980-01-01) sampai { $last } (2107-12-31), atau hapus variabel itu.
output-waiting = build lain sedang menulis `{ $out }` (proses { $pid }); menunggu sampai selesai
output-leftover = folder sisa build sebelumnya ini tidak dapat dihapus
    .help = Hapus folder ini secara manual (mungkin file-filenya hanya dapat dibaca). Panduan tidak memakainya.
folder-project = folder proyek
folder-content = folder `content/`
folder-themes = folder `themes/`
folder-theme = folder tema
folder-home = folder pribadi (home) Anda
folder-output = folder keluaran `{ $path }/`
refuse-root = folder itu adalah folder paling atas di komputer (akar sistem file)
refuse-is = folder itu adalah { $what }
refuse-contains = folder itu berisi { $what }
refuse-inside = folder itu berada di dalam { $what }
refuse-a-file = yang ada di sana adalah file, bukan folder
refuse-not-ours = folder itu tidak kosong dan tidak dibuat oleh Panduan (tidak ada file `{ $marker }` di dalamnya). Silakan pilih folder lain atau kosongkan sendiri folder itu
refuse-zip-inside = file itu berada di dalam { $what }, sehingga setiap kali buku dibuat, zip sebelumnya ikut masuk ke zip berikutnya
    { "  " }= petunjuk: Beri nama file zip di luar folder itu, misalnya `--zip handbook.zip`.
refuse-zip-no-folder = folder `{ $path }` tidak ada
    { "  " }= petunjuk: Buat foldernya lebih dulu, atau periksa apakah ada salah ketik pada jalurnya.
refuse-zip-folder = yang ada di sana adalah folder
    { "  " }= petunjuk: Beri nama file yang diakhiri `.zip`.
refuse-zip-not-zip = sudah ada file di sana yang bukan zip
    { "  " }= petunjuk: Pilih nama lain, atau pindahkan file itu.

## Keluaran perintah

status-page = halaman
status-original = asli
status-current = mutakhir
status-outdated = USANG
status-stub = kerangka
status-missing = BELUM ADA
status-untracked = tak dilacak
check-summary = diperiksa: { $errors } kesalahan, { $warnings } peringatan{ $hints ->
        [0] {""}
       *[other] , { $hints } saran
    }
build-summary = { $total } halaman ({ $languages }) selesai dibuat di { $out }/ dalam { $ms } ms: { $files } file, { $kib } KiB, { $warnings } peringatan
build-reused = { $count } unduhan diambil dari keluaran sebelumnya (masukannya tidak berubah)
build-wrote-zip = { $path } sudah ditulis
# Yang ditampilkan di terminal selama langkah yang lama berjalan.
progress-render = membuat halaman…
progress-pdf = menata PDF…
progress-handouts = menata lembar bagi…
progress-epub = menulis EPUB…
progress-zip = mengemas zip untuk dibaca tanpa internet…
build-failed = pembuatan buku gagal dengan { $errors } kesalahan dan { $warnings } peringatan
serve-listening = buku panduan tersedia di { $url } (tekan Ctrl-C untuk berhenti)
serve-changed = berubah: { $paths }
serve-changed-more = berubah: { $paths } dan { $more } lainnya
rebuilt = { $total } halaman selesai dibuat dalam { $ms } ms
rebuilt-into = {" "}di { $out }/
rebuilt-latency = ; { $ms } ms setelah perubahan
rebuilt-tabs = , { $tabs } tab dimuat ulang
rebuilt-complete = {" "}(pencarian dan versi cetak siap { $ms } ms kemudian)
serve-waiting = menunggu perubahan berikutnya…
serve-not-loopback = buku panduan tersedia di { $bind } — komputer lain di jaringan dapat membaca draf ini
serve-edit-intro = untuk menulis di peramban, buka alamat ini (alamat ini memuat kunci untuk sesi ini; jangan dibagikan):
serve-edit-open-to-network = penyuntingan juga terbuka bagi komputer lain: siapa pun yang memegang alamat beserta kuncinya dapat mengubah halaman
serve-no-token = kunci rahasia penyunting tidak dapat dibuat ({ $detail }); jalankan `panduan serve --no-edit` untuk menampilkan buku tanpa penyunting
serve-no-browser = peramban tidak dapat dibuka ({ $detail }). Silakan buka { $url } sendiri.
stopped = dihentikan
clean-removed = { $out }/ sudah dihapus
clean-nothing = tidak ada yang perlu dihapus: { $out }/ tidak ada
init-created = dibuat   { $path }
init-kept = dibiarkan { $path } (sudah ada)
init-ready-here = Buku panduan dwibahasa sudah siap di sini. Langkah berikutnya: `panduan serve --open` untuk melihatnya di peramban sambil menulis, atau `panduan build` untuk membuat buku yang siap dibagikan.
init-ready-in = Buku panduan dwibahasa sudah siap di `{ $dir }`. Langkah berikutnya: `cd { $cd }`, lalu `panduan serve --open` untuk melihatnya di peramban sambil menulis, atau `panduan build` untuk membuat buku yang siap dibagikan.
new-created = { $path } sudah dibuat
new-translate-next = Terjemahkan judul dan teksnya, hapus blok panduan yang ditandai, lalu jalankan `panduan build`.
new-stub-note = Diterjemahkan dari { $language } ({ $path }). Terjemahkan judul, teks, dan kolom
    yang disalin (misalnya `summary`), hapus blok `{ $marker }` di bagian akhir, lalu jalankan build.
new-stub-here = Terjemahkan di sini.
new-stub-guide = Teks { $language } sebagai panduan. Hapus blok ini setelah terjemahannya selesai.
translated-recorded = { $page } kini tercatat mutakhir (sesuai dengan { $source })
translated-all = { $count } terjemahan sudah dicatat; mulai sekarang `panduan check` akan memberi tahu Anda saat halaman sumbernya berubah
current-folder-unreadable = folder saat ini tidak dapat dibaca: { $detail }
no-book-toml = tidak ada `book.toml` di folder ini maupun di folder mana pun di atasnya
    .help = Jalankan perintah ini di dalam folder buku panduan, tambahkan `--root FOLDER`, atau mulai buku baru dengan `panduan init`.
stream-stdout = keluaran standar
stream-full = tidak dapat menulis ke { $what }: disk atau perangkat tujuannya penuh
    { "  " }= petunjuk: Kosongkan sebagian ruang, atau kirim keluarannya ke tempat lain.
stream-failed = tidak dapat menulis ke { $what }: { $detail }

## Bantuan baris perintah

cli-about = Pembuat situs buku panduan dwibahasa (Indonesia/Inggris) yang dapat dibaca secara daring maupun luring
cli-after = Contoh:
    {"  "}panduan build                      membuat buku panduan dari folder ini ke dalam book/
    {"  "}panduan build --base-url https://example.org/panduan/
    {"  "}panduan init buku-saya             memulai buku panduan dwibahasa baru
    {"  "}panduan clean                      menghapus book/ yang sudah dibuat

    Kode keluar: 0 berhasil, 1 ada masalah di konten, 2 tidak dapat berjalan.
cli-arg-lang = Bahasa pesan Panduan: `id` (Indonesia) atau `en` (Inggris)
cli-build-about = Membuat buku panduan di folder keluaran (bawaan: `book/`)
cli-build-after = Contoh:
    {"  "}panduan build
    {"  "}panduan build --out /tmp/situs --drafts
    {"  "}panduan build --zip panduan.zip         seluruh situs dalam satu zip, siap diekstrak dan dibuka
    {"  "}panduan build --root jalur/ke/panduan --base-url https://example.org/
cli-arg-root = Folder buku panduan (bawaan: folder terdekat yang berisi book.toml, dicari dari folder ini ke atas)
cli-arg-out = Folder keluaran (menggantikan `output` di book.toml)
cli-arg-base_url = Alamat publik situs, untuk tautan kanonis, hreflang, dan sitemap.xml
cli-arg-drafts = Sertakan halaman bertanda `draft: true`
cli-arg-edit = Izinkan penyunting di peramban mengubah file walaupun `--bind` membuka buku bagi komputer lain (siapa pun yang memegang alamat yang ditampilkan dapat mengubah halaman)
cli-arg-no_edit = Matikan penyunting di peramban: tombol Sunting tidak muncul di halaman
cli-arg-zip = Tulis juga situs sebagai satu file zip (untuk flashdisk dan pusat pelatihan)
cli-arg-timings = Tampilkan waktu yang dipakai setiap langkah (membaca, menyusun halaman, PDF, menulis)
cli-arg-no_pdf = Kali ini lewati pembuatan PDF dan handout (`[pdf]`, `[handouts]` di book.toml)
cli-serve-about = Membuat buku, menampilkannya di komputer ini, dan memuat ulang peramban setiap kali perubahan disimpan
cli-serve-after = Contoh:
    {"  "}panduan serve                 http://127.0.0.1:3000/
    {"  "}panduan serve --open          dan membukanya di peramban
    {"  "}panduan serve --port 0        port mana pun yang kosong (alamatnya ditampilkan)
    {"  "}panduan serve --poll          di drive jaringan

    Tidak ada yang ditulis ke disk: situs disimpan di memori. Jika pembuatan ulang gagal,
    kesalahannya tampil di terminal dan di atas halaman, dan versi terakhir yang baik tetap disajikan.
cli-arg-port = Nomor port server; 0 berarti Panduan memilih sendiri port yang kosong
cli-arg-bind = Alamat server; `0.0.0.0` membuat komputer lain di jaringan dapat melihat buku ini
cli-arg-open = Buka buku di peramban bawaan
cli-arg-poll = Periksa perubahan setiap setengah detik alih-alih mengandalkan pemberitahuan sistem (drive jaringan, atau saat batas pemantauan sistem tercapai)
cli-watch-about = Membuat ulang folder keluaran setiap kali perubahan disimpan (tanpa server)
cli-watch-after = Contoh:
    {"  "}panduan watch
    {"  "}panduan watch --out /tmp/situs
cli-watch-arg-poll = Periksa perubahan setiap setengah detik alih-alih mengandalkan pemberitahuan sistem
cli-init-about = Membuat buku panduan dwibahasa kecil sebagai titik awal (tidak pernah menimpa file)
cli-init-after = Contoh:
    {"  "}panduan init               di folder ini
    {"  "}panduan init buku-saya     di folder baru
cli-arg-dir = Folder tempat buku panduan dibuat
cli-check-about = Memeriksa semua yang diperiksa saat buku dibuat, ditambah terjemahan, halaman tanpa tautan masuk, judul ganda, dan halaman kosong, tanpa menulis apa pun
cli-check-after = Contoh:
    {"  "}panduan check
    {"  "}panduan check --strict              peringatan juga dianggap gagal (untuk CI)
    {"  "}panduan check --format json > laporan.json

    Kode keluar: 0 tidak ada temuan, 1 ada temuan (kesalahan, atau peringatan dengan --strict), 2 tidak dapat berjalan.
cli-arg-format = Format keluaran
cli-new-about = Membuat halaman, atau kerangka terjemahan sebuah halaman dalam bahasa lain
cli-new-after = Contoh:
    {"  "}panduan new content/id/group-types/mentoring.md
    {"  "}panduan new content/en/group-types/therapy.md --translate-from id
cli-arg-path = File halaman yang akan dibuat, di bawah `content/<bahasa>/`
cli-arg-translate_from = Mulai dari halaman bahasa ini pada jalur yang sama: kolom-kolomnya disalin, teksnya disimpan sebagai panduan, dan terjemahannya mencatat versinya
cli-translated-about = Menandai terjemahan yang sudah ditinjau sebagai mutakhir (sesuai dengan halaman sumbernya)
cli-translated-after = Contoh:
    {"  "}panduan translated content/en/group-types/therapy.md
    {"  "}panduan translated --all    mulai melacak setiap terjemahan yang dibuat sendiri (belum memiliki catatan)
cli-translated-arg-path = Halaman terjemahan
cli-arg-all = Catat setiap terjemahan yang belum memiliki catatan (dibuat sendiri) sebagai mutakhir (sesuai dengan sumbernya); catatan yang sudah ada dibiarkan
cli-arg-from = Bahasa sumber (bawaan: bahasa yang tercatat; jika tidak ada, bahasa halaman asli; jika tidak ada juga, bahasa bawaan buku)
cli-status-about = Menampilkan, per halaman dan bahasa, apakah terjemahan mutakhir, usang, atau belum ada
cli-status-after = Contoh:
    {"  "}panduan status --strict    kode keluar 1 jika ada terjemahan yang belum ada, usang, atau masih kerangka
cli-status-arg-strict = Berikan kode keluar 1 jika ada terjemahan yang belum ada, usang, atau masih kerangka
cli-clean-about = Menghapus folder keluaran (hanya jika dibuat oleh Panduan)
cli-theme-about = Mengelola tema: `panduan theme eject [DIR]` menyalin tema bawaan ke luar
cli-theme-eject-about = Menyalin tema bawaan (templat, CSS, JavaScript, teks tampilan, Typst) ke sebuah folder agar dapat diubah sepenuhnya; tidak pernah menimpa file
cli-theme-eject-after = Contoh:
    {"  "}panduan theme eject                 ke themes/custom/ di folder buku panduan
    {"  "}panduan theme eject themes/lembaga
    Lalu tulis theme = "themes/custom" di bawah [book] dalam book.toml.
cli-theme-eject-arg-dir = Folder tujuan salinan (bawaan: `themes/custom` di folder buku panduan)
cli-completions-about = Menampilkan skrip pelengkapan (completion) untuk shell
cli-completions-after = Contoh:
    {"  "}panduan completions bash > ~/.local/share/bash-completion/completions/panduan
cli-arg-shell = Jenis shell: bash, zsh, fish, elvish, atau powershell
cli-arg-help = Tampilkan bantuan
cli-arg-version = Tampilkan versi
cli-heading-usage = Penggunaan:
cli-heading-options = Pilihan
cli-heading-arguments = Argumen
cli-heading-commands = Perintah
cli-value-command = PERINTAH
cli-arg-strict = Anggap peringatan sebagai kegagalan

## new dan translated

new-outside-content = `{ $path }` tidak berada di dalam folder `content/` buku panduan ini
new-outside-language = `{ $path }` tidak berada di dalam folder bahasa seperti `content/id/`
new-not-md = nama `{ $path }` harus diakhiri `.md`
new-unknown-language = `{ $lang }` bukan bahasa buku panduan ini
    .help = Bahasa yang ada di book.toml: { $languages }
new-exists = `{ $path }` sudah ada; Panduan tidak pernah menimpa halaman
new-no-source = tidak ada halaman `{ $path }` yang dapat diterjemahkan
translated-not-a-page = `{ $path }` bukan halaman buku panduan ini
translated-still-stub = `{ $path }` masih memuat blok panduan `{ $marker }`. Selesaikan terjemahannya dan hapus blok itu lebih dulu
translated-same-language = `{ $path }` sendiri berbahasa `{ $lang }`. Sebutkan bahasa sumbernya dengan `--from`
translated-no-source = `{ $path }` tidak memiliki halaman sumber dalam `{ $lang }`
translated-no-front-matter = `{ $path }` tidak memiliki front matter untuk mencatat terjemahannya

## Tema

theme-embedded-invalid = ada kesalahan pada `{ $path }` bawaan: { $detail }
theme-folder-missing = folder tema `{ $path }` tidak ada
    .help = Perbaiki `theme` di book.toml, atau hapus baris itu untuk memakai tema bawaan.
theme-strings-invalid = ada kesalahan pada teks tampilan tema: { $detail }
theme-strings-missing = tema tidak memiliki teks tampilan dalam `{ $lang }` untuk { $keys }; sebagai gantinya dipakai teks bahasa Inggris
    .help = Tambahkan `i18n/{ $lang }.toml` berisi kunci-kunci ini ke tema Anda.
theme-file-replaces = menggantikan `{ $builtin }` bawaan
    .help = File tema proyek menggantikan seluruh file bawaan yang bernama sama. Untuk menambahkan beberapa aturan saja ke lembar gaya bawaan, cantumkan file Anda di `[theme] extra_css` dalam book.toml.
theme-setting-file = `[theme] { $key }` menyebut `{ $path }`, yang bukan file di dalam folder buku panduan
    .help = Tulis jalurnya dari folder book.toml, misalnya `theme/logo.png`.
theme-accent-invalid = `[theme] accent` berisi `{ $accent }`, yang bukan warna
    .help = Tulis dengan `#` dan enam angka heksadesimal, misalnya `#00713d`.
theme-accent-contrast = warna aksen `{ $accent }` hanya memiliki kontras { $ratio }:1 terhadap latar { $scheme ->
        [light] terang
       *[dark] gelap
    }, kurang dari 4,5:1 yang diperlukan teks (WCAG AA)
    .help = Warna terdekat yang memenuhi syarat adalah `{ $nearest }`.
theme-ejected = Tema bawaan sudah disalin ke `{ $dir }`. Untuk memakainya, tulis `theme = "{ $setting }"` di bawah `[book]` dalam book.toml; file yang Anda hapus dari sana kembali diambil dari tema bawaan.
theme-template-missing = tema tidak memiliki templat `{ $template }`
    .help = Templat yang tersedia untuk halaman: { $templates }
output-not-portable = keluaran akan memuat `{ $name }`, yang tidak dapat dibuka di Windows: { $problem }
    .help = Jika nama itu berasal dari file di `content/`, silakan ganti namanya di sana; jika dari tema, file itu ada di folder `static/` milik tema.
output-case-collision = keluaran akan memuat `{ $other }` dan `{ $name }`, yang di Windows dan macOS dianggap satu nama
    .help = Silakan ganti nama salah satunya.
epub-pack-failed = EPUB `{ $path }` tidak dapat dibuat: { $reason }
output-files-clash = dua file keluaran akan ditulis ke `{ $path }` (dan `{ $other }`)
    .help = Ada file di `content/` yang jalurnya sama dengan halaman yang dibuat Panduan. Silakan ganti namanya.

## serve dan watch

serve-port-in-use = server tidak dapat dijalankan di { $addr }: { $detail }
    .help = Port ini sedang dipakai program lain. Pilih port lain dengan `--port N`, atau `--port 0` untuk port mana pun yang kosong.
serve-cannot-listen = server tidak dapat dijalankan di { $addr }: { $detail }
serve-no-address = alamat server tidak dapat dibaca: { $detail }
serve-no-threads = server tidak dapat dimulai: { $detail }
serve-no-ctrl-c = tombol Ctrl-C tidak dapat dipakai untuk berhenti: { $detail }
watch-limit-reached = perubahan pada `{ $path }` tidak dapat dipantau: { $detail }
    .help = Batas folder yang dapat dipantau sistem sudah tercapai. Jalankan dengan `--poll`, atau naikkan `fs.inotify.max_user_watches`.
watch-failed = perubahan pada `{ $path }` tidak dapat dipantau: { $detail }
    .help = Jika folder ada di drive jaringan, jalankan dengan `--poll`.
template-prepare = `{ $template }` tidak dapat disiapkan untuk { $what }
template-failed = templat `{ $template }` gagal untuk { $what }
template-setup = templat tidak dapat disiapkan
template-invalid = ada kesalahan pada salah satu templat tema
template-syntax = templat `{ $template }` tidak dapat dibaca di sini: { $detail }
    .help = Periksa `{"{{"} … {"}}"}` dan `{"{%"} … {"%}"}` pada baris ini dan baris-baris di atasnya: setiap `{"{%"} if {"%}"}`, `{"{%"} for {"%}"}`, dan `{"{%"} block {"%}"}` perlu ditutup dengan `{"{%"} endif {"%}"}`, `{"{%"} endfor {"%}"}`, atau `{"{%"} endblock {"%}"}`. Atau hapus `{ $path }` untuk kembali memakai templat bawaan.
    .help-unknown = Tidak ada filter, test, atau fungsi dengan nama ini: periksa ejaannya (README mencantumkan yang dapat dipakai templat). Atau hapus `{ $path }` untuk kembali memakai templat bawaan.
    .help-builtin = Templat ini bawaan Panduan. Mohon laporkan masalahnya dan sertakan pesan ini.
    .help-builtin-project = Templat ini bawaan Panduan dan memakai { $files } dari tema Anda: penyebabnya mungkin ada di sana (misalnya, ada blok yang diperlukan tetapi tidak ditulis).
    .help-block = Templat yang menjadi dasarnya (extends) memiliki blok: { $blocks }. Ganti nama blok ini dengan salah satu nama tersebut, atau hapus `{ $path }` untuk kembali memakai templat bawaan.
template-render = templat `{ $template }` gagal pada baris ini saat membuat { $what }: { $detail }
    .help = Mungkin ada nama pada baris ini yang salah ketik, atau tidak memiliki nilai untuk halaman ini (README mencantumkan apa saja yang dapat dipakai templat). Atau hapus `{ $path }` untuk kembali memakai templat bawaan.
    .help-builtin = Templat ini bawaan Panduan. Mohon laporkan masalahnya dan sertakan pesan ini.
    .help-builtin-project = Templat ini bawaan Panduan dan memakai { $files } dari tema Anda: penyebabnya mungkin ada di sana (misalnya, ada blok yang diperlukan tetapi tidak ditulis).
template-missing-parent = templat `{ $template }` dibangun di atas `{ $parent }` (extends), padahal templat itu tidak ada di tema
    .help = Templat yang ada: { $templates }
template-what-navigation = navigasi `{ $lang }`
template-what-notice = pemberitahuan terjemahan yang belum ada, `{ $url }`
tera-block-not-in-parent = blok `{ $name }` tidak ada di templat mana pun yang menjadi dasar templat ini (extends)
tera-found-expected = tertulis { $found }, padahal di sini seharusnya { $expected }
tera-found-unexpected = tertulis { $found }, padahal di sini seharusnya ada nilai atau nama
tera-unknown-filter = tidak ada filter bernama `{ $name }`
tera-unknown-function = tidak ada fungsi bernama `{ $name }`
tera-unknown-test = tidak ada test bernama `{ $name }` (kata sesudah `is`)
tera-unknown-template = tidak ada templat bernama `{ $name }`
tera-unknown-component = tidak ada komponen bernama `{ $name }`
tera-variable-undefined = `{ $name }` tidak dikenal di sini
tera-variable-undefined-among = `{ $name }` tidak dikenal di sini; nama yang ada: { $names }
tera-field-undefined = nilai ini tidak memiliki kolom `{ $name }`
tera-field-undefined-among = nilai ini tidak memiliki kolom `{ $name }`; kolom yang ada: { $names }
tera-closing-mismatch = `{"{%"} { $end } {"%}"}` menutup `{"{%"} { $open } {"%}"}`: tutup dahulu tag yang dibuka paling akhir
tera-not-iterable = `{"{%"} for {"%}"}` tidak dapat mengambil isi { $ty } satu per satu
tera-argument-missing = argumen `{ $name }` belum diberikan
tera-unexpected-character = ada karakter yang tidak boleh berada di sini
tera-unknown-tag = tag ini tidak dikenal di sini, atau menutup tag yang tidak pernah dibuka
tera-comment-unclosed = komentar yang dibuka dengan `{"{#"}` tidak ditutup dengan `{"#}"}`
tera-divide-by-zero = ada pembagian dengan 0
tera-escape-undefined = yang hendak ditampilkan di sini tidak memiliki nilai
tera-string-unclosed = ada teks yang tanda kutipnya belum ditutup
tera-other = pesan Tera: { $detail }
tera-invalid-type = di sini ada { $got }, padahal yang diperlukan { $expected }
tera-value-missing = nilai yang dipakai di sini tidak ada: periksa ejaan nama-nama pada baris ini
tera-type-string = teks
tera-type-number = angka
tera-type-bool = nilai ya/tidak
tera-type-array = daftar
tera-type-map = pasangan kunci dan nilai
tera-type-none = nilai kosong
tera-type-other = nilai bertipe `{ $ty }`
tera-own = { $detail }
template-fn-unknown-kind = jenis halaman `{ $kind }` tidak ditetapkan di book.toml; jenis yang ada: { $kinds }
template-fn-field-and-value = `pages_of_kind` memerlukan `field` dan `value` berpasangan: isi keduanya, atau jangan isi keduanya
template-fn-unknown-lang = bahasa `{ $lang }` tidak ada di book.toml
template-fn-not-a-field = `{ $field }` bukan kolom halaman berjenis `{ $kind }`
template-fn-not-a-list = `{ $field }` bukan kolom daftar pada halaman berjenis `{ $kind }`
watch-warning = saat memantau file: { $detail }
watch-watching = memantau perubahan; tekan Ctrl-C untuk berhenti
cli-help-about = Menampilkan pesan ini atau bantuan untuk perintah yang disebut
cli-value-options = PILIHAN

## PDF

pdf-not-ua = PDF { $file } ditulis tanpa pernyataan PDF/UA-1 (PDF yang aksesibel): { $reason }
    .help = Perbaiki yang disebut dalam alasannya (misalnya gambar tanpa teks alternatif), maka build berikutnya akan menyatakannya.

## Glosarium

glossary-not-a-list = `extra.glossary` harus berupa daftar istilah
    .help = Tulis setiap istilah sebagai `- key: …`, `term: …`, dan `definition: …` di bawah `glossary:`.
glossary-term-incomplete = istilah glosarium ini belum memiliki `{ $missing }`
    .help = Setiap istilah memerlukan `key` (sama dalam setiap bahasa), `term`, dan `definition`-nya sendiri.
glossary-key-twice = kunci glosarium `{ $key }` dipakai dua kali
    .help = `{ $other }` juga memakainya. Beri setiap istilah kuncinya sendiri.
glossary-no-counterpart = istilah glosarium `{ $term }` belum memiliki padanan dalam bahasa `{ $lang }` ({ $language })
    .help = Tambahkan istilah dengan `key: { $key }` ke `extra.glossary` di `{ $other }`, atau beri istilah padanannya kunci ini.
kind-field-of-kind = { $ty } berjenis `{ $kind }`
expect-page-id = id sebuah halaman, misalnya `group-types/therapy`
config-kind-not-page = `kind` hanya untuk kolom dengan `type = "page"`; kolom `{ $field }` pada halaman berjenis `{ $kind }` bertipe `{ $ty }`
    .help = Hapus `kind`, atau tetapkan `type = "page"` untuk kolom yang nilainya menyebut halaman lain.
config-field-kind-unknown = kolom `{ $field }` pada halaman berjenis `{ $kind }` meminta halaman berjenis `{ $wanted }`, yang tidak ditetapkan di book.toml
    .help = Jenis halaman di book.toml: { $kinds }
    .help-nearest = Mungkin maksud Anda `{ $nearest }`?

## Kolom yang menyebut halaman

field-page-other-language = `{ $page }` hanya tersedia dalam bahasa `{ $lang }` ({ $language }); `{ $field }` menautkan ke sana
    .help = Terjemahkan halaman itu agar tautannya tetap dalam bahasa ini.
field-page-nearest = Mungkin maksud Anda { $nearest }?
field-page-none-of-kind = Belum ada halaman dengan `kind: { $kind }`. Tulis satu halaman seperti itu, atau hapus kolom ini.
field-page-of-kind = Id halaman adalah jalurnya di bawah `content/<bahasa>/` tanpa `.md`. Halaman berjenis `{ $kind }`: { $pages }
field-page-example = Id halaman adalah jalurnya di bawah `content/<bahasa>/` tanpa `.md`, misalnya { $pages }
field-page-missing = `{ $field }` menyebut halaman `{ $page }`, tetapi tidak ada halaman dengan id itu
field-page-is-of-kind = halaman berjenis `{ $kind }`
field-page-is-kindless = halaman tanpa jenis
field-page-wrong-kind = `{ $field }` harus menyebut halaman berjenis `{ $kind }`, tetapi `{ $page }` adalah { $is }

## Istilah baku ([terms.<lang>] di book.toml)

terms-unknown-language = `[terms.{ $lang }]` ditujukan untuk bahasa yang tidak tercantum di book.toml
    .help = bahasa yang tercantum: { $declared }; pakailah salah satunya, atau tambahkan `[languages.{ $lang }]`
terms-empty = ada istilah kosong di `{ $table }`
    .help = tulis bentuk yang dihindari di sebelah kiri dan istilah baku di sebelah kanan, misalnya `"konseling individual" = "konseling perorangan"`
terms-empty-preferred = istilah baku untuk "{ $term }" masih kosong
    .help = tulis istilah yang seharusnya dipakai, misalnya `"konseling individual" = "konseling perorangan"`
terms-duplicate = "{ $term }" tercantum dua kali di `{ $table }` (juga di baris { $line })
    .help = hapus salah satu barisnya; huruf besar dan huruf kecil tidak dibedakan saat istilah dicocokkan
terms-same = "{ $term }" ditulis sebagai bentuk yang dihindari sekaligus sebagai istilah baku
    .help = tulis bentuk yang dihindari di sebelah kiri dan istilah baku di sebelah kanan, atau hapus baris ini
terms-chain = istilah baku "{ $term }" juga tercantum sebagai bentuk yang dihindari di `{ $table }` (baris { $line })
    .help = tulis istilah yang seharusnya dipakai, yaitu "{ $next }"
terms-own-counterpart = ada padanan dalam bahasa `{ $lang }`, padahal `{ $table }` sendiri berlaku untuk bahasa itu
    .help = tulis istilah baku sebagai `use = "…"`, dan padanannya dengan kode bahasa yang lain
terms-empty-counterpart = padanan `{ $lang }` untuk "{ $term }" masih kosong
    .help = tulis istilah yang dipakai halaman `{ $lang }` untuk hal yang sama, atau hapus `{ $lang } = ""`
terms-unknown-key = `{ $key }` bukan `use` dan bukan kode bahasa yang tercantum
    .help = tulis `{ "{" } use = "istilah baku", { $other } = "padanan" { "}" }`; bahasa yang tercantum: { $declared }
terms-missing-use = entri untuk "{ $term }" tidak memiliki `use = "…"`
    .help = sebutkan istilah bakunya, misalnya `{ "{" } use = "bermain peran", en = "role-play" { "}" }`
term-avoided = "{ $written }" bukan istilah baku; tulislah "{ $preferred }"
    .help = istilah baku { $language } tercantum di `[terms.{ $lang }]` dalam book.toml (baris { $line }); untuk mengutip bentuk yang dihindari dengan sengaja, letakkan di antara `<!-- panduan:terms off -->` dan `<!-- panduan:terms on -->`
term-counterpart-missing = halaman ini tidak pernah menyebut "{ $counterpart }", padahal halaman sumbernya dalam { $language }, `{ $source }`, memakai istilah baku "{ $term }"
    .help = `[terms.{ $lang }]` dalam book.toml memasangkan keduanya (baris { $line }); bila halaman ini membahas hal yang sama, tulislah "{ $counterpart }"

## Pekerjaan yang belum selesai di `serve` (isu #26): tanda di halaman, dalam bahasa halaman itu

unfinished-page = belum ditulis; untuk memulainya: { $command }
unfinished-file = file ini belum ada; simpan filenya di { $path }
unfinished-file-case = huruf besar-kecilnya berbeda dari nama filenya: tulis `{ $fix }`
unfinished-anchor = “{ $title }” belum memiliki judul bagian #{ $anchor }
link-wrong-case = nama file `{ $link }` sebenarnya `{ $real }`: huruf besar-kecilnya berbeda
    .help = Tulis tautannya `{ $fix }`, persis seperti nama filenya. Windows menganggap kedua ejaan itu file yang sama, tetapi server web tidak, sehingga tautannya akan rusak setelah diterbitkan.

## Teks yang ditempel dari Word dan Excel (isu #26)

front-matter-dash-fence = baris `{ $line }` dibaca sebagai `---`: pengolah kata mengubah tiga tanda hubung menjadi tanda pisah
    .help = Ketik tiga tanda hubung `---` di baris ini dengan penyunting teks biasa (Notepad, VS Code). Di Word, matikan pilihan AutoFormat "Hyphens (--) with dash (—)".
front-matter-curly-quotes = `{ $key }` diapit tanda kutip melengkung, sehingga tanda kutip itu ikut menjadi bagian teksnya
    .help = Gunakan tanda kutip lurus, atau tanpa tanda kutip: `{ $fix }`
yaml-nested-quotes = tanda kutip di dalam teks ini membuat teksnya berakhir terlalu cepat
    .help = Apit seluruh teks dengan tanda kutip tunggal (tanda kutip tunggal di dalamnya ditulis dua kali): `{ $fix }`
body-tab-table = { $rows } baris ini dipisahkan dengan tab, seperti tabel yang ditempel dari Excel: semuanya tampil sebagai satu paragraf
    .help = Agar tampil sebagai tabel, tulis seperti ini:
        { $table }

## book.toml dan baris perintah dengan kata-kata biasa (isu #26)

config-wrong-type = `{ $key }` harus berisi { $wanted ->
        [table] bagian pengaturan tersendiri
        [bool] `true` atau `false`
        [number] bilangan bulat
        [list] daftar
       *[text] teks dalam tanda kutip
    }
    .help-field = Setiap kolom sebuah jenis ditulis sebagai tabel tersendiri: tulis `[{ $table }.{ $key }]` di barisnya sendiri, lalu `type = "{ $value }"` di bawahnya.
    .help-table = `{ $key }` berisi satu nilai untuk setiap bahasa, misalnya `{ $key } = { "{" } id = "{ $value }", en = "…" { "}" }`.
    .help-bool = Tulis `{ $key } = true` atau `{ $key } = false`, tanpa tanda kutip.
    .help-number = Tulis bilangan bulat tanpa tanda kutip, misalnya `{ $key } = 3`.
    .help-list = Tulis daftar di dalam kurung siku, misalnya `{ $key } = ["{ $value }"]`.
    .help-text = Apit teksnya dengan tanda kutip: `{ $key } = "{ $value }"`.
config-unquoted-text = teks `{ $key }` harus diapit tanda kutip
    .help = Tulis `{ $fix }`.
config-base-url-option = `--base-url { $url }` bukan alamat http(s)
    .help = Tulis alamatnya lengkap, misalnya `--base-url https://example.org/panduan/`.

## Kesalahan pada baris perintah (issue #26)

cli-unknown-command = `{ $word }` bukan perintah `{ $command }`
    .help = Perintah yang ada: { $commands }. Ketik `{ $command } --help` untuk melihat kegunaan masing-masing.
    .help-nearest = Mungkin maksud Anda `{ $command } { $nearest }`?
cli-unknown-option = `{ $command }` tidak memiliki pilihan `{ $word }`
    .help = Ketik `{ $command } --help` untuk melihat daftar pilihannya.
    .help-nearest = Mungkin maksud Anda `{ $nearest }`? (Ketik `{ $command } --help` untuk melihat daftar pilihannya.)
    .help-elsewhere = `{ $word }` adalah pilihan untuk { $elsewhere }. Ketik `{ $command } --help` untuk melihat pilihan `{ $command }`.
cli-unexpected-word = `{ $command }` tidak menerima `{ $word }` di sini
    .help = Nama yang berisi spasi harus diapit tanda kutip, misalnya `"content/id/halaman saya.md"`. Ketik `{ $command } --help` untuk melihat apa saja yang dapat ditulis.
    .help-options = `{ $command }` hanya menerima pilihan (yang diawali `--`). Ketik `{ $command } --help` untuk melihat daftarnya.
cli-missing-value = `{ $option }` perlu diikuti sebuah nilai
    .help = Tulis `{ $shown }`, lalu ganti kata di dalam `< >` dengan nilai Anda.
cli-invalid-value = `{ $value }` bukan nilai yang dapat dipakai untuk `{ $option }`
    .help = Tulis salah satu dari: { $valid }.
    .help-nearest = Mungkin maksud Anda `{ $nearest }`? Nilai yang dapat dipakai: { $valid }.
    .help-expect = `{ $option }` memerlukan { $expected }.
    .help-other = Ketik `{ $command } --help` untuk melihat nilai yang dapat dipakai untuk `{ $option }`.
cli-conflict = `{ $option }` tidak dapat dipakai bersama { $other }
    .help = Pakai salah satu saja.
cli-missing-argument = `{ $command }` memerlukan { $missing }: { $what }
    .help = Contoh: `{ $example }`
cli-cannot-read = perintah yang Anda ketik tidak dapat dipahami
cli-see-help = Ketik `{ $command } --help` untuk melihat cara menulisnya.
cli-expect-port = bilangan bulat dari 0 sampai 65535, misalnya `--port 3000` (0 berarti Panduan memilih sendiri port yang sedang tidak dipakai)
cli-expect-bind = alamat seperti `127.0.0.1` (hanya komputer ini) atau `0.0.0.0` (komputer lain di jaringan juga dapat membukanya)
