import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/connect.ts';
import { loadDemoData } from '../strikes/demo.ts';
import { buildApp } from './app.ts';

export interface ServeOptions {
  port?: number | undefined;
  host?: string | undefined;
  json: boolean;
  demo: boolean;
}

/**
 * Opens the database (migrating it), loads the demo data into an empty one, listens, and prints
 * the real URL (port 0 picks a free port). SIGINT/SIGTERM close the server and the database,
 * releasing the data folder's lock.
 */
export async function serve(o: ServeOptions): Promise<void> {
  const config = loadConfig();
  const port = o.port ?? config.port;
  const host = o.host ?? config.host;
  const log = (line: string): void => {
    if (!o.json) process.stderr.write(`${line}\n`);
  };
  let db;
  try {
    db = await openDatabase(config);
  } catch (err) {
    const e = err as Error & { id?: string };
    process.stderr.write(`harmwatch: ${e.message}${e.id ? ` [${e.id}]` : ''}\n`);
    process.exitCode = e.id === 'DATA_DIR_LOCKED' ? 1 : 1;
    return;
  }
  if (o.demo && config.loadDemo) {
    const demo = await loadDemoData(db.kysely, { onFile: (f) => log(`loading demo data: ${f} …`) });
    for (const f of demo.files) log(`  ${f.file}: ${f.imported} imported, ${f.updated} updated, ${f.rejected} rejected`);
  }
  const app = await buildApp({ db, config, startedAt: new Date() });
  await app.listen({ port, host });
  const addr = app.server.address();
  const realPort = typeof addr === 'object' && addr ? addr.port : port;
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  const url = `http://${shownHost}:${realPort}/`;
  if (o.json) process.stdout.write(`${JSON.stringify({ url, port: realPort, backend: db.backend, location: db.location })}\n`);
  else process.stdout.write(`harmwatch is serving ${db.backend === 'pglite' ? `the embedded database in ${db.location}` : 'PostgreSQL'} at ${url}\n`);
  const stop = async (): Promise<void> => {
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}
