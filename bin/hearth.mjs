#!/usr/bin/env node
// The `hearth` command from a source checkout: compiles the TypeScript CLI on the fly with tsx.
import { register } from 'tsx/esm/api';

register();
await import('../electron/cli/main.ts');
