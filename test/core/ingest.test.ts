// Ingest: files and folders → articles. Front matter, title, date, language; bad files give a
// clear error naming the file and the rest still go through; README and non-article files are
// skipped with a reason; an unchanged file is a no-op (content hash), a changed one re-extracted.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { splitFrontMatter } from '../../server/ingest/front-matter.js';
import { detectLanguage } from '../../server/ingest/language.js';
import { buildArticle, findLeadDate } from '../../server/ingest/article.js';
import { articleFromBytes, articleIdFor, decodeArticleBytes, MAX_ARTICLE_BYTES, readArticles, readingArticles, sha256 } from '../../server/ingest/index.js';
import { ingestArticles } from '../../server/check/index.js';
import { memoryStore, type Store } from '../../server/store/index.js';

const ZH = '科大讯飞前三季度实现营业收入126.14亿元，同比略微下滑0.37%。';
const EN = 'iFlytek said revenue for the first three quarters was 12.6 billion yuan, down 0.4% from a year earlier.';

describe('front matter', () => {
  test('title, url, publisher, date and language are read; the body is kept byte for byte', () => {
    const body = `\n${ZH}\n  indented line\n`;
    const text = `---\ntitle: 讯飞三季报\nurl: https://example.com/a\npublisher: 新火种\ndate: 2023-10-28\nlanguage: zh\n---\n${body}`;
    const s = splitFrontMatter(text);
    assert.deepEqual(s.meta, { title: '讯飞三季报', url: 'https://example.com/a', publisher: '新火种', date: '2023-10-28', language: 'zh' });
    assert.equal(s.body, body);
    assert.equal(s.warning, undefined);
  });
  test('no front matter: the whole text is the body', () => {
    assert.deepEqual(splitFrontMatter(ZH), { meta: {}, body: ZH });
  });
  test('broken YAML is a warning, not a failure; the body is still the text after the fence', () => {
    const s = splitFrontMatter(`---\ntitle: [unclosed\n---\n${ZH}`);
    assert.deepEqual(s.meta, {});
    assert.equal(s.body, ZH);
    assert.match(s.warning ?? '', /front matter is not valid YAML/);
  });
  test('CRLF fences work', () => {
    const s = splitFrontMatter(`---\r\ntitle: T\r\n---\r\n${EN}`);
    assert.equal(s.meta.title, 'T');
    assert.equal(s.body, EN);
  });
});

describe('language detection', () => {
  test('zh, en, mixed', () => {
    assert.equal(detectLanguage(ZH), 'zh');
    assert.equal(detectLanguage(EN), 'en');
    assert.equal(detectLanguage(`${ZH.slice(0, 12)} ${EN.slice(0, 60)}`), 'mixed');
  });
  test('a Chinese article with a few Latin names is still zh', () => {
    assert.equal(detectLanguage('星火认知大模型V3.0略微领先ChatGPT的84.3%，已对标GPT-4。科大讯飞前三季度营业收入下降。'), 'zh');
  });
  test('digits alone default to en', () => {
    assert.equal(detectLanguage('123 456'), 'en');
  });
});

