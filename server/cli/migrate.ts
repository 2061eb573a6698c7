// `crosscheck migrate --from claims.json --to postgres://…`: copy, reopen, compare, report.
// Exits 1 without claiming success if the copy is not equal to the source.
import { copyInto, firstDifference, openStore } from '../store/index.js';

export async function migrateCommand(from: string, to: string, out: Pick<Console, 'log' | 'error'> = console): Promise<number> {
  if (from === to) throw new Error('migrate: --from and --to are the same store');
  const src = await openStore(from);
  const dst = await openStore(to);
  try {
    const counts = await copyInto(src, dst);
    await dst.close?.();
    const again = await openStore(to); // read back from the destination itself, not our memory
    try {
      const diff = firstDifference(src.read(), again.read());
      if (diff) {
        out.error(`crosscheck: the copy in ${dst.location} does not match ${src.location}: ${diff}`);
        return 1;
      }
    } finally {
      await again.close?.();
    }
    const list = Object.entries(counts).map(([k, n]) => `${n} ${k}`).join(', ');
    out.log(`copied ${list} from ${src.location} to ${dst.location}; read back and identical`);
    return 0;
  } finally {
    await src.close?.();
    await dst.close?.();
  }
}
