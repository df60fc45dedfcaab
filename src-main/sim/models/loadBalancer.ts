/**
 * Load balancer: a light station whose policy decides which instance of the
 * next hop gets each request (round robin, least connections, random).
 */
import { z } from 'zod';
import { SPECIFIC_DEFAULTS } from '../defaults';
import { oneOf } from '../fields';
import { baseStation, commonFields, concurrencyField, kindLiteral } from './common';
import { POLICY_LEAST_CONNECTIONS, POLICY_RANDOM, POLICY_ROUND_ROBIN, type StationPlan } from '../plan';

export const loadBalancerSchema = z.strictObject({
  kind: kindLiteral('loadBalancer'),
  ...commonFields,
  concurrency: concurrencyField,
  policy: oneOf(['roundRobin', 'leastConnections', 'random']).optional(),
});

const POLICIES = { roundRobin: POLICY_ROUND_ROBIN, leastConnections: POLICY_LEAST_CONNECTIONS, random: POLICY_RANDOM } as const;

export function loadBalancerStation(id: string, index: number, c: z.output<typeof loadBalancerSchema>): StationPlan {
  const station = baseStation('loadBalancer', id, index, c, c.concurrency);
  station.balancing = POLICIES[c.policy ?? SPECIFIC_DEFAULTS.loadBalancerPolicy.value];
  return station;
}
