/**
 * What turning a design into a model yields: the model (or null while the
 * design cannot run), the problems found, each workload's path, and which
 * component does each step. Grading, terms, hints and conditions all read it.
 */
import type { ComponentKind } from '../sim/defaults';
import type { ModelInput } from '../sim/types';
import type { DesignProblem } from './types';

export interface StepAssignment {
  workload: string;
  step: string;
  componentId: string;
  kind: ComponentKind;
  mustFinishFirst: boolean;
  inBackground: boolean;
}

export interface ModelBuild {
  model: ModelInput | null;
  problems: DesignProblem[];
  paths: Record<string, { hops: string[]; asyncFrom: number | null }>;
  assignments: StepAssignment[];
  /** Each component's name as the learner sees it on the canvas (componentNames.ts). */
  names: Map<string, string>;
}

/** A component's name for learner text; the id only for something the design does not hold. */
export const nameIn = (build: Pick<ModelBuild, 'names'>, id: string): string => build.names.get(id) ?? id;
