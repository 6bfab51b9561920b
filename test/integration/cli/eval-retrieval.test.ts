import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hearth } from '../../helpers/hearth-cli';
import { useTempDir } from '../../helpers/temp-dir';

const tempDir = useTempDir();

describe('hearth eval retrieval', () => {
  it('counts any of several expected files, and says which expected files the collection does not hold', async () => {
    const folder = tempDir();
    const dataDir = tempDir();
    writeFileSync(join(folder, 'lamp.md'), '# Lamp\n\nThe lighthouse lamp burns paraffin every night.\n');
    writeFileSync(join(folder, 'stairs.md'), '# Stairs\n\nThere are 217 stairs up to the lantern room.\n');
    expect((await hearth(['index', folder, '--collection', 'Light', '--data-dir', dataDir])).code).toBe(0);
    const questions = join(tempDir(), 'questions.tsv');
    writeFileSync(
      questions,
      [
        '# question<TAB>expected file(s)',
        'what does the lamp burn\tlamp-old.md|lamp.md',
        'how many stairs to the lantern room\tstairs.md',
        'where is the fog horn\tfog-horn.md',
      ].join('\n'),
    );
    const args = ['eval', 'retrieval', '--questions', questions, '--collection', 'light', '--data-dir', dataDir];

    const plain = await hearth(args);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stderr).toBe(
      '2 expected files are not in "Light": lamp-old.md (line 2), fog-horn.md (line 4). 1 question is left out of the scores.\n',
    );
    expect(plain.stdout).toMatch(/^Retrieval on 2 questions, collection "Light"/);

    const json = await hearth([...args, '--json']);
    const report = JSON.parse(json.stdout) as {
      questions: number;
      absent: Array<{ line: number; file: string }>;
      scores: Array<{ mode: string; recallAt5: number }>;
    };
    expect(report.questions).toBe(2);
    expect(report.absent).toEqual([
      { line: 2, file: 'lamp-old.md' },
      { line: 4, file: 'fog-horn.md' },
    ]);
    // The alternative that exists counts: both questions are found by keyword search.
    expect(report.scores.find((score) => score.mode === 'keyword')!.recallAt5).toBe(1);
  });
});
