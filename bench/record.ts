import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

/** One measured row: what was measured and its figures, in the order of the section's headings. */
export interface Figure {
  what: string;
  values: number[];
}

export const percentile = (ms: number[], p: number) => {
  const s = [...ms].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
};

/** Median, min and max of a set of timings. */
export function stats(ms: number[]): number[] {
  return [percentile(ms, 50), Math.min(...ms), Math.max(...ms)];
}

const FILE = join(import.meta.dirname, '..', 'docs', 'benchmarks.md');
const HEAD =
  '# Benchmarks\n\nMeasured figures, newest section per benchmark; each gives its date, machine and the command that\nreproduces it. Tests never time anything: speed is measured here.\n';

/** Writes (or replaces) one benchmark's section in docs/benchmarks.md. */
export function recordFigures(title: string, command: string, figures: Figure[], runs: number, headings = ['median ms', 'min ms', 'max ms']): void {
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}`;
  const rows = figures.map((f) => `| ${f.what} | ${f.values.map((v) => (Number.isInteger(v) || Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(1))).join(' | ')} |`).join('\n');
  const section = `## ${title}\n\n- date: ${new Date().toISOString().slice(0, 10)}\n- machine: ${machine}\n- command: \`${command}\` (${runs} runs)\n\n| measure | ${headings.join(' | ')} |\n| --- | ${headings.map(() => '---:').join(' | ')} |\n${rows}\n`;
  const current = existsSync(FILE) ? readFileSync(FILE, 'utf8') : HEAD;
  const parts = current.split(/^(?=## )/m);
  const kept = parts.filter((p) => !p.startsWith(`## ${title}\n`));
  const next = [...kept.map((p) => p.trimEnd()), section.trimEnd()].join('\n\n');
  writeFileSync(FILE, `${next}\n`);
  console.log(section);
}
