import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import { responseRepository, type ResponseFilter } from './repository.ts';

/** Incidents conceded by a belligerent against incidents that drew any response, for the reconciliation. */
export interface ResponsesByIncident {
  incidents: number;
  /** Incidents where a belligerent conceded civilian harm (assessment credible or conceded figures > 0). */
  conceded: number;
  /** Incidents with at least one recorded response of any kind. */
  withAnyResponse: number;
  concededWithResponse: number;
  concededWithoutResponse: number;
  /** Incidents with a response of each kind. */
  byKind: Record<string, number>;
  /** Incidents with a payment (condolence or ex gratia). */
  withPayment: number;
  withApology: number;
}

/**
 * Counts of incidents conceded vs incidents with any response (and by kind), over the incidents
 * matching the filter (belligerent, incident dates, country). Merged and withdrawn incidents are
 * left out.
 */
export async function responsesByIncident(db: Kysely<Database>, filter: ResponseFilter = {}): Promise<ResponsesByIncident> {
  const rows = await responseRepository.incidentResponses(db, filter);
  const out: ResponsesByIncident = { incidents: rows.length, conceded: 0, withAnyResponse: 0, concededWithResponse: 0, concededWithoutResponse: 0, byKind: {}, withPayment: 0, withApology: 0 };
  for (const r of rows) {
    const any = r.kinds.length > 0;
    if (r.conceded) out.conceded++;
    if (any) out.withAnyResponse++;
    if (r.conceded && any) out.concededWithResponse++;
    if (r.conceded && !any) out.concededWithoutResponse++;
    for (const k of r.kinds) out.byKind[k] = (out.byKind[k] ?? 0) + 1;
    if (r.kinds.includes('condolence_payment') || r.kinds.includes('ex_gratia_payment')) out.withPayment++;
    if (r.kinds.includes('apology')) out.withApology++;
  }
  return out;
}
