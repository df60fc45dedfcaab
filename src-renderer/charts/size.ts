// Charts follow their container's width; Svelte re-renders and D3 re-joins on change.
export function observeWidth(node: HTMLElement, onwidth: (width: number) => void) {
  const observer = new ResizeObserver((entries) => {
    const width = entries[0]?.contentRect.width;
    if (width !== undefined) onwidth(Math.floor(width));
  });
  observer.observe(node);
  return { destroy: () => observer.disconnect() };
}
