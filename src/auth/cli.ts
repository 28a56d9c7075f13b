import type { Command } from 'commander';
import { cliActor, withDb } from '../cli/context.ts';
import { runCommand } from '../cli/io.ts';
import type { Db } from '../db/connect.ts';
import { inputError } from '../errors.ts';
import { presentUser } from './presenters.ts';
import { authRepository } from './repository.ts';
import { cliUserActor, createApiToken, createUser, disableUser, setRole, USER_ROLES, type UserRole } from './service.ts';
import type { Actor } from './policies.ts';

/** Runs a command body on a database: the configured one by default, a test's in tests. */
export type DbRunner = <T>(fn: (db: Db) => Promise<T>) => Promise<T>;
export const defaultRunner: DbRunner = (fn) => withDb((db) => fn(db));

/** The user a CLI command acts as: `--as <username>` or HARMWATCH_USER. */
export async function cliUser(db: Db, as: string | undefined): Promise<Actor> {
  const name = as?.trim() || process.env.HARMWATCH_USER?.trim();
  if (!name) throw inputError('INPUT_INVALID', 'say who you are: --as <username> or HARMWATCH_USER', { field: 'as' });
  return cliUserActor(db.kysely, name);
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

function role(v: string): UserRole {
  if (!(USER_ROLES as readonly string[]).includes(v)) throw inputError('INPUT_INVALID', `role must be one of ${USER_ROLES.join(', ')}`, { field: 'role', value: v });
  return v as UserRole;
}

/**
 * `harmwatch user add <username> --role R [--password-stdin] | list | disable <username> |
 * role <username> <role> | token <username> --name N`. The operator with database access acts
 * (audited as `--actor`, HARMWATCH_ACTOR or cli:<login>).
 */
export function register(program: Command, run: DbRunner = defaultRunner): void {
  const user = program.command('user').description('users, roles and API tokens');

  user.command('add <username>').description('add a user')
    .requiredOption('--role <role>', `one of ${USER_ROLES.join(', ')}`)
    .option('--password-stdin', 'read the password from standard input (none: the user cannot sign in yet)')
    .option('--display-name <name>', 'name shown beside their changes')
    .option('--actor <name>', 'who adds, for the audit trail').option('--reason <text>', 'why, for the audit trail')
    .option('--json', 'JSON output')
    .action(async (username: string, o: { role: string; passwordStdin?: boolean; displayName?: string; actor?: string; reason?: string; json?: boolean }) => {
      process.exitCode = await runCommand(!!o.json, async (io) => {
        const password = o.passwordStdin ? await readStdin() : null;
        const u = await run((db) => createUser(db.kysely, cliActor(o.actor), { username, role: role(o.role), password, displayName: o.displayName ?? null }, o.reason ?? 'user added'));
        io.print({ data: presentUser(u) }, () => `added ${u.username} (${u.role})${password ? '' : ' without a password'}`);
      });
    });

  user.command('list').description('list users').option('--json', 'JSON output')
    .action(async (o: { json?: boolean }) => {
      process.exitCode = await runCommand(!!o.json, async (io) => {
        const users = (await run((db) => authRepository.listUsers(db.kysely))).map(presentUser);
        io.print({ data: users }, () => users.map((u) => `${u.username}\t${u.role}${u.disabled ? '\tdisabled' : ''}`).join('\n') || 'no users');
      });
    });

  user.command('disable <username>').description('disable a user: ends their sessions, stops their tokens')
    .option('--actor <name>', 'who, for the audit trail').option('--reason <text>', 'why').option('--json', 'JSON output')
    .action(async (username: string, o: { actor?: string; reason?: string; json?: boolean }) => {
      process.exitCode = await runCommand(!!o.json, async (io) => {
        const u = await run((db) => disableUser(db.kysely, cliActor(o.actor), username, o.reason ?? 'user disabled'));
        io.print({ data: presentUser(u) }, () => `disabled ${u.username}`);
      });
    });

  user.command('role <username> <role>').description("change a user's role (ends their sessions)")
    .option('--actor <name>', 'who, for the audit trail').option('--reason <text>', 'why').option('--json', 'JSON output')
    .action(async (username: string, r: string, o: { actor?: string; reason?: string; json?: boolean }) => {
      process.exitCode = await runCommand(!!o.json, async (io) => {
        const u = await run((db) => setRole(db.kysely, cliActor(o.actor), username, role(r), o.reason ?? 'role changed'));
        io.print({ data: presentUser(u) }, () => `${u.username} is now ${u.role}`);
      });
    });

  user.command('token <username>').description('create an API token (printed once; only its hash is kept)')
    .requiredOption('--name <name>', 'what the token is for').option('--actor <name>', 'who, for the audit trail').option('--json', 'JSON output')
    .action(async (username: string, o: { name: string; actor?: string; json?: boolean }) => {
      process.exitCode = await runCommand(!!o.json, async (io) => {
        const t = await run((db) => createApiToken(db.kysely, cliActor(o.actor), username, o.name));
        io.print({ data: t }, () => `${t.token}\n(token ${t.id} "${t.name}" for ${username}; shown once — send as "Authorization: Bearer <token>")`);
      });
    });
}
