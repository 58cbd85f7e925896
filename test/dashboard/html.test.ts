/** The dashboard's HTML: untrusted text (tag values, key names from pull requests) is escaped everywhere it is shown. */
import { describe, expect, it } from 'vitest';
import { graphPage, keysPage, trendPage } from '../../src/dashboard/html.js';
import type { OrgReport } from '../../src/index/report.js';

const HOSTILE = '<img src=x onerror="alert(1)">';

const report: OrgReport = {
  repositories: [{ repository: 'acme/a', commit: 'c1', private: false, indexedAt: '2026-01-01T00:00:00Z', keys: 1, consumers: 1, findings: 0 }],
  keys: [
    {
      name: `alias alias/x${HOSTILE} (account not known)`,
      account: null,
      region: null,
      aliases: [`alias/x${HOSTILE}`],
      consumers: 2,
      repositories: ['acme/a', 'acme/b'].map((repository) => ({
        repository,
        commit: 'c1',
        private: false,
        keys: ['k'],
        declares: false,
        consumers: 1,
        environments: [HOSTILE],
        workloads: ['w'],
        dataClasses: [],
        services: ['sqs'],
      })),
    },
  ],
};

describe('dashboard pages', () => {
  it('escape what the repositories wrote, on every page', () => {
    for (const html of [
      keysPage(report, 'mona', HOSTILE, 100),
      graphPage(report, 'mona'),
      trendPage([], [{ repository: HOSTILE, private: false, now: 1, before: 0, indexedAt: 'now' }], HOSTILE),
    ]) {
      expect(html).not.toContain('<img');
      expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
    }
  });

  it('say what is not known, and what is beyond the page', () => {
    const html = keysPage({ ...report, keys: [report.keys[0], report.keys[0]] }, 'mona', '', 1);
    expect(html).toContain('<h2 id="place-account-not-known-region-not-known">account not known · region not known</h2>');
    expect(html).toContain('<span class="muted">unknown</span>');
    expect(html).toContain('1 more key: narrow the search to see them.');
  });
});
