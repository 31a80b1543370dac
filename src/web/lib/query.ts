import { infiniteQueryOptions, type QueryKey } from '@tanstack/react-query';

/** A list read page by page with the API's cursor (`{ data, nextCursor }`), for useInfiniteQuery. */
export function cursorPages<T extends { nextCursor: string | null }, K extends QueryKey>(queryKey: K, page: (cursor: string | undefined, signal: AbortSignal) => Promise<T>) {
  return infiniteQueryOptions({
    queryKey,
    queryFn: ({ pageParam, signal }) => page(pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
