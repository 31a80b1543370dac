import { useEffect } from 'react';

/**
 * Mirrors a debounced search box into the page's `q` search parameter. The debounce can fire
 * after the person clicked through to a result (that page still loading, this one still
 * mounted): the address is then left alone instead of taking them back to the list.
 */
export function useQueryParamSync(path: string, q: string, current: string | undefined, apply: (q: string | undefined) => void) {
  useEffect(() => {
    if (window.location.pathname !== path) return;
    if ((current ?? '') !== q) apply(q || undefined);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q]);
}
