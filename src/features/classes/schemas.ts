import { z } from 'zod';

// Letters of any script, digits, spaces and a few separators people use in class names (计科2101, 软件工程(1)班).
export const classNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(32)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._()（）·-]*$/u);

export const classCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,16}$/);

/** Up to 8 short labels (a grade like 2021级, a major); duplicates dropped. */
export const tagsSchema = z
  .array(
    z
      .string()
      .trim()
      .min(1)
      .max(20)
      .regex(/^[\p{L}\p{N}_-]+$/u),
  )
  .max(8)
  .transform((tags) => [...new Set(tags)]);
