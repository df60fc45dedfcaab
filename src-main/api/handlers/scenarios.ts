/** Scenario methods: the catalogue, drafts, the designer's live check, graded runs and attempts. */
import type { AttemptSummary, Design, DesignCheck, ParsedInputOf, ScenarioDocument, ScenarioList, ScenarioRunResult } from '../contract';
import { ApiFailure } from '../errors';
import { listLessons } from '../../content/lessons';
import { loadScenarios, type LoadedScenario } from '../../scenarios/loadScenarios';
import { scenarioDocument, scenarioSummary } from '../../scenarios/scenarioDocument';
import { checkDesign, DesignFileError, importDesignText, isReferenceDesign, readDesign, templateDesign } from '../../scenarios/designs';
import { attemptStats, getAttempt, listAttempts, loadDraft, recordAttempt, saveDraft } from '../../progress/scenarioAttempts';
import type { SimulationPool } from '../../simPool/pool';
import type { AppContext } from './context';
import { runOnPool, runOptions } from './poolRuns';

function requireScenario(ctx: AppContext, id: string): LoadedScenario {
  const set = loadScenarios(ctx.scenariosFolder);
  const found = set.scenarios.find((s) => s.id === id);
  if (found) return found;
  const broken = set.problems.find((p) => p.file.replace(/\.ya?ml$/, '') === id);
  if (broken) throw new ApiFailure('bad_content', broken.message);
  throw new ApiFailure('not_found', `There is no scenario "${id}".`);
}

/** A design from the renderer or a file: format errors are the caller's invalid input. */
function designFrom(scenario: LoadedScenario, value: unknown, field = 'design'): Design {
  try {
    return readDesign(scenario, value, field);
  } catch (err) {
    if (err instanceof DesignFileError) throw new ApiFailure('invalid_input', err.message, [{ path: err.field ? `${field}.${err.field}` : field, message: err.message }]);
    throw err;
  }
}

export function scenarioHandlers(ctx: AppContext, pool: () => SimulationPool) {
  return {
    listScenarios(): ScenarioList {
      const set = loadScenarios(ctx.scenariosFolder);
      const stats = attemptStats(ctx.db);
      return {
        scenarios: set.scenarios.map((s) => {
          const st = stats.get(s.id);
          return { ...scenarioSummary(s), attempts: st?.attempts ?? 0, best: st?.best ?? null, passed: st?.passed ?? false, referencePassed: st?.referencePassed ?? false };
        }),
        problems: set.problems,
      };
    },

    getScenario({ id }: ParsedInputOf<'getScenario'>): ScenarioDocument {
      const scenario = requireScenario(ctx, id);
      const lessons = listLessons(ctx.lessonsFolder).lessons;
      return scenarioDocument(scenario, (lessonId) => lessons.find((l) => l.id === lessonId)?.title ?? null);
    },

    getDraft({ scenarioId }: ParsedInputOf<'getDraft'>): { design: Design; savedAt: string | null } {
      const scenario = requireScenario(ctx, scenarioId);
      const draft = loadDraft(ctx.db, scenarioId);
      if (draft) {
        try {
          return { design: readDesign(scenario, draft.design, 'saved draft'), savedAt: draft.savedAt };
        } catch {
          // A draft the scenario no longer accepts (the file changed) is kept in the database but not offered.
        }
      }
      return { design: templateDesign(scenario, 'starting'), savedAt: null };
    },

    saveDraft({ scenarioId, design }: ParsedInputOf<'saveDraft'>): { savedAt: string } {
      const scenario = requireScenario(ctx, scenarioId);
      return { savedAt: saveDraft(ctx.db, designFrom(scenario, design), ctx.now()) };
    },

    getTemplate({ scenarioId, which }: ParsedInputOf<'getTemplate'>): { design: Design } {
      return { design: templateDesign(requireScenario(ctx, scenarioId), which) };
    },

    checkDesign({ scenarioId, design }: ParsedInputOf<'checkDesign'>): DesignCheck {
      const scenario = requireScenario(ctx, scenarioId);
      return checkDesign(scenario, designFrom(scenario, design));
    },

    importDesign({ scenarioId, text }: ParsedInputOf<'importDesign'>): { design: Design } {
      const scenario = requireScenario(ctx, scenarioId);
      try {
        return { design: importDesignText(scenario, text) };
      } catch (err) {
        if (err instanceof DesignFileError) throw new ApiFailure('invalid_input', err.message, [{ path: err.field ? `text.${err.field}` : 'text', message: err.message }]);
        throw err;
      }
    },

    async runScenario({ scenarioId, design, seed, drill, requestKey }: ParsedInputOf<'runScenario'>): Promise<ScenarioRunResult> {
      const scenario = requireScenario(ctx, scenarioId);
      const checked = designFrom(scenario, design);
      if (drill && !scenario.drills?.some((d) => d.id === drill)) {
        throw new ApiFailure('invalid_input', `drill: expected one of: ${(scenario.drills ?? []).map((d) => d.id).join(', ') || '(none)'}`, [{ path: 'drill', message: 'unknown drill' }]);
      }
      // The worker builds and validates the model once; a design that cannot run comes back as invalid input.
      const run = await runOnPool(pool(), 'scenario', { scenario, design: checked, drill: drill ?? null }, runOptions(seed ?? 1, requestKey), 'design');
      const saved = recordAttempt(ctx.db, run, checked, ctx.now(), isReferenceDesign(scenario, checked));
      return { ...run, attemptId: saved.id, at: saved.at };
    },

    listAttempts({ scenarioId }: ParsedInputOf<'listAttempts'>): { attempts: AttemptSummary[] } {
      requireScenario(ctx, scenarioId);
      return { attempts: listAttempts(ctx.db, scenarioId) };
    },

    getAttempt({ id }: ParsedInputOf<'getAttempt'>): { run: ScenarioRunResult; design: Design } {
      const found = getAttempt(ctx.db, id);
      if (!found) throw new ApiFailure('not_found', `There is no attempt ${id}.`);
      return found;
    },
  };
}
