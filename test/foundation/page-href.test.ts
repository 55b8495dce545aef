import { describe, expect, it } from 'vitest';
import { pageHref } from '../../src/lib/paging';

describe('pageHref: a pager link keeps the path and every other parameter', () => {
  it.each([
    ['http://127.0.0.1:3000/desks?date=2026-12-07&daypart=morning&town=Utrecht', 2, '/desks?date=2026-12-07&daypart=morning&town=Utrecht&page=2'],
    ['http://127.0.0.1:3000/desks?date=2026-12-07&daypart=morning&town=Utrecht', 1, '/desks?date=2026-12-07&daypart=morning&town=Utrecht'],
    ['http://localhost/desks?page=3&town=%27s-Hertogenbosch', 2, '/desks?page=2&town=%27s-Hertogenbosch'],
    ['http://localhost/desks?page=3&town=%27s-Hertogenbosch', 1, '/desks?town=%27s-Hertogenbosch'],
    ['https://gastplek.example/desks?amenities=screen&amenities=quiet&page=2#results', 7, '/desks?amenities=screen&amenities=quiet&page=7'],
    ['http://localhost/meetings', 2, '/meetings?page=2'],
    ['http://localhost:80/meetings?', 1, '/meetings'],
    ['http://localhost?x=1', 2, '/?x=1&page=2'],
    ['/desks?page=2&x=y+z', 1, '/desks?x=y+z'],
  ])('%s, page %i → %s', (url, page, href) => {
    expect(pageHref(url, page)).toBe(href);
  });
});
