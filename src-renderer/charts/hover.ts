// The sample under the pointer, for the charts' hover readouts.
import { bisector, type ScaleLinear } from 'd3';

/**
 * The index of the item nearest the pointer along the x axis, or null when the pointer is
 * off the plot (left of `left` or past `left + innerWidth` in the svg) or there is nothing.
 */
export function pointerIndex<T>(event: PointerEvent, left: number, innerWidth: number, x: ScaleLinear<number, number>, items: readonly T[], at: (item: T) => number): number | null {
  const svg = event.currentTarget as SVGSVGElement;
  const px = event.clientX - svg.getBoundingClientRect().left - left;
  if (px < 0 || px > innerWidth || items.length === 0) return null;
  return bisector<T, number>(at).center(items, x.invert(px));
}
