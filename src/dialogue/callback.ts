import { z } from 'zod';

/** Telegram refuses an inline button whose callback_data is longer than this (in UTF-8 bytes). */
export const CALLBACK_DATA_MAX_BYTES = 64;

/** A button whose data cannot be built: a programming error, caught by the codec's unit tests. */
export class CallbackDataError extends Error {}

type Field = z.ZodString | z.ZodNumber | z.ZodEnum | z.ZodLiteral<string | number>;
/** The fields of a button, in the order they are written: `<prefix>:<field 1>:<field 2>…`. */
export type CallbackShape = Record<string, Field | z.ZodOptional<Field>>;

export interface CallbackCodec<T> {
  readonly prefix: string;
  /** `<prefix>:<value>:…`; trailing optional fields that are undefined are left out. Throws past 64 bytes. */
  encode(value: T): string;
  /** The typed value, or null for data that is not this codec's or does not pass the schema (forged, outdated). */
  decode(data: string): T | null;
  /** Whether the data carries this codec's prefix (decodable or not). */
  owns(data: string): boolean;
}

const SEPARATOR = ':';

const isNumberField = (field: Field | z.ZodOptional<Field>): boolean => {
  const inner = field instanceof z.ZodOptional ? (field.unwrap() as Field) : field;
  if (inner instanceof z.ZodNumber) return true;
  return inner instanceof z.ZodLiteral && typeof inner.value === 'number';
};

/**
 * One typed codec per kind of button: `defineCallback('nd', z.object({ action: z.enum([...]), arg: z.number().optional() }))`
 * writes `nd:t:12` and reads it back as `{ action: 't', arg: 12 }`. Number fields travel as decimal digits.
 */
export function defineCallback<S extends CallbackShape>(prefix: string, schema: z.ZodObject<S>): CallbackCodec<z.output<z.ZodObject<S>>> {
  if (!/^[a-z][a-z0-9_]*$/i.test(prefix)) throw new CallbackDataError(`bad callback prefix "${prefix}"`);
  const keys = Object.keys(schema.shape);
  const numeric = new Set(keys.filter((key) => isNumberField(schema.shape[key]!)));
  type T = z.output<z.ZodObject<S>>;

  const encode = (value: T): string => {
    const record = value as Record<string, unknown>;
    const parts: string[] = [prefix];
    let ended = false;
    for (const key of keys) {
      const field = record[key];
      if (field === undefined) {
        ended = true;
        continue;
      }
      if (ended) throw new CallbackDataError(`${prefix}: field "${key}" follows an empty one`);
      const text = String(field);
      if (text.includes(SEPARATOR)) throw new CallbackDataError(`${prefix}: field "${key}" contains "${SEPARATOR}"`);
      parts.push(text);
    }
    const data = parts.join(SEPARATOR);
    const bytes = Buffer.byteLength(data, 'utf8');
    if (bytes > CALLBACK_DATA_MAX_BYTES) throw new CallbackDataError(`${prefix}: callback data of ${bytes} bytes (max ${CALLBACK_DATA_MAX_BYTES})`);
    return data;
  };

  const decode = (data: string): T | null => {
    if (!owns(data) || Buffer.byteLength(data, 'utf8') > CALLBACK_DATA_MAX_BYTES) return null;
    const parts = data.split(SEPARATOR).slice(1);
    if (parts.length > keys.length) return null;
    const raw: Record<string, string | number> = {};
    for (const [i, part] of parts.entries()) {
      const key = keys[i]!;
      if (!numeric.has(key)) raw[key] = part;
      else if (/^-?\d{1,15}$/.test(part)) raw[key] = Number(part);
      else return null;
    }
    const parsed = schema.safeParse(raw);
    return parsed.success ? parsed.data : null;
  };

  const owns = (data: string): boolean => data === prefix || data.startsWith(prefix + SEPARATOR);

  return { prefix, encode, decode, owns };
}
