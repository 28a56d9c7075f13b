import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * The one validated configuration module. Every setting comes from the environment, with a
 * documented default; a missing `DATABASE_URL` means the embedded PGlite database in the data folder.
 */
const EnvSchema = z.object({
  /** PostgreSQL connection string. Unset: embedded PGlite in HARMWATCH_DATA_DIR. */
  DATABASE_URL: z.string().min(1).optional(),
  /** Folder of the embedded database (PGlite) and of the lock file that guards it. */
  HARMWATCH_DATA_DIR: z.string().min(1).default('./data'),
  /** Port of `harmwatch serve`/`npm start`; 0 picks a free port. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Address to listen on. Loopback by default; set 0.0.0.0 to expose. */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Largest request body accepted, bytes (uploads included). */
  HARMWATCH_BODY_LIMIT: z.coerce.number().int().positive().default(25 * 1024 * 1024),
  /** Largest file accepted by the import API (POST /api/imports/<kind>), bytes; streamed to a temporary file. */
  HARMWATCH_IMPORT_LIMIT: z.coerce.number().int().positive().default(1024 * 1024 * 1024),
  /** Seconds an import upload may take to arrive before 408. */
  HARMWATCH_IMPORT_TIMEOUT_S: z.coerce.number().int().positive().default(600),
  /** Embedded PGlite's buffer cache (PostgreSQL shared_buffers, e.g. 32MB): less memory, slower reads. Unset: 128MB. */
  HARMWATCH_PGLITE_SHARED_BUFFERS: z.string().regex(/^\d+(kB|MB|GB)$/, 'a size such as 32MB').optional(),
  /** Seconds a request may take to send its body before 408. */
  HARMWATCH_REQUEST_TIMEOUT_S: z.coerce.number().int().positive().default(30),
  /** Public API requests per address per minute (429 beyond). */
  HARMWATCH_API_RATE: z.coerce.number().int().positive().default(600),
  /** Load the bundled demo data (CJTF-OIR strike releases) into an empty database on `start`. */
  HARMWATCH_DEMO: z.enum(['1', '0']).default('1'),
});

export interface Config {
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
  host: string;
  bodyLimit: number;
  requestTimeoutS: number;
  importLimit: number;
  pgliteSharedBuffers: string | undefined;
  importTimeoutS: number;
  loadDemo: boolean;
  apiRatePerMinute: number;
}

/** Reads and validates the configuration from `env` (process.env by default). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.parse(env);
  return {
    databaseUrl: parsed.DATABASE_URL,
    dataDir: resolve(parsed.HARMWATCH_DATA_DIR),
    port: parsed.PORT,
    host: parsed.HOST,
    bodyLimit: parsed.HARMWATCH_BODY_LIMIT,
    requestTimeoutS: parsed.HARMWATCH_REQUEST_TIMEOUT_S,
    importLimit: parsed.HARMWATCH_IMPORT_LIMIT,
    pgliteSharedBuffers: parsed.HARMWATCH_PGLITE_SHARED_BUFFERS,
    importTimeoutS: parsed.HARMWATCH_IMPORT_TIMEOUT_S,
    loadDemo: parsed.HARMWATCH_DEMO === '1',
    apiRatePerMinute: parsed.HARMWATCH_API_RATE,
  };
}
