/**
 * The one logger interface of the API and the workers, with three ways of writing:
 * - in Lambda, Powertools Logger: JSON with the invocation's request id, cold start, function name and
 *   X-Ray trace id, which CloudWatch Logs Insights can query;
 * - locally (npm start), one readable line per entry: `12:01:02 INFO request GET /api/v1/catalog 200 12ms`;
 * - JSON lines for tools that read the log back (the soak server, tests that assert on entries).
 * Every way redacts first: logs carry no tokens and no personal data (see `redact`).
 */
import { Logger as PowertoolsLogger } from '@aws-lambda-powertools/logger';

export type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export type LogData = Record<string, unknown>;

export interface Logger {
  debug(msg: string, data?: LogData): void;
  info(msg: string, data?: LogData): void;
  warn(msg: string, data?: LogData): void;
  error(msg: string, data?: LogData): void;
  child(bindings: LogData): Logger;
}

/** The service name in every Lambda log line, metric and trace. */
export const SERVICE_NAME = 'ordo';

/**
 * Fields whose values are personal data or credentials whatever they hold. Log calls name what
 * happened (ids, counts, statuses), so these should never be passed; if one is, its value goes.
 */
const PRIVATE_KEYS =
  /^(e-?mails?|to|cc|bcc|from|recipients?|(display_?|given_?|family_?|user_?)?name|comments?|notes?|answers?|subject|text|html|body|(id_?|access_?|refresh_?)?tokens?|authorization|cookies?|password|secret)$/i;
const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/g;
/** A JWT (`eyJ…` header), or a signed link (`<key id>.<claims, base64url JSON>.<mac>`). */
const SIGNED_TOKEN = /([\w-]+\.)?eyJ[\w-]+\.[\w-]+(\.[\w-]+)?/g;
const BEARER = /\b(bearer)\s+[^\s,;"]+/gi;
const MAX_DEPTH = 4;

/** A string with email addresses, bearer credentials and signed tokens replaced. */
export function redactText(text: string): string {
  return text.replace(BEARER, '$1 [redacted]').replace(SIGNED_TOKEN, '[token]').replace(EMAIL, '[email]');
}

/** A copy of `data` safe to log: private fields blanked, every string redacted, errors reduced to name and message. */
export function redact(data: LogData): LogData {
  return redactValue(data, 0) as LogData;
}

function redactValue(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[…]';
  if (value instanceof Error) return { name: value.name, message: redactText(value.message) };
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  const out: LogData = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] = PRIVATE_KEYS.test(key) ? '[redacted]' : redactValue(inner, depth + 1);
  }
  return out;
}

/** What one entry holds before it is written. */
export interface LogEntry {
  time: Date;
  level: Level;
  msg: string;
  data: LogData;
}

type Format = (entry: LogEntry) => string;

const jsonLine: Format = ({ time, level, msg, data }) =>
  JSON.stringify({ time: time.toISOString(), level, msg, ...data });

const two = (n: number) => String(n).padStart(2, '0');

function readableValue(value: unknown): string {
  if (typeof value === 'string') return /^[^\s"=]+$/.test(value) ? value : JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) {
    return String(value);
  }
  return JSON.stringify(value);
}

/**
 * One readable line, local time: `12:01:02 INFO request GET /api/v1/catalog 200 12ms`, then the
 * other fields as key=value. An access-log entry puts its method, path, status and time first.
 */
export const readableLine: Format = ({ time, level, msg, data }) => {
  const clock = `${two(time.getHours())}:${two(time.getMinutes())}:${two(time.getSeconds())}`;
  const parts = [clock, level.toUpperCase(), msg];
  let rest = data;
  if (msg === 'request') {
    const { method, path, status, ms, ...others } = data;
    parts.push(String(method), String(path), String(status), `${String(ms)}ms`);
    rest = others;
  }
  for (const [key, value] of Object.entries(rest)) {
    if (value !== undefined) parts.push(`${key}=${readableValue(value)}`);
  }
  return parts.join(' ');
};

const stdout = (line: string) => {
  process.stdout.write(`${line}\n`);
};

function lineLogger(level: Level, bindings: LogData, write: (line: string) => void, format: Format): Logger {
  const at = (lvl: Level) => (msg: string, data?: LogData) => {
    if (ORDER[lvl] < ORDER[level]) return;
    write(format({ time: new Date(), level: lvl, msg: redactText(msg), data: redact({ ...bindings, ...data }) }));
  };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (more) => lineLogger(level, { ...bindings, ...more }, write, format),
  };
}

/** JSON lines (`time`, `level`, `msg`, then the fields), for tools that read the log back. */
export function createLogger(level: Level = 'info', bindings: LogData = {}, write: (line: string) => void = stdout) {
  return lineLogger(level, bindings, write, jsonLine);
}

/** Readable lines for a person at a terminal: the local stack. */
export function createReadableLogger(
  level: Level = 'info',
  bindings: LogData = {},
  write: (line: string) => void = stdout,
): Logger {
  return lineLogger(level, bindings, write, readableLine);
}

export const silentLogger: Logger = createLogger('error', {}, () => {});

/**
 * Powertools Logger behind the same interface. `powertools` is the process's one instance: the
 * Lambda wrapper gives it each invocation's context (lambda.ts); `child` only adds fields, so every
 * child sees the current invocation.
 */
export function createPowertoolsLogger(opts: { level: Level; stage: string }): {
  log: Logger;
  powertools: PowertoolsLogger;
} {
  const powertools = new PowertoolsLogger({
    serviceName: SERVICE_NAME,
    logLevel: opts.level.toUpperCase() as Uppercase<Level>,
    persistentKeys: { stage: opts.stage },
  });
  const adapt = (bindings: LogData): Logger => {
    const at = (lvl: Level) => (msg: string, data?: LogData) => {
      powertools[lvl](redactText(msg), redact({ ...bindings, ...data }));
    };
    return {
      debug: at('debug'),
      info: at('info'),
      warn: at('warn'),
      error: at('error'),
      child: (more) => adapt({ ...bindings, ...more }),
    };
  };
  return { log: adapt({}), powertools };
}
