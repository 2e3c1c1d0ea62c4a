import type { Locator } from '@playwright/test';

// A history chart (components/charts/time-series-chart.tsx), read through its data attributes:
// how many samples it draws and each line's newest value, keyed "metric" or "metric:label".
export class HistoryChart {
  constructor(readonly root: Locator) {}

  async points(): Promise<number> {
    return Number((await this.root.getAttribute('data-points')) ?? 0);
  }

  async last(): Promise<Record<string, number | null>> {
    return JSON.parse((await this.root.getAttribute('data-last')) ?? '{}') as Record<string, number | null>;
  }

  /** One line's newest value; undefined while the chart has no such line. */
  async lastOf(key: string): Promise<number | null | undefined> {
    if (!(await this.root.isVisible())) return undefined;
    return (await this.last())[key];
  }

  range(range: '15m' | '1h' | '6h' | '24h'): Locator {
    return this.root.locator(`[data-testid$="-range-${range}"]`);
  }

  get caption(): Locator {
    return this.root.locator('[data-testid$="-caption"]');
  }
}
