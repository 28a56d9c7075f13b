/**
 * `harmwatch link run | review | label | quality | merge | split | strikes | cluster`: the
 * database-backed linkage commands (cluster needs no database).
 */
import { createWriteStream, readFileSync } from 'node:fs';
import { once } from 'node:events';
import type { Command } from 'commander';
import { cliActor, withDb } from '../cli/context.ts';
import { runCommand } from '../cli/io.ts';
import { inputError } from '../errors.ts';
import { linkIncidents } from './incidentLinker.ts';
import { mergeIncidents } from './incidentMerger.ts';
import { splitIncident } from './incidentSplitter.ts';
import { labelPair } from './pairLabeller.ts';
import { humanLinkSummary, humanQuality, humanQueue, humanStrikeSummary } from './presenters.ts';
import { linkQuality } from './quality.ts';
import { reviewQueue } from './service.ts';
import { gazetteerStrikeGeocoder, matchStrikes } from './strikeMatcher.ts';
import { clusterTexts, gazetteerGeocoder } from './textClusterer.ts';

const int = (name: string) => (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw inputError('INPUT_INVALID', `${name} must be a positive whole number`, { field: name, value: v });
  return n;
};

const needReason = (r: string | undefined): string => {
  if (!r?.trim()) throw inputError('INPUT_INVALID', '--reason "…" is required for this change', { field: 'reason' });
  return r.trim();
};

