import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENDED_PID } from '../../../helpers/corrupt';
import { startHoldChild } from '../../../helpers/hold-child-process';
import { useTempDir } from '../../../helpers/temp-dir';

const tempDir = useTempDir();
const TRIALS = 20;
const CONTENDERS = 3;

describe('taking over a stale index lock', () => {
  it(`gives it to exactly one of ${CONTENDERS} processes that find it stale at once, in each of ${TRIALS} trials`, async () => {
    const winners: number[] = [];
    for (let trial = 0; trial < TRIALS; trial++) {
      const lock = join(tempDir(), 'library.db.index-lock');
      // Left by an indexer that crashed.
      writeFileSync(lock, `${ENDED_PID}\n`);
      // Far enough ahead for every process to have started and be spinning.
      const startAt = Date.now() + 500;
      const children = Array.from({ length: CONTENDERS }, () => startHoldChild(['lock', lock, String(startAt)]));
      const said = await Promise.all(children.map((child) => child.said));
      await Promise.all(children.map((child) => child.release()));
      winners.push(said.filter((word) => word === 'acquired').length);
    }
    expect(winners.filter((n) => n !== 1)).toEqual([]);
  });
});
