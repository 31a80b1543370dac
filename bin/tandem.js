#!/usr/bin/env node
// The `tandem` command: runs the TypeScript sources through tsx, so no build step is needed
// for the server (the web app is built by `tandem start` when missing or stale).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
await import(join(root, 'src/server/cli.ts'));
