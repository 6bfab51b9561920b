import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  describeExit,
  forkNodeEntry,
  type ChildProcessHandle,
} from '../../../../electron/services/workers/child-process';
import { useTempDir } from '../../../helpers/temp-dir';

const tempDir = useTempDir();

/** Starts `source` as a child; resolves with every message it sent and how it ended. */
function run(
  source: string,
  onMessage: (message: unknown, child: ChildProcessHandle) => void = () => undefined,
): Promise<{ messages: unknown[]; why: string }> {
  const entry = join(tempDir(), 'entry.mjs');
  writeFileSync(entry, source);
  const child = forkNodeEntry(entry, { args: ['{"n":3}'], heapMb: 64, fromSource: false, name: 'test' });
  const messages: unknown[] = [];
  child.onMessage((message) => {
    messages.push(message);
    onMessage(message, child);
  });
  return new Promise((resolve) => child.onExit((why) => resolve({ messages, why })));
}

describe('forkNodeEntry', () => {
  it('passes the arguments, carries typed arrays both ways, and reports a clean exit', async () => {
    const { messages, why } = await run(
      `
      const { n } = JSON.parse(process.argv[2]);
      process.on('message', (vector) => {
        const sum = vector.reduce((a, b) => a + b, 0);
        process.send({ sum, back: vector }, () => process.exit(0));
      });
      process.send({ n });
      `,
      (message, child) => {
        if ((message as { n?: number }).n === 3) child.postMessage(new Float32Array([0.5, 1.5, 2]));
      },
    );
    expect(messages).toEqual([{ n: 3 }, { sum: 4, back: new Float32Array([0.5, 1.5, 2]) }]);
    expect((messages[1] as { back: unknown }).back).toBeInstanceOf(Float32Array);
    expect(why).toBe('exit 0');
  });

  it('says "out of memory" when the child outgrows its heap, and this process goes on', async () => {
    const { why } = await run(`
      const hoard = [];
      for (;;) hoard.push({ text: 'x'.repeat(64) + hoard.length });
    `);
    expect(why).toBe('out of memory');
  });

  it('kills a child that will not stop, and reports the signal', async () => {
    const { why } = await run(`process.send('looping'); for (;;) {}`, (_message, child) => child.kill());
    expect(why).toBe('signal SIGKILL');
  });
});

describe('describeExit', () => {
  it('names a signal, an exit code, or running out of memory', () => {
    expect(describeExit(null, 'SIGKILL', '')).toBe('signal SIGKILL');
    expect(describeExit(3, null, 'Error: boom')).toBe('exit 3');
    expect(describeExit(null, 'SIGABRT', 'FATAL ERROR: Reached heap limit Allocation failed')).toBe('out of memory');
  });
});
