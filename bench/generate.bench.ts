/**
 * Start-up benchmark of the generate command: the median wall time of the command as its npm
 * script runs it (`node bin/connected-app.js generate …`, npm's own start-up left out) against
 * `node -e 0`, run side by side in a temporary copy of the project. Target ratio 1.5, limit 2.0.
 */
import { rmSync } from 'node:fs';
import { copyProject, machine, sideBySide } from './measure';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 31);
const TARGET = 1.5;
const LIMIT = 2.0;

export function runGenerateBench(): boolean {
  const project = copyProject();
  try {
    const node = process.execPath;
    const medians = sideBySide(
      [
        { label: 'node -e 0', argv: [node, '-e', '0'], cwd: project },
        { label: 'generate --env prod', argv: [node, 'bin/connected-app.js', 'generate', '--env', 'prod'], cwd: project },
        { label: 'generate --check', argv: [node, 'bin/connected-app.js', 'generate', '--check'], cwd: project },
      ],
      ROUNDS,
    );
    const base = medians.get('node -e 0') ?? NaN;
    console.log(`generate start-up (${ROUNDS} rounds side by side; ${machine()})`);
    let ok = true;
    for (const [label, value] of medians) {
      const ratio = value / base;
      const verdict =
        label === 'node -e 0'
          ? ''
          : ratio <= TARGET
            ? `  ≤ target ${TARGET}`
            : ratio <= LIMIT
              ? `  over target ${TARGET}, within limit ${LIMIT}`
              : `  OVER LIMIT ${LIMIT}`;
      if (label !== 'node -e 0' && ratio > LIMIT) ok = false;
      console.log(`  ${label.padEnd(22)} ${value.toFixed(1).padStart(7)} ms   ratio ${ratio.toFixed(2)}${verdict}`);
    }
    return ok;
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
}
