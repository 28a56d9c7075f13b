import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.ts';

/** Queries behind the analyst workspace; one method per query. */
export const workspaceRepository = {
  /** Grade proposals waiting for a second person. */
  async pendingGrades(db: Kysely<Database>) {
    return db
      .selectFrom('grade_decisions')
      .innerJoin('incidents', 'incidents.id', 'grade_decisions.incident_id')
      .select(['grade_decisions.id', 'grade_decisions.grade', 'grade_decisions.reason', 'grade_decisions.proposed_by', 'grade_decisions.proposed_at',
        'incidents.public_id', 'incidents.title', 'incidents.grade as current_grade'])
      .where('grade_decisions.decision', '=', 'pending')
      .orderBy('grade_decisions.proposed_at')
      .limit(200)
      .execute();
  },

  /** Incidents not yet published or with no approved grade, newest first. */
  async incidentsToWork(db: Kysely<Database>, limit: number) {
    return db
      .selectFrom('incidents')
      .select(['public_id', 'title', 'date_start', 'place_text', 'grade', 'grade_status', 'status', 'version'])
      .where('status', '<>', 'merged')
      .where((eb) => eb.or([eb('status', '=', 'draft'), eb('grade_status', '<>', 'approved')]))
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  },

  /** Extracted claims nobody has reviewed yet, with their source. */
  async unreviewedClaims(db: Kysely<Database>, limit: number) {
    return db
      .selectFrom('claims')
      .innerJoin('sources', 'sources.id', 'claims.source_id')
      .select(['claims.id', 'claims.type', 'claims.outcome', 'claims.population', 'claims.min', 'claims.max', 'claims.qualifier', 'claims.quote',
        'claims.place_text', 'claims.period_start', 'claims.claimant', 'sources.title as source_title', 'sources.id as source_id'])
      .where('claims.status', '=', 'unreviewed')
      .where('claims.origin', '=', 'extracted')
      .where('claims.same_as_id', 'is', null)
      .orderBy('claims.id', 'desc')
      .limit(limit)
      .execute();
  },

  /** Documents imported lately (articles, reports; not dataset rows or submissions), with how many of their claims wait for review. */
  async recentDocuments(db: Kysely<Database>, limit: number) {
    return db
      .selectFrom('sources')
      .select(['sources.id', 'sources.title', 'sources.publisher', 'sources.url', 'sources.language', 'sources.captured_at', 'sources.version'])
      .select((eb) => [
        eb.selectFrom('claims').whereRef('claims.source_id', '=', 'sources.id').select(eb.fn.countAll<string>().as('n')).as('claims'),
        eb.selectFrom('claims').whereRef('claims.source_id', '=', 'sources.id').where('claims.status', '=', 'unreviewed').where('claims.same_as_id', 'is', null)
          .select(eb.fn.countAll<string>().as('n')).as('unreviewed'),
      ])
      .where('sources.type', 'in', ['news_article', 'ngo_report', 'official_statement', 'military_release', 'social_media_post'])
      .where('sources.content', 'is not', null)
      .orderBy('sources.id', 'desc')
      .limit(limit)
      .execute();
  },
};
