import type { MenuItemConstructorOptions } from 'electron';

export const menuRoutes = [
  { label: 'Home', route: '#/', accelerator: 'CmdOrCtrl+1' },
  { label: 'Library', route: '#/library', accelerator: 'CmdOrCtrl+2' },
  { label: 'Scenarios', route: '#/scenarios', accelerator: 'CmdOrCtrl+3' },
  { label: 'Progress', route: '#/progress', accelerator: 'CmdOrCtrl+4' },
] as const;

/** The usual roles, plus a Go menu that moves the window between the app's views. */
export function menuTemplate(isMac: boolean, go: (route: string) => void): MenuItemConstructorOptions[] {
  const goMenu: MenuItemConstructorOptions = {
    label: 'Go',
    submenu: menuRoutes.map(({ label, route, accelerator }) => ({ label, accelerator, click: () => go(route) })),
  };
  return [
    ...(isMac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    goMenu,
    { role: 'viewMenu' },
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ label: 'About Backpressure', role: 'about' }] },
  ];
}
