// Accounts from the command line and the rules for when the web app asks for a sign-in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allowedHosts, authModeFor, AuthModeError, hostNameOf } from '../../server/auth/mode.js';
import { verifyPassword } from '../../server/auth/users.js';
import { openJsonStore } from '../../server/store/index.js';
import { ROOT } from './helpers.js';

function cli(args: string[], stdin = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const env = { ...process.env };
    delete env.NODE_TEST_CONTEXT;
    const child = execFile(process.execPath, ['--import', 'tsx', join(ROOT, 'server/cli/main.ts'), ...args], { cwd: ROOT, env }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin!.end(stdin);
  });
}

test('user add reads the password from stdin or --password and stores only a bcrypt hash', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-users-'));
  const db = join(dir, 'claims.json');
  try {
    const a = await cli(['user', 'add', 'alice', '--role', 'editor', '--db', db], 'a long secret\n');
    assert.equal(a.code, 0, a.stderr);
    assert.match(a.stderr, /added alice \(editor\)/);
    const b = await cli(['user', 'add', 'bob', '--role', 'reviewer', '--password', 'another secret', '--db', db]);
    assert.equal(b.code, 0, b.stderr);
    const bad = await cli(['user', 'add', 'carol', '--role', 'admin', '--password', 'whatever123', '--db', db]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--role is one of: reviewer, editor/);
    const short = await cli(['user', 'add', 'dan', '--password', 'short', '--db', db]);
    assert.match(short.stderr, /at least 8 characters/);
    const store = await openJsonStore(db);
    assert.equal((await verifyPassword(store.read(), 'alice', 'a long secret'))?.role, 'editor');
    assert.equal(await verifyPassword(store.read(), 'alice', 'a long secret\n'), undefined);
    assert.equal((await verifyPassword(store.read(), 'bob', 'another secret'))?.role, 'reviewer');
    const list = await cli(['user', 'list', '--db', db]);
    assert.match(list.stdout, /^alice\teditor\t\d{4}-\d\d-\d\d\nbob\treviewer/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('--help before or after a command prints the usage, not "unknown command"', async () => {
  for (const args of [['--help'], ['-h'], ['help'], ['export', '--help']]) {
    const r = await cli(args);
    assert.equal(r.code, 0, args.join(' '));
    assert.match(r.stdout, /usage: npm run -s crosscheck -- <command>/);
    assert.doesNotMatch(r.stderr, /unknown command/);
  }
});

test('sign-in is required once an account exists; no accounts means one user, on loopback only', () => {
  assert.equal(authModeFor({ users: 0, host: '127.0.0.1' }).mode, 'single');
  assert.match(authModeFor({ users: 0, host: 'localhost' }).message, /single-user mode/);
  assert.equal(authModeFor({ users: 2, host: '127.0.0.1' }).mode, 'accounts');
  assert.equal(authModeFor({ users: 2, host: '0.0.0.0' }).mode, 'accounts');
  assert.equal(authModeFor({ users: 2, host: '::1', noAuth: true }).mode, 'single');
  assert.throws(() => authModeFor({ users: 0, host: '0.0.0.0' }), AuthModeError);
  assert.throws(() => authModeFor({ users: 3, host: '192.168.1.5', noAuth: true }), /only on a loopback/);
});

test('the hosts the server answers to', () => {
  assert.deepEqual([...allowedHosts(['desk.example.org', '0.0.0.0'])], ['localhost', '127.0.0.1', '[::1]', 'desk.example.org']);
  assert.equal(hostNameOf('Desk.Example.org:3000'), 'desk.example.org');
  assert.equal(hostNameOf('[::1]:3000'), '[::1]');
  assert.equal(hostNameOf('bad host'), '');
});
