import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { DEFAULT_SAMPLE_MS, maxTopicSeries, sampleIntervalMs } from '@/lib/kafka/traffic/interval';

// CONSOLE_SAMPLE_MS sets the sampler's interval; CONSOLE_LAG_SAMPLE_MS, its older name, still works.

const saved = { ...process.env };
afterEach(() => {
  for (const name of ['CONSOLE_SAMPLE_MS', 'CONSOLE_LAG_SAMPLE_MS', 'CONSOLE_HISTORY_TOPICS']) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

describe('sampleIntervalMs', () => {
  it('is 10 s by default', () => {
    delete process.env.CONSOLE_SAMPLE_MS;
    delete process.env.CONSOLE_LAG_SAMPLE_MS;
    assert.equal(sampleIntervalMs(), DEFAULT_SAMPLE_MS);
    assert.equal(DEFAULT_SAMPLE_MS, 10_000);
  });

  it('takes CONSOLE_SAMPLE_MS first, then the older CONSOLE_LAG_SAMPLE_MS', () => {
    process.env.CONSOLE_LAG_SAMPLE_MS = '2000';
    assert.equal(sampleIntervalMs(), 2000);
    process.env.CONSOLE_SAMPLE_MS = '500';
    assert.equal(sampleIntervalMs(), 500);
  });

  it('ignores values that are not a number of at least 100 ms', () => {
    process.env.CONSOLE_SAMPLE_MS = '5';
    process.env.CONSOLE_LAG_SAMPLE_MS = 'soon';
    assert.equal(sampleIntervalMs(), DEFAULT_SAMPLE_MS);
  });
});

describe('maxTopicSeries', () => {
  it('reads CONSOLE_HISTORY_TOPICS, a whole number ≥ 0, else the default', () => {
    delete process.env.CONSOLE_HISTORY_TOPICS;
    assert.equal(maxTopicSeries(100), 100);
    process.env.CONSOLE_HISTORY_TOPICS = '0';
    assert.equal(maxTopicSeries(100), 0);
    process.env.CONSOLE_HISTORY_TOPICS = '2.5';
    assert.equal(maxTopicSeries(100), 100);
    process.env.CONSOLE_HISTORY_TOPICS = '999999';
    assert.equal(maxTopicSeries(100), 10_000);
  });
});
