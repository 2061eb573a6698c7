// A child process for the multi-process tests: writes to one store in a loop and prints
// "ack N" once update N has returned, i.e. once the store says it is saved.
//   node --import tsx test/store/writer.ts ingest|reviews FILE|URL TAG COUNT   (PG_SCHEMA for a test schema)
import { isPostgresUrl, openJsonStore } from '../../server/store/index.js';
import { openPgStore } from '../../server/store/pg/pg-store.js';
import { ingestArticles } from '../../server/check/index.js';
import { makeArticle } from '../core/helpers.js';

const [mode, target, tag, count] = process.argv.slice(2);
const store = isPostgresUrl(target!)
  ? await openPgStore(target!, { schema: process.env.PG_SCHEMA })
  : await openJsonStore(target!, { staleMs: 5000, waitMs: 120_000 });
for (let i = 0; i < Number(count); i++) {
  if (mode === 'ingest') {
    const text = `${tag}第${i}篇：公司前三季度实现营业收入${100 + i}.5亿元，同比增长${i % 9}.1%。`;
    await ingestArticles(store, [makeArticle(text, { path: `${tag}/${i}.txt`, date: '2023-10-28' })]);
  }
  await store.update((db) => void db.reviews.push({ findingId: `${tag}-${i}`, status: 'confirmed', note: 'x'.repeat(50), updatedAt: new Date().toISOString() }));
  process.stdout.write(`ack ${i}\n`);
}
await store.close?.();
