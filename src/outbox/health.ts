import { safeError, type Logger } from '../logging/logger.js';

/**
 * The dispatcher's view of its database: logs once when rounds start failing and once when they
 * succeed again (not on every failed round), and says how long to back off meanwhile.
 */
export class DatabaseHealth {
  private downSince: number | null = null;
  private failures = 0;

  constructor(
    private readonly logger: Logger,
    private readonly now: () => number,
    private readonly maxBackoffMs = 30_000,
  ) {}

  /** A round failed: returns how long to wait before the next one (500 ms doubling up to the cap). */
  failed(error: unknown): number {
    this.failures += 1;
    if (this.downSince === null) {
      this.downSince = this.now();
      this.logger.error({ event: 'dispatcher_db_down', err: safeError(error) }, 'dispatcher: the database is unreachable; retrying quietly');
    }
    return Math.min(this.maxBackoffMs, 500 * 2 ** Math.min(this.failures - 1, 16));
  }

  succeeded(): void {
    if (this.downSince === null) return;
    this.logger.info({ event: 'dispatcher_db_up', downForMs: this.now() - this.downSince, failedRounds: this.failures }, 'dispatcher: the database is back');
    this.downSince = null;
    this.failures = 0;
  }
}
