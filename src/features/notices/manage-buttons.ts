import { z } from 'zod';
import { defineCallback } from '../../dialogue/callback.js';

/**
 * Under /notices and a notice's details: `nl:d:<id>` details, `nl:c:<id>` correct, `nl:r:<id>` retract
 * (asks first: `rc` confirm, `rk` keep), `nl:rs:<id>` send the failed deliveries again.
 */
export const noticeButton = defineCallback('nl', z.object({ action: z.enum(['d', 'c', 'r', 'rc', 'rk', 'rs']), notice: z.number().int().positive() }));
