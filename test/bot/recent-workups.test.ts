import { RecentWorkups } from '../../src/bot/recent-workups';

describe('RecentWorkups', () => {
  const ours = { step: 'ours' };
  const theirs = { step: 'theirs' };
  const record = { conversation: ours, welcomed: true };

  it('gives back our own last write only while storage still holds it under the same eTag', () => {
    const recent = new RecentWorkups<typeof record>(10);
    recent.remember('k', 'etag-1', record, ours);
    expect(recent.current('k', { eTag: 'etag-1', conversation: theirs })).toBe(ours);
    expect(recent.current('k', { eTag: 'etag-2', conversation: theirs })).toBe(theirs);
    expect(recent.current('k', { conversation: theirs })).toBe(theirs);
    expect(recent.current('other', { eTag: 'etag-1', conversation: theirs })).toBe(theirs);
  });

  it('holds the record as written with its eTag, for storage to confirm', () => {
    const recent = new RecentWorkups<typeof record>(10);
    recent.remember('k', 'etag-1', record, ours);
    expect(recent.written('k')).toEqual({ eTag: 'etag-1', written: record, kept: ours });
    expect(recent.written('other')).toBeUndefined();
    recent.forgetPrefix('k');
    expect(recent.written('k')).toBeUndefined();
  });

  it('keeps nothing for a write that came back without an eTag', () => {
    const recent = new RecentWorkups<typeof record>(10);
    recent.remember('k', 'etag-1', record, ours);
    recent.remember('k', undefined, record, ours);
    expect(recent.size).toBe(0);
  });

  it('drops the least recently used workup beyond its capacity', () => {
    const recent = new RecentWorkups<typeof record>(2);
    recent.remember('a', 'e', record, ours);
    recent.remember('b', 'e', record, ours);
    recent.current('a', { eTag: 'e' });
    recent.remember('c', 'e', record, ours);
    expect(recent.size).toBe(2);
    expect(recent.current('a', { eTag: 'e', conversation: theirs })).toBe(ours);
    expect(recent.current('b', { eTag: 'e', conversation: theirs })).toBe(theirs);
    expect(recent.current('c', { eTag: 'e', conversation: theirs })).toBe(ours);
  });

  it('forgets every workup of a user', () => {
    const recent = new RecentWorkups<typeof record>(10);
    recent.remember('workup/msteams/u1/c1', 'e', record, ours);
    recent.remember('workup/msteams/u1/c2', 'e', record, ours);
    recent.remember('workup/msteams/u2/c1', 'e', record, ours);
    recent.forgetPrefix('workup/msteams/u1/');
    expect(recent.size).toBe(1);
  });
});