describe('building an article', () => {
  test('from front matter', () => {
    const text = `---\ntitle: 讯飞三季报\npublisher: 新火种\ndate: 2023-10-28\n---\n${ZH}`;
    const { article, warning } = buildArticle({ path: 'x/a.md', text, hash: sha256(text), source: 'file' });
    assert.equal(warning, undefined);
    assert.equal(article.title, '讯飞三季报');
    assert.equal(article.publisher, '新火种');
    assert.equal(article.date, '2023-10-28');
    assert.equal(article.language, 'zh');
    assert.equal(article.text, ZH);
    assert.equal(article.id, articleIdFor('x/a.md'));
    assert.equal(article.path, 'x/a.md');
  });
  test('without front matter: title from the first heading, date from the byline', () => {
    const text = `# 让星火大模型赶超ChatGPT，科大讯飞做到了吗？\n**连线Insight**\n\n**2023-10-26 11:17**\n\n${ZH}`;
    const { article } = buildArticle({ path: 'b.md', text, hash: 'h', source: 'file' });
    assert.equal(article.title, '让星火大模型赶超ChatGPT，科大讯飞做到了吗？');
    assert.equal(article.date, '2023-10-26');
    assert.equal(article.text, text);
  });
  test('front matter language overrides detection', () => {
    const text = `---\nlanguage: en\n---\n${ZH}`;
    assert.equal(buildArticle({ path: 'c.md', text, hash: 'h', source: 'file' }).article.language, 'en');
  });
  test('lead dates: numeric, 年月日, English', () => {
    assert.equal(findLeadDate('新火种    2023-10-28\n\n正文'), '2023-10-28');
    assert.equal(findLeadDate('新华社北京2024年1月17日电\n正文'), '2024-01-17');
    assert.equal(findLeadDate('By Reuters\nFebruary 1, 2024\nText'), '2024-02-01');
    assert.equal(findLeadDate('no date here'), undefined);
  });
  test('the id comes from the path, so a changed file keeps its id', () => {
    assert.equal(articleIdFor('a/b.md'), articleIdFor('a/b.md'));
    assert.notEqual(articleIdFor('a/b.md'), articleIdFor('a/c.md'));
  });
});

describe('decoding files', () => {
  const dec = (b: Uint8Array) => decodeArticleBytes(b, 'f.txt');
  test('an empty file is an error naming it', () => {
    assert.deepEqual(dec(new Uint8Array()), { ok: false, error: 'f.txt: the file is empty' });
  });
  test('white space only is an error', () => {
    const r = dec(Buffer.from(' \n\t\n'));
    assert.equal(r.ok, false);
    assert.match(!r.ok ? r.error : '', /^f\.txt: .*white space/);
  });
  test('a binary file is an error', () => {
    const r = dec(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x01]));
    assert.equal(r.ok, false);
    assert.match(!r.ok ? r.error : '', /^f\.txt: .*binary/);
  });
  test('broken UTF-8 is an error, never silently replaced', () => {
    const r = dec(Buffer.concat([Buffer.from('营业收入'), Buffer.from([0xc3, 0x28]), Buffer.from('亿元')]));
    assert.equal(r.ok, false);
    assert.match(!r.ok ? r.error : '', /^f\.txt: .*not valid UTF-8/);
    const latin1 = dec(Buffer.from('R\xe9sultats: le chiffre d\x92affaires a progress\xe9 de 5 %.', 'latin1'));
    assert.equal(latin1.ok, false, 'Latin-1 reads as no Chinese encoding either: refused, not guessed');
    assert.match(!latin1.ok ? latin1.error : '', /not valid UTF-8, and it does not read as GB18030\/GBK or Big5/);
  });
  test('an oversized file is an error', () => {
    const r = dec(Buffer.alloc(MAX_ARTICLE_BYTES + 1, 0x61));
    assert.equal(r.ok, false);
    assert.match(!r.ok ? r.error : '', /limit/);
  });
  test('a BOM is dropped; the text is otherwise exact', () => {
    const r = dec(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ZH)]));
    assert.deepEqual(r, { ok: true, text: ZH, encoding: 'utf-8' });
  });
  test('articleFromBytes hashes the bytes', () => {
    const bytes = Buffer.from(ZH);
    const r = articleFromBytes(bytes, 'x.txt', 'file');
    assert.ok('article' in r);
    assert.equal(r.article.hash, sha256(bytes));
    const bad = articleFromBytes(new Uint8Array(), 'x.txt', 'file');
    assert.deepEqual(bad, { error: 'the file is empty' });
  });
});

/** Text in a legacy encoding, by inverting Node's own decoder over every two-byte code. */
function encode(text: string, encoding: 'gbk' | 'big5'): Buffer {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder(encoding);
  for (let lead = 0x81; lead <= 0xfe; lead++)
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      const ch = decoder.decode(Uint8Array.of(lead, trail));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  return Buffer.from([...text].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : table.get(ch) ?? assert.fail(`${ch} is not in ${encoding}`))));
}

