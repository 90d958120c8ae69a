/**
 * `npm run bench`: every benchmark, in turn; exits 1 when a figure is over its limit.
 * BENCH_ONLY=generate,deploy,fleet,bulk,import picks some.
 */
import { runBulkBench } from './bulk.bench';
import { runDeployBench } from './deploy.bench';
import { runFleetBench } from './fleet.bench';
import { runGenerateBench } from './generate.bench';
import { runImportBench } from './import.bench';

const BENCHMARKS: Record<string, () => boolean | Promise<boolean>> = {
  generate: runGenerateBench,
  deploy: runDeployBench,
  fleet: runFleetBench,
  bulk: runBulkBench,
  import: runImportBench,
};

async function main(): Promise<void> {
  const only = process.env.BENCH_ONLY?.split(',');
  const results: boolean[] = [];
  for (const [name, bench] of Object.entries(BENCHMARKS)) if (!only || only.includes(name)) results.push(await bench());
  process.exitCode = results.every(Boolean) ? 0 : 1;
}

void main();
