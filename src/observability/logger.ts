import type { LoggerService } from '@nestjs/common';
import { pino, type DestinationStream, type Logger, type LevelWithSilent } from 'pino';
import { currentRequestId } from '../common/request-context.js';

const LEVELS = new Set<LevelWithSilent>(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

// One JSON line per event on stdout; every line written while serving a request or a job carries its requestId.
export function createRootLogger(level = 'info', destination?: DestinationStream): Logger {
  if (!LEVELS.has(level as LevelWithSilent))
    throw new Error(`LOG_LEVEL must be one of ${[...LEVELS].join(', ')}, got "${level}"`);
  return pino(
    {
      level,
      base: { service: 'amnesty-pipeline', pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      // pino-http's access line already carries the id as a binding; others get it from the request context.
      mixin: (_fields, _level, logger) => {
        const requestId = currentRequestId();
        if (requestId && 'requestId' in logger.bindings()) return {};
        return requestId ? { requestId } : {};
      },
    },
    destination ?? pino.destination(1),
  );
}

// Nest's start-up chatter (a line per module and per route, some two hundred) is debug, not info.
const FRAMEWORK_CONTEXTS = new Set([
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestFactory',
  'NestApplication',
]);

// Nest's own messages (and every `new Logger(context)` in the code) go through pino.
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...rest: unknown[]) {
    const context = rest[rest.length - 1];
    this.write(typeof context === 'string' && FRAMEWORK_CONTEXTS.has(context) ? 'debug' : 'info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]) {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]) {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]) {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]) {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]) {
    this.write('fatal', message, rest);
  }

  // Nest passes (message, context) or, for errors, (message, stack, context).
  private write(level: 'info' | 'error' | 'warn' | 'debug' | 'trace' | 'fatal', message: unknown, rest: unknown[]) {
    const context = typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const stack = typeof rest[0] === 'string' ? rest[0] : undefined;
    const fields: Record<string, unknown> = { ...(context ? { context } : {}), ...(stack ? { stack } : {}) };
    if (message instanceof Error) this.logger[level]({ ...fields, err: message }, message.message);
    else if (typeof message === 'object' && message !== null) this.logger[level]({ ...fields, ...message });
    else this.logger[level](fields, String(message));
  }
}