describe('legacy and UTF-16 encodings', () => {
  const ZH_TRAD = '鴻海第三季營收新台幣1.54兆元，年減15%，但淨利潤增加11%。';
  test('GBK (GB18030) is read, and says so', () => {
    const r = decodeArticleBytes(encode(ZH, 'gbk'), 'f.txt');
    assert.deepEqual(r, { ok: true, text: ZH, encoding: 'gb18030' });
  });
  test('Big5 is read, and says so', () => {
    const r = decodeArticleBytes(encode(ZH_TRAD, 'big5'), 'f.txt');
    assert.deepEqual(r, { ok: true, text: ZH_TRAD, encoding: 'big5' });
  });
  test('GBK and Big5 are told apart even when both decode without a broken character', () => {
    // Big5 bytes are all valid GBK pairs: only which characters come out tells them apart.
    const big5 = encode(ZH_TRAD, 'big5');
    assert.ok(!new TextDecoder('gb18030').decode(big5).includes('\ufffd'));
    assert.equal((decodeArticleBytes(big5, 'f.txt') as { encoding: string }).encoding, 'big5');
  });
  test('UTF-16 with a byte order mark, either byte order, is read; the mark is dropped', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ZH, 'utf16le')]);
    assert.deepEqual(decodeArticleBytes(le, 'f.txt'), { ok: true, text: ZH, encoding: 'utf-16le' });
    const be = Buffer.from(le.subarray(2)).swap16();
    assert.deepEqual(decodeArticleBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), be]), 'f.txt'), { ok: true, text: ZH, encoding: 'utf-16be' });
  });
  test('an odd UTF-16 file is refused as binary, not half read', () => {
    const r = decodeArticleBytes(Buffer.from([0xff, 0xfe, 0x00, 0x41, 0x00]), 'f.txt');
    assert.equal(r.ok, false);
    assert.match(!r.ok ? r.error : '', /binary/);
  });
  test('the ingest report names the encoding of a file that is not UTF-8, and its claims are read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crosscheck-enc-'));
    try {
      writeFileSync(join(dir, 'gbk.txt'), encode(`科大讯飞三季报\n\n${ZH}`, 'gbk'));
      writeFileSync(join(dir, 'utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`讯飞\n\n${ZH}`, 'utf16le')]));
      writeFileSync(join(dir, 'plain.txt'), ZH);
      const out = readArticles([dir]);
      assert.deepEqual(out.errors, []);
      assert.deepEqual(out.notes, [
        { path: 'gbk.txt', reason: 'read as GB18030/GBK, not UTF-8' },
        { path: 'utf16.txt', reason: 'read as UTF-16 (little-endian), not UTF-8' },
      ]);
      assert.ok(out.articles.every((a) => a.text.endsWith(ZH)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('reading a folder', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'crosscheck-ingest-'));
    mkdirSync(join(dir, 'byd', 'deep'), { recursive: true });
    mkdirSync(join(dir, '.hidden'));
    writeFileSync(join(dir, 'a.txt'), ZH);
    writeFileSync(join(dir, 'byd', 'b.md'), `---\ntitle: B\n---\n${EN}`);
    writeFileSync(join(dir, 'byd', 'deep', 'c.markdown'), EN);
    writeFileSync(join(dir, 'README.md'), '# Library\n');
    writeFileSync(join(dir, 'notes.json'), '{}');
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'binary.txt'), Buffer.from([1, 2, 0, 3]));
    writeFileSync(join(dir, 'broken.md'), Buffer.from([0x61, 0xc3, 0x28]));
    writeFileSync(join(dir, '.hidden', 'x.txt'), ZH);
    symlinkSync(join(dir, 'a.txt'), join(dir, 'link.txt'));
    symlinkSync(join(dir, 'byd'), join(dir, 'linked-folder'));
    execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('articles come with paths relative to the folder, recursively, with /', () => {
    const out = readArticles([dir]);
    assert.deepEqual(out.articles.map((a) => a.path).sort(), ['a.txt', 'byd/b.md', 'byd/deep/c.markdown']);
    assert.equal(out.articles.find((a) => a.path === 'byd/b.md')!.title, 'B');
  });
  test('README and non-article files are skipped with a reason', () => {
    const out = readArticles([dir]);
    const skipped = new Map(out.skipped.map((s) => [s.path, s.reason]));
    assert.match(skipped.get('README.md') ?? '', /README/);
    assert.match(skipped.get('notes.json') ?? '', /not a .*\.txt/);
    assert.ok(!out.articles.some((a) => a.path.includes('hidden')), 'hidden folders are not read');
  });
  test('empty, binary and broken files are errors naming the file; the rest goes through', () => {
    const out = readArticles([dir]);
    const errors = new Map(out.errors.map((e) => [e.path, e.reason]));
    assert.deepEqual([...errors.keys()].sort(), ['binary.txt', 'broken.md', 'empty.txt']);
    assert.match(errors.get('empty.txt')!, /empty/);
    assert.match(errors.get('binary.txt')!, /binary/);
    assert.match(errors.get('broken.md')!, /UTF-8/);
    assert.equal(out.articles.length, 3);
  });
  test('symbolic links and FIFOs are skipped with a reason, never followed or opened', () => {
    const out = readArticles([dir]);
    const skipped = new Map(out.skipped.map((s) => [s.path, s.reason]));
    assert.match(skipped.get('link.txt') ?? '', /symbolic link, not followed/);
    assert.match(skipped.get('linked-folder') ?? '', /symbolic link, not followed/);
    assert.match(skipped.get('pipe.txt') ?? '', /FIFO \(named pipe\), not a regular file/);
    assert.equal(out.articles.length, 3, 'the linked file and folder are not read twice');
  });
  test('a FIFO named on the command line is an error, and is not opened (which would wait forever)', () => {
    const out = readArticles([join(dir, 'pipe.txt'), join(dir, 'a.txt')]);
    assert.deepEqual(out.errors, [{ path: join(dir, 'pipe.txt'), reason: 'a FIFO (named pipe), not a file or folder' }]);
    assert.deepEqual(out.articles.map((a) => a.path), ['a.txt']);
  });
  test('a missing path is an error; the other paths still go through', () => {
    const out = readArticles([join(dir, 'nope'), join(dir, 'a.txt')]);
    assert.deepEqual(out.errors, [{ path: join(dir, 'nope'), reason: 'no such file or folder' }]);
    assert.deepEqual(out.articles.map((a) => a.path), ['a.txt']);
  });
  test('a file named directly is an article, unless it is not one', () => {
    const out = readArticles([join(dir, 'notes.json'), join(dir, 'README.md')]);
    assert.equal(out.articles.length, 0);
    assert.equal(out.skipped.length, 2);
  });
  test('progress: the callback sees files done of total and bytes', () => {
    const calls: Array<[number, number, number]> = [];
    const out = readArticles([join(dir, 'byd')], (done, total, bytes) => calls.push([done, total, bytes]));
    assert.deepEqual(calls.map(([d, t]) => [d, t]), [[1, 2], [2, 2]]);
    assert.equal(calls[1]![2], out.bytes);
    assert.ok(out.bytes > 0);
  });
});

