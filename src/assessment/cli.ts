import type { Command } from 'commander';
import { runCommand } from '../cli/io.ts';
import { cliUser, defaultRunner, type DbRunner } from '../auth/cli.ts';
import { HarmwatchError, inputError, notFound } from '../errors.ts';
import { ASSESSMENT_STATUSES, GRADES, type AssessmentStatus, type Grade } from '../model/vocabulary.ts';
import { recordAssessmentAs, type ConcededRange } from './assessmentRecorder.ts';
import { signOffField } from './fieldSignOff.ts';
import { proposeGrade, reviewGrade } from './gradeDecider.ts';
import { createIncident, publishIncident } from './incidentEditor.ts';
import { presentDecision } from './presenters.ts';
import { assessmentRepository } from './repository.ts';
import { SIGNOFF_FIELDS, type SignOffField } from './schema.ts';
import { gradeSuggestion, incidentChangelog, incidentWorkflowView } from './service.ts';

function oneOf<T extends string>(list: readonly T[], v: string, field: string): T {
  if (!(list as readonly string[]).includes(v)) throw inputError('INPUT_INVALID', `${field} must be one of ${list.join(', ')}`, { field, value: v });
  return v as T;
}

/** "3" → 3–3, "1-2" → 1–2, "2-" → at least 2; absent → unknown. */
export function parseRange(v: string | undefined, field: string): ConcededRange | undefined {
  if (v == null) return undefined;
  const m = /^(\d+)(?:\s*[-–]\s*(\d*))?$/.exec(v.trim());
  if (!m) throw inputError('INPUT_INVALID', `${field}: a number or a range like 1-2`, { field, value: v });
  const min = Number(m[1]);
  const max = m[2] === undefined ? min : m[2] === '' ? null : Number(m[2]);
  return { min, max };
}

interface AsOpts { as?: string; json?: boolean }

/**
 * `harmwatch incident create|show|suggest|grade|approve|reject|assess|sign-off|publish|changelog`,
 * acting as a user (`--as <username>` or HARMWATCH_USER) held to the same policy table as the API.
 */
