import { relative } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

/** How many of the slowest test files to name at the end of a run. */
const SLOWEST = 10;

/**
 * Closes a run with what a reader of CI's log needs beyond pass and fail: every skipped test with
 * the reason it gave (`ctx.skip(reason)`), and the slowest test files (import plus tests), so a
 * regression in the suite's own speed shows where it happened.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const skipped = modules.flatMap((module) =>
      [...module.children.allTests()]
        .filter((test) => test.result().state === 'skipped')
        .map((test) => {
          const result = test.result();
          const note = result.state === 'skipped' ? result.note : undefined;
          return `  ${relative(process.cwd(), module.moduleId)} > ${test.fullName}: ${note ?? 'skipped without a reason'}`;
        }),
    );
    const lines = [`Skipped tests (${skipped.length}):`, ...(skipped.length ? skipped : ['  none'])];
    const slowest = modules
      .map((module) => {
        const { collectDuration, duration } = module.diagnostic();
        return { file: relative(process.cwd(), module.moduleId), ms: collectDuration + duration };
      })
      .sort((a, b) => b.ms - a.ms)
      .slice(0, SLOWEST);
    lines.push(`Slowest ${slowest.length} test files:`);
    for (const { file, ms } of slowest) lines.push(`  ${(ms / 1000).toFixed(1).padStart(6)} s  ${file}`);
    process.stdout.write(`\n${lines.join('\n')}\n`);
  }
}
