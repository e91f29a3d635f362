import { useCallback, useState } from 'react';

/**
 * The width of an element, followed with a ResizeObserver (whole pixels, so sub-pixel layout
 * jitter re-renders nothing). 0 until the first observation, when the chart draws nothing yet.
 */
export function useWidth(): [ref: (element: HTMLElement | null) => (() => void) | undefined, width: number] {
  const [width, setWidth] = useState(0);
  const ref = useCallback((element: HTMLElement | null) => {
    if (!element) return undefined;
    const observer = new ResizeObserver((entries) => setWidth(Math.round(entries[0]?.contentRect.width ?? 0)));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
