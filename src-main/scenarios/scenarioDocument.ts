/** A loaded scenario as the renderer sees it: the briefing, the palette, the workloads; never the hints' conditions. */
import type { LoadedScenario } from './loadScenarios';
import { paletteEntry } from './palette';
import { trafficCurve } from './trafficCurve';
import type { ComponentKind } from '../sim/defaults';
import type { ScenarioDocument, ScenarioSummary } from './types';
import { termUnit } from './terms';
import { backgroundWithinMinutes } from './designToModel';

export function scenarioSummary(s: LoadedScenario): ScenarioSummary {
  return {
    id: s.id,
    title: s.title,
    category: s.category,
    difficulty: s.difficulty,
    summary: s.summary,
    contract: {
      uptimePct: s.contract.uptimePct,
      p95Ms: s.contract.p95Ms,
      budgetPerMonth: s.contract.budgetPerMonth,
      extra: (s.contract.extra ?? []).map((t) => ({ id: t.id, label: t.label, comparison: t.max !== undefined ? ('max' as const) : ('min' as const), target: (t.max ?? t.min)!, unit: termUnit(t.metric) })),
    },
    file: s.file,
  };
}

export function scenarioDocument(s: LoadedScenario, lessonTitle: (id: string) => string | null): ScenarioDocument {
  return {
    ...scenarioSummary(s),
    story: s.story,
    briefing: { concept: s.briefing.concept, keyPoints: [...s.briefing.keyPoints] },
    traffic: {
      baselineUsers: s.traffic.baselineUsers,
      peakUsers: s.traffic.peakUsers,
      shape: s.traffic.shape,
      hours: s.traffic.hours,
      requestsPerUserPerSec: s.traffic.requestsPerUserPerSec,
      curve: trafficCurve(s, 200),
    },
    workloads: s.workloads.map((w) => ({
      id: w.id,
      label: w.label,
      description: w.description,
      share: w.share,
      part: w.part ?? null,
      deadlineMs: w.deadlineMs,
      steps: w.steps.map((st) => ({ label: st.label, doneBy: [...st.doneBy], mustFinishFirst: st.mustFinishFirst ?? false, sideEffect: st.sideEffect ?? null })),
      fallback: w.fallback ? { gives: w.fallback.gives, acceptable: w.fallback.acceptable } : null,
      backgroundWithinMinutes: backgroundWithinMinutes(w),
    })),
    palette: s.offered.map((k) => paletteEntry(k as ComponentKind)),
    fixed: (s.fixed ?? []).map((f) => ({ id: f.id, kind: f.kind as ComponentKind, label: f.label, purpose: f.purpose })),
    interviewQuestions: [...(s.interviewQuestions ?? [])],
    lessons: (s.lessons ?? []).map((id) => ({ id, title: lessonTitle(id) })),
    drills: (s.drills ?? []).map((d) => ({ id: d.id, title: d.title, description: d.description, fromHour: d.fault.fromHour, toHour: d.fault.toHour })),
  };
}
