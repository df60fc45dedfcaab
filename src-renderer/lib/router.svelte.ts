// Hash routing: the Electron menu navigates by loading '#/...', so the hash is the
// single source of truth and the router only listens to it.
export type Route =
  | { name: 'home' }
  | { name: 'library' }
  | { name: 'lesson'; id: string }
  | { name: 'scenarios' }
  | { name: 'progress' }
  | { name: 'unknown'; path: string };

export type Section = 'home' | 'library' | 'scenarios' | 'progress';

export function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  if (path === '/' || path === '') return { name: 'home' };
  if (path === '/library') return { name: 'library' };
  if (path === '/scenarios') return { name: 'scenarios' };
  if (path === '/progress') return { name: 'progress' };
  const lesson = /^\/lesson\/([^/?#]+)$/.exec(path);
  if (lesson?.[1]) return { name: 'lesson', id: decodeURIComponent(lesson[1]) };
  return { name: 'unknown', path };
}

export const href = {
  home: '#/',
  library: '#/library',
  scenarios: '#/scenarios',
  progress: '#/progress',
  lesson: (id: string) => `#/lesson/${encodeURIComponent(id)}`,
} as const;

/** The sidebar section a route belongs to; a lesson lives in the Library. */
export function sectionOf(route: Route): Section | null {
  switch (route.name) {
    case 'lesson':
      return 'library';
    case 'unknown':
      return null;
    default:
      return route.name;
  }
}

class Router {
  route = $state<Route>(parseHash(typeof location === 'undefined' ? '' : location.hash));

  start(): () => void {
    const update = () => {
      // In-page anchors ('#some-heading') are not routes; the views handle those clicks.
      if (location.hash && !location.hash.startsWith('#/')) return;
      this.route = parseHash(location.hash);
    };
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }

  go(to: string): void {
    if (location.hash === to) return;
    location.hash = to;
  }
}

export const router = new Router();
