/**
 * The job record: a job is one attempt at a user request, or one background
 * message. Each job has JOB_INTS integers and JOB_FLOATS numbers, side by
 * side in one array of small integers and one of doubles (job j's integers start at
 * j << JOB_INT_SHIFT), so a job's fields share cache lines.
 */
export const JOB_INT_SHIFT = 4;
export const JOB_FLOAT_SHIFT = 2;

/** The user request of an attempt (NONE for a background message). */
export const J_REQ = 0;
export const J_WORKLOAD = 1;
/** Where the job is in its workload's path. */
export const J_HOP = 2;
export const J_ATTEMPT_ID = 3;
/** The queue (instance) serving it. */
export const J_QUEUE = 4;
/** Next job in the same FIFO (station queue or row-lock queue). */
export const J_NEXT = 5;
/** The row it locks, or NONE. */
export const J_ROW = 6;
/** After a cache miss: the cache to fill, the key, and the hop at which the skipped hops are done. */
export const J_FILL_STATION = 7;
export const J_FILL_KEY = 8;
export const J_FILL_HOP = 9;
/** For a background message: the queue (station) it counts in while it waits, or NONE. */
export const J_FROM_QUEUE = 10;
/** For a background message: the hop it goes back to on a retry, and its tries so far. */
export const J_RETRY_HOP = 11;
export const J_TRIES = 12;
/** Where the job is among all workloads' hops: its workload's first hop plus J_HOP (so a handler reads the hop's tables directly). */
export const J_GH = 13;
/** The servers the job keeps while it goes on (a caller waiting for its call): the head of its list in HeldServers, or NONE. */
export const J_HELD = 14;
/** For a background message of a workload whose effects may repeat: the side-effect bits (HopTable.effects) done in its deliveries so far. */
export const J_EFFECTS = 15;

export const JF_ARRIVE = 0;
export const JF_START = 1;
/** When the message (or attempt) started, for asynchronous completion times. */
export const JF_MSG_START = 2;
/** For a background message: the id of its delivery while a visibility timeout runs on it, 0 without one, -1 once delivered again (it carries on, superseded). */
export const JF_DELIVERY = 3;
