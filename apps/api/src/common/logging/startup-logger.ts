import { ConsoleLogger, type LogLevel } from '@nestjs/common';
import type { AppConfig } from '../../config/app.config';

/**
 * Nest's own start-up chatter — one line per module initialised and per route
 * mapped, some 150 in all — buries the start-up banner. At `info` these contexts
 * log at `debug`: LOG_LEVEL=debug still shows them.
 */
const STARTUP_DETAIL = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory']);

/** LOG_LEVEL (pino's names, as Fastify uses them) in Nest's level names. */
export function nestLogLevels(level: AppConfig['logLevel']): LogLevel[] {
  const order: [AppConfig['logLevel'], LogLevel][] = [
    ['fatal', 'fatal'],
    ['error', 'error'],
    ['warn', 'warn'],
    ['info', 'log'],
    ['debug', 'debug'],
    ['trace', 'verbose'],
  ];
  const upTo = order.findIndex(([name]) => name === level);
  return upTo < 0 ? [] : order.slice(0, upTo + 1).map(([, nest]) => nest);
}

/** Nest's JSON console logger with its start-up detail moved down to `debug`. */
export class StartupLogger extends ConsoleLogger {
  override log(message: unknown, ...optionalParams: unknown[]): void {
    const context = optionalParams.at(-1);
    if (typeof context === 'string' && STARTUP_DETAIL.has(context)) super.debug(message, ...optionalParams);
    else super.log(message, ...optionalParams);
  }
}
