import type { Locator, Page } from '@playwright/test';

// The produce page: /clusters/:cluster/produce (the same form sits in the messages page's panel).
export class ProducePage {
  constructor(readonly page: Page, readonly cluster: string) {}

  goto(search = '') {
    return this.page.goto(`/clusters/${encodeURIComponent(this.cluster)}/produce${search}`);
  }
  field(name: 'topic' | 'partition' | 'key' | 'value' | 'compression' | 'key-null' | 'tombstone'): Locator {
    return this.page.getByTestId(`produce-${name}`);
  }
  format(format: 'json' | 'text'): Locator {
    return this.page.getByTestId(`produce-format-${format}`);
  }
  headerKey(i: number): Locator {
    return this.page.getByTestId(`produce-header-key-${i}`);
  }
  headerValue(i: number): Locator {
    return this.page.getByTestId(`produce-header-value-${i}`);
  }
  get addHeader(): Locator {
    return this.page.getByTestId('produce-add-header');
  }
  get submit(): Locator {
    return this.page.getByTestId('produce-submit');
  }
  error(field: string): Locator {
    return this.page.getByTestId(`produce-error-${field}`);
  }
  /** The line that says what the key and value will be sent as. */
  get sends(): Locator {
    return this.page.getByTestId('produce-sends');
  }
  get result(): Locator {
    return this.page.getByTestId('produce-result');
  }
  get resultPartition(): Locator {
    return this.page.getByTestId('produce-result-partition');
  }
  get resultOffset(): Locator {
    return this.page.getByTestId('produce-result-offset');
  }
}
