// Loaded with `node --import` by bench/library.ts into the `report` process it times: prints the
// process's peak resident set (worker threads included) to stderr as it exits.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  writeSync(2, `\ncrosscheck-bench-peak-rss ${process.resourceUsage().maxRSS * 1024}\n`);
});
