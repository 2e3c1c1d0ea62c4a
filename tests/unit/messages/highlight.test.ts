import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { excerpt, findMatch } from '@/lib/messages/highlight';

// The highlight finds the same spot the server matched, and the excerpt keeps it on screen.

describe('findMatch', () => {
  it('finds contains, equals and regex terms, with and without case', () => {
    assert.deepEqual(findMatch('{"note":"Golden-Needle"}', { text: 'golden', mode: 'contains', ignoreCase: true }), { start: 9, end: 15 });
    assert.equal(findMatch('{"note":"Golden-Needle"}', { text: 'golden', mode: 'contains', ignoreCase: false }), null);
    assert.deepEqual(findMatch('order-7', { text: 'ORDER-7', mode: 'equals', ignoreCase: true }), { start: 0, end: 7 });
    assert.equal(findMatch('order-7x', { text: 'order-7', mode: 'equals', ignoreCase: false }), null);
    assert.deepEqual(findMatch('id=user-42;', { text: 'user-\\d+', mode: 'regex', ignoreCase: false }), { start: 3, end: 10 });
  });

  it('gives up on a regex the browser could not run safely, or an invalid one', () => {
    assert.equal(findMatch('aaaa', { text: '(a+)+', mode: 'regex', ignoreCase: false }), null);
    assert.equal(findMatch('aaaa', { text: '(a', mode: 'regex', ignoreCase: false }), null);
    assert.equal(findMatch('aaaa', undefined), null);
  });
});

describe('excerpt', () => {
  const text = `${'x'.repeat(500)}NEEDLE${'y'.repeat(500)}`;

  it('shows the match with some text before it, and marks what was cut', () => {
    const e = excerpt(text, { start: 500, end: 506 }, 60);
    assert.equal(e.match, 'NEEDLE');
    assert.equal(e.before, 'x'.repeat(24));
    assert.equal(e.before.length + e.match.length + e.after.length, 60);
    assert.ok(e.cutStart && e.cutEnd);
  });

  it('starts just before the match even near the end, and at 0 for an early match', () => {
    const end = excerpt(text, { start: 1000, end: 1006 }, 60);
    assert.equal(end.after, '');
    assert.equal(end.before.length, 24);
    assert.ok(end.cutStart && !end.cutEnd);
    const early = excerpt('abcNEEDLEdef', { start: 3, end: 9 }, 60);
    assert.deepEqual(early, { before: 'abc', match: 'NEEDLE', after: 'def', cutStart: false, cutEnd: false });
  });

  it('keeps the start when the match shows within what fits', () => {
    const e = excerpt(`${'x'.repeat(50)}NEEDLE${'y'.repeat(500)}`, { start: 50, end: 56 }, 60, 90);
    assert.equal(e.before, 'x'.repeat(50));
    assert.equal(e.cutStart, false);
  });

  it('without a match is the start of the text', () => {
    assert.deepEqual(excerpt('abcdef', null, 4), { before: 'abcd', match: '', after: '', cutStart: false, cutEnd: true });
  });
});
