import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import { createIncident, type NewIncidentProps } from './incidentCreator.ts';

/** A published incident with civilian figures, for tests; override anything. */
export async function buildIncident(db: Kysely<Database>, over: NewIncidentProps = {}): Promise<{ id: number; publicId: string }> {
  return db.transaction().execute((tx) =>
    createIncident({ actor: 'test:factory', reason: 'test data', tx }, {
      title: 'Strike on a market',
      dateStart: '2017-03-17',
      dateEnd: '2017-03-17',
      datePrecision: 'day',
      country: 'IQ',
      admin1: 'Ninewa',
      placeText: 'Mosul al-Jadida',
      placeNameAr: 'الموصل الجديدة',
      lat: 36.33,
      lon: 43.1,
      placePrecision: 'neighbourhood',
      belligerents: ['coalition'],
      grade: 'fair',
      status: 'published',
      figures: [{ outcome: 'killed', population: 'civilians', low: 10, best: 12, high: 15, rule: 'min and max of graded sources' }],
      ...over,
    }),
  );
}
