import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FilterError, parseRegex } from '@/lib/messages/filter';
import { compileSafeRegex, linearRegexEngine } from '@/lib/kafka/messages/safe-regex';

describe('safe regex', () => {
  it('accepts the regular subset and matches like JavaScript', () => {
    const cases: [string, string, string, boolean][] = [
      ['^user-\\d+$', '', 'user-42', true],
      ['^user-\\d+$', '', 'user-x', false],
      ['[a-f0-9]{8}', '', 'id=deadbeef', true],
      ['(?:ab|cd){2}', '', 'xxcdabyy', true],
      ['colou?r', '', 'color', true],
      ['a.c', 's', 'a\nc', true],
      ['^b$', 'm', 'a\nb\nc', true],
      ['\\bfoo\\b', '', 'a foo b', true],
      ['(?<year>\\d{4})-\\d\\d', '', '2024-05', true],
      ['[^\\s]+@[^\\s]+', '', 'mail: a@b.c', true],
      ['\\u00e9t\\xe9', '', 'été', true],
      ['\\.\\*\\[\\]\\{\\}', '', '.*[]{}', true],
    ];
    for (const [pattern, flags, input, expected] of cases) {
      assert.equal(compileSafeRegex(pattern, flags).test(input), expected, `${pattern} on ${input}`);
    }
  });

  it('expands case-insensitivity into classes, letters and ranges included', () => {
    assert.equal(compileSafeRegex('^user-[a-c]+$', 'i').test('USER-AbC'), true);
    assert.equal(compileSafeRegex('^user-[a-c]+$', 'i').test('USER-AbD'), false);
    assert.equal(compileSafeRegex('[^x]', 'i').test('X'), false);
    assert.equal(compileSafeRegex('ÉTÉ', 'i').test('été'), true);
    assert.equal(parseRegex('ab', 'i').flags, '');
    assert.equal(parseRegex('ab', 'i').source, '[aA][bB]');
  });

  it('rejects what cannot run in linear time, and bad syntax, with a reason', () => {
    const bad: [string, RegExp][] = [
      ['(a)\\1', /Backreferences/],
      ['(?=x)', /Lookahead/],
      ['(?<!x)y', /lookbehind/],
      ['\\p{L}', /property escapes/],
      ['a{2000}', /limited to 1000/],
      ['((a{100}){100}){10}', /too complex/],
      ['(abc', /Missing "\)"/],
      ['[abc', /Missing "\]"/],
      ['*a', /Nothing to repeat/],
      ['a**', /Nothing to repeat/],
      ['[z-a]', /out of order/],
      ['\\q', /Unknown escape/],
      ['x'.repeat(201), /longer than 200/],
      ['', /empty/],
    ];
    for (const [pattern, reason] of bad) {
      assert.throws(() => compileSafeRegex(pattern), (e: unknown) => e instanceof FilterError && reason.test(e.message), pattern);
    }
  });

  it('runs catastrophic patterns in bounded time', () => {
    assert.equal(linearRegexEngine(), true, 'this Node has the linear regex engine');
    const evil: [string, string][] = [
      ['(a+)+b', 'a'.repeat(50_000)],
      ['(a|aa)+$', `${'a'.repeat(50_000)}!`],
      ['(x+x+)+y', 'x'.repeat(50_000)],
      ['^(\\w+\\s?)*$', `${'word '.repeat(5_000)}!`],
    ];
    for (const [pattern, input] of evil) {
      const started = Date.now();
      assert.equal(compileSafeRegex(pattern).test(input), false);
      assert.ok(Date.now() - started < 2000, `${pattern} took ${Date.now() - started} ms`);
    }
  });
});
