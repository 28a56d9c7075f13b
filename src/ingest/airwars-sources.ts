/**
 * Airwars source lists (`incident_sources.csv`: header = row 1, first source = row 2) and
 * extracted source texts (`source_texts.jsonl`: row = line number, first object = row 1).
 */
import type { SourceType } from '../model/vocabulary.ts';
import { mapTable } from './csv.ts';
import { RowFault, isHttpUrl, parseCount, parseDate, text } from './fields.ts';
import { provenanceBase, sha256Bytes } from './hash.ts';
import { mapJsonLines, str, strArray } from './jsonl.ts';
import type { IngestInput, IngestWarning, ParseOptions, Provenance, RowOutcome } from './types.ts';

/** One source Airwars lists for an incident. */
export interface AirwarsSourceLink {
  airwarsId: number;
  code: string;
  order: number | null;
  name: string | null;
  /** Language as published, whitespace normalised (`Twitter Arabic`). */
  languageRaw: string | null;
  /** Platform part of the language column (`Twitter`, `Facebook`, `Video`, `Telegram` …) or null. */
  platform: string | null;
  /** Language part (`Arabic`, `English` …) or null. */
  language: string | null;
  /** URL as published; `urlValid` false when it is malformed (e.g. two URLs run together). */
  url: string | null;
  urlValid: boolean;
  date: string | null;
  dateRaw: string | null;
  provenance: Provenance;
}

const PLATFORMS = ['Twitter', 'Facebook', 'Video', 'Telegram', 'Instagram', 'YouTube', 'Website', 'TikTok'];

/** Splits Airwars' `language` column ("Facebook\nArabic", "Twitter", "Arabic", "—"). */
export function splitLanguage(raw: string | undefined): { languageRaw: string | null; platform: string | null; language: string | null } {
  const t = text(raw?.replace(/\s+/g, ' '));
  if (t == null || /^[—–-]+$/.test(t)) return { languageRaw: t, platform: null, language: null };
  const [first, ...rest] = t.split(' ');
  const platform = PLATFORMS.find((p) => p.toLowerCase() === first.toLowerCase()) ?? null;
  const language = platform ? (rest.join(' ') || null) : t;
  return { languageRaw: t, platform, language };
}

function softDate(raw: string | undefined, field: string, now: Date, warnings: IngestWarning[]): string | null {
  const t = text(raw);
  if (t == null) return null;
  // several timestamps run together: take the first, say so
  const first = t.split(/\s+(?=\d{4}-\d{2}-\d{2})/)[0];
  if (first !== t) warnings.push({ kind: 'ambiguous_value', field, value: t.slice(0, 60), message: 'several dates given; the first is used' });
  try {
    return parseDate(first, field, now);
  } catch (err) {
    warnings.push({ kind: 'malformed_date', field, value: t.slice(0, 60), message: err instanceof Error ? err.message : String(err) });
    return null;
  }
}

/** Streams `incident_sources.csv` rows. */
export async function* parseAirwarsSources(input: IngestInput, options: ParseOptions = {}): AsyncGenerator<RowOutcome<AirwarsSourceLink>> {
  const base = await provenanceBase(input, options, 'airwars/incident_sources');
  const now = options.now ?? new Date();
  yield* mapTable<AirwarsSourceLink>(input, {
    file: base.file,
    required: ['airwars_id', 'url'],
    mapRow(v, ctx) {
      const warnings: IngestWarning[] = [];
      const airwarsId = parseCount(v.airwars_id, 'airwars_id');
      if (airwarsId == null) throw new RowFault('airwars_id', 'is required');
      const url = text(v.url);
      const urlValid = url != null && isHttpUrl(url);
      if (url != null && !urlValid) warnings.push({ kind: 'malformed_url', field: 'url', value: url.slice(0, 120), message: 'url is not a single http(s) URL' });
      return {
        record: {
          airwarsId,
          code: text(v.code) ?? '',
          order: parseCount(v.source_order, 'source_order'),
          name: text(v.source_name),
          ...splitLanguage(v.language),
          url,
          urlValid,
          date: softDate(v.date, 'date', now, warnings),
          dateRaw: text(v.date),
          provenance: { ...base, row: ctx.row },
        },
        warnings,
      };
    },
  });
}

/** One extracted source text. */
export interface AirwarsSourceText {
  sourceId: string;
  incidentCodes: string[];
  airwarsIds: number[];
  /** Our source type; the published one is kept in `sourceTypeRaw`. */
  sourceType: SourceType;
  sourceTypeRaw: string;
  publisher: string | null;
  publicationDate: string | null;
  publicationDateRaw: string | null;
  /** ISO 639-1, or null for `und`. */
  language: string | null;
  url: string | null;
  title: string | null;
  text: string;
  /** SHA-256 of the text (UTF-8), the content key of the source. */
  textSha256: string;
  provenance: Provenance;
}

/**
 * `source_type` → our source type. Web pages and blog posts have no closer word than
 * news_article; the original word is always kept.
 */
export const AIRWARS_SOURCE_TYPES: Record<string, SourceType> = {
  news_article: 'news_article',
  ngo_report: 'ngo_report',
  government_or_military_statement: 'official_statement',
  public_facebook_post: 'social_media_post',
  public_x_post: 'social_media_post',
  public_instagram_post: 'social_media_post',
  public_telegram_post: 'social_media_post',
  youtube_page: 'social_media_post',
  blog_post: 'news_article',
  other_web_page: 'news_article',
};

/** Streams `source_texts.jsonl`. */
export async function* parseAirwarsSourceTexts(input: IngestInput, options: ParseOptions = {}): AsyncGenerator<RowOutcome<AirwarsSourceText>> {
  const base = await provenanceBase(input, options, 'airwars/source_texts');
  const now = options.now ?? new Date();
  yield* mapJsonLines<AirwarsSourceText>(input, base.file, (o, row) => {
    const warnings: IngestWarning[] = [];
    const sourceId = str(o, 'source_id', true)!;
    const sourceTypeRaw = str(o, 'source_type', true)!;
    const sourceType = AIRWARS_SOURCE_TYPES[sourceTypeRaw];
    if (!sourceType) throw new RowFault('source_type', `unknown value "${sourceTypeRaw}"`, sourceTypeRaw);
    const airwarsIds = strArray(o, 'airwars_ids').map((x) => {
      const n = parseCount(x, 'airwars_ids');
      if (n == null) throw new RowFault('airwars_ids', 'holds a blank id');
      return n;
    });
    const lang = str(o, 'language');
    if (lang != null && !/^([a-z]{2}|und)$/.test(lang)) throw new RowFault('language', `"${lang}" is not an ISO 639-1 code`, lang);
    const url = str(o, 'url');
    if (url != null && !isHttpUrl(url)) warnings.push({ kind: 'malformed_url', field: 'url', value: url.slice(0, 120), message: 'url is not a single http(s) URL' });
    const body = str(o, 'text') ?? '';
    const pub = str(o, 'publication_date');
    return {
      record: {
        sourceId,
        incidentCodes: strArray(o, 'incident_codes'),
        airwarsIds,
        sourceType,
        sourceTypeRaw,
        publisher: str(o, 'publisher'),
        publicationDate: softDate(pub ?? undefined, 'publication_date', now, warnings),
        publicationDateRaw: pub,
        language: lang === 'und' ? null : lang,
        url,
        title: str(o, 'title'),
        text: body,
        textSha256: sha256Bytes(body),
        provenance: { ...base, row },
      },
      warnings,
    };
  });
}
