/** Services return typed results for expected failures; handlers turn them into messages. */
export type Result<T, E extends string = string> = { ok: true; value: T } | { ok: false; error: E; detail?: Record<string, string | number> };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const fail = <E extends string>(error: E, detail?: Record<string, string | number>) =>
  ({ ok: false, error, ...(detail ? { detail } : {}) }) as { ok: false; error: E; detail?: Record<string, string | number> };