/** Adds the database-backed subcommands to `link`. */
export function registerLinkageCommands(link: Command): void {
  link.command('run').description('link unlinked casualty claims into incidents (new reports attach to existing incidents; ids never change)')
    .option('--json', 'print JSON only').option('--actor <name>', 'who runs it, for the audit trail').option('--reason <text>', 'why, for the audit trail')
    .option('--no-geocode', 'do not geocode claims\' place names (link on names and stored coordinates only)')
    .action(async (o: { json?: boolean; actor?: string; reason?: string; geocode: boolean }) => {
      process.exitCode = await runCommand(!!o.json, async (io) => withDb(async (db) => {
        const geocode = o.geocode ? await gazetteerGeocoder() : null;
        if (o.geocode && !geocode) io.info('gazetteer not available: linking on place names only');
        const bar = io.progress(1, 'link');
        const s = await linkIncidents(db.kysely, {
          actor: cliActor(o.actor), ...(o.reason ? { reason: o.reason } : {}), geocode,
          onProgress: (_d, t) => { bar.setTotal(Math.max(1, t)); bar.increment(1); },
        });
        bar.stop();
        io.print(s, () => humanLinkSummary(s));
      }));
    });

  link.command('review').description('list pairs awaiting review, most uncertain first (waterfall, quotes, distance)')
    .option('--json', 'print JSON only').option('--limit <n>', 'most pairs listed', int('limit'), 20)
    .action(async (o: { json?: boolean; limit: number }) => {
      process.exitCode = await runCommand(!!o.json, async (io) => withDb(async (db) => {
        const q = await reviewQueue(db.kysely, o.limit);
        io.print(q, () => humanQueue(q));
      }));
    });

  link.command('label').description('label a review pair match or non-match (audited; applied at once)')
    .argument('<pairId>', 'pair id from `link review`').argument('<label>', 'match | non-match')
    .option('--reason <text>', 'why (required)').option('--actor <name>', 'who labels').option('--json', 'print JSON only')
    .action(async (pairId: string, label: string, o: { reason?: string; actor?: string; json?: boolean }) => {
      process.exitCode = await runCommand(!!o.json, async (io) => {
        if (label !== 'match' && label !== 'non-match') throw inputError('INPUT_INVALID', 'label must be match or non-match', { field: 'label', value: label });
        const id = int('pairId')(pairId);
        const reason = needReason(o.reason);
        await withDb(async (db) => {
          const r = await labelPair(db.kysely, id, label, { actor: cliActor(o.actor), reason });
          io.print(r, () => `pair ${r.pair}: ${r.label}; ${r.applied}${r.incidents.length ? ` (${r.incidents.join(', ')})` : ''}`);
        });
      });
    });

  link.command('quality').description('precision and recall of the linker on analysts\' labels')
    .option('--json', 'print JSON only')
    .action(async (o: { json?: boolean }) => {
      process.exitCode = await runCommand(!!o.json, async (io) => withDb(async (db) => {
        const q = await linkQuality(db.kysely);
        io.print(q, () => humanQuality(q));
      }));
    });

  link.command('merge').description('merge incident <from> into <into> (audited; <from> keeps its id with status merged)')
    .argument('<from>').argument('<into>').option('--reason <text>', 'why (required)').option('--actor <name>').option('--json', 'print JSON only')
    .action(async (from: string, into: string, o: { reason?: string; actor?: string; json?: boolean }) => {
      process.exitCode = await runCommand(!!o.json, async (io) => {
        const reason = needReason(o.reason);
        await withDb(async (db) => {
          const r = await db.kysely.transaction().execute((tx) => mergeIncidents({ actor: cliActor(o.actor), reason, tx }, from, into));
          io.print(r, () => `${r.merged} merged into ${r.into} (${r.claimsMoved.length} claim(s) moved)`);
        });
      });
    });

  link.command('split').description('move claims out of an incident into a new incident (audited)')
    .argument('<incident>').requiredOption('--claims <ids>', 'comma-separated claim ids').option('--reason <text>', 'why (required)')
    .option('--actor <name>').option('--json', 'print JSON only')
    .action(async (incident: string, o: { claims: string; reason?: string; actor?: string; json?: boolean }) => {
      process.exitCode = await runCommand(!!o.json, async (io) => {
        const reason = needReason(o.reason);
        const ids = o.claims.split(',').map((x) => int('claims')(x.trim()));
        await withDb(async (db) => {
          const r = await db.kysely.transaction().execute((tx) => splitIncident({ actor: cliActor(o.actor), reason, tx }, incident, ids));
          io.print(r, () => `claims ${r.claimsMoved.join(', ')} moved from ${r.from} to new incident ${r.created}`);
        });
      });
    });

  link.command('strikes').description('match incidents to declared strikes (−1…+3 days, combined precision radius, same belligerent; greedy one-to-one)')
    .option('--json', 'print JSON only').option('--actor <name>').option('--reason <text>').option('--no-geocode', 'do not geocode strike places')
    .action(async (o: { json?: boolean; actor?: string; reason?: string; geocode: boolean }) => {
      process.exitCode = await runCommand(!!o.json, async (io) => withDb(async (db) => {
        const geocode = o.geocode ? await gazetteerStrikeGeocoder() : null;
        if (o.geocode && !geocode) io.info('gazetteer not available: matching on place names only');
        const s = await matchStrikes(db.kysely, { actor: cliActor(o.actor), ...(o.reason ? { reason: o.reason } : {}), geocode });
        io.print(s, () => humanStrikeSummary(s));
      }));
    });

  link.command('cluster').description('cluster texts (JSON lines: id|source_id, text, publication_date, language) into incidents, no database; writes {"id","cluster"} lines')
    .argument('<texts.jsonl>').option('--out <file>', 'write the lines here instead of stdout').option('--no-geocode', 'link on place names only')
    .option('--json', 'print a JSON summary (with --out) instead of text')
    .action(async (file: string, o: { out?: string; geocode: boolean; json?: boolean }) => {
      process.exitCode = await runCommand(!!o.json, async (io) => {
        let text: string;
        try { text = readFileSync(file, 'utf8'); } catch { throw inputError('INPUT_INVALID', `cannot read ${file}`, { file }); }
        const lines = text.split('\n');
        const bar = io.progress(lines.filter((l) => l.trim()).length, 'texts');
        const r = await clusterTexts(lines, { geocode: o.geocode ? await gazetteerGeocoder() : null, onProgress: () => bar.increment() });
        bar.stop();
        const out = r.ids.map((id, i) => JSON.stringify({ id, cluster: r.clusters[i] })).join('\n') + (r.ids.length ? '\n' : '');
        const summary = { texts: r.ids.length, clusters: new Set(r.clusters).size, candidatePairs: r.pairs, links: r.links, parameters: r.parameters, geocoder: r.geocoder, errors: r.errors };
        if (o.out) {
          const ws = createWriteStream(o.out);
          ws.end(out);
          await once(ws, 'finish');
          io.print(summary, () => `${summary.texts} texts → ${summary.clusters} clusters (${summary.links} links; geocoder: ${summary.geocoder}); ${summary.errors.length} bad line(s); written to ${o.out}`);
        } else {
          process.stdout.write(out);
          for (const e of r.errors) io.info(`line ${e.line}: ${e.reason}`);
        }
        return r.errors.length ? 2 : 0;
      });
    });
}
