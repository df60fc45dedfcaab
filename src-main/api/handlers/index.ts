import type { AppInfo } from '../contract';
import type { HandlerTable } from '../dispatch';
import type { AppContext } from './context';
import { describeRecovery } from '../../progress/recovery';
import { lessonHandlers } from './lessons';
import { progressHandlers } from './progress';
import { simulationHandlers } from './simulation';
import { scenarioHandlers } from './scenarios';
import type { SimulationPool } from '../../simPool/pool';

export type { AppContext } from './context';

/** The one table of API implementations; a method missing here is a type error. */
export function createHandlers(ctx: AppContext, simulationPool: () => SimulationPool): HandlerTable {
  return {
    appInfo: (): AppInfo => ({
      name: 'Backpressure',
      version: ctx.version,
      transport: ctx.transport,
      // Only the desktop window learns where progress is kept; browser mode prints it to its own console instead.
      ...(ctx.transport === 'ipc' ? { databaseFile: ctx.databaseFile } : {}),
      lessonsFolder: ctx.lessonsFolder,
      ...(ctx.recovery ? { startupNotice: describeRecovery(ctx.recovery, ctx.transport === 'ipc') } : {}),
    }),
    ...lessonHandlers(ctx),
    ...progressHandlers(ctx),
    ...simulationHandlers(simulationPool),
    ...scenarioHandlers(ctx, simulationPool),
  };
}
