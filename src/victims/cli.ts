import type { Command } from 'commander';
import { cliActor, withDb } from '../cli/context.ts';
import { runCommand } from '../cli/io.ts';
import { EXIT_INPUT, EXIT_OK, inputError } from '../errors.ts';
import { recordResponse, RESPONSE_KINDS, type ResponseKind } from '../responses/responseRecorder.ts';
import { readMapping } from './mapping.ts';
import { labelVictimPair, matchVictims } from './matching.ts';
import { victimRepository } from './repository.ts';
import { victimListImporter } from './victimListImporter.ts';
import { approvePublication, requestPublication, type PublishBasis } from './victimRecorder.ts';

type Common = { actor?: string; reason?: string; json?: boolean };

const positiveInt = (v: string, what: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw inputError('INPUT_INVALID', `${what} must be a positive whole number`, { field: what, value: v });
  return n;
};
const need = (reason: string | undefined): string => {
  if (!reason?.trim()) throw inputError('INPUT_INVALID', '--reason is required for this change', { field: 'reason' });
  return reason;
};

/**
 * `harmwatch victims import|match|review|publish|approve` and `harmwatch responses add`.
 * Victims' names are restricted: only these internal commands print them.
 */
export function register(program: Command): void {
  const victims = program.command('victims').description('victims: external lists, person matching, publication review (names are restricted)');

  victims.command('import <csv>')
    .description('import an external victim list (ministry, hospital, another monitor) with a column mapping; idempotent')
    .requiredOption('--list <slug>', 'the list\'s identity (lower-case, hyphens)')
    .option('--name <name>', 'the list\'s display name (first import)')
    .requiredOption('--mapping <json>', 'column → field mapping file')
    .option('--dry-run', 'validate and compare with the database, write nothing')
    .option('--batch-size <n>', 'rows per transaction', '200')
    .option('--actor <name>', 'who imports, for the audit trail')
    .option('--reason <text>', 'why, for the audit trail')
    .option('--json', 'print the summary as JSON')
    .action(async (csv: string, o: Common & { list: string; name?: string; mapping: string; dryRun?: boolean; batchSize: string }) => {
      process.exitCode = await runCommand(!!o.json, async (io) => {
        const mapping = await readMapping(o.mapping);
        return withDb(async (db) => {
          const r = await victimListImporter(db.kysely, {
            file: csv, list: o.list, listName: o.name ?? o.list, mapping, actor: cliActor(o.actor), ...(o.reason ? { reason: o.reason } : {}),
            dryRun: !!o.dryRun, batchSize: positiveInt(o.batchSize, 'batch-size'),
          });
          io.print(r, () => [
            `${r.dryRun ? 'dry run: ' : ''}${r.file} → list ${r.list} (sha256 ${r.fileSha256.slice(0, 12)}…)`,
            `read ${r.read}, imported ${r.imported}, unchanged ${r.unchanged}, updated ${r.updated}, rejected ${r.rejected.length}`,
            ...r.rejected.slice(0, 50).map((x) => `  rejected: line ${x.row}, field ${x.field}: ${x.reason} (value "${x.value.slice(0, 60)}")`),
          ].join('\n'));
          return r.rejected.length > 0 ? EXIT_INPUT : EXIT_OK;
        });
      });
    });

  victims.command('match')
    .description('match victim records within and across lists into persons; uncertain pairs go to review')
    .option('--link <p>', 'match probability at or above which pairs are linked', '0.95')
    .option('--review <p>', 'match probability at or above which pairs are queued for review', '0.3')
    .option('--actor <name>', 'who runs it, for the audit trail')
    .option('--reason <text>', 'why', 'person matching')
    .option('--json', 'print JSON only')
    .action(async (o: Common & { link: string; review: string }) => {
      process.exitCode = await runCommand(!!o.json, async (io) => withDb(async (db) => {
        const link = Number(o.link);
        const review = Number(o.review);
        if (!(link > 0 && link < 1 && review > 0 && review <= link)) throw inputError('INPUT_INVALID', 'thresholds must satisfy 0 < review ≤ link < 1', { field: 'link' });
        const r = await matchVictims(db.kysely, { actor: cliActor(o.actor), reason: o.reason ?? 'person matching' }, { thresholds: { link, review } });
        io.print(r, () => `${r.records} records → ${r.persons} persons; ${r.candidatePairs} candidate pairs, ${r.linked} linked, ${r.queued} queued for review (${r.trained ? 'EM-trained' : 'prior'} parameters)`);
        return EXIT_OK;
      }));
    });

  victims.command('review')
    .description('list pairs waiting for review, or label one: --pair <id> --label match|non_match')
    .option('--pair <id>', 'the pair to label')
    .option('--label <label>', 'match or non_match')
    .option('--limit <n>', 'pairs to list', '20')
    .option('--actor <name>', 'who labels')
    .option('--reason <text>', 'why', 'review of a victim pair')
    .option('--json', 'print JSON only')
    .action(async (o: Common & { pair?: string; label?: string; limit: string }) => {
      process.exitCode = await runCommand(!!o.json, async (io) => withDb(async (db) => {
        if (o.pair) {
          const pairId = positiveInt(o.pair, 'pair');
          if (o.label !== 'match' && o.label !== 'non_match') throw inputError('INPUT_INVALID', '--label must be match or non_match', { field: 'label' });
          const label = o.label;
          const r = await db.kysely.transaction().execute((tx) => labelVictimPair({ actor: cliActor(o.actor), reason: o.reason ?? 'review', tx }, pairId, label));
          io.print({ pair: pairId, label, ...r }, () => `pair ${pairId} labelled ${label}; ${r.persons} persons (${r.changed} records changed person)`);
          return EXIT_OK;
        }
        const pairs = await victimRepository.pendingPairs(db.kysely, positiveInt(o.limit, 'limit'));
        const out: Array<{ id: number; probability: number; left: { id: number; names: string[] }; right: { id: number; names: string[] }; waterfall: unknown }> = [];
        for (const p of pairs) {
          const [a, b] = await Promise.all([victimRepository.get(db.kysely, p.left_id), victimRepository.get(db.kysely, p.right_id)]);
          out.push({ id: p.id, probability: p.probability, left: { id: p.left_id, names: a?.names.map((n) => n.name) ?? [] }, right: { id: p.right_id, names: b?.names.map((n) => n.name) ?? [] }, waterfall: p.waterfall });
        }
        io.print(out, () => out.length === 0 ? 'no pairs waiting for review' : out.map((p) => `#${p.id} p=${p.probability.toFixed(3)}  ${p.left.names.join(' / ')}  ⇔  ${p.right.names.join(' / ')}`).join('\n'));
        return EXIT_OK;
      }));
    });

  victims.command('publish <victimId>')
    .description('ask for a victim\'s names to be published (an analyst); a second person approves')
    .requiredOption('--basis <basis>', 'family_consent or already_public')
    .option('--actor <name>', 'who asks')
    .option('--reason <text>', 'why the names may be published (required)')
    .option('--json', 'print JSON only')
    .action(async (id: string, o: Common & { basis: string }) => {
      process.exitCode = await runCommand(!!o.json, async (io) => {
        if (o.basis !== 'family_consent' && o.basis !== 'already_public') throw inputError('INPUT_INVALID', '--basis must be family_consent or already_public', { field: 'basis' });
        const basis: PublishBasis = o.basis;
        const victimId = positiveInt(id, 'victim id');
        const reason = need(o.reason);
        return withDb(async (db) => {
          await db.kysely.transaction().execute((tx) => requestPublication({ actor: cliActor(o.actor), reason, tx }, victimId, basis));
          io.print({ victim: victimId, requested: true, basis }, () => `publication of victim ${victimId} requested (${basis}); a reviewer other than you must approve it`);
          return EXIT_OK;
        });
      });
    });

  victims.command('approve <victimId>')
    .description('approve publication of a victim\'s names (a reviewer other than the one who asked)')
    .option('--actor <name>', 'who approves')
    .option('--reason <text>', 'why (required)')
    .option('--json', 'print JSON only')
    .action(async (id: string, o: Common) => {
      process.exitCode = await runCommand(!!o.json, async (io) => {
        const victimId = positiveInt(id, 'victim id');
        const reason = need(o.reason);
        return withDb(async (db) => {
          await db.kysely.transaction().execute((tx) => approvePublication({ actor: cliActor(o.actor), reason, tx }, victimId));
          io.print({ victim: victimId, publishable: true }, () => `victim ${victimId}: names publishable`);
          return EXIT_OK;
        });
      });
    });

  const responses = program.command('responses').description('belligerents\' responses: acknowledgements, apologies, investigations, payments');
  responses.command('add')
    .description('record a response to an incident or a victim, with its source')
    .requiredOption('--kind <kind>', RESPONSE_KINDS.join(' | '))
    .requiredOption('--belligerent <name>', 'who responded')
    .option('--incident <publicId>', 'the incident (HW-…)')
    .option('--victim <id>', 'the victim')
    .option('--date <date>', 'when (YYYY-MM-DD)')
    .option('--amount <n>', 'payments: amount')
    .option('--currency <code>', 'payments: ISO 4217 currency')
    .option('--recipient <name>', 'payments: recipient (restricted)')
    .option('--outcome <text>', 'investigation_outcome: the stated outcome')
    .option('--description <text>', 'what was said or done')
    .requiredOption('--source <id>', 'id of the source that documents it')
    .option('--actor <name>', 'who records it')
    .option('--reason <text>', 'why', 'response recorded')
    .option('--json', 'print JSON only')
    .action(async (o: Common & { kind: string; belligerent: string; incident?: string; victim?: string; date?: string; amount?: string; currency?: string; recipient?: string; outcome?: string; description?: string; source: string }) => {
      process.exitCode = await runCommand(!!o.json, async (io) => {
        if (!(RESPONSE_KINDS as readonly string[]).includes(o.kind)) throw inputError('INPUT_INVALID', `--kind must be one of ${RESPONSE_KINDS.join(', ')}`, { field: 'kind' });
        const sourceId = positiveInt(o.source, 'source');
        const victimId = o.victim ? positiveInt(o.victim, 'victim') : null;
        return withDb(async (db) => {
          const incident = o.incident ? await victimRepository.incidentByPublicId(db.kysely, o.incident) : null;
          if (o.incident && !incident) throw inputError('INPUT_INVALID', `no incident ${o.incident}`, { field: 'incident' });
          const amount = o.amount == null ? null : Number(o.amount);
          const id = await db.kysely.transaction().execute((tx) => recordResponse({ actor: cliActor(o.actor), reason: o.reason ?? 'response recorded', tx }, {
            kind: o.kind as ResponseKind, belligerent: o.belligerent, incidentId: incident?.id ?? null, victimId,
            respondedOn: o.date ?? null, amount, currency: o.currency?.toUpperCase() ?? null, recipient: o.recipient ?? null, outcome: o.outcome ?? null,
            description: o.description ?? null, sourceId,
          }));
          io.print({ id }, () => `response ${id} recorded`);
          return EXIT_OK;
        });
      });
    });
}
