/**
 * One source as people may see it. The public sees a source that is public and accepted (a
 * witness submission only once an analyst accepted it), its versions, and the claims the public
 * may see (the rule of src/claims: linked to a published incident, not rejected); signed-in staff
 * also see the captured text and every claim. Submissions' text and quotes are always redacted;
 * contact details live in another table and never come here.
 */
import type { Kysely } from 'kysely';
import { can, canSee, type Actor } from '../auth/policies.ts';
import { listClaims } from '../claims/service.ts';
import type { Database } from '../db/types.ts';
import { notFound } from '../errors.ts';
import type { Visibility } from '../model/vocabulary.ts';
import { sourceRepository, type SourceClaimRow, type SourceRecord } from './repository.ts';

export interface SourceView {
  source: SourceRecord;
  versions: Awaited<ReturnType<typeof sourceRepository.versions>>;
  claims: SourceClaimRow[];
  /** The captured text, for staff only (null for the public). */
  text: string | null;
  staff: boolean;
}

const publicSource = (s: { visibility: string; status: string }): boolean => s.visibility === 'public' && s.status === 'accepted';

export async function sourceView(db: Kysely<Database>, actor: Actor, id: number): Promise<SourceView> {
  const source = await sourceRepository.byId(db, id);
  const staff = can(actor.role, 'incident.read_internal');
  // Not visible is reported as not found: the existence of a restricted source is not public.
  if (!source || !(publicSource(source) || (staff && canSee(actor.role, source.visibility as Visibility)))) throw notFound('source', id);
  const versions = (await sourceRepository.versions(db, source.source_key)).filter((v) => staff || publicSource(v));
  let claims = await sourceRepository.claims(db, id);
  if (!staff) {
    const visible = new Set<number>();
    let cursor: string | undefined;
    for (let page = 0; page < 20; page++) {
      const r = await listClaims(db, { source: id }, cursor, 500);
      for (const c of r.data) visible.add(c.id);
      if (!r.next) break;
      cursor = r.next;
    }
    claims = claims.filter((c) => visible.has(Number(c.id)));
  }
  return { source, versions, claims, text: staff ? ((/html/i.test(source.media_type ?? '') ? source.clean_text : source.text) ?? source.text) : null, staff };
}
