import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { availableRanges, chartLines, chartRows, lastValues, samplesWithValues } from '@/components/charts/time-series-data';
import type { HistoryResponse } from '@/lib/api/history';
import { axisTicks, formatAxisTick, formatRate, formatUnit, formatUnitExact } from '@/lib/format/units';

const MIN = 60_000;

function answer(partial: Partial<HistoryResponse>): HistoryResponse {
  return { range: '1h', fromMs: 0, toMs: 60 * MIN, stepMs: 10_000, source: 'memory', dataSince: null, series: [], ...partial };
}

describe('units on history charts', () => {
  test('rates keep one decimal below ten and abbreviate large ones', () => {
    assert.equal(formatRate(0.35), '0.4');
    assert.equal(formatRate(0), '0');
    assert.equal(formatRate(12.6), '13');
    assert.equal(formatRate(12_345), '12.3K');
    assert.equal(formatUnit(2.5, 'messages/s'), '2.5 msg/s');
  });

  test('bytes use binary units, seconds read as durations, counts as whole numbers', () => {
    assert.equal(formatUnit(1536, 'bytes/s'), '1.5 KiB/s');
    assert.equal(formatUnit(15 * 1024 ** 2, 'bytes'), '15 MiB');
    assert.equal(formatUnit(200, 'seconds'), '3 min 20 s');
    assert.equal(formatUnit(2.6, 'count'), '3');
    assert.equal(formatUnit(12_345, 'messages'), '12.3K');
    assert.equal(formatUnit(null, 'count'), '—');
  });

  test('tooltips give every digit with the unit', () => {
    assert.equal(formatUnitExact(12_345.67, 'messages/s'), '12,345.7 msg/s');
    assert.equal(formatUnitExact(1_572_864, 'bytes/s'), '1,572,864 bytes/s (1.5 MiB/s)');
    assert.equal(formatUnitExact(200, 'seconds'), '200 s (3 min 20 s)');
    assert.equal(formatUnitExact(1608, 'messages'), '1,608 messages');
    assert.equal(formatUnitExact(null, 'count'), 'no sample');
  });
});

describe('history chart axes', () => {
  test('ticks carry no unit words except bytes', () => {
    assert.equal(formatAxisTick(0.25, 'messages/s'), '0.25');
    assert.equal(formatAxisTick(12_345, 'messages/s'), '12.3K');
    assert.equal(formatAxisTick(20 * 1024, 'bytes/s'), '20 KiB');
    assert.equal(formatAxisTick(3, 'count'), '3');
  });

  test('axis ticks are round in the unit and reach the maximum', () => {
    const KiB = 1024;
    assert.deepEqual(axisTicks(77 * KiB, 'bytes'), [0, 20, 40, 60, 80].map((n) => n * KiB));
    assert.deepEqual(axisTicks(3 * KiB * KiB, 'bytes/s'), [0, 1, 2, 3].map((n) => n * KiB * KiB));
    assert.deepEqual(axisTicks(500, 'bytes'), [0, 1, 2, 3, 4].map((n) => n * KiB));
    assert.deepEqual(axisTicks(1608, 'messages'), [0, 500, 1000, 1500, 2000]);
    assert.deepEqual(axisTicks(3, 'count'), [0, 1, 2, 3]);
    assert.deepEqual(axisTicks(0, 'count'), [0, 1]);
    assert.deepEqual(axisTicks(0.3, 'messages/s'), [0, 0.5, 1]);
    assert.deepEqual(axisTicks(37, 'messages/s'), [0, 10, 20, 30, 40]);
    assert.deepEqual(axisTicks(1608, 'seconds'), [0, 600, 1200, 1800]);
  });
});

describe('history chart data', () => {
  const history = answer({
    dataSince: 10_000,
    series: [
      { metric: 'group.lag', label: 'payments', unit: 'messages', points: [[10_000, 5], [20_000, null], [30_000, 7]] },
      { metric: 'group.lag', label: 'orders', unit: 'messages', points: [[10_000, 1], [20_000, 2]] },
      { metric: 'group.lag-seconds', label: 'orders', unit: 'seconds', points: [[10_000, 3], [20_000, 4], [30_000, 0]] },
    ],
  });

  test('one line per label, named by it, with the same colour for a topic in every panel', () => {
    const lag = chartLines(history, { 'group.lag': { label: 'Lag', color: '#000' } });
    const seconds = chartLines(history, { 'group.lag-seconds': { label: 'Lag', color: '#000' } });
    assert.deepEqual(lag.map((l) => [l.key, l.name]), [['group.lag:payments', 'payments'], ['group.lag:orders', 'orders']]);
    assert.equal(seconds[0].color, lag.find((l) => l.name === 'orders')!.color);
    assert.notEqual(lag[0].color, lag[1].color);
  });

  test('rows by time, missing points and null samples as gaps, the newest value per line', () => {
    const lines = chartLines(history, { 'group.lag': { label: 'Lag', color: '#000' } });
    const rows = chartRows(history, lines);
    assert.deepEqual(rows, [
      { t: 10_000, 'group.lag:payments': 5, 'group.lag:orders': 1 },
      { t: 20_000, 'group.lag:payments': null, 'group.lag:orders': 2 },
      { t: 30_000, 'group.lag:payments': 7, 'group.lag:orders': null },
    ]);
    assert.deepEqual(lastValues(rows, lines), { 'group.lag:payments': 7, 'group.lag:orders': 2 });
    assert.equal(samplesWithValues(rows, lines), 3);
  });

  test('an unlabelled metric takes its style', () => {
    const h = answer({ series: [{ metric: 'cluster.brokers-online', label: null, unit: 'count', points: [[0, 3]] }] });
    assert.deepEqual(chartLines(h, { 'cluster.brokers-online': { label: 'Brokers online', color: '#16a34a' } }).map((l) => [l.key, l.name, l.color]), [
      ['cluster.brokers-online', 'Brokers online', '#16a34a'],
    ]);
  });

  test('a range is offered only once there is data from before the next smaller range', () => {
    assert.deepEqual([...availableRanges(answer({ dataSince: null }))], ['15m']);
    assert.deepEqual([...availableRanges(undefined)], ['15m']);
    assert.deepEqual([...availableRanges(answer({ toMs: 60 * MIN, dataSince: 50 * MIN }))], ['15m']);
    assert.deepEqual([...availableRanges(answer({ toMs: 60 * MIN, dataSince: 40 * MIN }))], ['15m', '1h']);
    assert.deepEqual([...availableRanges(answer({ toMs: 600 * MIN, dataSince: 0 }))], ['15m', '1h', '6h', '24h']);
  });
});
