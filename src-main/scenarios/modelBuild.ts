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
}
