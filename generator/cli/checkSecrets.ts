import { checkSecrets } from '../commands/checkSecrets';
import { EXIT_CODES } from '../errors';
import { printCheckSecretsResult, printJsonResult } from '../output';
import { type CommandSpec, textList } from './spec';

export const checkSecretsCommand: CommandSpec = {
  usage: 'check-secrets [paths..]',
  describe: 'Fail when files hold a consumer secret or key, a private key, a token or an sfdx auth URL.',
  positionals: {
    paths: { type: 'string', array: true, describe: 'Files or folders. Default: every package directory and environments/.' },
  },
  flags: {},
  examples: [
    ['$0 check-secrets', 'Scan the project.'],
    ['$0 check-secrets retrieved', 'Scan one folder.'],
  ],
  run(flags, { cwd, streams, json }) {
    const result = checkSecrets({ cwd, paths: textList(flags, 'paths') });
    const exitCode = result.findings.length === 0 ? EXIT_CODES.ok : EXIT_CODES.failure;
    if (json) printJsonResult(result, exitCode, streams);
    else printCheckSecretsResult(result, streams);
    return exitCode;
  },
};
