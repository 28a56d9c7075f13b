/**
 * Commands of the gazetteer context:
 *   harmwatch geocode "<text>" [--country IQ|SY] [--limit n] [--places <csv>…] [--json]
 *   harmwatch reverse-geocode <lat> <lon> [--country IQ|SY] [--json]
 *   harmwatch import places <csv> [--source S] [--country IQ|SY] [--dry-run] [--json]
 *   harmwatch import places --vendored [--dry-run] [--json]
 */
import type { Command } from 'commander';
import { cliActor, withDb } from '../cli/context.ts';
import { runCommand } from '../cli/io.ts';
import { EXIT_INPUT, EXIT_OK, inputError } from '../errors.ts';
import { COUNTRIES } from '../model/vocabulary.ts';
import type { CountryCode } from '../model/vocabulary.ts';
import { loadGazetteer, vendoredGazetteer } from './gazetteer.ts';
import { checkCoordinate, geocode, reverseGeocode } from './geocode.ts';
import { importPlaceList, importVendoredPlaces } from './placeImporter.ts';
import { formatCandidates, formatPlaceImport, formatReverse } from './presenters.ts';

function parseCountry(v: string | undefined): CountryCode | undefined {
  if (v === undefined) return undefined;
  const c = v.trim().toUpperCase();
  if (c in COUNTRIES) return c as CountryCode;
  throw inputError('INPUT_INVALID', `country must be one of ${Object.keys(COUNTRIES).join(', ')}, not "${v}"`, { field: 'country', value: v });
}

function parseNumber(v: string, field: string): number {
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n)) throw inputError('INPUT_INVALID', `${field} "${v}" is not a number`, { field, value: v });
  return n;
}

/** Registers `geocode`, `reverse-geocode` and `import places` (under the existing `import` group). */
export function register(program: Command): void {
  registerImportPlaces(program.commands.find((c) => c.name() === 'import') ?? program.command('import').description('import data'));
  program
    .command('geocode')
    .description('find places for a name or phrase ("near Hajin", "ريف الرقة") in the gazetteer')
    .argument('<text>', 'place name or phrase')
    .option('--country <code>', 'only places in IQ or SY')
    .option('--limit <n>', 'most candidates', '5')
    .option('--places <csv...>', 'add place-list CSVs (name_en, name_ar, lat, lon, precision)')
    .option('--json', 'print JSON only')
    .action(async (text: string, opts: { country?: string; limit: string; places?: string[]; json?: boolean }) => {
      process.exitCode = await runCommand(!!opts.json, async (io) => {
        const country = parseCountry(opts.country);
        const limit = parseNumber(opts.limit, 'limit');
        let gazetteer = vendoredGazetteer();
        if (opts.places?.length) {
          const loaded = loadGazetteer({ placeLists: opts.places });
          gazetteer = loaded.gazetteer;
          for (const e of loaded.report.errors.slice(0, 20)) io.info(`${e.file}: row ${e.row}, ${e.field}: ${e.reason}`);
          if (loaded.report.errors.length > 20) io.info(`… ${loaded.report.errors.length - 20} more rows skipped`);
        }
        const candidates = geocode(text, { country, limit: Math.max(1, Math.floor(limit)), gazetteer });
        io.print({ text, country: country ?? null, candidates }, () => formatCandidates(text, candidates));
        return EXIT_OK;
      });
    });

  program
    .command('reverse-geocode')
    .description('administrative areas (Iraq governorate/district/sub-district, Syria governorate) of a point')
    .argument('<lat>', 'latitude (WGS84)')
    .argument('<lon>', 'longitude (WGS84)')
    .option('--country <code>', 'country the point should lie in (checked)')
    .option('--json', 'print JSON only')
    .allowUnknownOption(false)
    .action(async (latS: string, lonS: string, opts: { country?: string; json?: boolean }) => {
      process.exitCode = await runCommand(!!opts.json, async (io) => {
        const lat = parseNumber(latS, 'latitude');
        const lon = parseNumber(lonS, 'longitude');
        const country = parseCountry(opts.country);
        const problems = checkCoordinate(lat, lon, country);
        const result = { ...reverseGeocode(lat, lon), problems };
        io.print(result, () => formatReverse(result));
        return problems.some((p) => p.code === 'impossible' || p.code === 'not_a_number') ? EXIT_INPUT : EXIT_OK;
      });
    });
}

interface ImportPlacesOptions {
  vendored?: boolean;
  source?: string;
  country?: string;
  dryRun?: boolean;
  actor?: string;
  reason?: string;
  batchSize: number;
  json?: boolean;
}

/** `harmwatch import places [csv] [--vendored]`. */
function registerImportPlaces(importCmd: Command): void {
  importCmd
    .command('places')
    .description('import a place list CSV (name_en, name_ar, lat, lon, precision … or the Airwars place_names.csv shape), or the bundled COD-AB + GeoNames with --vendored; idempotent')
    .argument('[csv]', 'place list CSV')
    .option('--vendored', 'import the bundled COD-AB areas (with polygons) and GeoNames places')
    .option('--source <name>', 'source name of the list (default: the file name); rows are identified within it')
    .option('--country <code>', 'country (IQ or SY) for rows outside the COD-AB polygons (otherwise rejected)')
    .option('--dry-run', 'validate and compare with the database, write nothing')
    .option('--actor <name>', 'who imports, for the audit trail')
    .option('--reason <text>', 'why, for the audit trail')
    .option('--batch-size <n>', 'places per transaction', (v) => Number.parseInt(v, 10), 500)
    .option('--json', 'print the summary as JSON')
    .action(async (csv: string | undefined, o: ImportPlacesOptions) => {
      process.exitCode = await runCommand(!!o.json, async (io) => {
        if (!csv === !o.vendored) throw inputError('INPUT_INVALID', 'give either a place list CSV or --vendored', { field: 'csv' });
        const country = parseCountry(o.country);
        return withDb(async (db) => {
          const bar = io.progress(0, 'places');
          const common = {
            actor: cliActor(o.actor), ...(o.reason ? { reason: o.reason } : {}), dryRun: !!o.dryRun,
            batchSize: Number.isFinite(o.batchSize) && o.batchSize > 0 ? o.batchSize : 500,
            onProgress: (n: number): void => { bar.setTotal(Math.max(n, 1)); bar.increment(0); },
          };
          const result = csv
            ? await importPlaceList(db.kysely, { ...common, file: csv, ...(o.source ? { source: o.source } : {}), ...(country ? { country } : {}) })
            : await importVendoredPlaces(db.kysely, common);
          bar.stop();
          io.print(result, () => formatPlaceImport(result));
          return result.rejected.length > 0 ? EXIT_INPUT : EXIT_OK;
        });
      });
    });
}
