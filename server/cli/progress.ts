// Progress for long ingests, on a terminal only: piped output stays clean.
export function progressPrinter(stream: NodeJS.WriteStream) {
  const tty = stream.isTTY;
  let last = 0;
  let shown = false;
  return {
    /** files done of total, throughput, and claims found so far. */
    update(stage: string, done: number, total: number, bytes: number, started: number, claims?: number) {
      if (!tty) return;
      const now = performance.now();
      if (now - last < 100 && done < total) return;
      last = now;
      const mbs = bytes / 1048576 / Math.max((now - started) / 1000, 1e-3);
      const found = claims === undefined ? '' : ` · ${claims} claims found`;
      stream.write(`\r${stage} ${done}/${total} files · ${mbs.toFixed(1)} MB/s${found}\x1b[K`);
      shown = true;
    },
    done() {
      if (shown) stream.write('\n');
      shown = false;
    },
  };
}