export function register(program: Command, run: DbRunner = defaultRunner): void {
  const inc = program.command('incident').description('incidents: grading with review, assessments, sign-offs, publishing');
  const as = (c: Command): Command => c.option('--as <username>', 'act as this user (or HARMWATCH_USER)').option('--json', 'JSON output');

  as(inc.command('create').description('create a draft incident'))
    .requiredOption('--reason <text>', 'why').option('--title <t>').option('--summary <s>').option('--date <YYYY-MM-DD>').option('--country <IQ|SY>')
    .option('--place <text>').option('--belligerent <b...>', 'parties harm is attributed to').option('--source-id <id...>', 'sources to link')
    .action(async (o: AsOpts & { reason: string; title?: string; summary?: string; date?: string; country?: string; place?: string; belligerent?: string[]; sourceId?: string[] }) => {
      process.exitCode = await runCommand(!!o.json, (io) => run(async (db) => {
        const actor = await cliUser(db, o.as);
        const country = o.country ? oneOf(['IQ', 'SY'] as const, o.country, 'country') : undefined;
        const row = await createIncident(db.kysely, actor, {
          title: o.title, summary: o.summary, dateStart: o.date, dateEnd: o.date, datePrecision: o.date ? 'day' : undefined, country, placeText: o.place,
          belligerents: o.belligerent, sourceIds: o.sourceId?.map(Number),
        }, o.reason);
        io.print({ data: { id: row.public_id, version: row.version } }, () => `created ${row.public_id} (version ${row.version})`);
      }));
    });

  as(inc.command('show <id>').description('an incident with its grade, assessments and sign-offs'))
    .action(async (id: string, o: AsOpts) => {
      process.exitCode = await runCommand(!!o.json, (io) => run(async (db) => {
        const v = await incidentWorkflowView(db.kysely, await cliUser(db, o.as), id);
        io.print({ data: v }, () => [
          `${v.id} ${v.title ?? ''} [${v.status}, version ${v.version}] grade ${v.grade ?? '—'} (${v.gradeStatus})`,
          ...v.assessments.map((a) => `  ${a.belligerent}: ${a.status} — ${a.reason}`),
          ...v.signOffs.map((s) => `  signed off ${s.field} on v${s.incidentVersion} by ${s.signedBy}${s.current ? '' : ' (stale)'}`),
        ].join('\n'));
      }));
    });

  as(inc.command('suggest <id>').description('the grade the written criteria suggest, and why'))
    .action(async (id: string, o: AsOpts) => {
      process.exitCode = await runCommand(!!o.json, (io) => run(async (db) => {
        const s = await gradeSuggestion(db.kysely, await cliUser(db, o.as), id);
        io.print({ data: s }, () => [`suggested: ${s.label} (rule ${s.rule})`, ...s.criteria.map((c) => `  [${c.holds ? 'x' : ' '}] ${c.id}: ${c.why}`)].join('\n'));
      }));
    });

  as(inc.command('grade <id>').description('propose a grade (a different reviewer approves it)'))
    .requiredOption('--grade <grade>', GRADES.join(' | ')).requiredOption('--reason <text>', 'why (mandatory)')
    .action(async (id: string, o: AsOpts & { grade: string; reason: string }) => {
      process.exitCode = await runCommand(!!o.json, (io) => run(async (db) => {
        const d = await proposeGrade(db.kysely, await cliUser(db, o.as), id, oneOf<Grade>(GRADES, o.grade, 'grade'), o.reason);
        io.print({ data: presentDecision(d) }, () => `proposed ${d.grade} for ${id} (decision ${d.id}, pending review)`);
      }));
    });

  for (const verb of ['approve', 'reject'] as const) {
    as(inc.command(`${verb} <id>`).description(`${verb} the pending grade proposal of an incident`))
      .requiredOption('--reason <text>', 'why')
      .action(async (id: string, o: AsOpts & { reason: string }) => {
        process.exitCode = await runCommand(!!o.json, (io) => run(async (db) => {
          const actor = await cliUser(db, o.as);
          const incident = await assessmentRepository.incidentByPublicId(db.kysely, id);
          if (!incident) throw notFound('incident', id);
          const pending = await assessmentRepository.pendingDecision(db.kysely, incident.id);
          if (!pending) throw new HarmwatchError('CONFLICT', `incident ${id} has no pending grade proposal`);
          const d = await reviewGrade(db.kysely, actor, pending.id, verb === 'approve', o.reason);
          io.print({ data: presentDecision(d) }, () => `${d.decision} ${d.grade} for ${id}`);
        }));
      });
  }

  as(inc.command('assess <id>').description("record a belligerent's assessment (history kept)"))
    .requiredOption('--belligerent <b>').requiredOption('--status <s>', ASSESSMENT_STATUSES.join(' | ')).requiredOption('--reason <text>', 'why you record it')
    .option('--killed <n|a-b>', 'conceded killed').option('--injured <n|a-b>', 'conceded injured')
    .option('--stated-reason <text>', 'the reason the belligerent gave (omit: "no reason given")')
    .option('--assessed-on <YYYY-MM-DD>').option('--document-url <url>')
    .action(async (id: string, o: AsOpts & { belligerent: string; status: string; reason: string; killed?: string; injured?: string; statedReason?: string; assessedOn?: string; documentUrl?: string }) => {
      process.exitCode = await runCommand(!!o.json, (io) => run(async (db) => {
        const r = await recordAssessmentAs(db.kysely, await cliUser(db, o.as), o.reason, {
          publicId: id, belligerent: o.belligerent, status: oneOf<AssessmentStatus>(ASSESSMENT_STATUSES, o.status, 'status'),
          conceded: { killed: parseRange(o.killed, 'killed'), injured: parseRange(o.injured, 'injured') },
          statedReason: o.statedReason ?? null, assessedOn: o.assessedOn ?? null, document: { url: o.documentUrl ?? null },
        });
        io.print({ data: r }, () => `${o.belligerent} on ${id}: ${o.status} (${r.result}, version ${r.version})`);
      }));
    });

  as(inc.command('sign-off <id>').description('sign off location, date or figures (not as the last editor)'))
    .requiredOption('--field <f>', SIGNOFF_FIELDS.join(' | ')).requiredOption('--version <n>', 'the incident version you checked', (v) => Number.parseInt(v, 10))
    .option('--note <text>')
    .action(async (id: string, o: AsOpts & { field: string; version: number; note?: string }) => {
      process.exitCode = await runCommand(!!o.json, (io) => run(async (db) => {
        const s = await signOffField(db.kysely, await cliUser(db, o.as), id, { field: oneOf<SignOffField>(SIGNOFF_FIELDS, o.field, 'field'), version: o.version, note: o.note });
        io.print({ data: { field: s.field, incidentVersion: s.incident_version, signedBy: s.signed_by } }, () => `signed off ${s.field} of ${id} on version ${s.incident_version}`);
      }));
    });

  as(inc.command('publish <id>').description('publish (needs an approved grade and current sign-offs)')).requiredOption('--reason <text>', 'why')
    .action(async (id: string, o: AsOpts & { reason: string }) => {
      process.exitCode = await runCommand(!!o.json, (io) => run(async (db) => {
        const row = await publishIncident(db.kysely, await cliUser(db, o.as), id, o.reason);
        io.print({ data: { id: row.public_id, status: row.status } }, () => `published ${row.public_id}`);
      }));
    });

  as(inc.command('changelog <id>').description('the public changelog of an incident'))
    .action(async (id: string, o: AsOpts) => {
      process.exitCode = await runCommand(!!o.json, (io) => run(async (db) => {
        const actor = o.as || process.env.HARMWATCH_USER ? await cliUser(db, o.as) : { kind: 'anonymous', role: 'public' } as const;
        const events = await incidentChangelog(db.kysely, actor, id);
        io.print({ data: events }, () => events.map((e) => `${e.at} ${e.action} by ${e.actor.role} ${e.actor.name}: ${e.reason}`).join('\n') || 'no public changes');
      }));
    });
}
