/** `npm run bench`: every benchmark, in turn; exits 1 when a figure is over its limit. */
import { runGenerateBench } from './generate.bench';

const results = [runGenerateBench()];
process.exitCode = results.every(Boolean) ? 0 : 1;
