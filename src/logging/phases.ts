import type { Logger } from './logger.js';

const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;

/**
 * Start-up phases as debug lines (`startup_phase`): how long each took and the memory after it, so
 * an operator (LOG_LEVEL=debug) and `npm run bench:startup` see where start-up time and memory go.
 * The first phase counts from the process's start: loading the modules.
 */
export function startupPhases(logger: Logger): (phase: string) => void {
  let last = 0;
  return (phase) => {
    if (!logger.isLevelEnabled('debug')) return;
    const now = performance.now();
    const m = process.memoryUsage();
    logger.debug(
      {
        event: 'startup_phase',
        phase,
        ms: Math.round(now - last),
        sinceStartMs: Math.round(now),
        rssMb: mb(m.rss),
        heapUsedMb: mb(m.heapUsed),
        externalMb: mb(m.external),
        arrayBuffersMb: mb(m.arrayBuffers),
      },
      'start-up phase',
    );
    last = now;
  };
}
