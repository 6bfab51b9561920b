#!/usr/bin/env node
// The `hearth` command from a checkout: the bundle `npm install` built (out/cli/), or, when the
// sources are newer than it (or it is missing), the TypeScript compiled on the fly with tsx.
import { resolve } from 'node:path';
import { bundleIsCurrent } from '../scripts/build-cli/sources.mjs';

if (bundleIsCurrent(resolve(import.meta.dirname, '..'))) {
  await import('../out/cli/main.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../electron/cli/main.ts');
}
