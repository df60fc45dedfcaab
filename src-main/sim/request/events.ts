/** What the request level's events, outcomes and loop endings are: small integers, so the loop switches on numbers. */
export const EV_ARRIVAL = 0;
export const EV_HOP_READY = 1;
export const EV_SERVICE_DONE = 2;
export const EV_TIMEOUT = 3;
export const EV_RETRY = 4;
export const EV_AUTOSCALE = 5;
export const EV_INSTANCE_READY = 6;
export const EV_WARMUP_END = 7;
export const EV_FALLBACK = 8;
export const EV_VISIBILITY = 9;

export const OUTCOME_SUCCESS = 0;
export const OUTCOME_ERROR = 1;
export const OUTCOME_TIMEOUT = 2;
export const OUTCOME_FALLBACK = 3;

export const LOOP_DONE = 0;
export const LOOP_CANCELLED = 1;
export const LOOP_TRUNCATED = 2;

/** No job, request, row or station. */
export const NONE = -1;
