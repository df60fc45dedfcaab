// `npm run bench -- --fuzz`: 10,000 seeded bad requests against browser mode built and started as
// `npm run web` starts it. Prints the answers' counts by status; fails on any 5xx, untyped refusal,
// unanswered request, or a server that stopped answering.
import { badRequests, barrage, goodRequest, send } from '../test/unit/helpers/badRequests';
import { startAppServer, stopAppServer } from '../test/e2e/appServer';

const count = 10_000;
const seed = 2026;

export async function runFuzzBenchmarks(): Promise<Record<string, number>> {
  const server = await startAppServer();
  try {
    const target = { port: Number(new URL(server.url).port), token: server.token };
    const t0 = performance.now();
    const { byStatus, faults } = await barrage(target, badRequests(seed, count, target));
    const elapsedMs = performance.now() - t0;
    const after = await send(target, goodRequest(target));
    const alive = server.process.exitCode === null && server.process.signalCode === null && after?.status === 200;

    console.log(`${count.toLocaleString('en-US')} bad requests (seed ${seed}), answers by status:`);
    for (const [status, n] of [...byStatus].sort()) console.log(`  ${status.padEnd(9)} ${n}`);
    for (const fault of faults.slice(0, 20)) console.error(`  fault: ${fault}`);
    if (faults.length || !alive) throw new Error(`${faults.length} faulty answers; server ${alive ? 'still answering' : 'stopped answering'}`);
    return {
      fuzzRequests: count,
      fuzzFaults: faults.length,
      fuzzRequestsPerSec: count / (elapsedMs / 1000),
      ...Object.fromEntries([...byStatus].map(([status, n]) => [`fuzzStatus${status.replace(/\W/g, '')}`, n])),
    };
  } finally {
    stopAppServer(server);
  }
}
