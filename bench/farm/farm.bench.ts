// Render farm benchmark: `npx tsx bench/farm/farm.bench.ts` prints one JSON object.
// The runner lives with the farm module (it drives a studio process through its fixtures);
// this launcher runs it as a child so bench/ imports nothing from apps/.
// FARM_BENCH_JOBS and FARM_BENCH_TIME_SCALE override the 1,000 jobs and timeScale 4 (1 simulated
// second = 4 s, so jobs run ~1 s at speed 1: still shorter than real ones; both runs take ~5 min).
// FARM_BENCH_ONLY_SMART=1 skips the baseline; FARM_BENCH_PROFILE_DIR=DIR writes a CPU profile of
// the studio process. The lower bound counts each backend's first model load (see
// `lowerBoundS.definition` in the output). At timeScale 1 and below the studio's per-job CPU
// (database writes, history and output download, thumbnails, socket parsing: ~30 ms a job on a
// loaded 2-core machine) and the simulators sharing one process set the pace, not the GPUs.
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const runner = fileURLToPath(new URL('../../apps/server/src/modules/farm/farm-bench.runner.ts', import.meta.url))
const child = spawn(process.execPath, ['--import', 'tsx', runner], { stdio: 'inherit' })
child.on('exit', (code) => process.exit(code ?? 1))
