import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { extractDocument } from './electron/services/library/extract.ts';
const root = process.argv[2]!;
const walk = (d: string): string[] => readdirSync(d).flatMap((n) => statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]);
for (const f of walk(root)) {
  const t = performance.now();
  const r = await extractDocument(f, readFileSync(f), { ocr: { enabled: false, maxPages: 0 } }).catch((e) => ({ ok: 'THROW', detail: String(e) } as any));
  console.log(f.slice(root.length), r.type, (performance.now()-t).toFixed(0)+'ms', r.ok === true ? `ok ${r.sections.map((s: any) => s.text).join(' ').slice(0, 70).replace(/\n/g, ' ')}` : `${r.ok} ${r.reason} ${r.detail?.slice(0, 90)}`);
}
process.exit(0);
