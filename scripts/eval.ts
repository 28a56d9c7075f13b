/**
 * `npm run eval -- <name> [args]`: runs eval/<name>.ts against ../shared/data and prints its table.
 * Exits 0 with a visible message when the shared data is absent.
 */
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const name = process.argv[2];
const dir = fileURLToPath(new URL('../eval/', import.meta.url));
const available = readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3));
if (!name || !existsSync(`${dir}/${name}.ts`)) {
  console.error(`usage: npm run eval -- <name>\navailable: ${available.sort().join(', ')}`);
  process.exit(2);
}
process.argv.splice(2, 1);
await import(`../eval/${name}.ts`);
