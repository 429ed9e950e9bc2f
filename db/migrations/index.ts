import type { Migration } from 'kysely';
import * as foundation from './2026-11-26-001-foundation.js';

/** The explicit, ordered list of migrations (names are frozen once shipped). */
export const migrations: Record<string, Migration> = {
  '2026-11-26-001-foundation': foundation,
};
