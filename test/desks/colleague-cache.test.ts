import { describe, expect, it } from 'vitest';
import { COLLEAGUE_LIST_MAX, colleaguesToList } from '../../src/desks/rules';
import { newId } from '../../src/lib/tokens';
import { instantOf } from '../../src/lib/time';
import { createOrg, createTestAppWithOtherProcess, createUser, TestClock } from '../helpers';

// Issue #18: the search form's colleague list is kept per organisation behind the 'people' change
// counter (migration 0022). Every write that changes whom a worker may book for — from this process
// or another — must show at the next request.

describe('colleague list: kept per organisation, never stale', () => {
  it('joining, leaving, renaming, deactivating and deleting by another process show at once; past 50 colleagues the form asks for an address', async () => {
    const t = createTestAppWithOtherProcess(new TestClock(instantOf('2026-11-24', '08:00')));
    const { run, other } = t;
    const org = createOrg(t.db, { name: 'GGD Noord' });
    const otherOrg = createOrg(t.db, { name: 'CJG Harderwijk' });
    const me = await createUser(t.db, { orgId: org.id, name: 'Ik' });
    const anna = await createUser(t.db, { orgId: org.id, name: 'Anna' });
    const listed = () => {
      const l = colleaguesToList(t.db, org.id, me.id);
      return l === 'many' ? 'many' : l.map((c) => c.name);
    };

    expect(listed()).toEqual(['Anna']);
    expect(listed()).toEqual(['Anna']); // now kept
    // The same organisation's list, seen by Anna: without her, with the user.
    expect(colleaguesToList(t.db, org.id, anna.id)).toEqual([{ id: me.id, name: 'Ik' }]);

    const bram = newId();
    run(`insert into users (id, email, name) values (?, 'bram@example.test', 'Bram')`, bram);
    expect(listed()).toEqual(['Anna']); // an account alone is no colleague
    run(`insert into memberships (user_id, org_id, role) values (?, ?, 'member')`, bram, org.id);
    expect(listed()).toEqual(['Anna', 'Bram']);
    run(`update users set name = 'Aaron' where id = ?`, bram);
    expect(listed()).toEqual(['Aaron', 'Anna']);
    run('update users set deactivated_at = 1 where id = ?', bram);
    expect(listed()).toEqual(['Anna']);
    run('update users set deactivated_at = null where id = ?', bram);
    expect(listed()).toEqual(['Aaron', 'Anna']);
    run('update memberships set org_id = ? where user_id = ?', otherOrg.id, bram);
    expect(listed()).toEqual(['Anna']);
    run('update memberships set org_id = ? where user_id = ?', org.id, bram);
    expect(listed()).toEqual(['Aaron', 'Anna']);
    run('delete from memberships where user_id = ?', bram);
    expect(listed()).toEqual(['Anna']);
    run(`insert into memberships (user_id, org_id, role) values (?, ?, 'member')`, bram, org.id);
    run('delete from users where id = ?', bram);
    expect(listed()).toEqual(['Anna']);

    // Up to COLLEAGUE_LIST_MAX colleagues are listed; one more and the form asks for an address.
    let made = 0;
    const insert = other.transaction((n: number) => {
      for (let k = 0; k < n; k++) {
        const i = made++;
        const id = newId();
        run(`insert into users (id, email, name) values (?, ?, ?)`, id, `c${i}@example.test`, `Collega ${String(i).padStart(2, '0')}`);
        run(`insert into memberships (user_id, org_id, role) values (?, ?, 'member')`, id, org.id);
      }
    });
    insert(COLLEAGUE_LIST_MAX - 2);
    expect(listed()).toHaveLength(COLLEAGUE_LIST_MAX - 1);
    insert.immediate(1);
    expect(listed()).toHaveLength(COLLEAGUE_LIST_MAX);
    expect(colleaguesToList(t.db, org.id, me.id)).not.toBe('many');
    run(`insert into users (id, email, name) values ('x1', 'x1@example.test', 'Zoë')`);
    run(`insert into memberships (user_id, org_id, role) values ('x1', ?, 'member')`, org.id);
    expect(listed()).toBe('many');
    run(`update users set deactivated_at = 1 where id = 'x1'`);
    expect(listed()).toHaveLength(COLLEAGUE_LIST_MAX);
  });
});
