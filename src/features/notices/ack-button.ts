import { z } from 'zod';
import { defineCallback } from '../../dialogue/callback.js';

/** The "收到 ✅" button under a notice in a class group: `ack:<delivery id>`. */
export const ackButton = defineCallback('ack', z.object({ delivery: z.number().int().positive() }));
