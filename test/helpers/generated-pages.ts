import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Seeded Markdown pages in the shape of a folder of command notes (tldr's layout): a title, a
 * quoted summary with a link, and examples under list items, spread over platform folders, with
 * near-duplicates (the same command on another platform, one line changed). Scale tests generate
 * them rather than read a corpus the repository does not hold; the same seed gives the same bytes.
 */
export interface GeneratedPagesOptions {
  /** How many pages. */
  count: number;
  /** Defaults to 7. */
  seed?: number;
  /** Share of pages that are a near-duplicate of an earlier one, in another folder. Defaults to 0.1. */
  duplicateShare?: number;
}

export interface GeneratedPages {
  /** Paths relative to the folder, in the order they were written. */
  files: string[];
  /** A page holding a phrase no other page holds, for a test to find. */
  marker: { file: string; words: string[] };
}

const FOLDERS = ['common', 'linux', 'osx', 'windows', 'android', 'freebsd', 'netbsd', 'openbsd', 'sunos', 'dos'];
const SYLLABLES = ['ar', 'ba', 'co', 'de', 'fi', 'gu', 'hal', 'ix', 'jo', 'ke', 'lu', 'mo', 'nex', 'or', 'pa', 'qui'];
const VERBS = ['Print', 'List', 'Create', 'Remove', 'Copy', 'Move', 'Show', 'Start', 'Stop', 'Compress', 'Extract'];
const NOUNS = ['file', 'folder', 'archive', 'process', 'service', 'network interface', 'user', 'package', 'disk'];
const DETAILS = ['recursively', 'verbosely', 'in the background', 'with a progress bar', 'as JSON', 'quietly'];

/** A small linear congruential generator: enough variety, and the same pages on every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
}

export function writeGeneratedPages(dir: string, options: GeneratedPagesOptions): GeneratedPages {
  const next = random(options.seed ?? 7);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const word = () => Array.from({ length: 2 + Math.floor(next() * 2) }, () => pick(SYLLABLES)).join('');
  const pages: Array<{ folder: string; name: string; body: string }> = [];
  const taken = new Set<string>();
  const files: string[] = [];
  const write = (folder: string, name: string, body: string) => {
    mkdirSync(join(dir, folder), { recursive: true });
    writeFileSync(join(dir, folder, `${name}.md`), body);
    files.push(`${folder}/${name}.md`);
    pages.push({ folder, name, body });
  };
  const marker = { file: '', words: ['hearthmarker', 'quillon', 'zephyrine'] };
  const markerAt = Math.floor(options.count / 2);
  for (let i = 0; i < options.count; i++) {
    const original =
      i !== markerAt && pages.length > 0 && next() < (options.duplicateShare ?? 0.1) ? pick(pages) : undefined;
    if (original) {
      const folder = FOLDERS.find((f) => f !== original.folder && !taken.has(`${f}/${original.name}`)) ?? 'common';
      if (!taken.has(`${folder}/${original.name}`)) {
        taken.add(`${folder}/${original.name}`);
        write(folder, original.name, original.body.replace(/^- .*$/m, `- ${pick(VERBS)} on ${folder}:`));
        continue;
      }
    }
    let name = word();
    // A name no folder has yet: near-duplicates are made on purpose above, never by chance.
    while (FOLDERS.some((f) => taken.has(`${f}/${name}`))) name = `${word()}-${i}`;
    const folder = i % 3 === 0 ? 'common' : pick(FOLDERS);
    taken.add(`${folder}/${name}`);
    const lines = [`# ${name}`, '', `> ${pick(VERBS)} ${pick(NOUNS)}s ${pick(DETAILS)}.`];
    lines.push(`> More information: <https://example.org/${name}>.`, '');
    for (let e = 0; e < 3 + Math.floor(next() * 5); e++) {
      const verb = pick(VERBS);
      lines.push(`- ${verb} a ${pick(NOUNS)} ${pick(DETAILS)}:`, '');
      lines.push(`\`${name} --${verb.toLowerCase()} {{path/to/${pick(NOUNS).replace(' ', '_')}}}\``, '');
    }
    if (i === markerAt) {
      lines.push(`- Find the ${marker.words.join(' ')} setting:`, '', `\`${name} --find ${marker.words[0]}\``, '');
      marker.file = `${folder}/${name}.md`;
    }
    write(folder, name, lines.join('\n'));
  }
  return { files, marker };
}
