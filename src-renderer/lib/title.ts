/** The window title names the view first, so the taskbar and window switcher say where you are. */
export function setTitle(...parts: string[]): void {
  document.title = [...parts, 'Backpressure'].join(' — ');
}
