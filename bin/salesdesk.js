#!/usr/bin/env node
// The salesdesk command: runs the TypeScript CLI through tsx, so that the CLI, the app and the tests
// share one source of truth without a separate build step.
import { register } from 'tsx/esm/api';

register();
process.env.SALESDESK_CLI_BIN = '1';
await import('../electron/cli/index.ts');
