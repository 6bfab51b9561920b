import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleIsCurrent } from '../../../scripts/build-cli/sources.mjs';
import { hearthBinary } from '../../helpers/hearth-cli';
import { useTempDir } from '../../helpers/temp-dir';
import { CORPUS } from '../../helpers/corpus';

const tempDir = useTempDir('hearth-cli-bundle-');
const root = resolve(import.meta.dirname, '../../..');
const OSX = join(CORPUS, 'tldr/pages/osx');

describe('the built `hearth`', () => {
  beforeAll(() => {
    const built = spawnSync(process.execPath, ['scripts/build-cli/index.mjs'], { cwd: root, encoding: 'utf8' });
    expect(built.status, built.stderr).toBe(0);
  });

  it('is what bin/hearth.mjs runs, and answers as the TypeScript does', async () => {
    expect(bundleIsCurrent(root)).toBe(true);
    const help = await hearthBinary(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: hearth/);
    expect(await hearthBinary(['--help'], { HEARTH_CLI_FROM_SOURCE: '1' })).toEqual(help);

    // A command that opens the services, starts the indexer's child process and searches.
    const dataDir = tempDir();
    const indexed = await hearthBinary(['index', OSX, '--collection', 'Mac', '--data-dir', dataDir, '--json']);
    expect(indexed.code, indexed.stderr).toBe(0);
    const search = ['search', 'clean up cache files', '--mode', 'keyword', '--limit', '3', '--data-dir', dataDir];
    const fromBundle = await hearthBinary(search);
    expect(fromBundle.code, fromBundle.stderr).toBe(0);
    expect(fromBundle.stdout).toMatch(/^1\. \S+\.md \(lines/);
    // The same results, line for line; only the time it took may differ.
    const untimed = (text: string) => text.replace(/\b\d+ ms\b/g, '… ms');
    const fromSource = await hearthBinary(search, { HEARTH_CLI_FROM_SOURCE: '1' });
    expect(fromSource.code, fromSource.stderr).toBe(0);
    expect(untimed(fromSource.stdout)).toBe(untimed(fromBundle.stdout));
  });
});
