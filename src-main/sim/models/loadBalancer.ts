/**
 * Load balancer: a light station whose policy decides which instance of the
 * next hop gets each request (round robin, least connections, random).
 */
import { z } from 'zod';
import { oneOf } from '../fields';
import { POLICY_LEAST_CONNECTIONS, POLICY_RANDOM, POLICY_ROUND_ROBIN, type StationPlan } from '../plan';
import { baseStation, commonFields, concurrencyField, kindLiteral } from './common';
import { defineKind } from './kind';
import { NO_ERRORS } from './sources';

const settings = {
  loadBalancerPolicy: { value: 'roundRobin', source: 'assumption: the usual default of managed balancers' },
} as const;

const POLICIES = { roundRobin: POLICY_ROUND_ROBIN, leastConnections: POLICY_LEAST_CONNECTIONS, random: POLICY_RANDOM } as const;

export const loadBalancer = defineKind({
  kind: 'loadBalancer',
  traits: [],
  defaults: {
    serviceTime: { value: { distribution: 'exponential', meanMs: 0.2 }, source: 'assumption: an L7 balancer adds well under a millisecond' },
    baseLatencyMs: { value: 0.3, source: 'assumption: one extra network hop inside a data centre' },
    concurrency: { value: 1000, source: 'assumption: event-driven proxies hold thousands of requests at once' },
    costPerInstancePerMonth: { value: 20, source: 'assumption: a managed L7 balancer lists at ~$0.0225/h plus usage' },
    errorRate: NO_ERRORS,
  },
  settings,
  palette: {
    label: 'Load balancer',
    purpose: 'Spreads requests over the instances behind it.',
    maxInstances: 4,
    options: [
      {
        key: 'policy',
        label: 'Policy',
        help: 'How the next instance is picked.',
        type: 'choice',
        choices: [
          { value: 'roundRobin', label: 'Round robin' },
          { value: 'leastConnections', label: 'Least connections' },
        ],
        default: settings.loadBalancerPolicy.value,
      },
    ],
  },
  schema: z.strictObject({
    kind: kindLiteral('loadBalancer'),
    ...commonFields,
    concurrency: concurrencyField,
    policy: oneOf(['roundRobin', 'leastConnections', 'random']).optional(),
  }),
  toStation(id, index, c): StationPlan {
    const station = baseStation(loadBalancer, id, index, c, c.concurrency);
    station.balancing = POLICIES[c.policy ?? settings.loadBalancerPolicy.value];
    return station;
  },
});
