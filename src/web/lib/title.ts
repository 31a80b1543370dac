import { useEffect } from 'react';

/** Sets the browser tab title for the page, so screen readers and history name it. */
export function useTitle(title: string) {
  useEffect(() => {
    document.title = title ? `${title} · Tandem` : 'Tandem';
  }, [title]);
}
