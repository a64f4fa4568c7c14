import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

export interface Figure {
  what: string;
  median: number;
  min: number;
  max: number;
}

export function stats(ms: number[]): Omit<Figure, 'what'> {
  const s = [...ms].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)] ?? Number.NaN, min: s[0] ?? Number.NaN, max: s.at(-1) ?? Number.NaN };
}

const FILE = join(import.meta.dirname, '..', 'docs', 'benchmarks.md');
const HEAD =
  '# Benchmarks\n\nMeasured figures, newest section per benchmark; each gives its date, machine and the command that\nreproduces it. Tests never time anything: speed is measured here.\n';

/** Writes (or replaces) one benchmark's section in docs/benchmarks.md. */
export function recordFigures(title: string, command: string, figures: Figure[], runs: number): void {
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}`;
  const rows = figures.map((f) => `| ${f.what} | ${f.median.toFixed(0)} | ${f.min.toFixed(0)} | ${f.max.toFixed(0)} |`).join('\n');
  const section = `## ${title}\n\n- date: ${new Date().toISOString().slice(0, 10)}\n- machine: ${machine}\n- command: \`${command}\` (${runs} runs)\n\n| measure | median ms | min ms | max ms |\n| --- | ---: | ---: | ---: |\n${rows}\n`;
  const current = existsSync(FILE) ? readFileSync(FILE, 'utf8') : HEAD;
  const parts = current.split(/^(?=## )/m);
  const kept = parts.filter((p) => !p.startsWith(`## ${title}\n`));
  const next = [...kept.map((p) => p.trimEnd()), section.trimEnd()].join('\n\n');
  writeFileSync(FILE, `${next}\n`);
  console.log(section);
}
