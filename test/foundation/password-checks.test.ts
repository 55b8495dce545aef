import { afterEach, describe, expect, it } from 'vitest';
import { hashPassword, passwordChecksAtOnce, passwordChecksNow, setPasswordChecksAtOnce, verifyPassword } from '../../src/auth/password';

// Each password check (argon2id) holds 19 MiB while it runs and keeps a core busy: a server process
// runs at most its share of the cores at once, the rest wait (issue #18, memory under a login flood).

/** Runs `checks` and samples passwordChecksNow() meanwhile: the most running and waiting seen. */
async function observe<T>(checks: Promise<T>[]) {
  let running = 0;
  let waiting = 0;
  const sample = () => {
    const now = passwordChecksNow();
    running = Math.max(running, now.running);
    waiting = Math.max(waiting, now.waiting);
  };
  sample();
  const timer = setInterval(sample, 1);
  try {
    const results = await Promise.all(checks);
    return { results, running, waiting };
  } finally {
    clearInterval(timer);
  }
}

describe('password checks at once', () => {
  afterEach(() => setPasswordChecksAtOnce(2));

  it('a process’s share of the cores, at least one, leaving a thread of its pool for other work', () => {
    expect(passwordChecksAtOnce(2, 2, 2)).toBe(1);
    expect(passwordChecksAtOnce(2, 1, 4)).toBe(2);
    expect(passwordChecksAtOnce(8, 3, 4)).toBe(2);
    expect(passwordChecksAtOnce(1, 4, 2)).toBe(1);
    // 24 cores, 8 processes of 2 threads: the pool, not the share (3), is the limit.
    expect(passwordChecksAtOnce(24, 8, 2)).toBe(1);
    expect(passwordChecksAtOnce(24, 8, 1)).toBe(1);
  });

  it('with one at a time, three logins wait their turn and each still gets its own answer', async () => {
    const stored = await hashPassword('juist-wachtwoord-2026');
    setPasswordChecksAtOnce(1);
    const seen = await observe([
      verifyPassword(stored, 'juist-wachtwoord-2026'),
      verifyPassword(stored, 'fout-wachtwoord-2026'),
      verifyPassword(stored, 'juist-wachtwoord-2026'),
    ]);
    expect(seen.results).toEqual([true, false, true]);
    expect(seen.running).toBe(1);
    expect(seen.waiting).toBe(2);
    expect(passwordChecksNow()).toEqual({ running: 0, waiting: 0 });
  });

  it('with two at once, two run together; new passwords are hashed under the same limit', async () => {
    setPasswordChecksAtOnce(2);
    const seen = await observe([hashPassword('een-wachtwoord-1'), hashPassword('een-wachtwoord-2'), hashPassword('een-wachtwoord-3')]);
    expect(seen.running).toBe(2);
    expect(seen.waiting).toBe(1);
    expect(await verifyPassword(seen.results[2]!, 'een-wachtwoord-3')).toBe(true);
  });

  it('a broken stored hash is a failed check, and frees its turn', async () => {
    setPasswordChecksAtOnce(1);
    expect(await verifyPassword('geen-hash', 'wat-dan-ook-123')).toBe(false);
    expect(passwordChecksNow()).toEqual({ running: 0, waiting: 0 });
    const stored = await hashPassword('nog-een-wachtwoord');
    expect(await verifyPassword(stored, 'nog-een-wachtwoord')).toBe(true);
  });
});
