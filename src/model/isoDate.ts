import { z } from 'zod';

/**
 * A calendar date as `YYYY-MM-DD`, for query and body schemas. zod runs the refinement even when
 * the pattern failed, so the check must not throw on nonsense (an invalid Date would be a 500).
 */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  }, 'not a calendar date');
