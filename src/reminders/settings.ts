import { z } from 'zod';
import type { Executor } from '../db/schema.js';

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM, 00:00–23:59');
const DAY_MINUTES = 1440;

const offsets = (max: number) =>
  z
    .array(z.number().int().min(1).max(max))
    .min(1)
    .max(6)
    .refine((list) => new Set(list).size === list.length, 'no offset twice');

/** Quiet hours in the branch's time zone: no reminder reaches a person from `start` until `end` (may span midnight). */
export const quietHoursSchema = z.object({ start: time, end: time });
export type QuietHours = z.infer<typeof quietHoursSchema>;

/** What a branch may change. Each field falls back to its default when absent or unreadable. */
const fields = {
  /** Minutes before a meeting that its liaisons are reminded (24 h and 1 h). */
  meetingReminderMinutes: offsets(14 * DAY_MINUTES),
  /** Minutes before a meeting that the League secretary and branch secretary hear when no liaison confirmed. */
  escalationLeadMinutes: z
    .number()
    .int()
    .min(1)
    .max(7 * DAY_MINUTES),
  /** Local time on the meeting's day when the class group gets the morning post (when the meeting asked for one). */
  meetingMorningTime: time,
  /** Days before a report deadline that the liaisons are reminded; 0 = on the day. */
  deadlineReminderDays: z
    .array(z.number().int().min(0).max(31))
    .min(1)
    .max(6)
    .refine((list) => new Set(list).size === list.length, 'no day twice'),
  /** Local time of day the deadline reminders (and the daily overdue lines) go out. */
  deadlineReminderTime: time,
  /** null: no quiet hours. */
  quietHours: quietHoursSchema.nullable(),
};

export const defaultSettings = {
  meetingReminderMinutes: [24 * 60, 60],
  escalationLeadMinutes: 120,
  meetingMorningTime: '08:00',
  deadlineReminderDays: [3, 1, 0],
  deadlineReminderTime: '09:00',
  quietHours: { start: '22:30', end: '07:30' },
} satisfies BranchSettings;

export const branchSettingsSchema = z.object(fields);
export type BranchSettings = z.infer<typeof branchSettingsSchema>;

/** Reading: a field that is missing or no longer valid is its default, so a bad row never stops reminders. */
export function settingsFromJson(stored: unknown): BranchSettings {
  const input = (stored && typeof stored === 'object' ? stored : {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(fields)) {
    const parsed = (schema as z.ZodType).safeParse(input[key]);
    out[key] = parsed.success ? parsed.data : defaultSettings[key as keyof BranchSettings];
  }
  return out as BranchSettings;
}

export async function branchSettings(db: Executor, branchId: number): Promise<BranchSettings> {
  const row = await db.selectFrom('branch_settings').select('settings').where('branch_id', '=', branchId).executeTakeFirst();
  return settingsFromJson(row?.settings);
}

/** The settings of several branches at once (a tick over many classes). */
export async function settingsByBranch(db: Executor, branchIds: number[]): Promise<Map<number, BranchSettings>> {
  const ids = [...new Set(branchIds)];
  const out = new Map<number, BranchSettings>(ids.map((id) => [id, settingsFromJson(undefined)]));
  if (ids.length === 0) return out;
  const rows = await db.selectFrom('branch_settings').select(['branch_id', 'settings']).where('branch_id', 'in', ids).execute();
  for (const row of rows) out.set(row.branch_id, settingsFromJson(row.settings));
  return out;
}

export type SettingsResult = { ok: true; settings: BranchSettings } | { ok: false; problems: string[] };

/** Changes some settings of a branch; nothing is written unless the whole result is valid. */
export async function updateBranchSettings(db: Executor, branchId: number, patch: Partial<BranchSettings>, now: Date): Promise<SettingsResult> {
  const current = await branchSettings(db, branchId);
  const parsed = branchSettingsSchema.safeParse({ ...current, ...patch });
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
  const json = JSON.stringify(parsed.data);
  await db
    .insertInto('branch_settings')
    .values({ branch_id: branchId, settings: json, updated_at: now })
    .onConflict((oc) => oc.column('branch_id').doUpdateSet({ settings: json, updated_at: now }))
    .execute();
  return { ok: true, settings: parsed.data };
}
