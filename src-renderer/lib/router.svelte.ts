// Hash routing: the Electron menu navigates by loading '#/...', so the hash is the
// single source of truth and the router only listens to it.
export type Route =
  | { name: 'home' }
  | { name: 'library' }
  | { name: 'lesson'; id: string }
  | { name: 'scenarios' }
  | { name: 'scenario'; id: string; tab: ScenarioTab }
  | { name: 'attempt'; id: string; attemptId: number }
  | { name: 'compare'; id: string; a: number; b: number }
  | { name: 'progress' }
  | { name: 'unknown'; path: string };

export type ScenarioTab = 'briefing' | 'design' | 'attempts';

export type Section = 'home' | 'library' | 'scenarios' | 'progress';

export function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  if (path === '/' || path === '') return { name: 'home' };
  if (path === '/library') return { name: 'library' };
  if (path === '/scenarios') return { name: 'scenarios' };
  if (path === '/progress') return { name: 'progress' };
  const lesson = /^\/lesson\/([^/?#]+)$/.exec(path);
  if (lesson?.[1]) return { name: 'lesson', id: decodeURIComponent(lesson[1]) };
  const scenario = /^\/scenarios\/([^/?#]+)(?:\/(design|attempts))?$/.exec(path);
  if (scenario?.[1]) return { name: 'scenario', id: decodeURIComponent(scenario[1]), tab: (scenario[2] as ScenarioTab | undefined) ?? 'briefing' };
  const attempt = /^\/scenarios\/([^/?#]+)\/attempts\/(\d{1,12})$/.exec(path);
  if (attempt?.[1] && attempt[2]) return { name: 'attempt', id: decodeURIComponent(attempt[1]), attemptId: Number(attempt[2]) };
  const compare = /^\/scenarios\/([^/?#]+)\/compare\/(\d{1,12})\/(\d{1,12})$/.exec(path);
  if (compare?.[1] && compare[2] && compare[3]) return { name: 'compare', id: decodeURIComponent(compare[1]), a: Number(compare[2]), b: Number(compare[3]) };
  return { name: 'unknown', path };
}

export const href = {
  home: '#/',
  library: '#/library',
  scenarios: '#/scenarios',
  progress: '#/progress',
  lesson: (id: string) => `#/lesson/${encodeURIComponent(id)}`,
  scenario: (id: string, tab: ScenarioTab = 'briefing') => `#/scenarios/${encodeURIComponent(id)}${tab === 'briefing' ? '' : `/${tab}`}`,
  attempt: (id: string, attemptId: number) => `#/scenarios/${encodeURIComponent(id)}/attempts/${attemptId}`,
  compare: (id: string, a: number, b: number) => `#/scenarios/${encodeURIComponent(id)}/compare/${a}/${b}`,
} as const;

/** The sidebar section a route belongs to; a lesson lives in the Library. */
export function sectionOf(route: Route): Section | null {
  switch (route.name) {
    case 'lesson':
      return 'library';
    case 'scenario':
    case 'attempt':
    case 'compare':
      return 'scenarios';
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
