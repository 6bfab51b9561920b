import { copyFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fixtureModel, fixtureSplitModel } from '../../native-models/fixtures/generate';
import type { ShapeName } from '../../native-models/fixtures/shapes';

/** A private copy of a generated model in `dir`, so a test may move, corrupt or delete it. */
export function copyOfModel(shape: ShapeName, dir: string): string {
  const target = join(dir, `${shape}.gguf`);
  copyFileSync(fixtureModel(shape), target);
  return target;
}

/** Private copies of every part of a split model; returns the first part's path. */
export function copyOfSplitModel(shape: ShapeName, dir: string): string[] {
  return fixtureSplitModel(shape).map((part) => {
    const target = join(dir, basename(part));
    copyFileSync(part, target);
    return target;
  });
}
