/** A scenario as search sees it: its story under its title, and its briefing. */
import type { SearchSection } from '../content/search';
import type { ScenarioSpec } from './scenarioSchema';

export function scenarioSections(s: ScenarioSpec): SearchSection[] {
  const base = { kind: 'scenario' as const, id: s.id, title: s.title };
  return [
    { ...base, sectionId: null, sectionTitle: null, text: `${s.summary} ${s.story} ${s.category}` },
    {
      ...base,
      sectionId: 'briefing',
      sectionTitle: 'Briefing',
      text: [s.briefing.concept, ...s.briefing.keyPoints, ...(s.interviewQuestions ?? [])].join(' '),
    },
  ];
}
