import type { Locator, Page } from '@playwright/test';

// The topic messages page: /clusters/:cluster/topics/:topic/messages (browse, search, live tail,
// produce and replay panels, message detail).
export class MessagesPage {
  constructor(readonly page: Page, readonly cluster: string, readonly topic: string) {}

  goto(search = '') {
    return this.page.goto(`/clusters/${encodeURIComponent(this.cluster)}/topics/${encodeURIComponent(this.topic)}/messages${search}`);
  }
  mode(mode: 'browse' | 'search' | 'tail'): Locator {
    return this.page.getByTestId(`mode-${mode}`);
  }
  start(start: 'latest' | 'earliest' | 'offset' | 'time'): Locator {
    return this.page.getByTestId(`start-${start}`);
  }
  get offsetInput(): Locator {
    return this.page.getByTestId('start-offset-input');
  }
  get timeInput(): Locator {
    return this.page.getByTestId('start-time-input');
  }
  get order(): Locator {
    return this.page.getByTestId('order-select');
  }
  get limit(): Locator {
    return this.page.getByTestId('limit-input');
  }
  partition(p: number | 'all'): Locator {
    return this.page.getByTestId(`partition-${p}`);
  }
  get submit(): Locator {
    return this.page.getByTestId('query-submit');
  }
  get rows(): Locator {
    return this.page.locator('[data-testid^="message-row-"]');
  }
  row(partition: number, offset: number): Locator {
    return this.page.getByTestId(`message-row-${partition}-${offset}`);
  }
  /** "partition-offset" of every row on screen, top to bottom. */
  async rowIds(): Promise<string[]> {
    const ids = await this.rows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid')!.replace('message-row-', '')));
    return ids;
  }
  get loadMore(): Locator {
    return this.page.getByTestId('load-more');
  }
  searchField(name: 'key' | 'value' | 'header' | 'header-value' | 'filter'): Locator {
    return this.page.getByTestId(`search-${name}`);
  }
  searchMode(name: 'key' | 'value' | 'header'): Locator {
    return this.page.getByTestId(`search-${name}-mode`);
  }
  get scanCap(): Locator {
    return this.page.getByTestId('scan-cap-input');
  }
  get progress(): Locator {
    return this.page.getByTestId('search-progress');
  }
  get scanned(): Locator {
    return this.page.getByTestId('search-scanned');
  }
  get matched(): Locator {
    return this.page.getByTestId('search-matched');
  }
  get outcome(): Locator {
    return this.page.getByTestId('search-outcome');
  }
  get tailToggle(): Locator {
    return this.page.getByTestId('tail-toggle');
  }
  get tailStatus(): Locator {
    return this.page.getByTestId('tail-status');
  }
  get orderHint(): Locator {
    return this.page.getByTestId('order-hint');
  }
  get highlights(): Locator {
    return this.page.getByTestId('match-highlight');
  }
  get continueSearch(): Locator {
    return this.page.getByTestId('search-continue');
  }
  get detail(): Locator {
    return this.page.getByTestId('message-detail');
  }
  get selectAll(): Locator {
    return this.page.getByTestId('select-all');
  }
  get openReplay(): Locator {
    return this.page.getByTestId('replay-open');
  }
  replay(name: string): Locator {
    return this.page.getByTestId(`replay-${name}`);
  }
  get openProduce(): Locator {
    return this.page.getByTestId('produce-open');
  }
  fieldError(field: string): Locator {
    return this.page.getByTestId(`produce-error-${field}`);
  }
}
