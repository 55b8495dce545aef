type Level = 'silent' | 'error' | 'info';

export type Logger = {
  info(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
};

/**
 * Structured JSON lines on stdout. Callers pass route patterns, ids and codes only: never
 * cookies, tokens, passwords or form contents.
 */
export function createLogger(level: Level): Logger {
  const write = (lvl: 'info' | 'error', event: string, fields?: Record<string, unknown>) => {
    if (level === 'silent' || (level === 'error' && lvl === 'info')) return;
    const line = JSON.stringify({ time: new Date().toISOString(), level: lvl, event, ...fields });
    (lvl === 'error' ? process.stderr : process.stdout).write(line + '\n');
  };
  return { info: (e, f) => write('info', e, f), error: (e, f) => write('error', e, f) };
}
