/** `npm run bench`: every benchmark, in turn; exits 1 when a figure is over its limit. */
import { runDeployBench } from './deploy.bench';
import { runGenerateBench } from './generate.bench';

async function main(): Promise<void> {
  const results = [runGenerateBench(), await runDeployBench()];
  process.exitCode = results.every(Boolean) ? 0 : 1;
}

void main();
