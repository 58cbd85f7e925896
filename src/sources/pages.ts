/**
 * Every item of a paginated GitHub listing, 100 a page. It follows `link: rel="next"` with explicit
 * page numbers (no trailing empty page is asked for, and every call keeps its route template for
 * the call counter) and stops after `maxPages`, so a runaway listing is never read to its end.
 */
export const PER_PAGE = 100;

export interface Page<T> {
  data: T[];
  headers: { link?: string };
}

export async function allPages<T>(call: (page: number) => Promise<Page<T>>, maxPages: number): Promise<T[]> {
  const all: T[] = [];
  for (let page = 1; page <= maxPages; page++) {
    const { data, headers } = await call(page);
    all.push(...data);
    if (!/rel="next"/.test(headers.link ?? '') || data.length < PER_PAGE) break;
  }
  return all;
}
