import { describe, expect, it } from 'vitest';
import { createTestApp, createOrg, createUser, loginAs, html, text } from './helpers';

describe('smoke', () => {
  it('home page in Dutch after login', async () => {
    const { app, db } = createTestApp();
    const org = createOrg(db, { name: 'CJG Testdorp' });
    const u = await createUser(db, { orgId: org.id, name: 'Tess Test' });
    const client = await loginAs(app, u.email);
    const res = await client.get('/');
    expect(res.status).toBe(200);
    const doc = await html(res);
    expect(doc.querySelector('html')?.getAttribute('lang')).toBe('nl');
    expect(text(doc.querySelector('h1'))).toBe('Welkom, Tess Test');
    expect(text(doc)).toContain('CJG Testdorp');
  });
});
