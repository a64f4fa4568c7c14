#!/usr/bin/env node
// The devcoop command. TypeScript runs through tsx, a dependency, so `npx devcoop` works in a checkout.
import { register } from 'tsx/esm/api';

register();
const { limitHeapGrowth } = await import('../src/server/heap.ts');
limitHeapGrowth();
await import('../src/cli/main.ts');
