#!/usr/bin/env node
// The devcoop command. TypeScript runs through tsx, a dependency, so `npx devcoop` works in a checkout.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
