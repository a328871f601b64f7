import { describe, expect, it } from 'vitest';
import { parseRoute, unreadableRouteMessage } from '../../../src/shell/route';

describe('parseRoute', () => {
  it('reads a plain and an escaped slug', () => {
    expect(parseRoute('#/linear-regression')).toEqual({ slug: 'linear-regression' });
    expect(parseRoute('#linear-regression')).toEqual({ slug: 'linear-regression' });
    expect(parseRoute('#/my%20notebook%20%C3%A9')).toEqual({ slug: 'my notebook é' });
    expect(parseRoute('')).toEqual({ slug: '' });
    expect(parseRoute('#/')).toEqual({ slug: '' });
  });

  it.each([
    ['#/%E0%A4%A', '%E0%A4%A'],
    ['#/%', '%'],
    ['#/%zz', '%zz'],
    ['#/%C3', '%C3'],
    ['#/ok%FFok', 'ok%FFok'],
    ['#/%D8%00', '%D8%00'],
  ])('gives no slug and the unreadable part for %s', (hash, raw) => {
    expect(parseRoute(hash)).toEqual({ slug: '', unreadable: raw });
  });

  it('says what could not be read, shortened when long', () => {
    expect(unreadableRouteMessage('%E0%A4%A')).toBe(
      'The address holds a part that could not be read: %E0%A4%A; the first notebook opened instead.',
    );
    const long = unreadableRouteMessage('%'.repeat(10_000));
    expect(long.length).toBeLessThan(200);
    expect(long).toContain('…');
  });
});

describe('parseRoute with a share link', () => {
  it('reads the link beside the slug, and keeps it when the slug is unreadable', () => {
    expect(parseRoute('#/linear-regression?link=abc_-1')).toEqual({ slug: 'linear-regression', link: 'abc_-1' });
    expect(parseRoute('#/%E0%A4%A?link=xyz')).toEqual({ slug: '', unreadable: '%E0%A4%A', link: 'xyz' });
    expect(parseRoute('#/iris?other=1')).toEqual({ slug: 'iris' });
  });
});
