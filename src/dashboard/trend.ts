/** The findings trend: per day, the findings of each repository's last snapshot of that day; per repository, now and before. */
import type pg from 'pg';
import type { RepositoryTrend, TrendDay } from './html.js';

export async function findingsTrend(pool: pg.Pool, repositories: readonly string[], days = 30): Promise<{ days: TrendDay[]; repositories: RepositoryTrend[] }> {
  const perDay = await pool.query<{ day: string; findings: number; repositories: number }>(
    `select to_char(day, 'YYYY-MM-DD') as day, sum(findings)::int as findings, count(*)::int as repositories from (
       select distinct on (s.repository_id, date_trunc('day', s.indexed_at)) date_trunc('day', s.indexed_at) as day, s.findings
       from snapshots s join repositories r on r.id = s.repository_id
       where r.full_name = any($1) and s.indexed_at > now() - make_interval(days => $2)
       order by s.repository_id, date_trunc('day', s.indexed_at), s.indexed_at desc
     ) x group by day order by day`,
    [repositories, days],
  );
  const perRepo = await pool.query<{ full_name: string; private: boolean; now: number; before: number | null; indexed_at: Date }>(
    `select r.full_name, r.private, cur.findings as now, cur.indexed_at,
            (select p.findings from snapshots p where p.repository_id = r.id and p.indexed_at < cur.indexed_at order by p.indexed_at desc limit 1) as before
     from repositories r join snapshots cur on cur.id = r.current_snapshot
     where r.full_name = any($1) order by cur.findings desc, r.full_name`,
    [repositories],
  );
  return {
    days: perDay.rows,
    repositories: perRepo.rows.map((r) => ({
      repository: r.full_name,
      private: r.private,
      now: r.now,
      before: r.before,
      indexedAt: r.indexed_at.toISOString().slice(0, 16).replace('T', ' '),
    })),
  };
}
