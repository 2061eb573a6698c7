// Progress for long ingests, on a terminal only: piped output stays clean.
export function progressPrinter(stream: NodeJS.WriteStream) {
  const tty = stream.isTTY;
  let last = 0;
  let shown = false;
  return {
    update(done: number, total: number, bytes: number, started: number) {
      if (!tty) return;
      const now = performance.now();
      if (now - last < 100 && done < total) return;
      last = now;
      const mbs = bytes / 1048576 / Math.max((now - started) / 1000, 1e-3);
      stream.write(`\r${done}/${total} files · ${mbs.toFixed(1)} MB/s`);
      shown = true;
    },
    done() {
      if (shown) stream.write('\n');
    },
  };
}
