import { sql, type Insertable, type Kysely } from 'kysely';
import type { Tx } from '../audit/context.ts';
import type { Database, ResponseRow, ResponsesTable } from '../db/types.ts';

type Q = Tx | Kysely<Database>;

/** Filter of response aggregates. */
export interface ResponseFilter {
  belligerent?: string;
  /** Incident dates, inclusive (YYYY-MM-DD). */
  from?: string;
  to?: string;
  country?: string;
}

/** Typed queries over responses; one method per query. */
export const responseRepository = {
  async insert(tx: Tx, r: Insertable<ResponsesTable>): Promise<number> {
    return (await tx.insertInto('responses').values(r).returning('id').executeTakeFirstOrThrow()).id;
  },

  async incidentExists(db: Q, id: number): Promise<boolean> {
    return !!(await db.selectFrom('incidents').select('id').where('id', '=', id).executeTakeFirst());
  },

  async byIncident(db: Q, incidentId: number): Promise<ResponseRow[]> {
    return db.selectFrom('responses').selectAll()
      .where((eb) => eb.or([eb('incident_id', '=', incidentId), eb('victim_id', 'in', eb.selectFrom('victims').select('id').where('incident_id', '=', incidentId))]))
      .orderBy('responded_on').orderBy('id').execute();
  },

  /**
   * Per incident (in the filter): whether a belligerent conceded civilian harm (assessment
   * credible, or conceded killed/injured above zero), and the kinds of response it gave.
   */
  async incidentResponses(db: Q, f: ResponseFilter): Promise<Array<{ incident_id: number; conceded: boolean; kinds: string[] }>> {
    const belligerent = f.belligerent ?? null;
    const rows = await sql<{ incident_id: number; conceded: boolean; kinds: string[] | null }>`
      select i.id as incident_id,
        exists (select 1 from assessments a where a.incident_id = i.id
                  and (${belligerent}::text is null or a.belligerent = ${belligerent})
                  and (a.status = 'credible' or coalesce(a.conceded_killed_min, 0) > 0 or coalesce(a.conceded_injured_min, 0) > 0)) as conceded,
        (select array_agg(distinct r.kind) from responses r
           left join victims v on v.id = r.victim_id
          where (r.incident_id = i.id or v.incident_id = i.id)
            and (${belligerent}::text is null or r.belligerent = ${belligerent})) as kinds
      from incidents i
      where i.status <> 'merged' and i.status <> 'withdrawn'
        and (${f.from ?? null}::date is null or coalesce(i.date_end, i.date_start) >= ${f.from ?? null}::date)
        and (${f.to ?? null}::date is null or i.date_start <= ${f.to ?? null}::date)
        and (${f.country ?? null}::text is null or i.country = ${f.country ?? null})
      order by i.id`.execute(db);
    return rows.rows.map((r) => ({ incident_id: Number(r.incident_id), conceded: r.conceded, kinds: r.kinds ?? [] }));
  },
};
