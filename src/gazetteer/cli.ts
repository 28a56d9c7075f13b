/**
 * Commands of the gazetteer context:
 *   harmwatch geocode "<text>" [--country IQ|SY] [--limit n] [--places <csv>…] [--json]
 *   harmwatch reverse-geocode <lat> <lon> [--country IQ|SY] [--json]
 */
import type { Command } from 'commander';
import { runCommand } from '../cli/io.ts';
import { EXIT_INPUT, EXIT_OK, inputError } from '../errors.ts';
import { COUNTRIES } from '../model/vocabulary.ts';
import type { CountryCode } from '../model/vocabulary.ts';
import { loadGazetteer, vendoredGazetteer } from './gazetteer.ts';
import { checkCoordinate, geocode, reverseGeocode } from './geocode.ts';
import { formatCandidates, formatReverse } from './presenters.ts';

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

/** Registers `geocode` and `reverse-geocode`. */
export function register(program: Command): void {
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
