import { z } from 'zod';

/** The overview's filter in a query: a tag, part of a name or code, both or neither. */
export const filterSchema = z.strictObject({
  tag: z.string().trim().min(1).max(64).optional(),
  q: z.string().trim().min(1).max(64).optional(),
});