describe('re-reading a watched folder', () => {
  test('files the caller knows unchanged by their stamp are not read again; a changed one is', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crosscheck-stamps-'));
    try {
      writeFileSync(join(dir, 'a.txt'), `科大讯飞三季报\n\n${ZH}`);
      writeFileSync(join(dir, 'b.txt'), `iFlytek results\n\n${EN}`);
      const stamps = new Map<string, string>();
      const first = readArticles([dir], { known: (f) => stamps.get(f.abs) === f.stamp, onRead: (abs, stamp) => stamps.set(abs, stamp) });
      assert.deepEqual(first.articles.map((a) => a.path), ['a.txt', 'b.txt']);
      assert.deepEqual(first.unchanged, []);
      assert.equal(stamps.size, 2);

      const again = readArticles([dir], { known: (f) => stamps.get(f.abs) === f.stamp, onRead: (abs, stamp) => stamps.set(abs, stamp) });
      assert.deepEqual(again.articles, [], 'nothing read');
      assert.deepEqual(again.unchanged, [articleIdFor('a.txt'), articleIdFor('b.txt')]);
      assert.equal(again.bytes, 0);

      writeFileSync(join(dir, 'b.txt'), `iFlytek results\n\n${EN} Net profit was 25 million yuan.`);
      const edited = readArticles([dir], { known: (f) => stamps.get(f.abs) === f.stamp, onRead: (abs, stamp) => stamps.set(abs, stamp) });
      assert.deepEqual(edited.articles.map((a) => a.path), ['b.txt'], 'only the edited file is read');
      assert.deepEqual(edited.unchanged, [articleIdFor('a.txt')]);
      assert.match(edited.articles[0]!.text, /25 million yuan/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('re-ingest', () => {
  /** A store that counts its writes. */
  function counting(): Store & { writes: number } {
    const inner = memoryStore();
    const s = {
      writes: 0,
      location: inner.location,
      read: () => inner.read(),
      update(change: Parameters<Store['update']>[0]) {
        s.writes++;
        return inner.update(change);
      },
    };
    return s;
  }
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'crosscheck-reingest-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('one ingest is one write; an unchanged file is a no-op; a changed file is re-extracted', async () => {
    const file = join(dir, 'a.txt');
    writeFileSync(file, `科大讯飞三季报\n\n${ZH}`);
    writeFileSync(join(dir, 'b.txt'), `科大讯飞三季报\n\n科大讯飞前三季度实现营业收入126亿元。`);
    const store = counting();

    const { stories, ...first } = await ingestArticles(store, readArticles([dir]).articles);
    assert.deepEqual({ ...first, claims: first.claims > 0 }, { added: 2, changed: 0, unchanged: 0, claims: true });
    assert.deepEqual(stories?.map((s) => s.articleIds.length), [2], 'the stories of the check it ran: one story, both articles');
    assert.equal(store.writes, 1, 'the whole batch is one write');
    const id = articleIdFor('a.txt');
    const before = store.read().claims.filter((c) => c.articleId === id).map((c) => c.quote);
    assert.ok(before.includes('126.14亿元'));
    assert.equal(store.read().findings.length, 1, '126亿元 vs 126.14亿元');

    const again = await ingestArticles(store, readArticles([dir]).articles);
    assert.deepEqual(again, { added: 0, changed: 0, unchanged: 2, claims: 0 });
    assert.equal(store.writes, 1, 'an unchanged library is not written again');

    writeFileSync(file, `科大讯飞三季报\n\n科大讯飞前三季度实现营业收入127.5亿元，同比增长1.2%。`);
    const changed = await ingestArticles(store, readArticles([dir]).articles);
    assert.equal(changed.changed, 1);
    assert.equal(changed.unchanged, 1);
    assert.equal(changed.added, 0);
    assert.equal(store.writes, 2);
    const db = store.read();
    assert.equal(db.articles.length, 2, 'the changed file keeps its id: no duplicate article');
    const after = db.claims.filter((c) => c.articleId === id).map((c) => c.quote);
    assert.ok(after.includes('127.5亿元'));
    assert.ok(!after.includes('126.14亿元'), 'old claims are gone');
    assert.ok(db.articles.find((a) => a.id === id)!.text.includes('127.5亿元'));
    const f = db.findings.find((x) => x.key.startsWith('iflytek|revenue|') && x.key.includes('|level|'));
    assert.equal(f?.verdict, 'discrepancy', 'findings are re-checked: 126亿元 vs 127.5亿元');
  });

  test('articles read several at a time (worker threads) are stored as if read one by one, whichever finishes first', async () => {
    const articles = ['126.14亿元', '126亿元', '127.5亿元', '12.6 billion yuan'].map((figure, i) => {
      const r = articleFromBytes(Buffer.from(`科大讯飞三季报\n\n科大讯飞前三季度实现营业收入${figure}，同比下滑0.${i + 2}7%。`), `p${i}.txt`, 'file');
      assert.ok('article' in r);
      return r.article;
    });
    const one = memoryStore();
    await ingestArticles(one, articles);
    // Later articles finish first: the slowest is the first one given.
    const { extractClaims } = await import('../../server/extract/index.js');
    const late = (a: (typeof articles)[number]) => new Promise<ReturnType<typeof extractClaims>>((r) => setTimeout(() => r(extractClaims(a)), 40 - 10 * articles.indexOf(a)));
    const many = memoryStore();
    const progress: number[] = [];
    const summary = await ingestArticles(many, articles, (done) => progress.push(done), late, 4);
    assert.deepEqual(progress, [1, 2, 3, 4]);
    assert.equal(summary.added, 4);
    const strip = (s: Store) => ({ ...s.read(), articles: s.read().articles.map((a) => a.id), findings: s.read().findings.map((f) => [f.id, f.verdict, f.claimIds]) });
    assert.deepEqual(strip(many), strip(one));
    assert.ok(one.read().findings.some((f) => f.verdict === 'discrepancy'), 'the figures disagree, so the comparison is not empty');
  });

  test('a folder read as it goes is stored as one read whole, with each file read only when a worker is free for it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-reading-'));
    try {
      for (const [i, figure] of ['126.14亿元', '126亿元', '127.5亿元', '12.6 billion yuan', '126.1亿元'].entries())
        writeFileSync(join(dir, `p${i}.txt`), `科大讯飞三季报\n\n科大讯飞前三季度实现营业收入${figure}，同比下滑0.${i + 2}7%。`);
      writeFileSync(join(dir, 'bad.txt'), Buffer.from([0, 1, 2, 0xff, 0]));
      const whole = memoryStore();
      await ingestArticles(whole, readArticles([dir]).articles);
      const reading = readingArticles([dir]);
      assert.equal(reading.files.length, 6, 'the files are found before any is read');
      assert.equal(reading.outcome.articles.length, 0);
      const { extractClaims } = await import('../../server/extract/index.js');
      // Two lanes: while two articles are being read, the next file must not have been read yet.
      let pending = 0;
      const readAhead: number[] = [];
      const slow = async (a: Parameters<typeof extractClaims>[0]) => {
        pending++;
        readAhead.push(reading.outcome.articles.length - (reading.outcome.articles.indexOf(a) + 1));
        await new Promise((r) => setTimeout(r, 5));
        pending--;
        return extractClaims(a);
      };
      const lazy = memoryStore();
      const summary = await ingestArticles(lazy, reading.articles, undefined, slow, 2, reading.files.length);
      assert.equal(summary.added, 5);
      assert.equal(pending, 0);
      assert.ok(readAhead.every((n) => n <= 1), `files read ahead of their turn: ${readAhead}`);
      assert.deepEqual(reading.outcome.errors.map((e) => e.path), ['bad.txt'], 'bad files are still reported');
      const strip = (s: Store) => ({ ...s.read(), articles: s.read().articles.map((a) => [a.id, a.hash]), findings: s.read().findings.map((f) => [f.id, f.verdict, f.claimIds]) });
      assert.deepEqual(strip(lazy), strip(whole));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('claims from an article with front matter index its body, not the file', async () => {
    const text = `---\ntitle: 科大讯飞三季报\ndate: 2023-10-28\n---\n${ZH}`;
    const r = articleFromBytes(Buffer.from(text), 'fm.md', 'file');
    assert.ok('article' in r);
    const store = memoryStore();
    await ingestArticles(store, [r.article]);
    const { articles, claims } = store.read();
    assert.equal(articles[0]!.text, ZH);
    assert.ok(claims.length >= 2);
    for (const c of claims) {
      assert.equal(articles[0]!.text.slice(c.start, c.end), c.quote);
      assert.equal(articles[0]!.text.slice(c.sentenceStart, c.sentenceStart + c.sentence.length), c.sentence);
    }
    assert.equal(claims.find((c) => c.quote === '126.14亿元')?.period, '2023-Q1..Q3', 'the front-matter date gives the year');
  });
});
