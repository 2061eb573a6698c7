// Watches the library folder and re-ingests after a quiet spell, so files dropped in while
// the server runs show up without a restart. Runs never overlap: a change during a run
// schedules one more run after it.
import { watch, type FSWatcher } from 'node:fs';

export function watchFolder(dir: string, onChange: () => Promise<void>, quietMs = 400): { close(): void } {
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let again = false;
  const run = async () => {
    if (running) return void (again = true);
    running = true;
    try {
      await onChange();
    } catch (e) {
      console.error(`crosscheck web: re-reading ${dir} failed:`, (e as Error).message);
    } finally {
      running = false;
      if (again) (again = false), schedule();
    }
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(run, quietMs);
  };
  let watcher: FSWatcher;
  try {
    watcher = watch(dir, { recursive: true }, schedule);
  } catch {
    // Platforms without recursive watching still see the top folder.
    watcher = watch(dir, schedule);
  }
  watcher.on('error', (e) => console.error(`crosscheck web: watching ${dir} stopped:`, e.message));
  return {
    close() {
      clearTimeout(timer);
      watcher.close();
    },
  };
}
