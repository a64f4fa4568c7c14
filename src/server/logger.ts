/**
 * Structured logs: one JSON object a line, all on stderr. stdout belongs to what a command prints (a
 * `--json` document, a table), so `devcoop … --json | jq` works; a service manager collects both.
 */
export type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level | 'silent', number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export type Logger = Record<Level, (msg: string, fields?: Record<string, unknown>) => void>;

export function createLogger(min: Level | 'silent' = 'info'): Logger {
  const write = (level: Level) => (msg: string, fields?: Record<string, unknown>) => {
    if (ORDER[level] < ORDER[min]) return;
    const line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields });
    process.stderr.write(`${line}\n`);
  };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}
