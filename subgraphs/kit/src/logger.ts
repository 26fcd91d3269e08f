/**
 * Structured logs: one JSON object per line on stdout. Personal data never
 * goes in: log ids, codes and counts, not variables or records.
 */
export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

function levelFromEnv(): LogLevel {
  const level = (process.env.LOG_LEVEL ?? "info").toLowerCase();
  return level in ORDER ? (level as LogLevel) : "info";
}

export function createLogger(service: string, base: Record<string, unknown> = {}, level = levelFromEnv()): Logger {
  const write = (at: Exclude<LogLevel, "silent">, msg: string, fields?: Record<string, unknown>) => {
    if (ORDER[at] < ORDER[level]) return;
    const line = { time: new Date().toISOString(), level: at, service, msg, ...base, ...fields };
    process.stdout.write(`${JSON.stringify(line, errorReplacer)}\n`);
  };
  return {
    debug: (m, f) => write("debug", m, f),
    info: (m, f) => write("info", m, f),
    warn: (m, f) => write("warn", m, f),
    error: (m, f) => write("error", m, f),
    child: (fields) => createLogger(service, { ...base, ...fields }, level),
  };
}

function errorReplacer(_key: string, value: unknown): unknown {
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return { name: value.name, message: redactSql(value.message), code: typeof code === "string" ? code : undefined, stack: value.stack && redactSql(value.stack) };
  }
  return value;
}

/**
 * The driver puts the failed statement, with its values, in front of its
 * message (`insert into … values ('…') - connection terminated`). Values may
 * be personal data (issue #3: never in logs): keep the statement's verb only.
 */
const STATEMENT_PREFIX = /^(\w+: )?(select|insert into|update|delete from|with|begin|commit|rollback|savepoint|release savepoint|set)\b[^\n]* - /gim;
export function redactSql(text: string): string {
  return text.replace(STATEMENT_PREFIX, (_, name: string | undefined, verb: string) => `${name ?? ""}${verb.toLowerCase()} <statement redacted> - `);
}
