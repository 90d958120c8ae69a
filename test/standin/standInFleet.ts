/**
 * Several stand-in orgs for fleet tests: one StandInOrg per alias, each on its own port with its
 * own username and deploy id, all sharing one gauge of the deploys in flight. The real sf logs
 * in to the first; the others' authorizations are written from that login as sf wrote it (the
 * same encrypted token, another username and instance URL), because every `sf org login` costs a
 * few seconds of the suite's four minutes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runAsync } from '../helpers/runAsync';
import { SF_BIN } from '../helpers/sfEnv';
import { InFlightGauge, StandInOrg } from './standInOrg';

export interface FleetStandIns {
  readonly gauge: InFlightGauge;
  readonly orgs: ReadonlyMap<string, StandInOrg>;
  stop(): Promise<void>;
}

/** Starts a stand-in for each alias and logs sf (HOME from `env`) in to all of them. */
export async function startFleet(aliases: readonly string[], project: string, env: NodeJS.ProcessEnv): Promise<FleetStandIns> {
  const gauge = new InFlightGauge();
  const orgs = new Map<string, StandInOrg>();
  const urls = new Map<string, string>();
  for (const [index, alias] of aliases.entries()) {
    const org = new StandInOrg({
      username: `admin@${alias}.standin.example.com`,
      deployId: `0Af0000000000${String(index + 1).padStart(2, '0')}AAA`,
      gauge,
    });
    orgs.set(alias, org);
    urls.set(alias, await org.start());
  }
  const [first, ...others] = aliases;
  const login = await runAsync(
    SF_BIN,
    ['org', 'login', 'access-token', '--instance-url', urls.get(first) as string, '--no-prompt', '--alias', first, '--json'],
    { cwd: project, env },
  );
  if (login.status !== 0) throw new Error(`login failed: ${login.stdout}`);
  const sfdx = join(env.HOME as string, '.sfdx');
  const firstUser = (orgs.get(first) as StandInOrg).username;
  const auth = JSON.parse(readFileSync(join(sfdx, `${firstUser}.json`), 'utf8')) as Record<string, unknown>;
  const aliasFile = JSON.parse(readFileSync(join(sfdx, 'alias.json'), 'utf8')) as { orgs: Record<string, string> };
  for (const alias of others) {
    const { username } = orgs.get(alias) as StandInOrg;
    const url = `${urls.get(alias) as string}/`;
    writeFileSync(join(sfdx, `${username}.json`), JSON.stringify({ ...auth, username, instanceUrl: url, loginUrl: url }, null, 2));
    aliasFile.orgs[alias] = username;
  }
  writeFileSync(join(sfdx, 'alias.json'), JSON.stringify(aliasFile));
  return { gauge, orgs, stop: async () => void (await Promise.all([...orgs.values()].map((org) => org.stop()))) };
}
